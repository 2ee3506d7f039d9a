"""textstat's numbers (Flesch-Kincaid grade, reading ease, word and sentence counts),
counted exactly as textstat 0.7.8 counts them but cheaply (``readability.py`` uses them).

textstat 0.7.8 caches its results per *whole text*, so every keystroke pays for
counting every word's syllables again, and its sentence count re-runs the
punctuation pass per sentence. We tokenise exactly as textstat does (its
apostrophe pattern, compiled once), use its dictionaries (cmudict, then pyphen)
and language constants, and cache the per-word syllable count —
``tests/coach/test_readability.py`` asserts the results equal
``textstat.flesch_kincaid_grade`` / ``flesch_reading_ease`` / ``lexicon_count`` /
``sentence_count`` exactly, over generated texts with punctuation of every kind.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import sub

from textstat.backend import utils  # type: ignore[import-untyped,unused-ignore]
from textstat.backend.utils.constants import (  # type: ignore[import-untyped,unused-ignore]
    RE_NONCONTRACTION_APOSTROPHE,
)

from plugin.coach.word_memo import WordMemo

TEXTSTAT_LANG = "en_US"

# No dictionary word is longer; pyphen costs ~5 µs per character of a word and
# keeps every word it saw, so a longer token is counted by its vowel groups.
LONGEST_WORD = 64
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=65_536)
def _syllables(word: str) -> int:
    """Syllables in one lowercase word, exactly as textstat's ``count_syllables``
    for any word up to ``LONGEST_WORD`` characters."""
    if len(word) > LONGEST_WORD:
        return max(1, len(_VOWEL_GROUPS.findall(word)))
    cmu = utils.get_cmudict(TEXTSTAT_LANG)
    try:
        phones = cmu[word][0]
        return sum(1 for p in phones if p[-1].isdigit())
    except (TypeError, IndexError, KeyError):
        return len(utils.get_pyphen(TEXTSTAT_LANG).positions(word)) + 1


# textstat 0.7.8's tokenisation (``remove_punctuation`` then ``split``; its sentence
# regex), with its own apostrophe pattern, compiled once: textstat re-parses pattern
# strings and repeats the punctuation pass for every sentence it counts.
_NONCONTRACTION_APOSTROPHE = re.compile(RE_NONCONTRACTION_APOSTROPHE)
_PUNCTUATION = re.compile(r"[^\w\s\']")
_TEXTSTAT_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
# A token survives punctuation removal exactly when it holds a word character: a
# sentence's surviving tokens are its white-space chunks less those of punctuation alone
# (led by a plain class, so scanned for in C; the look-behind: no chunk before it).
_LONE_PUNCTUATION = re.compile(r"[^\w\s](?<!\S.)[^\w\s]*+(?!\S)")
_THREE = 3  # a sentence of fewer tokens is not counted


def _textstat_words(text: str) -> list[str]:
    """``textstat`` ``list_words(text, lowercase=True)``."""
    if "'" in text:  # most sentences hold none: skip that pass
        text = _NONCONTRACTION_APOSTROPHE.sub("", text)
    return _PUNCTUATION.sub("", text).lower().split()


# The same two patterns for ASCII text, with ASCII classes (a bitmap test per character,
# not a Unicode lookup): \w is [A-Za-z0-9_] there, and \s the white space below.
_ASCII_SPACE = r" \t\n\r\f\v\x1c-\x1f"  # str.isspace in ASCII
_ASCII_SENTENCE = re.compile(_TEXTSTAT_SENTENCE.pattern, re.ASCII)
_ASCII_LONE_PUNCTUATION = re.compile(
    rf"[^\w{_ASCII_SPACE}](?<![^{_ASCII_SPACE}].)[^\w{_ASCII_SPACE}]*+(?![^{_ASCII_SPACE}])",
    re.ASCII,
)


def _textstat_sentences(text: str) -> int:
    """``textstat.sentence_count``: regex sentences, less those of two words or fewer."""
    if not text:
        return 0
    ascii_text = text.isascii()
    found = (_ASCII_SENTENCE if ascii_text else _TEXTSTAT_SENTENCE).findall(text)
    lone = _ASCII_LONE_PUNCTUATION if ascii_text else _LONE_PUNCTUATION
    chunks = map(len, map(str.split, found))
    surviving = map(sub, chunks, map(len, map(lone.findall, found)))
    short = sum(map(_THREE.__gt__, surviving))
    return max(1, len(found) - short)


# A chunk's count packed in one int, so a text's counts are one C-level ``sum``: a
# chunk that becomes a word adds 1 to the low bits and its syllables above ``_SHIFT``.
_SHIFT = 32
_LOW = (1 << _SHIFT) - 1
# Shared value objects: ``sum`` reads every value, and a few hot ints cost less than
# one int per memoised chunk scattered in memory.
_PACKED = tuple((syllables << _SHIFT) + 1 for syllables in range(32))


def _find_chunk_counts(chunk: str) -> int:
    """The word a white-space separated chunk becomes and its syllables, packed (0 when
    punctuation removal leaves nothing of it).

    textstat's passes only delete characters (never white space), the apostrophe test
    looks no further than the next character (white space at a chunk's end, as at the
    text's), and lowercasing stops at white space: so a text's words are its chunks'
    words, each decided once per process."""
    token = _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", chunk)).lower()
    if not token:
        return 0
    syllables = _syllables(token)
    return _PACKED[syllables] if syllables < len(_PACKED) else (syllables << _SHIFT) + 1


_chunk_counts = WordMemo(_find_chunk_counts)


def _counts(text: str) -> tuple[int, int]:
    """textstat's word count of ``text`` and their syllables: ``len(_textstat_words(text))``
    and ``sum(map(_syllables, _textstat_words(text)))``, from memoised chunks."""
    packed = sum(map(_chunk_counts.__getitem__, text.split()))
    return packed & _LOW, packed >> _SHIFT


def _scores(text: str, counts: tuple[int, int] | None = None) -> tuple[float, float, int, int]:
    """textstat's (grade, reading ease, words, sentences) for ``text``; ``counts``: its
    ``_counts`` when the caller has them.

    Same counts, same formulas and constants as textstat 0.7.8's
    ``flesch_kincaid_grade`` and ``flesch_reading_ease`` (the tests compare them).
    """
    words, syllables = _counts(text) if counts is None else counts
    sentences = _textstat_sentences(text)
    wps = words / sentences if sentences else 0.0
    spw = syllables / words if words else 0.0
    if wps == 0 or spw == 0:
        return 0.0, 0.0, words, sentences
    grade = (0.39 * wps) + (11.8 * spw) - 15.59
    ease = _FRE_BASE - _FRE_SENTENCE_LENGTH * wps - _FRE_SYLL_PER_WORD * spw
    return grade, ease, words, sentences


# textstat's constants for English, read once
_FRE_BASE = utils.get_lang_cfg("en", "fre_base")
_FRE_SENTENCE_LENGTH = utils.get_lang_cfg("en", "fre_sentence_length")
_FRE_SYLL_PER_WORD = utils.get_lang_cfg("en", "fre_syll_per_word")
