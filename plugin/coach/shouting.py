"""All-caps words in the customer's message: shouting cues, and undoing the shouting.

A run of capitalised common words is shouting ("NOBODY ANSWERS"); a rare one
is an acronym ("SSO") and stays as written. ``mood`` reports the shouting as
cues; ``problem`` lowercases it before quoting the customer back.
"""

from __future__ import annotations

import re

from plugin.coach import lexicon
from plugin.coach.model import Cue

MIN_SHOUTING_WORDS = 2  # one capitalised word is emphasis, two is shouting
SHOUT_MIN_ZIPF = 3.0  # an all-caps word rarer than this is an acronym, not a shout

_CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")
_CAPS_RUN = re.compile(r"[A-Z]{2}")
_PROPER = lexicon.wordset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december"
)


def shouting(message: str, ignore: frozenset[str]) -> list[Cue]:
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


def unshout(sentence: str, ignore: frozenset[str]) -> str:
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
