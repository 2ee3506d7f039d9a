"""Re-matching an edited draft without re-scanning all of it.

An automaton hit reads only its own characters. So after one edit, a hit wholly
before the edited span is still there, a hit wholly after it has moved by the
edit's growth, and only hits overlapping the span need a scan: a few dozen
characters instead of the draft. The exactness check re-matches every suggestion
this way; its result is exactly that of scanning the edited text.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from plugin.coach.rule_compile import Key
from plugin.coach.rule_schema import fold

Hit = tuple[int, Key]  # (index of the key's last character, key), as the automaton yields


@dataclass(frozen=True, slots=True)
class Scan:
    """A text's folded form and all its automaton hits, in the automaton's order."""

    folded: str
    hits: list[Hit]
    lasts: list[int]  # each hit's last index, for bisection
    local: bool  # folding is character by character here, so an edit folds alone


# Lowercasing is character by character but for the capital sigma, whose lowercase
# depends on the letters beside it.
CONTEXTUAL_CASE = "\u03a3"


def scan(automaton: Any, text: str) -> Scan:
    folded = fold(text)
    hits: list[Hit] = list(automaton.iter(folded)) if automaton is not None else []
    return Scan(folded, hits, [h[0] for h in hits], CONTEXTUAL_CASE not in text)


def spliced(
    before: Scan,
    automaton: Any,
    longest: int,
    after: str,
    edit: tuple[int, int, int],
    window: tuple[int, int],
) -> list[Hit]:
    """What ``automaton.iter(after, *window)`` yields, where ``after`` is the folded
    text of ``before`` with ``edit`` = (start, end, replacement length) applied and
    ``longest`` is the automaton's longest key: the hits lying wholly in ``window``,
    ordered by last index (ties as the automaton orders them)."""
    start, end, size = edit
    grown = size - (end - start)
    w_lo, w_hi = window
    hits, lasts = before.hits, before.lasts
    # wholly before the edit (last < start) and inside the window (first >= w_lo); a
    # hit ending a key's length past w_lo starts inside it
    i = bisect_left(lasts, w_lo)
    j = bisect_left(lasts, min(start, w_hi))
    sure = max(i, min(j, bisect_left(lasts, w_lo + longest - 1)))
    head = [h for h in hits[i:sure] if h[0] - h[1].length + 1 >= w_lo]
    head += hits[sure:j]
    # overlapping the replacement (or, for a deletion, the join): scanned again
    lo, hi = max(w_lo, start - longest + 1), min(w_hi, start + size + longest - 1)
    fresh = (
        [
            h
            for h in automaton.iter(after, lo, hi)
            if h[0] >= start and h[0] - h[1].length + 1 < start + size
        ]
        if lo < hi
        else []
    )
    # wholly after the edit in the old text (first >= end), moved by the growth
    k = bisect_left(lasts, end)
    m = bisect_left(lasts, w_hi - grown)
    tail = [
        (last + grown, key)
        for last, key in hits[k:m]
        if last - key.length + 1 >= end and last + grown - key.length + 1 >= w_lo
    ]
    if fresh and tail and tail[0][0] < fresh[-1][0]:
        rest = sorted(fresh + tail, key=_LAST)  # stable: a longer fresh hit stays first
    else:
        rest = fresh + tail
    return head + rest


_LAST = itemgetter(0)
