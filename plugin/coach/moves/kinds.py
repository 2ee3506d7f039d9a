"""Which grammars a reply's words could feed, found once per reply from a memo per word.

A pattern scanning the whole reply costs ~10 us however rarely it matches; most replies
name no feeling, and few say "safe" or "rest assured". Each grammar below can only
credit a match that starts a *segment* of a draft word (the word split at its inner
apostrophes and hyphens: a match starts after a character that is not a letter or
digit, or is the reply's first character), so a reply with no segment of the right
kind cannot hold one, and its pattern is not run at all.

(The reply is folded for the patterns: lowercase, apostrophes straightened, so "ʼ",
a letter to ``str.isalnum`` inside a draft word, is an apostrophe there: it splits.)
"""

from __future__ import annotations

import re

from plugin.coach.word_memo import WordMemo

# Feeling words: adjectives ("frustrating", "worried") and nouns ("frustration").
# (Grouped by first letter: every stem but "fed up" is letters, so the match runs to the
# end of the letters whichever stem starts it, and the grouping finds the same matches.)
FEELING = re.compile(
    r"(?:f(?:r(?:ustrat|ighten)|ed up)|a(?:n(?:noy|xi|gry|ger)|larm|ggravat)|u(?:pset|nsettl)"
    r"|s(?:tress|car)|worr|dis(?:tress|appoint|hearten|courag)|i(?:nfuriat|rritat)|madden"
    r"|exhaust|heartbreak|nerve-wrack|overwhelm|concern)[a-z-]*"
)
# the two stems that run past a segment: "fed up", "nerve-wrack"
_FEELING_PAST = ("fed", "nerve")

FEEL = 1  # a feeling stem: ``courtesy.validate``
THANK = 2  # "thanks", "thx", "appreciate", "grateful": ``courtesy.thanks``
SAFE = 4  # "is protected", "stays safe": a reassurance
AFFECTED = 8  # "isn't affected"
KEPT = 16  # "carries over", "stays on file", "rest assured"
# whole segments the other reassurance patterns need ("there's no need", "nothing was
# lost", "no fees will be", "we won't charge", "we'll never", "we will not")
_WHOLE = {"there": 32, "nothing": 64, "no": 128, "will": 256, "won": 512, "never": 1024}
_WHOLE |= {"not": 2048, "you": 4096}
THERE, NOTHING, NO, WILL, WON, NEVER, NOT, YOU = _WHOLE.values()

_THANK_STARTS = ("thank", "appreciat", "grateful")
# the short thanks count only as a whole segment: "ty" of "type" is none
_THANK_WORDS = frozenset({"ty", "thx", "tysm"})
_SAFE_WORDS = frozenset({"protected", "safe", "unaffected", "secure"})
_KEPT_WORDS = frozenset({"carry", "carries", "stay", "stays", "rest"})
_JOINS = re.compile(r"['\-ʼ]")


def _segment(seg: str) -> int:
    kind = 0
    if FEELING.match(seg) or seg.startswith(_FEELING_PAST):
        kind |= FEEL
    if seg.startswith(_THANK_STARTS) or seg in _THANK_WORDS:
        kind |= THANK
    if seg in _SAFE_WORDS:
        kind |= SAFE
    if seg.startswith("affected"):
        kind |= AFFECTED
    if seg in _KEPT_WORDS:
        kind |= KEPT
    return kind | _WHOLE.get(seg, 0)


def _kind(word: str) -> int:
    kind = 0
    for seg in _JOINS.split(word):
        kind |= _segment(seg)
    return kind


# word (lowercase, straight apostrophes) -> the kinds its segments have
KINDS: WordMemo[int] = WordMemo(_kind)


def of(words: tuple[str, ...]) -> int:
    """Every kind the words have (few distinct values: a set, then a short loop)."""
    kinds = 0
    for kind in set(map(KINDS.__getitem__, words)):
        kinds |= kind
    return kinds
