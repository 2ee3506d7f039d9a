"""The characters a regex's matches can start with, read from its parse (``re._parser``).

Used to skip work: a pattern none of whose first characters is in a text cannot match
it, and a look-ahead on those characters lets a search fail at once at most positions
(Python's regex engine otherwise tries every alternative at every word start).
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
