"""The compiled matcher of a rule pack: one Aho-Corasick automaton over every literal
phrase and regex trigger, the regexes it triggers, and the per-hit loop.

``rules.RulePack`` holds one and asks it for matches; ``rule_compile`` builds it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from typing import Any

from plugin.coach.casefree import CASE_ALIASES
from plugin.coach.rule_compile import LOOK_PAD, Compiled, Key, Regex, is_word_char
from plugin.coach.rule_context import holds, in_context, regex_matches, windows
from plugin.coach.rule_schema import RuleMatch, fold, reply_start


@dataclass(frozen=True, eq=False)
class Matcher:
    """What ``rule_compile.compile_rules`` built, with the matching over it."""

    automaton: Any  # every key but the opening-only phrases (None: no key)
    regexes: tuple[Regex, ...]
    always: tuple[int, ...]  # regexes without a trigger: they always run
    spread: Mapping[str, int]  # per rule id: how far beyond a match text can change it
    needs: tuple[frozenset[int], ...]  # each regex's required literal sets
    opening: Any  # phrases that count only where the reply starts
    opening_len: int

    @classmethod
    def of(cls, compiled: Compiled) -> Matcher:
        return cls(*compiled)

    @cached_property
    def longest(self) -> int:
        """The longest automaton key's length."""
        return max(map(len, self.automaton.keys()), default=0) if self.automaton else 0

    @cached_property
    def scan_margin(self) -> int:
        """How far from ``match``'s bounds a literal can still count: a phrase's
        spread, or a regex's reach plus its window, plus the longest literal. A long
        draft's re-check scans this much around the edit, not the whole draft."""
        spreads = max(self.spread.values(), default=0)
        regexes = max((r[5] + r[2] + LOOK_PAD for r in self.regexes), default=0)
        return max(spreads, regexes) + self.longest + 2

    def match(
        self,
        text: str,
        bounds: tuple[int, int] | None,
    ) -> tuple[set[RuleMatch], int]:
        """Every match (all of them, or those near ``bounds``) and where the reply's
        first word starts."""
        folded = fold(text)
        opening = reply_start(folded)  # where the reply's first word starts
        kept: set[RuleMatch] = set()
        # regex index (~required set) -> where it occurs, in reading order
        near: defaultdict[int, list[int]] = defaultdict(list)
        lo, hi = bounds or (0, 0)
        if bounds is None:  # nothing is too far: every phrase match counts
            lo, hi = -_FAR, _FAR
        n = len(folded)
        # The per-hit loop runs ~50 times a draft: the whole-word test (``_bounded``) is
        # inline, and a space next to a phrase (the common case) decides it at once.
        hits: Iterable[tuple[int, Key]] = ()
        if self.automaton is not None and bounds is None:
            hits = self.automaton.iter(folded)
        elif self.automaton is not None:  # nothing further than the margin can matter
            margin = self.scan_margin
            hits = self.automaton.iter(folded, max(0, lo - margin), min(n, hi + margin))
        if self.opening is not None:
            ends = min(n, opening + self.opening_len)
            hits = chain(hits, self.opening.iter(folded, opening, ends))
        for last, key in hits:
            entries = key.entries
            if entries:
                end = last + 1
                start = end - key.length
                if key.bounded_start and start > 0:
                    c = folded[start - 1]
                    if c != " " and (
                        c.isalnum()
                        or c == "_"
                        or (c in "'-" and start > 1 and is_word_char(folded[start - 2]))
                    ):
                        entries = ()
                if entries and key.bounded_end and end < n:
                    c = folded[end]
                    if c != " " and (
                        c.isalnum()
                        or c == "_"
                        or (c in "'-" and end + 1 < n and is_word_char(folded[end + 1]))
                    ):
                        entries = ()
                for rule, contextual, spread in entries:
                    if start - spread > hi or end + spread < lo:
                        continue  # too far from [lo, hi] to matter
                    if not contextual or in_context(folded, rule, start, end, opening):
                        kept.add(RuleMatch(rule, start, end))
            for i in key.regexes:
                near[i].append(last)
        # else the faster twins match alike; every alias is non-ASCII once folded
        aliased = not folded.isascii() and CASE_ALIASES.search(folded) is not None
        present = near.keys()
        for i in self.always:
            rule, compiled, _, twin, needs, _ = self.regexes[i]
            if not aliased and not present >= needs:
                continue
            compiled = compiled if aliased else twin
            kept.update(regex_matches(folded, rule, compiled, 0, n, opening))
        needs_of = self.needs
        for i, spots in near.items():
            if i < 0:
                continue  # a required literal's positions, read below
            # Every match holds a literal of its required set: the literals are exact only
            # on text free of case aliases.
            if aliased:
                needs = _NONE
            else:
                needs = needs_of[i]
                if needs and not present >= needs:
                    continue  # most triggered regexes stop here
            rule, compiled, width, twin, _, reach = self.regexes[i]
            if bounds is not None and (spots[0] < lo - reach or spots[-1] > hi + reach):
                spots = [p for p in spots if lo - reach <= p <= hi + reach]
                if not spots:
                    continue
            compiled = compiled if aliased else twin
            # A match contains one of its triggers: scan only around them, not the draft.
            for w_lo, w_hi in windows(spots, width, n):
                if needs and not holds(near, needs, w_lo, w_hi):
                    continue  # no required literal in this window
                kept.update(regex_matches(folded, rule, compiled, w_lo, w_hi, opening))
        return kept, opening


_NONE: frozenset[int] = frozenset()
_FAR = 1 << 62  # beyond any text: with no bounds, no phrase match is too far
