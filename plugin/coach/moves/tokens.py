"""The reply's words as the move grammars read them: normalised, with clause edges.

A grammar walks words, not characters: "we'll" + "definitely" + "pass" is a
first-person action whatever the spacing or apostrophe. Each word knows whether
a clause or a sentence starts at it, so a walk never runs across "Thanks. We".
Words before the reply starts (leading @handles) are not read at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from plugin.coach.draft import Draft
from plugin.coach.rule_schema import reply_start

_SENTENCE_MARKS = frozenset(".!?:\n")
# "Hey there – you can...", "(see the link)", "Hi Sam, please..."
_CLAUSE_MARKS = _SENTENCE_MARKS | frozenset(",;–—()|")


@dataclass(frozen=True, slots=True)
class Tokens:
    draft: Draft
    first: int  # index of the reply's first word (after leading @handles)
    norm: tuple[str, ...]  # lowercase, straight apostrophes
    sentence: tuple[bool, ...]  # a sentence starts at this word
    clause: tuple[bool, ...]  # a clause starts at this word (sentence starts too)
    sentence_of: tuple[int, ...]  # for each word, the word that starts its sentence

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

    def question(self, i: int) -> bool:
        """The sentence holding word ``i`` ends with a question mark."""
        words, text = self.draft.words, self.draft.text
        end = next((k for k in range(i + 1, len(words)) if self.sentence[k]), None)
        stop = words[end].start if end is not None else len(text)
        return "?" in text[words[i].end : stop]


def read(draft: Draft) -> Tokens:
    words, text = draft.words, draft.text
    start = reply_start(text)
    first = next((i for i, w in enumerate(words) if w.start >= start), len(words))
    sentence, clause = [], []
    prev_end = 0
    for w in words:
        gap = text[prev_end : w.start]
        # the reply's first word (after any @handles) starts its first sentence
        hard = not prev_end or w.start == start or any(c in _SENTENCE_MARKS for c in gap)
        sentence.append(hard)
        clause.append(hard or any(c in _CLAUSE_MARKS for c in gap) or " - " in gap)
        prev_end = w.end
    norm = tuple(w.replace("’", "'") for w in draft.lowered)
    owner, current = [], 0
    for i, starts in enumerate(sentence):
        current = i if starts else current
        owner.append(current)
    return Tokens(draft, first, norm, tuple(sentence), tuple(clause), tuple(owner))
