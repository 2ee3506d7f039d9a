"""vader's compound score, computed without the work that cannot change it.

``scorer(analyzer)(text)`` equals ``analyzer.polarity_scores(text)["compound"]``
(vaderSentiment 3.3.2, pinned) for every text. vader walks the text once per
character to turn emoji into their names and calls its per-word scorer for every
word; on a customer's message that is two thirds of its cost. Here:

- a text without a single-character emoji key (the only keys vader's per-character
  walk can match) is already what the walk would return, so it is only stripped;
- a word that is not in the analyzer's lexicon, a booster ("very") or the "kind" of
  "kind of" scores 0 in vader whatever its neighbours, so the scorer is called only
  for the other words (~1 in 20) — with the words around it that vader reads, so
  negation, capitals and idioms are scored by vader itself.

A text with no scored word scores 0.0, as vader's sum of zeros does; "but" weighting
runs on the words vader would weight (only when "but" is one of them) and the final
score is the compound part of vader's ``score_valence``: its own punctuation emphasis
and ``normalize`` of the valences' sum (the positive/negative/neutral shares it also
works out are not read).
"""

from __future__ import annotations

import string
from collections.abc import Callable
from itertools import compress, count
from typing import Any

from vaderSentiment.vaderSentiment import (  # type: ignore[import-untyped,unused-ignore]
    BOOSTER_DICT,
    normalize,
)

_PUNCTUATION = string.punctuation  # what SentiText._strip_punc_if_word strips

# vader's per-word scorer (``sentiment_valence`` and the checks it calls) reads at most
# three words before the word and two after, and the list's length only to ask whether
# those exist; each check lowercases a copy of the whole list. Given just those words
# (the word at index ``min(i, 3)``), it scores the same and copies six words, not all.
_REACH = 3


class _Near:
    """The part of vader's ``SentiText`` its per-word scorer reads."""

    __slots__ = ("is_cap_diff", "words_and_emoticons")

    def __init__(self, words: list[str], is_cap_diff: bool) -> None:
        self.words_and_emoticons = words
        self.is_cap_diff = is_cap_diff  # capitals are judged on the whole text


def scorer(analyzer: Any) -> Callable[[str], float]:
    """``analyzer.polarity_scores(text)["compound"]`` as a function of ``text``, cheaper."""
    emoji = frozenset(k for k in analyzer.emojis if len(k) == 1)
    lexicon: dict[str, float] = analyzer.lexicon
    valence = analyzer.sentiment_valence
    but_check = analyzer._but_check
    emphasis = analyzer._punctuation_emphasis

    def compound(text: str) -> float:
        if not text.isascii() and not emoji.isdisjoint(text):
            return float(analyzer.polarity_scores(text)["compound"])
        text = text.strip()
        tokens = text.split()
        # as SentiText does (its _strip_punc_if_word, without a Python call per word)
        words = [s if len(s := t.strip(_PUNCTUATION)) > 2 else t for t in tokens]
        lows = list(map(str.lower, words))
        last = len(words) - 1
        sentiments: list[float] = [0] * len(words)  # vader's 0 for every unscored word
        found = list(compress(count(), map(lexicon.__contains__, lows)))  # picked in C
        if not found:
            return 0.0  # vader's score of all-zero valences: normalize(0.0), rounded
        # allcap_differential(words), counted in C: stripping punctuation keeps isupper()
        upper = sum(map(str.isupper, tokens))
        capitals = 0 < len(words) - upper < len(words)
        for i in found:
            low = lows[i]
            if low in BOOSTER_DICT or (low == "kind" and i < last and lows[i + 1] == "of"):
                continue
            lo = max(0, i - _REACH)
            scored: list[float] = []  # vader appends the word's valence
            valence(0, _Near(words[lo : i + _REACH], capitals), words[i], i - lo, scored)
            sentiments[i] = scored[0]
        if "but" in lows:  # vader's test; without "but" its weighting changes nothing
            sentiments = but_check(words, sentiments)
        # vader's score_valence, its compound only: the shares of positive, negative and
        # neutral words it also works out (a Python loop over every word) are not read
        total = float(sum(sentiments))
        if total > 0:
            total += emphasis(text)
        elif total < 0:
            total -= emphasis(text)
        return float(round(normalize(total), 4))

    return compound
