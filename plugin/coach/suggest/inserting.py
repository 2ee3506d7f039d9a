"""Where a missing move's sentence goes in the draft, as one insertion edit.

The greeting opens the reply; thanks, acknowledgement, validation and apology go
right after it; ownership, next steps and reassurance follow the body's last
sentence of prose; the open door goes before the sign-off.
"""

from __future__ import annotations

import re

from plugin.coach.draft import Draft
from plugin.coach.layout import Layout
from plugin.coach.model import Edit
from plugin.coach.rule_schema import reply_start
from plugin.coach.suggest import placement

# An open door the move grammar may not know; never add a second one.
OPEN_DOOR = re.compile(
    r"\b(?:let (?:us|me) know (?:if|how|whether|what you think)|reach out|get in touch"
    r"|(?:just )?reply (?:here|to this)|write back|here to help"
    r"|here if you need|any (?:other |more )?questions|anything else|give us a shout"
    r"|anything (?:(?:else )?(?:i|we) (?:can|may|could))"
    r"|keep (?:us|me) posted|have a (?:great|good|lovely|wonderful|nice) |hope this helps)"
)


def insertion(
    draft: Draft,
    layout: Layout,
    move: str,
    name: str | None,
    wording: str,
    closing_start: int | None,
) -> Edit | None:
    text = draft.text
    edit: Edit | None
    if move in ("greeting", "personalization"):
        if layout.greeting_start is not None:
            return None  # the greeting exists; its own findings suggest the name
        if move == "personalization" and not name:
            return None
        pos = reply_start(text)
        edit = Edit(pos, pos, f"Hi {name},\n\n" if name else "Hello,\n\n")
    elif move in ("thanks", "acknowledge", "validate", "apologize"):
        edit = insert_sentence(text, placement.opening(draft, layout), wording)
    elif move in ("ownership", "next_steps", "reassure"):
        edit = _after_body(draft, layout, wording, closing_start)
    else:  # closing
        edit = _before_signoff(draft, layout, wording)
    return edit


def insert_sentence(text: str, pos: int, sentence: str) -> Edit:
    """An edit putting ``sentence`` before the sentence at ``pos`` (or after the text)."""
    if pos >= len(text.rstrip()):
        end = len(text.rstrip())
        return Edit(end, end, f"\n\n{sentence}" if end else sentence)
    # a sentence break the splitter sees: "-Where are you..." starts no sentence after a stop
    starts = text[pos] in "\"“'([{" or text[pos].isupper() or text[pos].isdigit()
    return Edit(pos, pos, f"{sentence} " if starts else f"{sentence}\n")


def _after_body(
    draft: Draft, layout: Layout, sentence: str, closing_start: int | None
) -> Edit | None:
    end = _prose_end(draft, layout, closing_start)
    if end is None:  # no prose to follow: open the body with it, never before a greeting
        pos = placement.opening(draft, layout)
        greets = placement.GREETING.match(draft.text, pos) is not None
        return None if greets else insert_sentence(draft.text, pos, sentence)
    return Edit(end, end, f"{_joiner(draft, end)}{sentence}")


def _prose_end(draft: Draft, layout: Layout, closing_start: int | None = None) -> int | None:
    """The end of the body's last sentence of prose: not inside a list of steps, nor
    between a list and the line that introduces it ("Here's how:"), nor an open door
    (the sentence goes before it). A sentence running into the sign-off ("...assist.
    -SLM") ends where the body does."""
    start = placement.opening(draft, layout)
    tails = [p for p in (placement.body_end(draft, layout), closing_start) if p is not None]
    tail = min(p for p in tails if p > start) if any(p > start for p in tails) else len(draft.text)
    text = draft.text
    for s in reversed(draft.sentences):  # the last that qualifies: read from the end
        end = len(text[: min(s.end, tail)].rstrip())
        if (
            end > max(start, s.start)
            and (end == s.end or text[end - 1] in ".!?")
            and not OPEN_DOOR.search(draft.folded, s.start, end)
            and not draft.in_list_item(s.start)
            and not text[s.start : end].endswith(":")
        ):
            return end
    return None


def _joiner(draft: Draft, end: int) -> str:
    text = draft.text
    if any(s.start < end <= s.end for s in draft.protected):
        return "\n\n"  # after a link or a code: a new paragraph, no stop glued to it
    return ". " if text[end - 1].isalnum() else " "


def _before_signoff(draft: Draft, layout: Layout, sentence: str) -> Edit:
    text = draft.text
    end = placement.body_end(draft, layout)
    after = len(text) - len(text[end:].lstrip())  # where the sign-off line starts
    if draft.format == "text" and after < len(text) and "\n" in text[end:after]:
        return Edit(after, after, f"{sentence}\n\n")
    prose = _prose_end(draft, layout)
    if prose is not None:
        return Edit(prose, prose, f"{_joiner(draft, prose)}{sentence}")
    end = len(text.rstrip())
    return Edit(end, end, f"\n\n{sentence}" if end else sentence)
