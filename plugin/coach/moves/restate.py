"""Acknowledgement: the reply restates *this* customer's problem in a problem frame.

A frame alone ("sorry to hear that", "it sounds like") restates nothing, and an
answer that merely names the topic is no restatement either. So a frame counts
when what follows it names the problem in words the customer used (stems that
agree on their first letters: "delivered" ~ "delivery", "crashes" ~ "crashing"),
or in two specific words of its own ("sorry for the last-minute gate change").
Frames: an apology's object ("sorry your parcel wasn't delivered", "apologies for
the long lines"), "it seems / sounds / looks like", "I see / understand that",
"if your ...", "about your ...", "still having ...". Without a frame, a sentence
that validates a situation retold in two of the customer's words, or that reuses
four of them, restates it too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from plugin.coach import lexicon
from plugin.coach.model import MoveHit
from plugin.coach.moves.tokens import Tokens

# Words that say nothing about which problem it is.
_STOP = lexicon.wordset(
    """the a an and or but with from that this these those your my our their its his her for
    about into onto have has had been was were are is be not still just again some any when
    what which you we they it me us them can could will would should does did don't doesn't
    didn't hasn't haven't isn't won't can't never since after before there there's it's
    you're you've we're we've get got getting every each all also only even yet already
    today yesterday week weeks day days time times one two so very really such hear
    to of in on at by as if i i'm i've i'd i'll he she him hi hello hey thanks thank
    thing things question questions help support way ways happened happening happen going
    able sorry apologies please know see learn read like sounds seems looks look feel
    feeling hearing reaching out message tweet post dm reply response contact team here
    there now more much many lot bit little facing face faced encountering encounter
    encountered experiencing having able unable properly use using occasion expectations
    expectation standards standard meet"""
)
# Problem words: shared with the customer they place the sentence on their problem, but
# they are not specific on their own ("the delay", "the internet issues").
_PROBLEM = lexicon.wordset(
    """issue issues problem problems trouble troubles inconvenience inconveniences delay
    delays experience experiences concern concerns matter situation wait waiting hassle
    confusion frustration frustrations difficulty difficulties"""
)
_HEADS = lexicon.wordset(
    """issue issues problem problems trouble troubles concern concerns delay delays wait
    inconvenience experience hassle"""
)
_VAGUE = _STOP | _PROBLEM
_APOLOGY = lexicon.wordset(
    "sorry apologies apologise apologize apology regret disappointed saddened"
)
_FRAMES = (
    ("it", "seems"),
    ("it", "sounds"),
    ("sounds", "like"),
    ("it", "looks"),
    ("i", "see"),
    ("i", "understand"),
    ("we", "understand"),
    ("if", "your"),
    ("still", "experiencing"),
    ("still", "having"),
    ("about", "your"),
    ("if", "you've"),
)
CUES = _APOLOGY | {first for first, _ in _FRAMES}
# each frame's first word -> the words that may follow it
_FRAME_NEXT = {
    first: frozenset(second for head, second in _FRAMES if head == first) for first, _ in _FRAMES
}
# An object that opens with these is a feeling, a hedge or a turn, not the problem:
# "I understand how frustrating...", "sorry for any trouble", "sorry, but..."
_NOT_OBJECT = lexicon.wordset("how why wanting needing any but tried already")
# The object ends where the sentence turns: "sorry to hear that and I hope..."
_TURNS = lexicon.wordset("and but as since because while although though")
_LEADS = lexicon.wordset("to for about that if so very hear learn see read")
_PREFIX = 5  # stems sharing this many first letters name the same thing
_MAX_OBJECT = 14  # words read after a frame


def _asks(t: Tokens, i: int) -> bool:
    """The sentence holding word ``i`` is a question: it checks, it does not restate."""
    words, stop = t.draft.words, t.sentence_end(i)
    end = words[stop].start if stop < len(words) else len(t.draft.text)
    return "?" in t.draft.text[words[i].start : end]


def _ends(t: Tokens, k: int, start: int) -> bool:
    return t.sentence[k] or (k > start and (t.clause[k] or t.norm[k] in _TURNS))


class _Keys(dict[str, str]):
    """Each word's key, "" for a word that has none; remembered per word (a message
    repeats its words, and the next message many of them)."""

    def __init__(self, keyed: Callable[[str], bool]) -> None:
        super().__init__()
        self.keyed = keyed

    def __missing__(self, word: str) -> str:
        key = _key(word) if self.keyed(word) else ""
        if len(self) >= 16_384:
            self.clear()
        self[word] = key
        return key


# A token starts and ends with a letter or digit, so a kept one's key is never "".
_TOKEN_KEYS = _Keys(lambda w: len(w) >= 3 and w not in _STOP and not w.isdigit())


# ``lexicon.TOKEN`` in ASCII text, where [^\W_] is [A-Za-z0-9]: a bitmap test per character
# instead of a Unicode category lookup.
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")


def stems(text: str) -> frozenset[str]:
    """The content words of ``text`` as comparable keys ("Wi-Fi" -> "wifi")."""
    folded = lexicon.word_key(text.replace("-", ""))
    tokens = (_ASCII_TOKEN if folded.isascii() else lexicon.TOKEN).findall(folded)
    out = set(map(_TOKEN_KEYS.__getitem__, tokens))
    out.discard("")
    return frozenset(out)


@lru_cache(maxsize=16_384)
def _key(word: str) -> str:
    word = word.strip("'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]  # "lines" ~ "line", "crashes" ~ "crash"
    return word[:_PREFIX]


def acknowledge(t: Tokens, customer: frozenset[str], cues: Sequence[int]) -> Iterator[MoveHit]:
    """Frames whose object names the customer's problem (``cues``: the words in ``CUES``)."""
    norm, n = t.norm, len(t.norm)
    for i in [i for i in cues if norm[i] in CUES]:
        if i < t.first:
            continue
        w = norm[i]
        if w in _APOLOGY:
            start = i + 1
        elif i + 1 < n and norm[i + 1] in _FRAME_NEXT[w] and not _asks(t, i):
            start = i + 2
        else:
            continue
        while start < n and not t.sentence[start] and norm[start] in _LEADS:
            start += 1  # "sorry to hear about the..." -> the object
        if start >= n or norm[start] in _NOT_OBJECT or (start > i + 1 and t.clause[start]):
            continue
        stop = start
        while stop < n and stop - start < _MAX_OBJECT and not _ends(t, stop, start):
            stop += 1
        if stop == start:
            continue
        words = [norm[k].replace("-", "") for k in range(start, stop)]
        said = {_key(x) for x in words if len(x) >= 3 and x not in _STOP and not x.isdigit()}
        # an order number names no problem: "the delay with parcel NZ0041"
        content = {_key(x) for x in words if len(x) >= 3 and x not in _VAGUE and x.isalpha()}
        # on the customer's problem, and specific: "the Wi-Fi", not "the internet issues"
        enough = len(content) >= 2 or (content and not _HEADS.intersection(words))
        if said & customer and enough and t.creditable(i, stop - 1):
            yield MoveHit("acknowledge", *t.span(i, stop - 1), "acknowledge-restate-grammar")


# A word's key for ``overlap``: "" for a stop word or one not all letters.
_WORD_KEYS = _Keys(lambda w: w.isalpha() and w not in _STOP)
_RETOLD_SHARED = 2  # words of the customer's a validating sentence must reuse


def retold(
    t: Tokens, customer: frozenset[str], feelings: list[tuple[int, int]]
) -> Iterator[MoveHit]:
    """A sentence that names the feeling about the customer's situation retold in
    their words ("Four days in the same clothes ... is an awful way to spend a holiday")
    acknowledges it too."""
    if not feelings:
        return
    n = len(t.norm)
    for s, _ in feelings:
        k = t.word_at(s)  # the first word starting at or after the feeling
        if k == n:
            continue
        first, stop = t.sentence_of(k), t.sentence_end(k)
        keys = {
            _key(x.replace("-", "")) for x in t.norm[first:stop] if len(x) >= 3 and x not in _STOP
        }
        if len(keys & customer) >= _RETOLD_SHARED and t.creditable(first, stop - 1):
            yield MoveHit("acknowledge", *t.span(first, stop - 1), "acknowledge-retold")


_SHARED = 4  # a retelling without a frame must reuse this many of the customer's words


def _fewer_than(count: int, keys: frozenset[str], text: str) -> bool:
    """Fewer than ``count`` of ``keys`` occur in ``text`` (substring tests, stopping at
    ``count``: memory-local, where a memo lookup per word is not)."""
    for key in keys:
        if key in text:
            count -= 1
            if not count:
                return False
    return True


def overlap(
    t: Tokens, customer: frozenset[str], answers: list[tuple[int, int]]
) -> Iterator[MoveHit]:
    """A sentence retelling the problem in many of the customer's own words, with no
    frame at all ("You removed 12 seats on 1 March and were still billed for 40"),
    unless it answers (``answers``: spans of steps to take) or asks."""
    if not customer:
        return  # no customer words to reuse (no message, or only stop words in it)
    folded = t.draft.folded
    if folded.isascii() and _fewer_than(_SHARED, customer, folded):
        return  # each key shared starts a word of the reply: fewer than four occur at all
    keys = list(map(_WORD_KEYS.__getitem__, t.norm))
    # the distinct keys ``mine`` below would hold, counted with sets: many drafts stop here
    distinct = set(keys)
    theirs = distinct & customer
    if len(theirs) + (len(distinct) > len(theirs) and "" not in theirs) <= _SHARED:
        return
    # a sentence's keys that are the customer's: set.intersection in C ("" is none of them)
    shared = theirs.intersection
    starts = t.starts  # each sentence ends where the next starts (``Tokens.sentence_end``)
    for i, stop in zip(starts, [*starts[1:], len(t.norm)], strict=True):
        if i < t.first:
            continue
        if len(shared(keys[i:stop])) < _SHARED:
            continue
        start, end = t.span(i, stop - 1)
        if any(s < end and start < e for s, e in answers) or "?" in t.draft.text[start:end]:
            continue
        if t.creditable(i, stop - 1):
            yield MoveHit("acknowledge", start, end, "acknowledge-overlap")
