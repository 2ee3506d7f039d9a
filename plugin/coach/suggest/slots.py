"""Slots the agent must fill: ``{time}``, ``{reason}``, ``{alternative}``.

A suggestion that commits the team ("I'll send you an update by {time}") or gives
a reason only the agent knows carries a visible slot instead of a made-up value.
Once applied, the slot stays in the draft until the agent fills it, and the
``unfilled-slot`` finding says so — the customer must never see the braces.
"""

from __future__ import annotations

import re

from plugin.coach.draft import Draft
from plugin.coach.model import Finding

# One brace on each side ("{time}"), never a Zendesk placeholder ("{{ticket.id}}").
# (The look-behind follows the first brace, so the search jumps from brace to brace in C.)
SLOT = re.compile(r"\{(?<!\{\{)(time|reason|alternative|next_step|date|day)\}(?!\})")
_CATEGORY = {
    "time": "next_steps",
    "date": "next_steps",
    "day": "next_steps",
    "next_step": "next_steps",
}
_WHAT = {
    "time": "when it will happen (a day or a time you can keep)",
    "date": "the date",
    "day": "the day",
    "reason": "the reason behind the rule",
    "alternative": "what you can do instead",
    "next_step": "what happens next, and who does it",
}


def slots_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every slot in ``text``."""
    if "{" not in text:
        return []
    return [(m.start(), m.end(), m.group(1)) for m in SLOT.finditer(text)]


def unfilled(draft: Draft) -> list[Finding]:
    """An error per slot still in the draft: it must be filled before sending."""
    return [
        Finding(
            "unfilled-slot",
            _CATEGORY.get(name, "tone"),
            "error",
            start,
            end,
            f"Fill in “{{{name}}}” with {_WHAT[name]} before sending.",
            "The suggestion you applied left this slot for your own words; "
            "the customer would see the braces.",
        )
        for start, end, name in slots_in(draft.text)
    ]
