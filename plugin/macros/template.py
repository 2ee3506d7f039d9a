"""A macro body's template structure, and which edits leave it intact.

Placeholders and Liquid tags are kept byte for byte: no edit may replace any of their
characters or insert inside one. Text inside a ``{% if %}…{% endif %}`` block is coached
like any other (a cold sentence in a branch is still cold), but an edit there must stay
in the branch its finding is in: it may not reach across a tag, and a sentence the coach
would add (a finding with no span of its own) is never put inside a block, where only
some customers would see it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from plugin.macros import liquid

Raw = tuple[int, int]


@dataclass(frozen=True)
class Template:
    tokens: tuple[Raw, ...]  # every {{ … }} and {% … %}, sorted, disjoint
    tags: tuple[Raw, ...]  # the {% … %} ones
    blocks: tuple[Raw, ...]  # outermost-first is not needed: any block holding a point counts

    @classmethod
    def of(cls, source: str) -> Template:
        tokens = tuple(liquid.tokens(source))
        tags = tuple(t for t in tokens if source[t[0] + 1] == "%")
        return cls(tokens, tags, tuple(sorted(liquid.blocks(source))))

    def _touches_token(self, start: int, end: int) -> bool:
        starts = [s for s, _ in self.tokens]
        i = bisect_right(starts, max(start, end - 1))
        if i == 0:
            return False
        s, e = self.tokens[i - 1]
        if start == end:
            return s < start < e  # an insertion splitting a token
        return s < end and start < e

    def _inside_block(self, start: int, end: int) -> bool:
        return any(bs < start and end < be for bs, be in self.blocks)

    def _tag_between(self, lo: int, hi: int) -> bool:
        starts = [s for s, _ in self.tags]
        i = bisect_left(starts, lo)
        return i < len(self.tags) and self.tags[i][1] <= hi

    def keeps(self, edits: list[dict[str, Any]], finding: tuple[int, int]) -> bool:
        """True when applying ``edits`` (for a finding at ``finding``) keeps the template."""
        f_start, f_end = finding
        for e in edits:
            start, end = int(e["start"]), int(e["end"])
            if self._touches_token(start, end):
                return False
            if self._inside_block(start, end):
                if f_end <= f_start:
                    return False  # an added sentence belongs outside any branch
                if self._tag_between(min(start, f_start), max(end, f_end)):
                    return False
        return True
