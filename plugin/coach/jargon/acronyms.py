"""Acronyms: which capitals are an acronym, which the draft explains, which are shouting."""

from __future__ import annotations

import re
from functools import lru_cache

from plugin.coach import lexicon
from plugin.coach.lexicon import wordset
from plugin.coach.model import Finding
from plugin.coach.reader import COMMON_ACRONYM_ZIPF

_STOPWORDS = wordset("of and for the to a an in on at by with or & -")


@lru_cache(maxsize=65_536)  # called for every word of every draft; pure per word
def core(word: str) -> str:
    """ "SLA" for "SLA", "SLAs" or "SLA's"; "" when ``word`` is no acronym (2-6 capitals/digits)."""
    found = word
    if not word.isupper():
        if word.endswith(("'s", "’s")):
            found = word[:-2]
        elif word.endswith("s") and len(word) > 2:
            found = word[:-1]
        if not found.isupper():
            return ""
    return found if 2 <= len(found) <= 6 and found.isalnum() else ""


def finding(start: int, end: int, acronym: str) -> Finding:
    return Finding(
        rule_id="unexplained-acronym",
        category="jargon",
        severity="warning",
        start=start,
        end=end,
        message=f"“{acronym}” is not explained. Spell it out the first time, "
        f"e.g. “full name ({acronym})”, or use a plain phrase.",
        why="Customers don't share your team's shorthand; an unexplained acronym "
        "makes them guess or ask again.",
    )


# compiled once: ``re.finditer(pattern_string, ...)`` looks the pattern up on every call
_LONG_FORM_FIRST = re.compile(r"\(\s*([A-Z][A-Z0-9]{1,5})s?\s*\)")
_FORM_WORD = re.compile(r"[\w’'&-]+")
_ACRONYM_FIRST = re.compile(r"\b([A-Z][A-Z0-9]{1,5})s?\s*\(([^()]{3,120})\)")
_EXPLAINING_WORD = re.compile(r"[\w’'-]+")
_WORD_BEFORE = re.compile(r"([A-Za-z]{3,})\W+$")
_WORD_AFTER = re.compile(r"\W+([A-Za-z]{3,})")


def defined(text: str) -> frozenset[str]:
    """Acronyms the draft explains: "Long Form (LF)" or "LF (long form)"."""
    if "(" not in text:
        return frozenset()
    found: set[str] = set()
    for m in _LONG_FORM_FIRST.finditer(text):  # Long Form (LF)
        before = _FORM_WORD.findall(text[max(0, m.start() - 120) : m.start()])
        if _initials_match(m.group(1).lower(), before):
            found.add(m.group(1))
    for m in _ACRONYM_FIRST.finditer(text):  # LF (long form)
        if len(_EXPLAINING_WORD.findall(m.group(2))) >= 2:  # any explanation of 2+ words
            found.add(m.group(1))
    return frozenset(found)


def _initials_match(letters: str, words: list[str]) -> bool:
    """True when the words just before an acronym spell it ("Explanation of Benefits")."""
    i = len(letters) - 1
    for word in reversed(words):
        if i < 0:
            break
        if word[0].lower() == letters[i]:
            i -= 1
        elif word.lower() not in _STOPWORDS:
            return False
    return i < 0


def shouting(text: str, start: int, end: int) -> bool:
    """Part of a run of capitalised words ("PLEASE NOTE THAT"), not an acronym."""
    before = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    after = _WORD_AFTER.match(text[end : end + 30])
    neighbours = [x.group(1) for x in (before, after) if x]
    return sum(1 for w in neighbours if w.isupper()) >= 1 and all(
        lexicon.zipf(w.lower()) >= COMMON_ACRONYM_ZIPF for w in neighbours if w.isupper()
    )
