"""The customer's problem, read from their message, in the agent's voice.

``topic_and_problem`` returns both. ``problem`` is the clause that states what
went wrong ("My order #4411 still has not arrived and nobody answers" → "your
order #4411 still has not arrived"): the first statement naming a problem, cut
at the first hard break (a comma, "and", "because"...), with "but" kept when the
whole fits. ``topic`` is a noun phrase for the same problem ("your order
#4411"), found by ``topic.topic_in``. Sentences about the contact itself ("third
time I'm writing"), threats, questions, requests and how-to wording state no
problem; questions and requests may still name the topic ("Where is my refund?").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import chain
from typing import Protocol

from plugin.coach import lexicon
from plugin.coach.contractions import mend_contractions
from plugin.coach.folded import Folded, word_keys
from plugin.coach.known_topics import Topics
from plugin.coach.lexicon import word_key
from plugin.coach.regex_starts import led
from plugin.coach.shouting import unshout
from plugin.coach.topic import (
    VERBISH,
    antecedent,
    key,
    noun_phrase,
    spoken,
    topic_in,
)

PROBLEM_MAX_WORDS = 12  # a clause the agent can quote back in one breath
PROBLEM_MIN_WORDS = 3  # "it's not" names nothing

_SENTENCE = re.compile(r"(?:[^.!?\n]+|\.(?=\d))+[.!?]*")
_GREETING = re.compile(
    r"^\s*(?:(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\b[^,.!?\n]*[,.!]?\s*)",
    re.I,
)
_LEAD_IN = re.compile(
    r"^\s*(?:(?:so|but|and|also|well|ok|okay|anyway|honestly|seriously|now|then|plus)\b[,\s]*)+",
    re.I,
)
# Searched patterns start with a look-ahead on the characters their matches can start
# with (``led`` finds them; written out for this one): most positions fail at once.
_HARD_BREAK = Folded(
    r"(?=[\s,;:])(?:\s*[,;:]\s+|\s+[-–—]+\s+"
    r"|\s+(?:and then|and|because|or|even though|although|though|which|while|plus)\s+)"
)
_SOFT_BREAK = Folded(r"\s+but\s+")
_SUB_BREAK = Folded(r"\s+(?:when|whenever|if|after|before|until|since|every time|each time)\s+")
_META = Folded(
    led(
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
        r"[^.!?\n]*\b(?:today|tomorrow|now|soon|fixed|sorted|resolved)\b"
    )
)
_REQUEST = re.compile(
    r"^(?:please|kindly|pls|can\s+(?:you|i|we)|could\s+(?:you|i|we)|would\s+you|will\s+you"
    r"|i\s+(?:want|wanted|need|needed|would\s+like|would\s+love)|i['’]d\s+(?:like|love)"
    r"|i['’]m\s+asking|i\s+am\s+asking|help)\b",
    re.I,
)
_HOW_TO = Folded(
    led(
        r"\b(?:not\s+sure\s+(?:how|where|whether|if|what|why)|how\s+(?:do|can|should|would)\s+i"
        r"|is\s+there\s+a\s+way|wondering|where\s+(?:do|can)\s+i)\b"
    )
)
_CAPS_RUN = re.compile(r"[A-Z][A-Z]")  # what unshout() looks for first
_NEGATIONS = lexicon.wordset("not never no nothing cannot nobody")
# A question without its question mark: "WHY IS MY ACCOUNT LOCKED".
_WH_QUESTION = re.compile(
    r"(?:why|where|when|what|how|who|which)\s+(?:is|are|was|were|do|does|did|can|could|has|have"
    r"|will|would|isn['’]t|aren['’]t|doesn['’]t|didn['’]t|won['’]t|can['’]t|hasn['’]t)\b",
    re.I,
)
# Adverbs before a subjectless clause's verb ("still waiting", "never got").
_ADVERBS = lexicon.wordset("still never just also already again really even only now")
# Verbs whose missing subject is a thing, not the customer ("keeps crashing").
_THIRD_PERSON = lexicon.wordset(
    "is isn't has hasn't does doesn't keeps seems appears shows says works crashes freezes "
    "fails loads stops arrives hangs sends charges looks comes goes gets takes"
)
# A part that starts by pointing back at the part before it ("but it is not here").
_PRONOUN_START = re.compile(r"(?:it|they|this|that|these|those)\b", re.I)
# A clause ending in a pronoun whose noun sits in the part that was cut off.
_DANGLING_OBJECT = Folded(led(r"\b(?:one|it|them|that)\s*$"))


class Cues(Protocol):
    """What ``topic_and_problem`` reads from the mood cue file (``mood_cues.yaml``)."""

    @property
    def caps_ignore(self) -> frozenset[str]: ...
    @property
    def problem_words(self) -> frozenset[str]: ...
    @property
    def topics(self) -> Topics: ...


def topic_and_problem(
    message: str, cues: Cues, threats: list[tuple[int, int]], words: list[str] | None = None
) -> tuple[str | None, str | None]:
    """(topic, problem) for ``message``; either may be None. ``words``: the message's
    words lowercased, when the caller has them (``mend_contractions`` reads them)."""
    # "doesnt work" states a problem as "doesn't work" does
    message, mended = mend_contractions(message, words)
    if mended:  # each mend added one character: move the threat spans along
        threats = [(s + bisect_left(mended, s), e + bisect_left(mended, e)) for s, e in threats]
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
        item = antecedent(chosen)
        if clause is not None:
            if item and re.match(r"it\s", clause, re.I):
                clause = f"my {item}" + clause[2:]  # "it still hasn't arrived"
            if _DANGLING_OBJECT.search(clause) and len(chosen.split()) <= PROBLEM_MAX_WORDS:
                clause = chosen  # "never got one" says nothing without "a callback"
            clause = _with_subject(clause)
        topic = topic_in(clause or _HARD_BREAK.split(chosen)[0], chosen, cues.topics, item)
        problem = spoken(clause) if clause else None
    if topic is None:
        for body in chain(skipped, (b for b, _ in bodies)):
            topic = topic_in(body, body, cues.topics, antecedent(body))
            if topic is not None:
                break
    return topic, problem


def _with_subject(clause: str) -> str | None:
    """``clause`` with the customer as its subject when it has none, or None when the
    missing subject is not the customer ("keeps crashing": something else does).

    "still waiting for my refund" -> "I'm still waiting for my refund"; "got charged
    twice" -> "I got charged twice"; a clause that starts with its subject is kept.
    """
    if not _subjectless(clause):
        return clause
    verb = next((w for w in map(key, clause.split()) if w not in _ADVERBS), "")
    if verb in _THIRD_PERSON or (verb.endswith("s") and verb in VERBISH and verb != "was"):
        return None
    first = clause.split(maxsplit=1)[0]
    if first[:1].isupper() and not first.isupper():  # "Got charged twice" mid-sentence
        clause = clause[0].lower() + clause[1:]
    return f"I'm {clause}" if lexicon.verb_base(verb, "VBG") else f"I {clause}"


def _bodies(message: str, cues: Cues, threats: list[tuple[int, int]]) -> Iterator[tuple[str, bool]]:
    """Each sentence's words that may name the problem, and whether it states one."""
    # unshout() changes only a sentence holding two capitals in a row: most messages have none
    shouts = _CAPS_RUN.search(message) is not None
    for m in _SENTENCE.finditer(message):
        threat = bool(threats) and any(s < m.end() and m.start() < e for s, e in threats)
        sentence = unshout(m.group(), cues.caps_ignore) if shouts else m.group()
        sentence = _GREETING.sub("", sentence).strip()
        question = "?" in sentence[-3:] or _WH_QUESTION.match(sentence) is not None
        body = _without_meta(_LEAD_IN.sub("", sentence.rstrip(" .!?…")))
        if body:
            yield body, not (threat or question or _REQUEST.match(body) or _HOW_TO.search(body))


def _without_meta(body: str) -> str:
    """``body`` without the parts about the contact itself ("and nobody answers")."""
    if not _META.search(body):
        return body
    parts = [p for p in _HARD_BREAK.split(body) if p.strip() and not _META.search(p)]
    return _LEAD_IN.sub("", ", ".join(parts))


def _names_problem(text: str, cues: Cues) -> bool:
    folded, words = word_keys(text)
    return (
        not cues.problem_words.isdisjoint(words)
        or _says_not(folded, words)
        or cues.topics.find(text, first=True) is not None
    )


def _negated(text: str) -> bool:
    folded, words = word_keys(text)
    return not _NEGATIONS.isdisjoint(words) or _says_not(folded, words)


def _says_not(folded: str, words: list[str]) -> bool:
    """A word ending in "n't" ("doesn't"); only a text holding "n't" is read word by word."""
    return "n't" in folded and any(w.endswith("n't") for w in words)


def _problem_clause(body: str, cues: Cues) -> str | None:
    """The first part of ``body`` that names the problem, short enough to quote."""
    clause = _pick(body, _HARD_BREAK, cues)
    if clause is None:
        return None
    n = len(clause.split())  # the clause's words, counted again only when it changes
    if n > PROBLEM_MAX_WORDS:
        clause = _pick(clause, _SOFT_BREAK, cues)
        if clause is None:
            return None
        n = len(clause.split())
    else:
        later = _after_but(clause, cues)
        if later is not clause:
            clause, n = later, len(later.split())
    if n > PROBLEM_MAX_WORDS:
        clause = _pick(clause, _SUB_BREAK, cues, borrow=False)
        if clause is None:
            return None
        n = len(clause.split())
    return clause if PROBLEM_MIN_WORDS <= n <= PROBLEM_MAX_WORDS else None


def _after_but(clause: str, cues: Cues) -> str:
    """The part after "but" when only it names the problem and stands on its own:
    "I love the app but the export button does nothing" -> "the export button does
    nothing". A part that leans on the first ("but it is not here", "but received
    something else") keeps the whole clause."""
    if "but" not in clause.lower():  # (no "but" in any case: the split finds none)
        return clause
    first, *rest = [p.strip() for p in _SOFT_BREAK.split(clause)]
    if not rest or _names_problem(first, cues):
        return clause
    later = next((p for p in rest if _names_problem(p, cues)), None)
    if later is None or _subjectless(later) or _PRONOUN_START.match(later):
        return clause
    return later


def _pick(text: str, breaks: Folded, cues: Cues, borrow: bool = True) -> str | None:
    """The part naming the problem; one that says what does *not* work comes first.

    A part with no subject of its own ("and still haven't got my money back")
    borrows the first part's ("I").
    """
    parts = [p for p in (_LEAD_IN.sub("", p).strip() for p in breaks.split(text)) if p]
    if not parts:
        return None
    subject: str | None = None  # the first part's, found when a later part needs it
    naming: list[str] = []
    for i, part in enumerate(parts):
        if not _names_problem(part, cues):
            continue
        if borrow and i:
            if subject is None:
                subject = _leading_subject(parts[0]) or ""
            if subject and _subjectless(part):
                part = f"{subject} {part}"
        if len(part.split()) >= PROBLEM_MIN_WORDS:  # "and it's not" restates nothing
            naming.append(part)
    if len(naming) < 2:  # no choice to make
        return naming[0] if naming else None
    return next((p for p in naming if _negated(p)), naming[0])


def _leading_subject(part: str) -> str | None:
    words = part.split()
    if not words:
        return None
    first = word_key(words[0])
    if first in ("i", "we", "you", "they", "he", "she", "it"):
        return words[0]
    if first in ("i'm", "we're", "you're", "they're"):
        return words[0].split("'")[0].split("’")[0]
    np = noun_phrase(words)
    return " ".join(words[:np]) if np else None


def _subjectless(part: str) -> bool:
    split = part.split()
    first = key(split[0])
    if first in VERBISH or first.endswith(("n't", "ed")):
        return True
    # "waiting for my refund" lacks a subject; "Tracking for #A-5 hasn't moved" is one
    return lexicon.verb_base(first, "VBG") is not None and not any(
        w in VERBISH and w not in _ADVERBS for w in map(key, split[1:])
    )
