"""What a regex's matches can start with, read from its parse (``re._parser``).

Used to skip work: a pattern none of whose first characters is in a text cannot match
it, and a look-ahead on those characters lets a search fail at once at most positions
(Python's regex engine otherwise tries every alternative at every word start).

``prefixes(pattern)`` goes further: every string of up to three characters a match of
the IGNORECASE ``pattern`` can begin with (lowercase ASCII), so a text that, lowercased,
holds none of them holds no match. Mood runs a cue pattern only when its literal word
occurs (``triggers``); this second test is a substring search in C and skips about half
of those runs ("by" for "by Friday", "??" for "\\?{2,}", "if" for "if you don't fix...").
"""

from __future__ import annotations

import re
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_ZERO_WIDTH = (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT)
_LITERAL, _IN, _BRANCH, _SUBPATTERN = (
    sre_parse.LITERAL,
    sre_parse.IN,
    sre_parse.BRANCH,
    sre_parse.SUBPATTERN,
)
_CATEGORY = sre_parse.CATEGORY
_CATEGORIES = {  # a class item as written in a character class: kept apart from characters
    sre_parse.CATEGORY_DIGIT: r"\d",
    sre_parse.CATEGORY_SPACE: r"\s",
    sre_parse.CATEGORY_WORD: r"\w",
}
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT)
_CAP = 32  # more prefixes than this filter little and cost a search each
_DEPTH = 40  # a repeat of something that can match nothing would expand forever


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters (as written: matched in either case under ``re.I``) every match of
    ``pattern`` starts with; None when unknown (a class, a range, an empty match)."""
    chars = _starts(list(sre_parse.parse(pattern, re.I)))
    if chars is None or any(c in _CATEGORIES.values() for c in chars):
        return None
    return frozenset(chars)


def led(pattern: str) -> str:
    """``pattern`` behind a look-ahead on its first characters, when they are known and
    several: the same matches, found without trying every alternative at every word."""
    parsed = list(sre_parse.parse(pattern, re.I))
    chars = _starts(parsed)
    if chars is None or len(chars) < 2:  # one first character: the pattern tests it as soon
        return pattern
    items = (c if c in _CATEGORIES.values() else re.escape(c) for c in sorted(chars))
    # a word boundary every match starts at is tested first: it fails sooner still
    edge = r"\b" if _at_edge(parsed) else ""
    return f"{edge}(?=[{''.join(items)}])(?:{pattern})"


def _at_edge(items: list[tuple[Any, Any]]) -> bool:
    """True when every match starts at a word boundary (``\\b``)."""
    if not items:
        return False
    op, arg = items[0]
    if op is sre_parse.AT:
        return bool(arg is sre_parse.AT_BOUNDARY)
    if op is _SUBPATTERN:
        return _at_edge(list(arg[-1]))
    if op is _BRANCH:
        return all(_at_edge(list(alt)) for alt in arg[1])
    return False


def _starts(items: list[tuple[Any, Any]]) -> set[str] | None:
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the next item starts the match
        if op is _LITERAL:
            return {chr(arg)}
        if op is _IN:
            out = set()
            for o, a in arg:
                if o is _LITERAL:
                    out.add(chr(a))
                elif o is _CATEGORY and a in _CATEGORIES:
                    out.add(_CATEGORIES[a])
                else:
                    return None  # a range or a negation: not worth listing
            return out
        if op is _BRANCH:
            found = [_starts(list(alt)) for alt in arg[1]]
            return None if any(f is None for f in found) else set().union(*found)  # type: ignore[arg-type]
        if op is _SUBPATTERN:
            return _starts(list(arg[-1]))
        if op in _REPEATS and arg[0] >= 1:
            return _starts(list(arg[2]))
        return None
    return None  # matches the empty string


def prefixes(pattern: str) -> tuple[str, ...] | None:
    """The strings (3, else 2, else 1 characters long) every match of ``pattern`` under
    IGNORECASE starts with one of, lowercased; None when they are not known."""
    items = list(sre_parse.parse(pattern, re.I))
    for n in (3, 2, 1):
        found = _prefixes(items, n, 0)
        if found is not None:
            return tuple(sorted(found))
    return None


def _prefixes(items: list[tuple[Any, Any]], n: int, depth: int) -> set[str] | None:
    """The first ``n`` characters of the matches of ``items``, or None when unknown
    (a class, a match shorter than ``n``, too many)."""
    if n == 0:
        return {""}
    if not items or depth > _DEPTH:
        return None
    (op, arg), rest = items[0], items[1:]
    if op in _ZERO_WIDTH:  # consumes nothing
        return _prefixes(rest, n, depth + 1)
    if op is _LITERAL or op is _IN:
        chars = [chr(arg)] if op is _LITERAL else [chr(a) for o, a in arg if o is _LITERAL]
        if (op is _IN and len(chars) != len(arg)) or not all(map(str.isascii, chars)):
            return None  # a range, a category, a negation; or a character IGNORECASE
            # may equate with an ASCII one (the Kelvin sign)
        tails = _prefixes(rest, n - 1, depth + 1)
        return None if tails is None else _capped({c.lower() + t for c in chars for t in tails})
    if op is _BRANCH:
        found: set[str] = set()
        for alt in arg[1]:
            one = _prefixes(list(alt) + rest, n, depth + 1)
            if one is None:
                return None
            found |= one
        return _capped(found)
    if op is _SUBPATTERN:
        if arg[1] or arg[2]:
            return None  # inline flags
        return _prefixes(list(arg[-1]) + rest, n, depth + 1)
    if op in _REPEATS:
        low, high, sub = arg
        if high == 0:
            return _prefixes(rest, n, depth + 1)
        again = (op, (max(low - 1, 0), high if high is sre_parse.MAXREPEAT else high - 1, sub))
        once = _prefixes([*sub, again, *rest], n, depth + 1)  # one repetition, then the rest
        if low >= 1 or once is None:
            return once
        skipped = _prefixes(rest, n, depth + 1)
        return None if skipped is None else _capped(once | skipped)
    return None


def _capped(found: set[str]) -> set[str] | None:
    return found if len(found) <= _CAP else None
