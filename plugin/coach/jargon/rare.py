"""Rare words: vocabulary a customer may not know, told apart from words that only
look rare to a frequency list.

wordfreq ranks each spelling on its own, so a plain word can look rare when it is
a British spelling ("itemised", "discoloured"), a prefixed or suffixed form of an
everyday word ("rebook", "unsaved", "renderers", "greyed") or a compound of two
("waitlist", "passcodes"). Such a word is familiar when what it is made of is
familiar; legal compounds built on "here/there/where" ("hereunder") stay rare.
"""

from __future__ import annotations

from functools import lru_cache

from plugin.coach import lexicon
from plugin.coach.lexicon import wordset
from plugin.coach.model import Finding

# British endings and their American counterparts (wordfreq's counts are mostly American)
_VARIANTS = (
    ("isation", "ization"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("our", "or"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("lled", "led"),
    ("lling", "ling"),
    ("tre", "ter"),
    ("ogue", "og"),
    ("ence", "ense"),
)
_PREFIXES = ("re", "un", "pre", "dis", "mis", "non", "co", "de", "over", "under", "out", "up")
_SUFFIXES = ("abilities", "ability", "ness", "ings", "ing", "ers", "er", "ed", "es", "ly", "s")
# parts that make legalese rather than plain compounds ("hereunder", "forthwith")
_FUNCTION_PARTS = wordset(
    "here there where with under upon after fore forth to by in on of off out over up"
)
# a part must itself be this common (wordfreq Zipf) for the whole to read as familiar
COMMON_PART_ZIPF = 3.5
_MIN_PART = 3


def finding(start: int, end: int, word: str) -> Finding:
    return Finding(
        rule_id="rare-word",
        category="jargon",
        severity="info",
        start=start,
        end=end,
        message=f"“{word}” is a rare word; a more everyday one may be clearer.",
        why="Everyday words are read faster and misread less, especially by "
        "customers reading in a second language.",
    )


@lru_cache(maxsize=16_384)
def familiar(word: str, threshold: float) -> bool:
    """True when lowercase ``word`` is common, or built from common parts."""
    return _familiar(word, threshold, 2)


def _familiar(word: str, threshold: float, depth: int) -> bool:
    if lexicon.zipf(word) >= threshold:
        return True
    if depth == 0:
        return False
    for british, american in _VARIANTS:
        if word.endswith(british) and _familiar(
            word[: -len(british)] + american, threshold, depth - 1
        ):
            return True
    for prefix in _PREFIXES:
        rest = word[len(prefix) :].lstrip("-")
        if word.startswith(prefix) and len(rest) >= _MIN_PART and _common(rest, depth):
            return True
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= _MIN_PART:
            if _common(stem, depth) or _common(stem + "e", depth):
                return True
            if len(stem) > _MIN_PART and stem[-1] == stem[-2] and _common(stem[:-1], depth):
                return True  # "shipped" -> "ship"
    return _compound(word)


def _common(part: str, depth: int) -> bool:
    return _familiar(part, COMMON_PART_ZIPF, depth - 1)


# No common part is longer (the longest English word wordfreq puts at Zipf >= 3 has
# 18 letters): only splits into parts this short are tried, so an endless "word"
# costs no lookup per split of it, each as long as the word (quadratic).
_MAX_PART = 24


def _compound(word: str) -> bool:
    for i in range(
        max(_MIN_PART, len(word) - _MAX_PART), min(len(word) - _MIN_PART, _MAX_PART) + 1
    ):
        head, tail = word[:i], word[i:]
        if head in _FUNCTION_PARTS or tail in _FUNCTION_PARTS:
            continue
        if lexicon.zipf(head) >= COMMON_PART_ZIPF and lexicon.zipf(tail) >= COMMON_PART_ZIPF:
            return True
    return False
