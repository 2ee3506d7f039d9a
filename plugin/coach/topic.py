"""The customer's topic as a short noun phrase, in the agent's voice ("your order #4411").

``topic_in`` tries, in order: a known support topic from the cue file marked
``first`` ("the double charge"), the clause's own subject, the item the
customer bought ("I ordered a blender" → "my blender"), any other known
topic, then the first support noun with its determiner. ``voice`` swaps first
and second person ("my order" → "your order") for this and for ``problem``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from plugin.coach import lexicon
from plugin.coach.contractions import mend_contractions
from plugin.coach.folded import Folded
from plugin.coach.known_topics import Topics
from plugin.coach.lexicon import word_key
from plugin.coach.regex_starts import led

TOPIC_MAX_WORDS = 7  # a noun phrase: "the export button in the mobile app"

_ANTECEDENT = Folded(
    led(
        r"\b(?:ordered|bought|purchased|returned|booked|paid\s+for|sent\s+back)\s+"
        r"(?:a|an|the|my|our|some|two|three)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
        r"(?=\s+(?:from|for|on|in|at|to|two|three|a|last|yesterday|today|but|and|which|that|about"
        r"|over|weeks?|days?|months?)\b|\s*[,.!?]|\s*$)"
    )
)
_IDENTIFIER = re.compile(r"^(?:#\S+|\S*\d\S*)$")
WORD_EDGE = ",.;:!?\"'()[]“”‘’"  # stripped from a word's ends
_EDGE_NOT_HASH = WORD_EDGE.replace("#", "")

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
VERBISH = lexicon.wordset(
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


_HEAD_START = _DETS - {"this", "that", "these", "those"}  # or a support noun
_TRAILING = _PREPOSITIONS | _DETS  # words a noun phrase never ends with
_EMPTY_HEAD = _DETS | _VAGUE  # a phrase of only these names nothing
_NOT_MODIFIER = VERBISH | _PRONOUNS | _PREPOSITIONS


@lru_cache(maxsize=65_536)  # per word: a message's words are mostly words seen before
def key(word: str) -> str:
    """``word`` as the word lists hold it: ``word_key`` without wrapping punctuation."""
    return word_key(word).strip(WORD_EDGE)


def noun_phrase(words: list[str]) -> int:
    """How many leading ``words`` form a subject noun phrase (0 if they don't)."""
    if not words:
        return 0
    keys = [key(words[0])]  # each word's key, found once
    if keys[0] not in _HEAD_START and keys[0] not in _DOMAIN:
        return 0
    n = 1
    if words[0][-1:] not in ",;:":
        for word in words[1:]:
            w = key(word)
            if (
                w in VERBISH
                or w in _PRONOUNS
                or w.endswith("n't")
                or (w.endswith("ed") and keys[-1] not in _DETS and not _IDENTIFIER.match(w))
            ):
                break
            keys.append(w)
            n += 1
            if word[-1:] in ",;:":
                break
    while n and keys[n - 1] in _TRAILING:
        n -= 1
    if not n or n > TOPIC_MAX_WORDS or all(w in _EMPTY_HEAD for w in keys[:n]):
        return 0
    return n


def topic_in(clause: str, sentence: str, topics: Topics, item: str | None) -> str | None:
    """The topic of ``clause`` as a noun phrase; ``item`` is what the customer bought."""
    known = topics.find(sentence, first=True)
    if known is not None:
        return known
    words = clause.split()
    n = noun_phrase(words)
    if n:
        return _as_topic(words[:n])
    if item:
        return _as_topic(["my", *item.split()])
    known = topics.find(sentence, first=False)
    if known is not None:
        return known
    for text in (clause, sentence):
        found = _domain_phrase(text.split())
        if found:
            return _as_topic(found)
    return None


def antecedent(sentence: str) -> str | None:
    """The item the customer bought or sent ("I ordered a blender" → "blender")."""
    m = _ANTECEDENT.search(sentence)
    if m is None:
        return None
    item = sentence[m.start(1) : m.end(1)]
    words = [word_key(w) for w in item.split()]
    if any(w in VERBISH or w in _PRONOUNS or w in _PREPOSITIONS for w in words):
        return None
    return item


def _domain_phrase(words: list[str]) -> list[str] | None:
    """The first support noun with its determiner and modifiers ("the extra charge")."""
    low = [key(w) for w in words]
    for i, w in enumerate(low):
        if w not in _DOMAIN:
            continue
        start = None
        for j in range(i - 1, max(-1, i - 4), -1):
            if low[j] in _DETS:
                start = j
                break
            if low[j] in _NOT_MODIFIER or not low[j].isalpha():
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
                w.strip(WORD_EDGE) if k == end - 1 else w
                for k, w in enumerate(words[start:end], start)
            ]
    return None


def _as_topic(words: list[str]) -> str:
    """A noun phrase in the agent's voice, with a determiner ("order #12" → "your order #12")."""
    words = list(words)
    words[-1] = words[-1].rstrip(_EDGE_NOT_HASH)
    if not words[0].isupper() and lexicon.zipf(words[0].lower()) >= 4.0:
        words[0] = words[0].lower()  # "Order #12 contained..." → "order #12"
    first = word_key(words[0])
    if first in _INDEFINITE:
        words = words[1:]
        first = ""
    if first not in _DETS:
        head = next((k for k in map(word_key, words) if k in _DOMAIN), "")
        words.insert(0, "my" if head in _OWNED else "the")
    return spoken(" ".join(words))


def voice(text: str) -> str:
    """The customer's words as the agent would say them back (contractions typed without
    their apostrophe mended: "I cant log in" -> "you can't log in")."""
    return spoken(mend_contractions(text)[0])


def spoken(text: str) -> str:
    """``voice`` of text already mended: ``topic_and_problem`` mends the message first, and
    what it quotes keeps the message's words whole (it splits at spaces and punctuation,
    adds "I", "my" or "the" before them), so no bare contraction is left to mend."""
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
_PERSON = Folded(
    led(
        r"\b(?:i\s+am|i\s+was|we\s+are|you\s+are|you\s+were|"
        r"(?:i|we|you)['’](?:m|ve|ll|d|re)|i|me|my|mine|myself|we|us|our|ours|you|your|yours)\b"
    )
)
# compiled once: ``swap`` runs per person word, and ``re``'s own cache costs a lookup a call
_SPACES = re.compile(r"\s+")
_WORD_OR_COMMA = re.compile(r"[a-z]+|,")
_NEXT_WORD = re.compile(r"\s+([a-z'’]+)")
# "you" right after one of these is a subject ("and you charged me"), else an object.
_SUBJECT_SLOT = frozenset({"", "and", "but", "because", "so", "that", "if", "when", "since"})


def _swap_person(text: str) -> str:
    """First person to second ("my order" → "your order") and second to first."""
    parts: list[str] = []
    last = 0
    for start, end in _PERSON.spans(text):  # as re.sub would replace them
        word = text[start:end]
        key = _SPACES.sub(" ", word.lower().replace("’", "'"))
        out = _SWAP.get(key, word)
        if key == "you":
            before = _WORD_OR_COMMA.findall(text[:start].lower())
            prev = before[-1] if before else ""
            after = _NEXT_WORD.match(text[end:].lower())
            verb = after is not None and (
                after.group(1) in VERBISH or after.group(1).endswith(("ed", "n't", "n’t"))
            )
            out = "we" if prev in _SUBJECT_SLOT or prev == "," or verb else "us"
        parts += (text[last:start], out)
        last = end
    parts.append(text[last:])
    return "".join(parts)
