"""vader's compound score, computed without the work that cannot change it.

``scorer(analyzer)(text)`` equals ``analyzer.polarity_scores(text)["compound"]``
(vaderSentiment 3.3.2, pinned) for every text. vader walks the text once per
character to turn emoji into their names and calls its per-word scorer for every
word; on a customer's message that is two thirds of its cost. Here:

- a text without a single-character emoji key (the only keys vader's per-character
  walk can match) is already what the walk would return, so it is only stripped;
- a word that is not in the analyzer's lexicon, a booster ("very") or the "kind" of
  "kind of" scores 0 in vader whatever its neighbours, so the scorer is called only
  for the other words (~1 in 20) — with vader's own context, so negation, capitals
  and idioms are scored by vader itself.

The "but" weighting and the final score are vader's own functions on the result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vaderSentiment.vaderSentiment import (  # type: ignore[import-untyped,unused-ignore]
    BOOSTER_DICT,
    SentiText,
)


def scorer(analyzer: Any) -> Callable[[str], float]:
    """``analyzer.polarity_scores(text)["compound"]`` as a function of ``text``, cheaper."""
    emoji = frozenset(k for k in analyzer.emojis if len(k) == 1)
    lexicon: dict[str, float] = analyzer.lexicon
    valence = analyzer.sentiment_valence
    but_check = analyzer._but_check
    score = analyzer.score_valence

    def compound(text: str) -> float:
        if not text.isascii() and not emoji.isdisjoint(text):
            return float(analyzer.polarity_scores(text)["compound"])
        text = text.strip()
        senti = SentiText(text)
        words: list[str] = senti.words_and_emoticons
        last = len(words) - 1
        sentiments: list[float] = []
        for i, item in enumerate(words):
            low = item.lower()
            if (
                low not in lexicon
                or low in BOOSTER_DICT
                or (low == "kind" and i < last and words[i + 1].lower() == "of")
            ):
                sentiments.append(0)
            else:  # vader appends the word's valence to ``sentiments``
                valence(0, senti, item, i, sentiments)
        return float(score(but_check(words, sentiments), text)["compound"])

    return compound
