"""A memo for a pure function of one word (or one white-space chunk).

Analyzers look up every word of every draft: ``map(memo.__getitem__, words)`` is a
C-level dict lookup per word, about 40 % cheaper than a ``functools.lru_cache`` hit,
which also reorders its recency list. Keyed on single words only, so a re-check of
the same draft is not free: each of its words still costs a lookup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

V = TypeVar("V")


class WordMemo(dict[str, V]):
    """``fn`` memoised per word; past ``limit`` words it starts again (a bound, not an LRU:
    the words of support replies repeat, so a refill is rare and cheap)."""

    def __init__(self, fn: Callable[[str], V], limit: int = 65_536) -> None:
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, word: str) -> V:
        value = self.fn(word)
        if len(self) >= self.limit:
            self.clear()
        self[word] = value
        return value

    def __call__(self, word: str) -> V:
        return self[word]

    def cache_clear(self) -> None:
        """As ``functools.lru_cache``'s: forget every word (benchmarks of a cold start)."""
        self.clear()
