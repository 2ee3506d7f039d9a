"""The exactness contract every suggestion is checked against before it is offered.

Applying a suggestion and re-checking must remove its finding and change
nothing outside the edited spans: no anti-pattern appears, moves or vanishes
elsewhere (a phrase's context window can reach across an edit), and no edit
touches a protected span.
"""

from __future__ import annotations

from collections.abc import Sequence

from plugin.coach import edits as edit_ops
from plugin.coach.draft import Draft
from plugin.coach.model import Edit
from plugin.coach.rules import RulePack

Key = tuple[str, int, int]  # (rule id, start, end) of an anti-pattern match


def avoid_keys(pack: RulePack, text: str) -> set[Key]:
    return {(m.rule.id, m.start, m.end) for m in pack.find(text) if m.rule.kind == "avoid"}


def keeps_the_rest(
    draft: Draft,
    pack: RulePack,
    edits: Sequence[Edit],
    base: set[Key] | None = None,
    gone: Key | None = None,
) -> bool:
    """True when ``edits`` leave every anti-pattern match they don't touch as it was.

    ``gone`` is the match the suggestion fixes from outside its span (an appended
    "but here's what I can do"); matches the edits overlap may only disappear.
    """
    if any(touches_protected(draft, e) for e in edits):
        return False
    before = avoid_keys(pack, draft.text) if base is None else base
    try:
        after = edit_ops.apply(draft.text, edits)
    except ValueError:
        return False
    kept = {_shift(k, edits) for k in before if k != gone and not _touched(k, edits)}
    return avoid_keys(pack, after) == kept


def touches_protected(draft: Draft, edit: Edit) -> bool:
    """Insertions may sit next to a protected span but never split one."""
    if edit.start == edit.end:
        return any(s.start < edit.start < s.end for s in draft.protected)
    return draft.is_protected(edit.start, edit.end)


def _touched(key: Key, edits: Sequence[Edit]) -> bool:
    _, s, e = key
    for edit in edits:
        if edit.start == edit.end and s < edit.start < e:
            return True
        if edit.start < edit.end and s < edit.end and edit.start < e:
            return True
    return False


def _shift(key: Key, edits: Sequence[Edit]) -> Key:
    rule_id, s, e = key
    delta = sum(len(x.replacement) - (x.end - x.start) for x in edits if x.end <= s)
    return rule_id, s + delta, e + delta
