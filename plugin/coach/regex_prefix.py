"""The first few characters a regex's matches can start with, read from its parse.

``prefixes(pattern)`` lists every string of up to three characters a match of the
IGNORECASE ``pattern`` can begin with (lowercase ASCII): a text that, lowercased, holds
none of them holds no match. Mood runs a cue pattern only when its literal word occurs
(``triggers``); this second test is a substring search in C and skips about half of
those runs ("by" for "by Friday", "??" for "\\?{2,}", "if" for "if you don't fix...").
"""

from __future__ import annotations

import re
from re import _parser as sre_parse  # type: ignore[attr-defined]  # noqa: I001
from typing import Any

_CAP = 32  # more prefixes than this filter little and cost a search each
_DEPTH = 40  # a repeat of something that can match nothing would expand forever
_ZERO_WIDTH = (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT)
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT)
_LITERAL, _IN, _BRANCH, _SUBPATTERN = (
    sre_parse.LITERAL,
    sre_parse.IN,
    sre_parse.BRANCH,
    sre_parse.SUBPATTERN,
)


def prefixes(pattern: str) -> tuple[str, ...] | None:
    """The strings (3, else 2, else 1 characters long) every match of ``pattern`` under
    IGNORECASE starts with one of, lowercased; None when they are not known."""
    items = list(sre_parse.parse(pattern, re.I))
    for n in (3, 2, 1):
        found = _starts(items, n, 0)
        if found is not None:
            return tuple(sorted(found))
    return None


def _starts(items: list[tuple[Any, Any]], n: int, depth: int) -> set[str] | None:
    """The first ``n`` characters of the matches of ``items``, or None when unknown
    (a class, a match shorter than ``n``, too many)."""
    if n == 0:
        return {""}
    if not items or depth > _DEPTH:
        return None
    (op, arg), rest = items[0], items[1:]
    if op in _ZERO_WIDTH:  # consumes nothing
        return _starts(rest, n, depth + 1)
    if op is _LITERAL or op is _IN:
        chars = [chr(arg)] if op is _LITERAL else [chr(a) for o, a in arg if o is _LITERAL]
        if (op is _IN and len(chars) != len(arg)) or not all(map(str.isascii, chars)):
            return None  # a range, a category, a negation; or a character IGNORECASE
            # may equate with an ASCII one (the Kelvin sign)
        tails = _starts(rest, n - 1, depth + 1)
        return None if tails is None else _capped({c.lower() + t for c in chars for t in tails})
    if op is _BRANCH:
        found: set[str] = set()
        for alt in arg[1]:
            one = _starts(list(alt) + rest, n, depth + 1)
            if one is None:
                return None
            found |= one
        return _capped(found)
    if op is _SUBPATTERN:
        if arg[1] or arg[2]:
            return None  # inline flags
        return _starts(list(arg[-1]) + rest, n, depth + 1)
    if op in _REPEATS:
        low, high, sub = arg
        if high == 0:
            return _starts(rest, n, depth + 1)
        again = (op, (max(low - 1, 0), high if high is sre_parse.MAXREPEAT else high - 1, sub))
        once = _starts([*sub, again, *rest], n, depth + 1)  # one repetition, then the rest
        if low >= 1 or once is None:
            return once
        skipped = _starts(rest, n, depth + 1)
        return None if skipped is None else _capped(once | skipped)
    return None


def _capped(found: set[str]) -> set[str] | None:
    return found if len(found) <= _CAP else None
