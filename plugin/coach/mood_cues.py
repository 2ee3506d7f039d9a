"""The mood cue file (``rulepacks/mood_cues.yaml``) compiled once for ``mood.py``.

Phrases are indexed by their first word, so matching costs one dict lookup per
message word however many phrases the file holds (one big regex alternation
measured ~300 µs per message; this is ~20 µs). Each pattern runs only when one of
its literal words (``triggers.triggers``) is in the message, for the same reason; a
pattern with none ("!!", emoji) only when the message holds a character its matches
can start with.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from plugin.coach import lexicon
from plugin.coach.known_topics import TopicCue, Topics
from plugin.coach.lexicon import TOKEN, word_key
from plugin.coach.regex_starts import first_chars, led, prefixes
from plugin.coach.sentiment import scorer
from plugin.coach.triggers import triggers

CUES_FILE = Path(__file__).with_name("rulepacks") / "mood_cues.yaml"

Phrase = tuple[list[str], str, bool]  # (lowercase tokens, kind, strong)
Pattern = tuple[str, re.Pattern[str]]  # (kind, compiled)


@dataclass(frozen=True, slots=True)
class Cues:
    phrases: dict[str, tuple[Phrase, ...]]  # first token -> phrases, longest first
    # the same phrases split for a cheaper test: those of 2+ words by their first two
    # words (longest first, as tails: the words after those two), one-word ones by word
    pairs: dict[tuple[str, str], tuple[tuple[list[str], str, bool], ...]]
    singles: dict[str, tuple[str, bool, int]]  # word -> (kind, strong, 1) of its first phrase
    patterns: tuple[Pattern, ...]
    literals: Any  # Aho-Corasick automaton: a literal -> the patterns whose matches hold it
    always: tuple[int, ...]  # patterns with neither (a weekday after "by"): run on every message
    gated: tuple[tuple[frozenset[str], int], ...]  # no literal, but the characters every
    # match starts with ("!" for "!!", the emoji themselves): run when one is in the message
    starts: tuple[tuple[str, ...] | None, ...]  # per pattern: what its matches start with
    # (``regex_starts``; None: not known): an ASCII message holding none has no match
    caps_ignore: frozenset[str]
    problem_words: frozenset[str]
    topics: Topics  # known support topics, in file order
    praise: dict[str, tuple[list[str], ...]]  # first token -> praise phrases, longest first
    sentiment: Any  # a vader analyzer scoring with the file's valence overrides
    compound: Callable[[str], float]  # its compound score of a text (``sentiment.py``)


@cache
def cues() -> Cues:
    """Compile ``mood_cues.yaml`` once; raises ValueError naming the file on a bad entry."""
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict):
        raise ValueError(f"{CUES_FILE}: needs a 'kinds' mapping")
    index: dict[str, list[Phrase]] = {}
    patterns: list[Pattern] = []
    for kind, spec in data["kinds"].items():
        if not isinstance(spec, dict):
            raise ValueError(f"{CUES_FILE}: kind {kind!r} must be a mapping")
        for strength in ("strong", "weak", "patterns"):
            items = _strings(spec.get(strength) or [], f"{kind}.{strength}")
            if strength == "patterns":
                patterns += [(str(kind), _compile(p)) for p in items]
                continue
            for phrase in items:
                words = _words(phrase, f"{kind}.{strength}")
                index.setdefault(words[0], []).append((words, str(kind), strength == "strong"))
    analyzer = _sentiment(data.get("valence") or {})
    literals, unfiltered = _literals([p.pattern for _, p in patterns])
    starts = {i: _first_chars(patterns[i][1].pattern) for i in unfiltered}
    praise: dict[str, list[list[str]]] = {}
    for phrase in _strings(data.get("praise") or [], "praise"):
        words = _words(phrase, "praise")
        praise.setdefault(words[0], []).append(words)
    phrases = {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in index.items()}
    pairs: dict[tuple[str, str], list[tuple[list[str], str, bool]]] = {}
    singles: dict[str, tuple[str, bool, int]] = {}
    for first, group in phrases.items():
        for words, kind, strong in group:
            if len(words) > 1:
                pairs.setdefault((first, words[1]), []).append((words[2:], kind, strong))
            else:
                singles.setdefault(first, (kind, strong, 1))
    return Cues(
        phrases=phrases,
        pairs={k: tuple(v) for k, v in pairs.items()},
        singles=singles,
        patterns=tuple(patterns),
        literals=literals,
        always=tuple(i for i in unfiltered if starts[i] is None),
        gated=tuple((chars, i) for i, chars in starts.items() if chars is not None),
        starts=tuple(prefixes(p.pattern) for _, p in patterns),
        caps_ignore=frozenset(str(w) for w in data.get("caps_ignore", [])),
        problem_words=frozenset(word_key(str(w)) for w in data.get("problem_words", [])),
        topics=_topic_cues(data.get("topics") or []),
        praise={k: tuple(sorted(v, key=len, reverse=True)) for k, v in praise.items()},
        sentiment=analyzer,
        compound=scorer(analyzer),
    )


def _literals(patterns: list[str]) -> tuple[Any, list[int]]:
    by_literal: dict[str, list[int]] = {}
    always: list[int] = []
    for i, pattern in enumerate(patterns):
        found = triggers(pattern)
        if found is None:
            always.append(i)
        for literal in found or ():
            by_literal.setdefault(literal, []).append(i)
    automaton = ahocorasick.Automaton()
    for literal, indices in by_literal.items():
        automaton.add_word(literal, tuple(indices))
    automaton.make_automaton()
    return automaton, always


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters every match of ``pattern`` (case-insensitive) starts with, or None
    when they are not known or include a letter (which matches in either case)."""
    chars = first_chars(pattern)
    if chars is None or any(c.lower() != c or c.upper() != c for c in chars):
        return None
    return chars


def _compile(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(led(pattern), re.I)
    except re.error as e:
        raise ValueError(f"{CUES_FILE}: bad pattern {pattern!r}: {e}") from e


def _strings(items: object, where: str) -> list[str]:
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise ValueError(f"{CUES_FILE}: {where} must be a list of strings")
    return items


def _words(phrase: str, where: str) -> list[str]:
    words = [word_key(w) for w in TOKEN.findall(phrase)]
    if not words:
        raise ValueError(f"{CUES_FILE}: {where} has an empty phrase")
    return words


def _sentiment(valence: object) -> Any:
    """vader with the file's word scores: 0 takes a word out of vader's lexicon."""
    if not isinstance(valence, dict) or not all(
        isinstance(k, str) and isinstance(v, int | float) for k, v in valence.items()
    ):
        raise ValueError(f"{CUES_FILE}: 'valence' must map words to numbers")
    analyzer = copy.copy(lexicon.vader())  # shares vader's tables; only the lexicon differs
    words = dict(analyzer.lexicon)
    for word, score in valence.items():
        if score == 0:
            words.pop(word.lower(), None)
        else:
            words[word.lower()] = float(score)
    analyzer.lexicon = words
    return analyzer


def _topic_cues(items: object) -> Topics:
    if not isinstance(items, list):
        raise ValueError(f"{CUES_FILE}: 'topics' must be a list")
    out: list[TopicCue] = []
    for item in items:
        if not (
            isinstance(item, dict)
            and isinstance(item.get("topic"), str)
            and isinstance(item.get("pattern"), str)
        ):
            raise ValueError(f"{CUES_FILE}: each topic needs 'topic' and 'pattern' strings")
        try:
            pattern = re.compile(item["pattern"], re.I)
        except re.error as e:
            raise ValueError(f"{CUES_FILE}: topic {item['topic']!r}: bad pattern: {e}") from e
        out.append(TopicCue(pattern, item["topic"], bool(item.get("first", False))))
    return Topics.of(tuple(out))
