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

``topic`` is a short clause naming the customer's problem, in the agent's
voice ("my order hasn't arrived" → "your order hasn't arrived"), for fitted
wording such as "I'm sorry {topic}".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

from plugin.coach import lexicon
from plugin.coach.model import Cue, Mood, MoodLabel

CUES_FILE = Path(__file__).with_name("rulepacks") / "mood_cues.yaml"

# vader's conventional thresholds (vaderSentiment README, "scoring").
VADER_POSITIVE = 0.05
VADER_NEGATIVE = -0.05
ANGRY_WITH_HEAT = -0.6  # negative enough that heat makes it anger
ANGRY_ALONE = -0.8  # negative enough to be anger without any cue
MIN_SHOUTING_WORDS = 2  # one capitalised word is emphasis, two is shouting
SHOUT_MIN_ZIPF = 3.0  # an all-caps word rarer than this is an acronym, not a shout
TOPIC_MAX_WORDS = 12

_HEAT = frozenset({"caps", "exclamations", "repeat_contact"})
_CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_GREETING = re.compile(
    r"^\s*(?:(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\b[^,.!?\n]*[,.!]?\s*)",
    re.I,
)
_LEAD_IN = re.compile(r"^\s*(?:so|but|and|also|well|ok|okay|anyway|honestly|please)\b[,\s]*", re.I)
_CLAUSE_BREAK = re.compile(r"\s*[,;:]\s+|\s+(?:but|because|so|and then)\s+", re.I)
_AND_BREAK = re.compile(r"\s+and\s+", re.I)


_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

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
    shouts = _shouting(message, cues.caps_ignore)
    if shouts:
        found.extend(shouts)
        strong.add("caps")
    return Mood(
        label=_label(compound, strong),
        compound=compound,
        cues=tuple(sorted(set(found), key=lambda c: (c.start, c.end, c.kind))),
        topic=_topic(message, cues.problem_words),
    )


def _phrase_hits(message: str, cues: _Cues) -> list[tuple[str, bool, int, int]]:
    """(kind, strong, start, end) for every cue phrase and pattern in ``message``."""
    # folding keeps the length, so offsets into the folded text are offsets into the message
    folded = _fold(message)
    spans = [m.span() for m in _TOKEN.finditer(folded)]
    words = [folded[s:e] for s, e in spans]
    index = cues.phrases
    hits: list[tuple[str, bool, int, int]] = []
    i = 0
    while i < len(words):
        step = 1
        for phrase, kind, is_strong in index.get(words[i], ()):
            n = len(phrase)
            if words[i : i + n] == phrase:
                hits.append((kind, is_strong, spans[i][0], spans[i + n - 1][1]))
                step = n
                break
        i += step
    if cues.patterns is not None:
        for m in cues.patterns.finditer(message):
            if m.lastgroup is not None:
                hits.append((cues.groups[m.lastgroup], True, m.start(), m.end()))
    return hits


def _fold(word: str) -> str:
    return word.lower().replace("’", "'")


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


def _shouting(message: str, ignore: frozenset[str]) -> list[Cue]:
    """Runs of all-caps words, when there are at least two such words in all."""
    words = [
        m
        for m in _CAPS_WORD.finditer(message)
        if m.group() not in ignore and lexicon.zipf(m.group().lower()) >= SHOUT_MIN_ZIPF
    ]
    if len(words) < MIN_SHOUTING_WORDS:
        return []
    runs: list[list[int]] = []
    for m in words:
        gap = message[runs[-1][1] : m.start()] if runs else "x"
        if runs and gap == gap.upper():  # only punctuation or short caps ("IS") between
            runs[-1][1] = m.end()
        else:
            runs.append([m.start(), m.end()])
    return [Cue("caps", s, e, message[s:e]) for s, e in runs]


# -- topic ---------------------------------------------------------------------------

_SWAP = {
    "i am": "you are",
    "i was": "you were",
    "i'm": "you're",
    "i've": "you've",
    "i'll": "you'll",
    "i'd": "you'd",
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "we are": "you are",
    "we're": "you're",
    "we've": "you've",
    "we'll": "you'll",
    "we'd": "you'd",
    "we": "you",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "you are": "we are",
    "you were": "we were",
    "you're": "we're",
    "you've": "we've",
    "you'll": "we'll",
    "you'd": "we'd",
    "you": "we",
    "your": "our",
    "yours": "ours",
}
_PERSON = re.compile(
    r"\b(?:i\s+am|i\s+was|we\s+are|you\s+are|you\s+were|"
    r"(?:i|we|you)['’](?:m|ve|ll|d|re)|i|me|my|mine|myself|we|us|our|ours|you|your|yours)\b",
    re.I,
)
# "you" right after one of these is a subject ("and you charged me"), else an object.
_SUBJECT_SLOT = frozenset({"", "and", "but", "because", "so", "that", "if", "when", "since"})


def _names_problem(text: str, problem_words: frozenset[str]) -> bool:
    return any(w in problem_words or w.endswith("n't") for w in map(_fold, _TOKEN.findall(text)))


def _topic(message: str, problem_words: frozenset[str]) -> str | None:
    """A short clause naming the problem, in the agent's voice; None if none is found."""
    for m in _SENTENCE.finditer(message):
        sentence = _GREETING.sub("", m.group()).strip()
        if not _names_problem(sentence, problem_words):
            continue
        clause = sentence.rstrip(" .!?")
        for breaks in (_CLAUSE_BREAK, _AND_BREAK):
            if len(clause.split()) <= TOPIC_MAX_WORDS:
                break
            parts = [p for p in breaks.split(clause) if _names_problem(p, problem_words)]
            clause = parts[0] if parts else clause
        clause = _LEAD_IN.sub("", clause)
        words = clause.split()[:TOPIC_MAX_WORDS]
        if not words:
            continue
        text = _swap_person(" ".join(words)).rstrip(" ,;:-")
        first = text.split(maxsplit=1)[0]
        if first[:1].isupper() and not first.isupper() and lexicon.zipf(first.lower()) >= 4.0:
            text = text[0].lower() + text[1:]
        return text
    return None


def _swap_person(text: str) -> str:
    """First person to second ("my order" → "your order") and second to first."""

    def swap(m: re.Match[str]) -> str:
        key = re.sub(r"\s+", " ", m.group().lower().replace("’", "'"))
        out = _SWAP.get(key, m.group())
        if key == "you":
            before = re.findall(r"[a-z]+|,", text[: m.start()].lower())
            prev = before[-1] if before else ""
            out = "we" if prev in _SUBJECT_SLOT or prev == "," else "us"
        return out

    return _PERSON.sub(swap, text)


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
                words = [_fold(w) for w in _TOKEN.findall(phrase)]
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
        problem_words=frozenset(_fold(str(w)) for w in data.get("problem_words", [])),
    )
