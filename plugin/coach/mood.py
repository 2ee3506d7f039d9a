"""The customer's mood, read from their latest message: vader sentiment plus cue phrases.

Cues (``rulepacks/mood_cues.yaml``, offsets into the message): repeat contact,
shouting, "!!!"/"?!", threats to cancel, urgency and negative phrases. The
label combines vader's compound score with the cues:

- **angry**: a cancel threat; or shouting in a negative message (compound
  ≤ -0.05); or a strongly negative message (compound ≤ -0.6) with heat
  (shouting, "!!!", repeat contact); or compound ≤ -0.8 on its own.
- **frustrated**: compound ≤ -0.05, or any strong repeat-contact, shouting,
  exclamation or negative-phrase cue, or urgency in a message that is not
  positive.
- **calm**: compound ≥ 0.05 and no strong cue.
- **neutral**: everything else, and the empty message.

±0.05 is vader's own convention for positive/negative/neutral (Hutto & Gilbert,
2014, and the vaderSentiment README); -0.6 and -0.8 are ours, set so that plain
complaints read as frustrated and only heated or extreme ones as angry.

For fitted wording (``wording.py``) the mood also names the customer's problem
twice, in the agent's voice: ``problem`` is a short clause ("your order #4411
still has not arrived", for "I'm sorry that {problem}.") and ``topic`` a short
noun phrase ("your order #4411", for "an update on {topic}"). Either is None
when the message names no problem; ``problem.py`` finds both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

from plugin.coach import lexicon
from plugin.coach.lexicon import TOKEN, word_key
from plugin.coach.model import Cue, Mood, MoodLabel
from plugin.coach.problem import topic_and_problem
from plugin.coach.shouting import shouting
from plugin.coach.topic import TopicCue

CUES_FILE = Path(__file__).with_name("rulepacks") / "mood_cues.yaml"

# vader's conventional thresholds (vaderSentiment README, "scoring").
VADER_POSITIVE = 0.05
VADER_NEGATIVE = -0.05
ANGRY_WITH_HEAT = -0.6  # negative enough that heat makes it anger
ANGRY_ALONE = -0.8  # negative enough to be anger without any cue

_HEAT = frozenset({"caps", "exclamations", "repeat_contact"})

_Phrase = tuple[list[str], str, bool]  # (lowercase tokens, kind, strong)


@dataclass(frozen=True, slots=True)
class _Cues:
    """The cue file compiled once.

    Phrases are indexed by their first word, so matching costs one dict lookup
    per message word however many phrases the file holds (one big regex
    alternation measured ~300 µs per message; this is ~20 µs).
    """

    phrases: dict[str, tuple[_Phrase, ...]]  # first token -> phrases, longest first
    patterns: re.Pattern[str] | None
    groups: dict[str, str]  # pattern group name -> kind
    caps_ignore: frozenset[str]
    problem_words: frozenset[str]
    topics: tuple[TopicCue, ...]  # known support topics, in file order


def warm() -> None:
    """Load vader's lexicon and compile the cue file now, not on the first request."""
    lexicon.vader()
    _cues()


# The sidebar re-checks on every pause while the customer's message stays the same:
# its mood is computed once. Mood is frozen, so sharing it is safe.
@lru_cache(maxsize=512)
def analyze(message: str) -> Mood:
    """Label the customer's mood and list the cues behind it."""
    if not message.strip():
        return Mood(label="neutral", compound=0.0)
    cues = _cues()
    compound = float(lexicon.vader().polarity_scores(message)["compound"])
    found: list[Cue] = []
    strong: set[str] = set()
    for kind, is_strong, start, end in _phrase_hits(message, cues):
        found.append(Cue(kind, start, end, message[start:end]))
        if is_strong:
            strong.add(kind)
    shouts = shouting(message, cues.caps_ignore)
    if shouts:
        found.extend(shouts)
        strong.add("caps")
    threats = [(c.start, c.end) for c in found if c.kind == "cancel_threat"]
    topic, problem = topic_and_problem(message, cues, threats)
    return Mood(
        label=_label(compound, strong),
        compound=compound,
        cues=tuple(sorted(set(found), key=lambda c: (c.start, c.end, c.kind))),
        topic=topic,
        problem=problem,
    )


def _phrase_hits(message: str, cues: _Cues) -> list[tuple[str, bool, int, int]]:
    """(kind, strong, start, end) for every cue phrase and pattern in ``message``."""
    # folding keeps the length, so offsets into the folded text are offsets into the message
    folded = word_key(message)
    spans = [m.span() for m in TOKEN.finditer(folded)]
    words = [folded[s:e] for s, e in spans]
    index = cues.phrases
    hits: list[tuple[str, bool, int, int]] = []
    free = 0  # a matched phrase's words start no other phrase
    for i in [i for i, w in enumerate(words) if w in index]:
        if i < free:
            continue
        for phrase, kind, is_strong in index[words[i]]:
            n = len(phrase)
            if words[i : i + n] == phrase:
                hits.append((kind, is_strong, spans[i][0], spans[i + n - 1][1]))
                free = i + n
                break
    if cues.patterns is not None:
        for m in cues.patterns.finditer(message):
            if m.lastgroup is not None:
                hits.append((cues.groups[m.lastgroup], True, m.start(), m.end()))
    return hits


def _label(compound: float, strong: set[str]) -> MoodLabel:
    heat = bool(strong & _HEAT)
    if (
        "cancel_threat" in strong
        or ("caps" in strong and compound <= VADER_NEGATIVE)
        or (heat and compound <= ANGRY_WITH_HEAT)
        or compound <= ANGRY_ALONE
    ):
        return "angry"
    if (
        compound <= VADER_NEGATIVE
        or heat
        or "negative" in strong
        or ("urgency" in strong and compound < VADER_POSITIVE)
    ):
        return "frustrated"
    if compound >= VADER_POSITIVE and not strong:
        return "calm"
    return "neutral"


# -- the cue file --------------------------------------------------------------------


@cache
def _cues() -> _Cues:
    """Compile ``mood_cues.yaml`` once; raises ValueError naming the file on a bad entry."""
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict):
        raise ValueError(f"{CUES_FILE}: needs a 'kinds' mapping")
    index: dict[str, list[_Phrase]] = {}
    alternatives: list[str] = []
    groups: dict[str, str] = {}
    for kind, spec in data["kinds"].items():
        if not isinstance(spec, dict):
            raise ValueError(f"{CUES_FILE}: kind {kind!r} must be a mapping")
        for strength in ("strong", "weak", "patterns"):
            items = spec.get(strength) or []
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise ValueError(f"{CUES_FILE}: {kind}.{strength} must be a list of strings")
            if strength == "patterns":
                for pattern in items:
                    name = f"g{len(groups)}"
                    groups[name] = str(kind)
                    alternatives.append(f"(?P<{name}>{pattern})")
                continue
            for phrase in items:
                words = [word_key(w) for w in TOKEN.findall(phrase)]
                if not words:
                    raise ValueError(f"{CUES_FILE}: {kind}.{strength} has an empty phrase")
                index.setdefault(words[0], []).append((words, str(kind), strength == "strong"))
    try:
        patterns = re.compile("|".join(alternatives), re.I) if alternatives else None
    except re.error as e:
        raise ValueError(f"{CUES_FILE}: bad pattern: {e}") from e
    return _Cues(
        phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in index.items()},
        patterns=patterns,
        groups=groups,
        caps_ignore=frozenset(str(w) for w in data.get("caps_ignore", [])),
        problem_words=frozenset(word_key(str(w)) for w in data.get("problem_words", [])),
        topics=_topic_cues(data.get("topics") or []),
    )


def _topic_cues(items: object) -> tuple[TopicCue, ...]:
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
    return tuple(out)
