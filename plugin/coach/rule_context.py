"""What a rule match reads around itself, and where a regex is run.

``rules.RulePack._match`` calls these: the opening scope and the unless_* context
words of a match, the windows around a regex's triggers, its required literals.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from itertools import islice

from plugin.coach.rule_compile import CHARS_PER_WORD, LOOK_PAD
from plugin.coach.rule_schema import Rule, RuleMatch

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def holds(near: Mapping[int, list[int]], needs: frozenset[int], lo: int, hi: int) -> bool:
    """Each required set (``~id``) has a literal ending inside ``[lo, hi)``."""
    for j in needs:
        ends = near.get(j)
        if ends is None:
            return False
        k = bisect_left(ends, lo)  # the automaton reports ends in order
        if k == len(ends) or ends[k] >= hi:
            return False
    return True


def regex_matches(
    folded: str, rule: Rule, compiled: re.Pattern[str], lo: int, hi: int, opening: int
) -> list[RuleMatch]:
    found = []
    for m in compiled.finditer(folded, lo, hi):
        start, end = m.span()
        if end > start and in_context(folded, rule, start, end, opening):
            found.append(RuleMatch(rule, start, end))
    return found


def windows(spots: list[int], width: int, length: int) -> list[tuple[int, int]]:
    """Merged ``[lo, hi)`` windows around each trigger position, ``width`` being the
    pattern's longest match: the match holds the trigger, so it lies inside."""
    reach = width + LOOK_PAD
    merged: list[tuple[int, int]] = []
    for spot in spots:  # the automaton reports positions in order
        lo, hi = max(0, spot - reach), min(length, spot + reach)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


def in_context(folded: str, rule: Rule, start: int, end: int, opening: int) -> bool:
    if rule.scope == "opening" and start != opening:
        return False
    n = rule.context_words
    if rule.unless_followed_by:
        # the first n words only: stopping there scans a third of the reach (~30 µs a match)
        limit = min(len(folded), end + n * CHARS_PER_WORD)
        padded, firsts = _phrases(rule.unless_followed_by)
        if _may_hold(folded[end:limit], firsts):
            after = [w.group() for w in islice(_WORD.finditer(folded, end, limit), n)]
            if _contains_phrase(after, padded):
                return False
    if rule.unless_preceded_by:
        lo = max(0, start - n * CHARS_PER_WORD)
        padded, firsts = _phrases(rule.unless_preceded_by)
        if _may_hold(folded[lo:start], firsts):
            before = _WORD.findall(folded, lo, start)[-n:]
            if _contains_phrase(before, padded):
                return False
    return True


def _may_hold(segment: str, firsts: tuple[str, ...]) -> bool:
    """A phrase can be among the segment's words only if its first word is in it."""
    return any(first in segment for first in firsts)


def _contains_phrase(words: list[str], padded: tuple[str, ...]) -> bool:
    window = " " + " ".join(words) + " "
    return any(phrase in window for phrase in padded)


def _phrases(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Once per rule: its phrases between spaces, and their first words."""
    known = _PHRASES.get(phrases)
    if known is None:
        padded = tuple(f" {p} " for p in phrases)
        firsts = tuple(dict.fromkeys(p.split()[0] if p.split() else "" for p in phrases))
        known = _PHRASES[phrases] = padded, firsts
    return known


_PHRASES: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}
