"""The customer's mood, read from their latest message: vader sentiment plus cue phrases.

Cues (``rulepacks/mood_cues.yaml``, offsets into the message) come in three groups:

- heat: repeat contact and waiting ("it's been a week", "twice now"), shouting,
  "!!!"/"??"/"?!" — but exclamations and capitals in a happy message ("I LOVE it!!")
  are delight, not heat;
- complaint: negative phrases, verdicts and demands ("a joke", "fix it", "how come"),
  eye-roll emoji and sarcasm (praise followed by a complaint: "thanks for the modem
  that doesn't work", "who doesn't love…", a word in scare quotes);
- care: bereavement, health, money trouble, safety, children, travel disruption,
  urgency and the customer's own words of worry — these need empathy however
  politely they are written.

vader scores the words with the cue file's ``valence`` overrides: a fault report
("error", "lost") or politeness ("please help", the customer's own "unfortunately")
is not a feeling. The label:

- **angry**: a cancel threat (a plain churn request is not one); shouting in a
  negative or complaining message; a strongly negative message (compound ≤ -0.6)
  with heat; or compound ≤ -0.8 with no circumstance to explain it.
- **frustrated**: any complaint or heat cue, or compound ≤ -0.05 with no care cue.
- **worried**: a care cue and nothing of the above: the words are sad or anxious,
  not angry at us, and the reply needs empathy all the same.
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
from functools import lru_cache
from itertools import accumulate, compress, count

from plugin.coach import lexicon
from plugin.coach.folded import Folded
from plugin.coach.lexicon import TOKEN, word_key
from plugin.coach.model import Cue, Mood, MoodLabel
from plugin.coach.mood_cues import CUES_FILE, Cues, cues
from plugin.coach.problem import topic_and_problem
from plugin.coach.shouting import shouting

__all__ = ["CUES_FILE", "analyze", "warm"]

# vader's conventional thresholds (vaderSentiment README, "scoring").
VADER_POSITIVE = 0.05
VADER_NEGATIVE = -0.05
ANGRY_WITH_HEAT = -0.6  # negative enough that heat makes it anger
ANGRY_ALONE = -0.8  # negative enough to be anger without any cue
STING = -1.5  # a word this negative after praise makes the praise sarcasm
_SHORT_PRAISE = 4  # "Great job." as a sentence of its own: read with its neighbours

_HEAT = frozenset({"caps", "exclamations", "repeat_contact", "waiting"})
_DELIGHT_PROOF = frozenset({"repeat_contact", "waiting"})  # heat that joy does not explain
_COMPLAINT = frozenset({"negative", "complaint", "sarcasm"})
CARE = frozenset(
    {
        *("bereavement", "health", "money", "safety", "children"),
        *("travel_disruption", "distress", "urgency"),
    }
)
# "No worries, thanks!": vader reads "no" as negating the thanks that follows.
_EASY_IDIOM = Folded(r"\bno\s+(?:worries|problem|problems|bother|rush|hurry)\b")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")


def warm() -> None:
    """Load vader's lexicon and compile the cue file now, not on the first request."""
    lexicon.vader()
    cues()


# The sidebar re-checks on every pause while the customer's message stays the same:
# its mood is computed once. Mood is frozen, so sharing it is safe.
@lru_cache(maxsize=512)
def analyze(message: str) -> Mood:
    """Label the customer's mood and list the cues behind it."""
    if not message.strip():
        return Mood(label="neutral", compound=0.0)
    compiled = cues()
    scored = message  # the idiom is rare: found by its faster twin first
    if _EASY_IDIOM.search(message) is not None:
        scored = _EASY_IDIOM.ignorecase.sub("okay", message)
    compound = compiled.compound(scored)
    found: list[Cue] = []
    strong: set[str] = set()
    tokens = Tokens(message)
    for kind, is_strong, start, end in _phrase_hits(message, compiled, tokens):
        found.append(Cue(kind, start, end, message[start:end]))
        if is_strong:
            strong.add(kind)
    shouts = shouting(message, compiled.caps_ignore)
    if shouts:
        found.extend(shouts)
        strong.add("caps")
    sarcasm = _sarcasm(message, compiled, found, tokens)
    if sarcasm:
        found.extend(sarcasm)
        strong.add("sarcasm")
    threats = [(c.start, c.end) for c in found if c.kind == "cancel_threat"]
    topic, problem = topic_and_problem(message, compiled, threats, tokens.words)
    return Mood(
        label=_label(compound, strong),
        compound=compound,
        cues=tuple(found)  # (one cue is already unique and in order)
        if len(found) < 2
        else tuple(sorted(set(found), key=lambda c: (c.start, c.end, c.kind))),
        topic=topic,
        problem=problem,
    )


# A message's words and the text between them, in one pass: re.split keeps a captured word.
# On lowercased ASCII text TOKEN's letters and digits are these (a plain class is faster).
_PIECES = re.compile(f"({TOKEN.pattern})")
_ASCII_PIECES = re.compile(r"([a-z0-9]+(?:'[a-z0-9]+)*)")


class Tokens:
    """The message folded, its words and, on first use, their spans: most messages need
    none (no cue phrase, no praise)."""

    __slots__ = ("_pieces", "_spans", "folded", "words")

    def __init__(self, message: str) -> None:
        # folding keeps the length: offsets into the folded text are offsets into the message
        folded = word_key(message)
        if len(folded) != len(message):  # "İ" lowers to two characters: it stays as it is
            folded = "".join(c if len(c.lower()) > 1 else word_key(c) for c in message)
        self.folded = folded
        pieces = _ASCII_PIECES if message.isascii() else _PIECES
        self._pieces = pieces.split(self.folded)  # [between, word, between, ..., between]
        self.words: list[str] = self._pieces[1::2]
        self._spans: list[tuple[int, int]] | None = None

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:  # where each piece ends, summed in C
            ends = list(accumulate(map(len, self._pieces)))
            self._spans = list(zip(ends[:-1:2], ends[1::2], strict=True))
        return self._spans


def _phrase_hits(message: str, compiled: Cues, tokens: Tokens) -> list[tuple[str, bool, int, int]]:
    """(kind, strong, start, end) for every cue phrase and pattern in ``message``."""
    words = tokens.words
    index, pairs, singles = compiled.phrases, compiled.pairs, compiled.singles
    hits: list[tuple[str, bool, int, int]] = []
    free = 0  # a matched phrase's words start no other phrase
    last = len(words) - 1
    for i in compress(count(), map(index.__contains__, words)):  # picked in C
        if i < free:
            continue
        # the longest phrase starting here: one of 2+ words (among those whose first two
        # words are these two), else a one-word phrase
        match = singles.get(words[i])
        if i < last:
            for tail, kind, strong in pairs.get((words[i], words[i + 1]), ()):
                if not tail or words[i + 2 : i + 2 + len(tail)] == tail:
                    match = (kind, strong, 2 + len(tail))
                    break
        if match is not None:
            kind, strong, n = match
            spans = tokens.spans
            hits.append((kind, strong, spans[i][0], spans[i + n - 1][1]))
            free = i + n
    run = set(compiled.always)
    if compiled.gated:
        present = set(message)
        run.update(i for chars, i in compiled.gated if not chars.isdisjoint(present))
    for _, indices in compiled.literals.iter(tokens.folded):
        run.update(indices)
    # lowercasing ASCII keeps offsets, and IGNORECASE equates nothing else with ASCII
    low = tokens.folded if message.isascii() else ""
    for i in sorted(run):
        starts = compiled.starts[i]
        if low and starts is not None:
            for start in starts:
                if start in low:
                    break
            else:
                continue  # nothing a match starts with: no match
        kind, pattern = compiled.patterns[i]
        for m in pattern.finditer(message):
            hits.append((kind, True, m.start(), m.end()))
    return hits


def _sarcasm(message: str, compiled: Cues, found: list[Cue], tokens: Tokens) -> list[Cue]:
    """Praise followed by a complaint in the same sentence ("thanks for the new modem
    that doesn't work"), or a sharp one in the next ("Thanks, BA. Morons."); praise that
    is a sentence of its own ("Great job.") beside a sentence naming a fault."""
    words = tokens.words
    praise = compiled.praise
    if praise.keys().isdisjoint(words):
        return []
    # (the few words in the praise index, and in the lexicon, are picked in C)
    said: list[tuple[int, int]] = []  # where each longest praise phrase starts, its length
    for i in compress(count(), map(praise.__contains__, words)):
        n = next((len(p) for p in praise[words[i]] if words[i : i + len(p)] == p), 0)
        if n:
            said.append((i, n))
    if not said:  # a praise word, but no phrase: most messages that have one
        return []
    spans = tokens.spans
    ends = [m.end() for m in _SENTENCE_END.finditer(message)] + [len(message)]
    sharp = [c.start for c in found if c.kind in _COMPLAINT]
    valence = compiled.sentiment.lexicon
    for i in compress(count(), map(valence.__contains__, words)):
        if valence[words[i]] <= STING:
            sharp.append(spans[i][0])
    out: list[Cue] = []
    for i, n in said:
        start, end = spans[i][0], spans[i + n - 1][1]
        k = next(j for j, e in enumerate(ends) if e >= end)
        same = ends[k]
        begin = ends[k - 1] if k else 0
        following = ends[k + 1] if k + 1 < len(ends) else same
        before = ends[k - 2] if k > 1 else 0
        short = sum(1 for a, _ in spans if begin <= a < same)
        lo, hi = (before, following) if short <= _SHORT_PRAISE else (end, same)
        faults = [
            a
            for x, (a, _) in zip(words, spans, strict=True)
            if lo <= a < hi
            and not start <= a < end
            and (x in compiled.problem_words or x.endswith("n't"))
        ]
        if faults or any(end <= s < following for s in sharp):
            out.append(Cue("sarcasm", start, end, message[start:end]))
    return out


def _label(compound: float, strong: set[str]) -> MoodLabel:
    heat = strong & _HEAT
    if compound >= VADER_POSITIVE and not strong & _COMPLAINT:
        heat &= _DELIGHT_PROOF  # "I LOVE it!!" is delight
    care = bool(strong & CARE)
    complaint = bool(strong & _COMPLAINT)
    if (
        "cancel_threat" in strong
        or ("caps" in heat and (compound <= VADER_NEGATIVE or complaint))
        or (heat and compound <= ANGRY_WITH_HEAT)
        or (compound <= ANGRY_ALONE and not care)
    ):
        return "angry"
    if complaint or heat or (compound <= VADER_NEGATIVE and not care):
        return "frustrated"
    if care:
        return "worried"
    if compound >= VADER_POSITIVE and not strong:
        return "calm"
    return "neutral"
