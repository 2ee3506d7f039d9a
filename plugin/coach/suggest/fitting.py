"""Does the customer's problem read right in a template's slot?

``fit_topic`` turns ``Mood.topic`` into a noun phrase for "an update on {topic}" and
``fit_problem`` checks ``Mood.problem`` for "I'm sorry that {problem}". Either
returns None when the phrase would not read right there, and the wording then
falls back to a neutral line with no slot. A topic must name a thing or an event
the company can act on: never a person ("your late wife"), a bare number or
amount, a superlative picked out of the customer's sentence ("the largest
attachment"), a lone vague noun ("the link"), a determiner clash ("the your") or
a phrase with a handle, link or stray symbol in it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from plugin.coach import lexicon
from plugin.coach.lexicon import word_key

# A topic in the customer's words ("my order"); Mood.topic is already in the agent's voice,
# where "our" means the company's ("our site"), so only the singular is turned.
_FIRST_PERSON = {"my": "your", "me": "you", "mine": "yours"}
DETERMINERS = lexicon.wordset(
    "the your a an this that these those his her their its our my some any each every"
)
# People, never a thing the company can look into or send an update on.
PEOPLE = lexicon.wordset(
    "wife husband partner spouse mum mom mother dad father parent parents son daughter "
    "child children kid kids baby babies brother sister grandmother grandfather grandma "
    "grandpa granddad nan aunt uncle nephew niece cousin family friend friends boyfriend "
    "girlfriend fiance fiancé fiancee fiancée widow widower neighbour neighbor colleague "
    "boss driver courier agent agents rep representative manager staff person people guy "
    "man woman lady gentleman customer technician engineer doctor nurse carer "
    "deceased estate someone somebody anyone nobody everyone he she him them they"
)
# Nouns too vague to stand alone after "the" ("an update on the link").
_VAGUE_ALONE = lexicon.wordset(
    "link response data item product code thing things power one issue problem matter "
    "situation error stuff it message email site page app update answer service way "
    "number help information info details question request reply"
)
_PREPOSITIONS = lexicon.wordset(
    "to for of on in at with from by about into over after before since until through"
)
_CONJUNCTIONS = lexicon.wordset("and or but because so if when while although though as")
_AMOUNT = re.compile(r"^(?:[$€£¥]\s?\d[\d,.]*|\d[\d,.]*\s?(?:[$€£¥%]|usd|eur|gbp)?)$", re.I)
_IDENTIFIER = re.compile(r"^#?[A-Za-z]*\d[\w-]*$")
# A handle, link, markup or stray symbol; or a code whose capitals were lost ("mr 447").
_JUNK = re.compile(r"[@*=<>{}\[\]|\\^~]|https?:|www\.|\.com\b|&\w+;|\b[a-z]{1,3} ?\d{2,}\b")
# When-words that belong to the customer's sentence, not to the thing ("your ferry tonight").
_WHEN = lexicon.wordset("tonight today yesterday tomorrow now again anymore recently lately")
_SUPERLATIVE = re.compile(r"^(?:\w+est|most|least|best|worst|first|last|next|other)$", re.I)
_SUBJECTS = lexicon.wordset("you we i they it this that there these those he she")
_OBJECT_PRONOUNS = lexicon.wordset("it this that them these those one why how what")
# Intensifiers that sound sarcastic said back ("you don't even have...").
_FILLER = re.compile(
    r"(?i)\s+\b(?:even|literally|absolutely|completely|totally|seriously|honestly|actually)\b(?=\s)"
)
# The customer's own slip as the subject of the restatement.
_OWN_SLIP = re.compile(
    r"(?i)you (?:did not|didn['’]t|forgot|failed|never|missed|chose|entered|typed|picked"
    r"|selected)\b"
)
_ASIDE = re.compile(r"[()\"“”]")  # an aside or a quotation: the customer's own framing
_CONTENT_MIN = 2  # "you don't know" names nothing the agent can restate
_STOP = lexicon.wordset(
    "you your we our i me my it its is are was were be been has have had do does did "
    "not no never don't doesn't didn't can't won't isn't wasn't haven't hasn't still just "
    "any all the a an this that of to for on in at with any now yet already even why how what"
)


def _words(phrase: str) -> list[str]:
    return [word_key(w).strip(",.;:!?\"'()“”‘’") for w in phrase.split()]


@lru_cache(maxsize=2048)
def fit_topic(topic: str | None) -> str | None:
    """The customer's problem as a noun phrase for the agent's mouth, or None.

    "my order" becomes "your order"; a bare "damaged package" gets "the"; a trailing
    amount or bare number is dropped ("your invoice €25" → "your invoice").
    """
    if not topic or not topic.strip():
        return None
    words = topic.strip().rstrip(".!?,;:").split()
    words = [_FIRST_PERSON.get(w.lower(), w) for w in words]
    while words and (_AMOUNT.match(words[-1]) or word_key(words[-1]) in _PREPOSITIONS | _WHEN):
        if _IDENTIFIER.match(words[-1]) and words[-1].startswith("#"):
            break  # "your order #4411" keeps its number
        words.pop()
    if not words:
        return None
    head = words[0]
    bare = not (head[0].isupper() or head[0].isdigit() or head.endswith("ing"))
    if bare and head.lower() not in DETERMINERS:
        words.insert(0, "the")
    phrase = " ".join(words)
    return phrase if topic_fits(phrase) else None


@lru_cache(maxsize=2048)
def topic_fits(phrase: str) -> bool:
    """True when ``phrase`` reads as a thing or event in "an update on {topic}"."""
    if _JUNK.search(phrase):
        return False
    low = _words(phrase)
    if not low or len(low) > 7:
        return False
    if any(w in PEOPLE for w in low) or low[0] == "our":
        return False  # a person; "our account" is the company's own, not theirs
    if any(a in DETERMINERS and b in DETERMINERS for a, b in zip(low, low[1:], strict=False)):
        return False  # "the your account"
    last = low[-1]
    if last in _PREPOSITIONS or last in DETERMINERS or last in _CONJUNCTIONS:
        return False  # cut off: "the refund for"
    if _AMOUNT.match(last) and not phrase.split()[-1].startswith("#"):
        return False
    content = [w for w in low if w not in DETERMINERS]
    if not content or all(_AMOUNT.match(w) for w in content):
        return False  # a bare number or amount
    if any(_SUPERLATIVE.match(w) for w in content[:-1]):
        return False  # "the largest attachment" only means something in their sentence
    # "the link": a lone vague noun says nothing; "your account", "the export button" do
    return not (len(content) == 1 and low[0] != "your" and content[0] in _VAGUE_ALONE)


@lru_cache(maxsize=2048)
def fit_problem(problem: str | None) -> str | None:
    """``problem`` when it reads as a whole clause after "I'm sorry that", else None."""
    if not problem:
        return None
    clause = _FILLER.sub("", problem.strip().rstrip(" .!?…"))
    if not clause or _JUNK.search(clause) or _ASIDE.search(clause):
        return None
    low = _words(clause)
    if len(low) < 3:
        return None
    if low[0] not in _SUBJECTS and low[0] not in DETERMINERS and not clause[0].isupper():
        return None  # "with an inexperienced driver ..." has no subject
    if low[0] in ("this", "that", "it", "these", "those", "they"):
        return None  # points back at words the reader of the reply never saw
    last = low[-1]
    if last in _PREPOSITIONS or last in DETERMINERS or last in _CONJUNCTIONS:
        return None
    if last in _OBJECT_PRONOUNS or re.search(r"\d\.?$", clause):
        return None  # "... since the 3", "... any of this"
    if any(w in PEOPLE for w in low) and any(w == "late" for w in low):
        return None
    if _OWN_SLIP.match(clause):
        return None  # "you did not select the option" said back reads as blame
    content = [w for w in low if w not in _STOP and not w.isdigit()]
    if len(content) < _CONTENT_MIN:
        return None
    return clause
