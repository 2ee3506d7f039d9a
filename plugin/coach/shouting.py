"""Shouting: the customer's (mood cues, and undoing it when quoting them) and the agent's.

A run of capitalised common words is shouting ("NOBODY ANSWERS"); a rare one
is an acronym ("SSO") and stays as written. ``mood`` reports the customer's
shouting as cues; ``problem`` lowercases it before quoting the customer back;
``in_draft`` flags the agent's own capitals and "!!!" as tone warnings.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from plugin.coach import lexicon
from plugin.coach.draft import Draft
from plugin.coach.model import Cue, Edit, Finding, Suggestion

MIN_SHOUTING_WORDS = 2  # one capitalised word is emphasis, two is shouting
SHOUT_MIN_ZIPF = 3.0  # an all-caps word rarer than this is an acronym, not a shout

# The first letter, then the word edge before it: a pattern opening with "\b" or a repeat
# is tried at every position, one opening with a class only where the class matches.
_CAPS_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{2,}\b")
_CAPS_RUN = re.compile(r"[A-Z][A-Z]")
# A word to unshout. A word holding no capital is kept as written, so the look-ahead skips
# it (its letters and apostrophes are a suffix run of the ones it looks at: no part of
# it can match either).
_WORD = re.compile(r"(?<![\w#-])(?=[A-Za-z'’]*[A-Z])[A-Za-z]+(?:['’][A-Za-z]+)*(?![\w-])")
_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_CAPITALS = string.ascii_uppercase.encode()
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
    if sentence.isascii():  # letters and capitals counted in C
        text = sentence.encode()
        letters = len(text) - len(text.translate(None, _ASCII_LETTERS))
        capitals = len(text) - len(text.translate(None, _ASCII_CAPITALS))
    else:
        chars = [c for c in sentence if c.isalpha()]
        letters, capitals = len(chars), sum(c.isupper() for c in chars)
    shouted = bool(letters) and capitals > 0.6 * letters
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

    return _WORD.sub(fix, sentence)


# ---- the agent's own shouting, in the draft -----------------------------------------

AGENT_MIN_ZIPF = 4.0  # a capitalised word this common is a word, not an acronym ("NOT")
# Each pattern opens with a character class, so the engine skips to the places holding
# one: no leading look-behind, and no leading repeat ("[A-Z]{3,}" is tried everywhere).
_DRAFT_CAPS = re.compile(r"[A-Z][A-Z]{2,}")
_BANGS = re.compile(r"!{3,}")  # "!!" can be delight; "!!!" is a raised voice
# A quotation in double quotes, or in single ones not after a letter ("don't" is none):
# the opening quote first, then which kind it was.
_QUOTED = re.compile(
    r"[\"“'‘](?:(?<=[\"“])[^\"“”\n]{1,200}[\"”]|(?<=['‘])(?<!\w['‘])[^'‘’\n]{1,200}['’](?!\w))"
)
_JOINED = frozenset("_-")
_PATH_MARKS = (">", "→", "›", "»", "&gt;")
_SIGN_OFF = frozenset("^*/")  # "^JAY": an agent's initials after a social reply
_CAPS_WHY = (
    "Capitals and stacked exclamation marks read as raised voice in writing; "
    "use plain words, and bold at most one key fact."
)


@lru_cache(maxsize=8)
def _ignored(allowlist: frozenset[str]) -> frozenset[str]:
    from plugin.coach.mood_cues import cues  # the cue file's acronyms: one list for both sides

    return allowlist | {w.lower() for w in cues().caps_ignore}


def in_draft(draft: Draft, allowlist: frozenset[str]) -> list[Finding]:
    """The agent's capitalised words ("You do NOT need…") and "!!!" as tone warnings.

    Acronyms and identifiers are not shouting: a word must be an everyday English
    word (known to the dictionary and common, so "SSL" or "PSN" pass), outside quotes
    and protected text (the customer's quoted words), not joined to digits or
    hyphens ("HRL-6-OAK", "ELECTRO-MART"), and, when alone, not the first word of a
    sentence, where a capitalised word is a name ("TAP has cancelled your flight").
    """
    ignore = _ignored(allowlist)
    text = draft.text
    candidates = [
        m
        for m in _DRAFT_CAPS.finditer(text)
        if _whole(text, m.start(), m.end()) and m.group().lower() not in ignore
    ]
    quoted = [m.span() for m in _QUOTED.finditer(text)] if candidates else []
    words = [
        (m, _is_shout(m.group(), ignore))
        for m in candidates
        if not any(s <= m.start() and m.end() <= e for s, e in quoted)
        and not draft.is_protected(m.start(), m.end())
    ]
    findings = [_caps_finding(text, run) for run in _runs(text, words)]
    findings += [
        _bang_finding(m.start(), m.end())
        for m in (_BANGS.finditer(text) if "!!!" in text else ())
        if not draft.is_protected(m.start(), m.end())
    ]
    return findings


def _whole(text: str, start: int, end: int) -> bool:
    """A word of its own: not part of "TP1351", "HRL-6-OAK" or "^JAY" (initials)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in _JOINED or before in _SIGN_OFF) and not (
        after.isalnum() or after in _JOINED
    )


def _is_shout(word: str, ignore: frozenset[str]) -> bool:
    low = word.lower()
    return (
        low not in ignore and lexicon.zipf(low) >= AGENT_MIN_ZIPF and low in lexicon.spellchecker()
    )


def _runs(text: str, words: list[tuple[re.Match[str], bool]]) -> list[tuple[int, int]]:
    """Adjacent capitalised words as one span ("YOU MUST IMPLEMENT BACKOFF"), kept when
    at least half are everyday words ("CPU, GPU, RAM" is a list of acronyms); a lone
    word only mid-sentence."""
    runs: list[list[int]] = []  # [start, end, words, everyday words]
    for m, everyday in words:
        gap = text[runs[-1][1] : m.start()] if runs else "x"
        if runs and not gap.strip(" ,.:;!?-") and "\n" not in gap:
            runs[-1][1:] = [m.end(), runs[-1][2] + 1, runs[-1][3] + everyday]
        else:
            runs.append([m.start(), m.end(), 1, int(everyday)])
    return [
        (s, e)
        for s, e, n, everyday in runs
        if 2 * everyday >= n
        and (n > 1 or not lexicon.starts_sentence(text, s))
        and not _in_menu_path(text, s, e)
    ]


def _in_menu_path(text: str, start: int, end: int) -> bool:
    """A screen label in a path ("Settings > STILL NEED HELP") is written as the app shows it."""
    before = text[max(0, start - 6) : start].rstrip()
    after = text[end : end + 6].lstrip()
    return before.endswith(_PATH_MARKS) or after.startswith(_PATH_MARKS)


def _caps_finding(text: str, span: tuple[int, int]) -> Finding:
    start, end = span
    shouted = text[start:end]
    calm = shouted.lower()
    if lexicon.starts_sentence(text, start):
        calm = calm[:1].upper() + calm[1:]
    return Finding(
        "shouting-caps",
        "tone",
        "warning",
        start,
        end,
        f"“{shouted}” in capitals reads as shouting.",
        _CAPS_WHY,
        (Suggestion(f"Write “{calm}”", (Edit(start, end, calm),)),),
    )


def _bang_finding(start: int, end: int) -> Finding:
    return Finding(
        "shouting-exclamations",
        "tone",
        "warning",
        start,
        end,
        "Stacked exclamation marks read as shouting.",
        _CAPS_WHY,
        (Suggestion("Use one full stop", (Edit(start, end, "."),)),),
    )
