"""Applying edits exactly: the contract behind one-click rewrites."""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

from plugin.coach.model import Edit

_SPAN = attrgetter("start", "end")


def apply(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping ``edits`` to ``text``; offsets refer to the original text.

    Raises ValueError when an edit is out of range or edits overlap, so a stale
    suggestion can never corrupt the draft.
    """
    ordered = sorted(edits, key=_SPAN)
    previous_end = 0
    for edit in ordered:
        if not 0 <= edit.start <= edit.end <= len(text):
            raise ValueError(f"edit {edit.start}-{edit.end} is outside the text (0-{len(text)})")
        if edit.start < previous_end:
            raise ValueError(f"edits overlap at {edit.start}")
        previous_end = edit.end
    if len(ordered) == 1:  # the usual case: one slice-and-join
        edit = ordered[0]
        return text[: edit.start] + edit.replacement + text[edit.end :]
    out = text
    for edit in reversed(ordered):
        out = out[: edit.start] + edit.replacement + out[edit.end :]
    return out
