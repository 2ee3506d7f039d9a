"""vader's compound score, computed without the work that cannot change it.

``scorer(analyzer)(text)`` equals ``analyzer.polarity_scores(text)["compound"]``
(vaderSentiment 3.3.2, pinned) for every text. vader walks the text once per
character to turn emoji into their names and calls its per-word scorer for every
word; on a customer's message that is two thirds of its cost. Here:

- a text without a single-character emoji key (the only keys vader's per-character
  walk can match) is already what the walk would return, so it is only stripped;
- a word that is not in the analyzer's lexicon, a booster ("very") or the "kind" of
  "kind of" scores 0 in vader whatever its neighbours, so only the other words (~1 in
  20) are scored: by ``_valence``, vader's per-word scorer (``sentiment_valence`` and
  the checks it calls) step for step, the same arithmetic in the same order, without
  its copy of the word list lowercased per check and its idiom strings built for
  words that are in no idiom.

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
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    normalize,
)

_PUNCTUATION = string.punctuation  # what SentiText._strip_punc_if_word strips
_NEGATE = frozenset(NEGATE)  # vader's ``negated`` of one word: in NEGATE, or holds "n't"
_SO_THIS = ("so", "this")
# The words of vader's idioms and two- and three-word boosters: its idiom check compares
# strings of words joined by spaces, so a word in none of these changes nothing.
_IDIOM_WORDS = frozenset(w for k in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in k for w in k.split())


def scorer(analyzer: Any) -> Callable[[str], float]:
    """``analyzer.polarity_scores(text)["compound"]`` as a function of ``text``, cheaper."""
    emoji = frozenset(k for k in analyzer.emojis if len(k) == 1)
    lexicon: dict[str, float] = analyzer.lexicon
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
            sentiments[i] = _valence(lexicon, words, lows, i, capitals)
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


def _valence(
    lexicon: dict[str, float], words: list[str], lows: list[str], i: int, caps: bool
) -> float:
    """vader's ``sentiment_valence`` of ``words[i]`` (in ``lexicon``); ``lows`` are the
    words lowercased, ``caps`` its ``is_cap_diff``."""
    low = lows[i]
    n = len(lows)
    valence = lexicon[low]
    if low == "no" and i != n - 1 and lows[i + 1] in lexicon:
        valence = 0.0  # "no" negates the next word instead
    if (
        (i > 0 and lows[i - 1] == "no")
        or (i > 1 and lows[i - 2] == "no")
        or (i > 2 and lows[i - 3] == "no" and lows[i - 1] in ("or", "nor"))
    ):
        valence = lexicon[low] * N_SCALAR
    if caps and words[i].isupper():
        if valence > 0:
            valence += C_INCR
        else:
            valence -= C_INCR
    for k in (1, 2, 3):  # the words before, nearest first (vader's start_i + 1)
        if i < k:
            break
        before = lows[i - k]
        if before in lexicon:
            continue
        scalar = 0.0  # scalar_inc_dec
        if before in BOOSTER_DICT:
            scalar = BOOSTER_DICT[before]
            if valence < 0:
                scalar *= -1
            if caps and words[i - k].isupper():
                if valence > 0:
                    scalar += C_INCR
                else:
                    scalar -= C_INCR
        if k == 2 and scalar != 0:
            scalar = scalar * 0.95
        if k == 3 and scalar != 0:
            scalar = scalar * 0.9
        valence = valence + scalar
        # _negation_check
        if k == 1:
            if before in _NEGATE or "n't" in before:
                valence = valence * N_SCALAR
        elif k == 2:
            if before == "never" and lows[i - 1] in _SO_THIS:
                valence = valence * 1.25
            elif not (before == "without" and lows[i - 1] == "doubt") and (
                before in _NEGATE or "n't" in before
            ):
                valence = valence * N_SCALAR
        else:
            if (before == "never" and lows[i - 2] in _SO_THIS) or lows[i - 1] in _SO_THIS:
                valence = valence * 1.25
            elif not (before == "without" and "doubt" in (lows[i - 2], lows[i - 1])) and (
                before in _NEGATE or "n't" in before
            ):
                valence = valence * N_SCALAR
            if (
                lows[i - 2] in _IDIOM_WORDS
                or lows[i - 1] in _IDIOM_WORDS
                or (i + 1 < n and lows[i + 1] in _IDIOM_WORDS)
            ):
                valence = _idioms(valence, lows, i)
    # _least_check
    if (
        i > 0
        and lows[i - 1] == "least"
        and "least" not in lexicon
        and (i == 1 or lows[i - 2] not in ("at", "very"))
    ):
        valence = valence * N_SCALAR
    return valence


def _idioms(valence: float, lows: list[str], i: int) -> float:
    """vader's ``_special_idioms_check`` (``i`` >= 3)."""
    a, b, c, w = lows[i - 3], lows[i - 2], lows[i - 1], lows[i]
    abc, ab, bc = f"{a} {b} {c}", f"{a} {b}", f"{b} {c}"
    for seq in (f"{c} {w}", f"{b} {c} {w}", bc, abc, ab):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lows) - 1 > i:
        seq = f"{w} {lows[i + 1]}"
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
    if len(lows) - 1 > i + 1:
        seq = f"{w} {lows[i + 1]} {lows[i + 2]}"
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
    for seq in (abc, ab, bc):
        if seq in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[seq]
    return valence
