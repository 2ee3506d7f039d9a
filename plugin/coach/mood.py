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
when the message names no problem; see "topic and problem" below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain
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
TOPIC_MAX_WORDS = 7  # a noun phrase: "the export button in the mobile app"
PROBLEM_MAX_WORDS = 12  # a clause the agent can quote back in one breath
PROBLEM_MIN_WORDS = 3  # "it's not" names nothing

_HEAT = frozenset({"caps", "exclamations", "repeat_contact"})
_CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")


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
    topics: tuple[_TopicCue, ...]  # known support topics, in file order


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
    threats = [(c.start, c.end) for c in found if c.kind == "cancel_threat"]
    topic, problem = _subject(message, cues, threats)
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


# -- topic and problem ---------------------------------------------------------------
#
# ``problem`` is the clause that states what went wrong, in the agent's voice ("My
# order #4411 still has not arrived and nobody answers" → "your order #4411 still has
# not arrived"): the first statement naming a problem, cut at the first hard break (a
# comma, "and", "because"...), with "but" kept when the whole fits. ``topic`` is a noun
# phrase for the same problem ("your order #4411"): a known support topic ("the double
# charge"), else the problem clause's subject, else the item the customer bought, else
# the first support noun with its determiner. Sentences about the contact itself
# ("third time I'm writing"), threats, questions, requests and how-to wording state
# no problem; questions and requests may still name the topic ("Where is my refund?").

_SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\d))+[.!?]*")
_GREETING = re.compile(
    r"^\s*(?:(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\b[^,.!?\n]*[,.!]?\s*)",
    re.I,
)
_LEAD_IN = re.compile(
    r"^\s*(?:(?:so|but|and|also|well|ok|okay|anyway|honestly|seriously|now|then|plus)\b[,\s]*)+",
    re.I,
)
_HARD_BREAK = re.compile(
    r"\s*[,;:]\s+|\s+[-–—]+\s+|\s+(?:and then|and|because|or|even though|although|though"
    r"|which|while|plus)\s+",
    re.I,
)
_SOFT_BREAK = re.compile(r"\s+but\s+", re.I)
_SUB_BREAK = re.compile(
    r"\s+(?:when|whenever|if|after|before|until|since|every time|each time)\s+", re.I
)
_META = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|last)\s+"
    r"(?:time|email|e-mail|message|ticket|request|call|chat)\b"
    r"|\b(?:writ(?:e|es|ing|ten)|wrote|contact(?:ed|ing)?|e-?mail(?:ed|ing)|messag(?:ed|ing)"
    r"|call(?:ed|ing)|explain(?:ed|ing)?|ask(?:ed|ing)|told|chas(?:ed|ing)|reach(?:ed|ing)\s+out)\b"
    r"[^.!?\n]{0,40}\b(?:already|again|twice|times|before|last|several|multiple|repeatedly)\b"
    r"|\b(?:already|again|twice|repeatedly)\b[^.!?\n]{0,20}"
    r"\b(?:writ|wrote|contact|e-?mail|messag|call|explain|ask|told|chas|reach)"
    r"|\b(?:nobody|no\s*one|no-one)\b[^.!?\n]{0,20}\b(?:got\s+back|gets\s+back|answer|repl|respon)"
    r"|\bstill\s+no\s+(?:answer|reply|response|word|update|news)\b"
    r"|\bif\s+(?:this|it)\s+(?:is|isn['’]t|is\s+not|doesn['’]t|does\s+not|can['’]t|won['’]t)\b"
    r"[^.!?\n]*\b(?:today|tomorrow|now|soon|fixed|sorted|resolved)\b",
    re.I,
)
_REQUEST = re.compile(
    r"^(?:please|kindly|pls|can\s+(?:you|i|we)|could\s+(?:you|i|we)|would\s+you|will\s+you"
    r"|i\s+(?:want|wanted|need|needed|would\s+like|would\s+love)|i['’]d\s+(?:like|love)"
    r"|i['’]m\s+asking|i\s+am\s+asking|help)\b",
    re.I,
)
_HOW_TO = re.compile(
    r"\b(?:not\s+sure\s+(?:how|where|whether|if|what|why)|how\s+(?:do|can|should|would)\s+i"
    r"|is\s+there\s+a\s+way|wondering|where\s+(?:do|can)\s+i)\b",
    re.I,
)
_ANTECEDENT = re.compile(
    r"\b(?:ordered|bought|purchased|returned|booked|paid\s+for|sent\s+back)\s+"
    r"(?:a|an|the|my|our|some|two|three)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
    r"(?=\s+(?:from|for|on|in|at|to|two|three|a|last|yesterday|today|but|and|which|that|about"
    r"|over|weeks?|days?|months?)\b|\s*[,.!?]|\s*$)",
    re.I,
)
_IDENTIFIER = re.compile(r"^(?:#\S+|\S*\d\S*)$")
_CAPS_RUN = re.compile(r"[A-Z]{2}")
_WORD_EDGE = ",.;:!?\"'()[]“”‘’"

_DETS = lexicon.wordset(
    "the my your our their his her its this that these those a an some any all both"
)
_INDEFINITE = lexicon.wordset("a an some any")
_PRONOUNS = lexicon.wordset(
    "i you we they he she it me us them who which that what i'm i've i'd i'll you're you've "
    "we're we've they're it's there there's here nothing everything something anything "
    "nobody everyone everybody someone"
)
_PREPOSITIONS = lexicon.wordset(
    "to for of on in at with from by about into under over after before since until "
    "without through during"
)
# Words that end a subject noun phrase: auxiliaries, modals, frequent verbs and adverbs.
_VERBISH = lexicon.wordset(
    "is are was were be been being am has have had does do did will would can could should "
    "shall may might must keeps keep kept still never just also always already suddenly "
    "now seems seem appears shows showed says said came comes went goes got gets getting "
    "crashes crashed freezes froze fails failed works worked loads stopped stops broke "
    "won't can't cannot doesn't didn't isn't wasn't aren't weren't hasn't haven't hadn't "
    "couldn't wouldn't shouldn't looks look needs need wants want lets let takes took "
    "arrives arrived hangs logs sends sent charges charged says tells told only even really "
    "again please not no"
)
# Support nouns a topic can be built around, and those the customer owns ("your order").
_OWNED = lexicon.wordset(
    "order orders package parcel delivery shipment refund payment invoice receipt bill "
    "subscription plan account password login card booking reservation address data "
    "profile device files photos credit balance return replacement renewal trial license "
    "money purchase"
)
_DOMAIN = _OWNED | lexicon.wordset(
    "app dashboard site website page button code link email charge item product export "
    "report reports ticket tracking update download extension feature "
    "error transfer voucher coupon discount key upload sync integration file "
    "screen checkout cart"
)
_VAGUE = lexicon.wordset("one thing things stuff it this that problem issue way")
_PROPER = lexicon.wordset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december"
)
_NEGATIONS = lexicon.wordset("not never no nothing cannot nobody")


@dataclass(frozen=True, slots=True)
class _TopicCue:
    pattern: re.Pattern[str]
    topic: str
    first: bool  # wins over the clause's own subject ("my card shows two payments")


def _subject(
    message: str, cues: _Cues, threats: list[tuple[int, int]]
) -> tuple[str | None, str | None]:
    """(topic, problem) for ``message``; either may be None."""
    bodies = _bodies(message, cues, threats)  # lazy: most messages stop at the problem
    skipped: list[str] = []
    chosen: str | None = None
    for body, states_problem in bodies:
        if states_problem and _names_problem(body, cues):
            chosen = body
            break
        skipped.append(body)
    problem = topic = None
    if chosen is not None:
        clause = _problem_clause(chosen, cues)
        item = _antecedent(chosen)
        if clause is not None:
            if item and re.match(r"it\s", clause, re.I):
                clause = f"my {item}" + clause[2:]  # "it still hasn't arrived"
            problem = _voice(clause)
        topic = _topic_in(clause or _HARD_BREAK.split(chosen)[0], chosen, cues, item)
    if topic is None:
        for body in chain(skipped, (b for b, _ in bodies)):
            topic = _topic_in(body, body, cues, _antecedent(body))
            if topic is not None:
                break
    return topic, problem


def _bodies(
    message: str, cues: _Cues, threats: list[tuple[int, int]]
) -> Iterator[tuple[str, bool]]:
    """Each sentence's words that may name the problem, and whether it states one."""
    for m in _SENTENCE.finditer(message):
        threat = any(s < m.end() and m.start() < e for s, e in threats)
        sentence = _GREETING.sub("", _unshout(m.group(), cues.caps_ignore)).strip()
        question = "?" in sentence[-3:]
        body = _without_meta(_LEAD_IN.sub("", sentence.rstrip(" .!?…")))
        if body:
            yield body, not (threat or question or _REQUEST.match(body) or _HOW_TO.search(body))


def _unshout(sentence: str, ignore: frozenset[str]) -> str:
    """Lowercase shouted words ("ORDER IT'S NOT" → "order it's not"), keeping acronyms."""
    if not _CAPS_RUN.search(sentence):
        return sentence
    letters = [c for c in sentence if c.isalpha()]
    shouted = bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)
    floor = SHOUT_MIN_ZIPF if shouted else 4.5

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        if not word.isupper() or word in ignore or (len(word) < 2 and not shouted):
            return word
        if lexicon.zipf(word.lower()) < floor and not shouted:
            return word
        if shouted and len(word) > 1 and lexicon.zipf(word.lower()) < SHOUT_MIN_ZIPF:
            return word  # an acronym inside shouting
        low = word.lower()
        if low in _PROPER:
            return low.capitalize()
        return "I" + low[1:] if low == "i" or low[:2] in ("i'", "i’") else low

    return re.sub(r"(?<![\w#-])[A-Za-z]+(?:['’][A-Za-z]+)*(?![\w-])", fix, sentence)


def _without_meta(body: str) -> str:
    """``body`` without the parts about the contact itself ("and nobody answers")."""
    if not _META.search(body):
        return body
    parts = [p for p in _HARD_BREAK.split(body) if p.strip() and not _META.search(p)]
    return _LEAD_IN.sub("", ", ".join(parts))


def _names_problem(text: str, cues: _Cues) -> bool:
    words = [_fold(w) for w in _TOKEN.findall(text)]
    return any(w in cues.problem_words or w.endswith("n't") for w in words) or any(
        t.first and t.pattern.search(text) for t in cues.topics
    )


def _negated(text: str) -> bool:
    return any(
        w in _NEGATIONS or w.endswith("n't") for w in (_fold(w) for w in _TOKEN.findall(text))
    )


def _problem_clause(body: str, cues: _Cues) -> str | None:
    """The first part of ``body`` that names the problem, short enough to quote."""
    clause = _pick(body, _HARD_BREAK, cues)
    if clause is not None and len(clause.split()) > PROBLEM_MAX_WORDS:
        clause = _pick(clause, _SOFT_BREAK, cues)
    if clause is not None and len(clause.split()) > PROBLEM_MAX_WORDS:
        clause = _pick(clause, _SUB_BREAK, cues, borrow=False)
    if clause is None or not PROBLEM_MIN_WORDS <= len(clause.split()) <= PROBLEM_MAX_WORDS:
        return None
    return clause


def _pick(text: str, breaks: re.Pattern[str], cues: _Cues, borrow: bool = True) -> str | None:
    """The part naming the problem; one that says what does *not* work comes first.

    A part with no subject of its own ("and still haven't got my money back")
    borrows the first part's ("I").
    """
    parts = [p for p in (_LEAD_IN.sub("", p).strip() for p in breaks.split(text)) if p]
    if not parts:
        return None
    subject = _leading_subject(parts[0])
    naming: list[str] = []
    for i, part in enumerate(parts):
        if not _names_problem(part, cues):
            continue
        if borrow and subject and i and _subjectless(part):
            part = f"{subject} {part}"
        if len(part.split()) >= PROBLEM_MIN_WORDS:  # "and it's not" restates nothing
            naming.append(part)
    return next((p for p in naming if _negated(p)), naming[0] if naming else None)


def _leading_subject(part: str) -> str | None:
    words = part.split()
    if not words:
        return None
    first = _fold(words[0])
    if first in ("i", "we", "you", "they", "he", "she", "it"):
        return words[0]
    if first in ("i'm", "we're", "you're", "they're"):
        return words[0].split("'")[0].split("’")[0]
    np = _noun_phrase(words)
    return " ".join(words[:np]) if np else None


def _subjectless(part: str) -> bool:
    first = _fold(part.split()[0]).strip(_WORD_EDGE)
    return first in _VERBISH or first.endswith("n't") or first.endswith("ed")


def _noun_phrase(words: list[str]) -> int:
    """How many leading ``words`` form a subject noun phrase (0 if they don't)."""
    if not words:
        return 0
    first = _fold(words[0]).strip(_WORD_EDGE)
    if first not in _DETS - {"this", "that", "these", "those"} and first not in _DOMAIN:
        return 0
    n = 0
    for i, word in enumerate(words):
        w = _fold(word).strip(_WORD_EDGE)
        prev = _fold(words[i - 1]).strip(_WORD_EDGE) if i else ""
        if i and (
            w in _VERBISH
            or w in _PRONOUNS
            or w.endswith("n't")
            or (w.endswith("ed") and prev not in _DETS and not _IDENTIFIER.match(w))
        ):
            break
        n = i + 1
        if word[-1:] in ",;:":
            break
    while n and _fold(words[n - 1]).strip(_WORD_EDGE) in _PREPOSITIONS | _DETS:
        n -= 1
    head = [_fold(w).strip(_WORD_EDGE) for w in words[:n]]
    if not n or n > TOPIC_MAX_WORDS or all(w in _DETS | _VAGUE for w in head):
        return 0
    return n


def _topic_in(clause: str, sentence: str, cues: _Cues, item: str | None) -> str | None:
    for cue in cues.topics:
        if cue.first and cue.pattern.search(sentence):
            return cue.topic
    words = clause.split()
    n = _noun_phrase(words)
    if n:
        return _as_topic(words[:n])
    if item:
        return _as_topic(["my", *item.split()])
    for cue in cues.topics:
        if not cue.first and cue.pattern.search(sentence):
            return cue.topic
    for text in (clause, sentence):
        found = _domain_phrase(text.split())
        if found:
            return _as_topic(found)
    return None


def _antecedent(sentence: str) -> str | None:
    """The item the customer bought or sent ("I ordered a blender" → "blender")."""
    m = _ANTECEDENT.search(sentence)
    if m is None:
        return None
    item = m.group(1)
    words = [_fold(w) for w in item.split()]
    if any(w in _VERBISH or w in _PRONOUNS or w in _PREPOSITIONS for w in words):
        return None
    return item


def _domain_phrase(words: list[str]) -> list[str] | None:
    """The first support noun with its determiner and modifiers ("the extra charge")."""
    low = [_fold(w).strip(_WORD_EDGE) for w in words]
    for i, w in enumerate(low):
        if w not in _DOMAIN:
            continue
        start = None
        for j in range(i - 1, max(-1, i - 4), -1):
            if low[j] in _DETS:
                start = j
                break
            if low[j] in _VERBISH | _PRONOUNS | _PREPOSITIONS or not low[j].isalpha():
                break
        if start is None and i + 1 < len(low) and _IDENTIFIER.match(low[i + 1]):
            start = i
        if start is None:
            continue
        end = i + 1
        while end < len(words) and low[end] in _DOMAIN and end - start < TOPIC_MAX_WORDS:
            end += 1  # "the email address", "the export button"
        while end < len(words) and _IDENTIFIER.match(low[end]):
            end += 1
        if (
            end + 1 < len(words)
            and low[end] in ("for", "of", "on", "in")
            and (_IDENTIFIER.match(low[end + 1]) or words[end + 1][:1].isupper())
        ):
            end += 2
            while end < len(words) and _IDENTIFIER.match(low[end]):
                end += 1
        if end - start <= TOPIC_MAX_WORDS:
            return [
                w.strip(_WORD_EDGE) if k == end - 1 else w
                for k, w in enumerate(words[start:end], start)
            ]
    return None


def _as_topic(words: list[str]) -> str:
    """A noun phrase in the agent's voice, with a determiner ("order #12" → "your order #12")."""
    words = list(words)
    words[-1] = words[-1].rstrip(_WORD_EDGE.replace("#", ""))
    if not words[0].isupper() and lexicon.zipf(words[0].lower()) >= 4.0:
        words[0] = words[0].lower()  # "Order #12 contained..." → "order #12"
    first = _fold(words[0])
    if first in _INDEFINITE:
        words = words[1:]
        first = ""
    if first not in _DETS:
        head = next((_fold(w) for w in words if _fold(w) in _DOMAIN), "")
        words.insert(0, "my" if head in _OWNED else "the")
    return _voice(" ".join(words))


def _voice(text: str) -> str:
    """The customer's words as the agent would say them back."""
    text = _swap_person(text).strip(" ,;:-")
    first = text.split(maxsplit=1)[0]
    if first[:1].isupper() and not first.isupper() and lexicon.zipf(first.lower()) >= 4.0:
        text = text[0].lower() + text[1:]
    return text


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


def _swap_person(text: str) -> str:
    """First person to second ("my order" → "your order") and second to first."""

    def swap(m: re.Match[str]) -> str:
        key = re.sub(r"\s+", " ", m.group().lower().replace("’", "'"))
        out = _SWAP.get(key, m.group())
        if key == "you":
            before = re.findall(r"[a-z]+|,", text[: m.start()].lower())
            prev = before[-1] if before else ""
            after = re.match(r"\s+([a-z'’]+)", text[m.end() :].lower())
            verb = after is not None and (
                after.group(1) in _VERBISH or after.group(1).endswith(("ed", "n't", "n’t"))
            )
            out = "we" if prev in _SUBJECT_SLOT or prev == "," or verb else "us"
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
        topics=_topic_cues(data.get("topics") or []),
    )


def _topic_cues(items: object) -> tuple[_TopicCue, ...]:
    if not isinstance(items, list):
        raise ValueError(f"{CUES_FILE}: 'topics' must be a list")
    out: list[_TopicCue] = []
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
        out.append(_TopicCue(pattern, item["topic"], bool(item.get("first", False))))
    return tuple(out)
