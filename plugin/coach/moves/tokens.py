"""The reply's words as the move grammars read them: normalised, with clause edges.

A grammar walks words, not characters: "we'll" + "definitely" + "pass" is a
first-person action whatever the spacing or apostrophe. Each word knows whether
a clause or a sentence starts at it, so a walk never runs across "Thanks. We".
Words before the reply starts (leading @handles) are not read at all.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import deque
from itertools import accumulate, compress, repeat

from plugin.coach.draft import Draft
from plugin.coach.moves import kinds
from plugin.coach.rule_schema import reply_start

# Marks between words: a sentence ends at ".!?:" or a line break; a clause also at
# "Hey there – you can...", "(see the link)", "Hi Sam, please...", "Thanks - Mike".
# (Two patterns: with " - " in one alternation the engine would try it at every space;
# the marks and a " - " never share a character, so the two find the same marks.)
_MARK = re.compile(r"([.!?:\n,;–—()|])")
# The same marks in ASCII text (most replies): a byte-map class, ~20 % faster to scan.
_ASCII_MARK = re.compile(r"([.!?:\n,;()|])")
_DASH = re.compile(r" - ")
_SENTENCE_MARKS = frozenset(".!?:\n")


class Tokens:
    """(A plain class: a frozen dataclass's ``__init__`` sets each field through
    ``object.__setattr__``, once per draft for every field.)"""

    __slots__ = (
        "draft",
        "first",
        "norm",
        "sentence",
        "clause",
        "starts",
        "clauses",
        "_at",
        "kinds",
    )

    def __init__(
        self,
        draft: Draft,
        first: int,
        norm: tuple[str, ...],
        sentence: list[bool],
        clause: list[bool],
        starts: tuple[int, ...],
        clauses: tuple[int, ...],
        at: tuple[int, ...],
    ) -> None:
        self.draft = draft
        self.first = first  # index of the reply's first word (after leading @handles)
        self.norm = norm  # lowercase, straight apostrophes
        self.sentence = sentence  # a sentence starts at this word
        self.clause = clause  # a clause starts at this word (sentence starts too)
        self.starts = starts  # the words that start a sentence, in order
        self.clauses = clauses  # the words that start a clause, in order
        self._at = at  # each word's start offset
        self.kinds = kinds.of(norm)  # which grammars the words could feed (``kinds``)

    def word_at(self, pos: int) -> int:
        """Index of the first word starting at or after offset ``pos``."""
        return bisect_left(self._at, pos)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Offsets of words ``i`` to ``j`` inclusive."""
        words = self.draft.words
        return words[i].start, words[j].end

    def creditable(self, i: int, j: int) -> bool:
        """Words ``i`` to ``j`` are the agent's own text, not a quote or the signature.

        Those are protected as whole lines, so the first word tells; an order number
        or a link inside the words (protected too) is part of the agent's sentence."""
        word = self.draft.words[i]
        return j >= i and not self.draft.is_protected(word.start, word.end)

    def at(self, i: int) -> str:
        return self.norm[i] if 0 <= i < len(self.norm) else ""

    def sentence_of(self, i: int) -> int:
        """Index of the word that starts the sentence holding word ``i``."""
        return self.starts[bisect_right(self.starts, i) - 1]

    def sentence_end(self, i: int) -> int:
        """Index one past the last word of the sentence holding word ``i``."""
        k = bisect_right(self.starts, i)
        return self.starts[k] if k < len(self.starts) else len(self.norm)


def read(draft: Draft) -> Tokens:
    text, starts = draft.text, draft.word_starts  # (``parse`` made them as it split)
    n = len(starts)
    first = bisect_left(starts, reply_start(text))
    # One slot past the last word takes the marks after it (bisect gives n), dropped below.
    sentence, clause = [False] * (n + 1), [False] * (n + 1)
    # Every mark is one character: splitting on them (kept) puts each mark's end at an odd
    # running length, so the marks' words are found in C, with no Python step per mark.
    parts = (_ASCII_MARK if text.isascii() else _MARK).split(text)
    ends = list(accumulate(map(len, parts)))[1::2]
    at = list(map(bisect_left, repeat(starts), ends))
    deque(map(clause.__setitem__, at, repeat(True)), 0)
    stops = compress(at, map(_SENTENCE_MARKS.__contains__, parts[1::2]))
    deque(map(sentence.__setitem__, stops, repeat(True)), 0)
    del sentence[n:], clause[n:]
    for m in _DASH.finditer(text) if " - " in text else ():
        k = bisect_left(starts, m.end())
        if k < n:
            clause[k] = True
    for k in {0, first} if n else ():
        if k < n:
            sentence[k] = clause[k] = True
    lowered = draft.lowered
    norm = tuple(w.replace("’", "'") for w in lowered) if "’" in text else lowered
    heads = tuple(compress(range(n), sentence))
    clauses = tuple(compress(range(n), clause))
    return Tokens(draft, first, norm, sentence, clause, heads, clauses, starts)
