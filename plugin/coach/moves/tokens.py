"""The reply's words as the move grammars read them: normalised, with clause edges.

A grammar walks words, not characters: "we'll" + "definitely" + "pass" is a
first-person action whatever the spacing or apostrophe. Each word knows whether
a clause or a sentence starts at it, so a walk never runs across "Thanks. We".
Words before the reply starts (leading @handles) are not read at all.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from plugin.coach.draft import WORD, Draft
from plugin.coach.rule_schema import reply_start

# Sentence ends; the reply's first word starts a sentence too. Clause edges add
# "Hey there – you can...", "(see the link)", "Hi Sam, please...", "Thanks - Mike".
_SENTENCE_MARK = re.compile(r"[.!?:\n]")
_CLAUSE_MARK = re.compile(r"[,;–—()|]| - ")
_WORD_SPLIT = re.compile(f"({WORD.pattern})")


@dataclass(frozen=True, slots=True)
class Tokens:
    draft: Draft
    first: int  # index of the reply's first word (after leading @handles)
    norm: tuple[str, ...]  # lowercase, straight apostrophes
    sentence: tuple[bool, ...]  # a sentence starts at this word
    clause: tuple[bool, ...]  # a clause starts at this word (sentence starts too)
    sentence_of: tuple[int, ...]  # for each word, the word that starts its sentence
    starts: tuple[int, ...]  # the words that start a sentence, in order
    clauses: tuple[int, ...]  # the words that start a clause, in order

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

    def sentence_end(self, i: int) -> int:
        """Index one past the last word of the sentence holding word ``i``."""
        k = bisect_right(self.starts, i)
        return self.starts[k] if k < len(self.starts) else len(self.norm)


def read(draft: Draft) -> Tokens:
    words, text = draft.words, draft.text
    start = reply_start(text)
    first = next((i for i, w in enumerate(words) if w.start >= start), len(words))
    # the text before each word (split as the draft split it); nearly always one space
    gaps = _WORD_SPLIT.split(text)[0 : 2 * len(words) : 2]
    sentence = [g != " " and _SENTENCE_MARK.search(g) is not None for g in gaps]
    if words:
        sentence[0] = True
    if first < len(words):
        sentence[first] = True
    clause = [
        hard or (g != " " and _CLAUSE_MARK.search(g) is not None)
        for g, hard in zip(gaps, sentence, strict=False)
    ]
    lowered = draft.lowered
    norm = tuple(w.replace("’", "'") for w in lowered) if "’" in text else lowered
    owner = tuple(accumulate((i if s else 0 for i, s in enumerate(sentence)), max))
    starts = tuple(i for i, s in enumerate(sentence) if s)
    clauses = tuple(i for i, c in enumerate(clause) if c)
    return Tokens(draft, first, norm, tuple(sentence), tuple(clause), owner, starts, clauses)
