"""Literal triggers for regex rules, so a regex runs only when its words are present.

A trigger set is a set of literals such that every match of the pattern contains
at least one of them. The automaton finds triggers with the phrases in one pass;
a pattern with no trigger set runs on every draft. Uses Python's own regex parser
(``re._parser``), so no regex syntax is re-implemented here.
"""

from __future__ import annotations

import re
from re import _parser as sre_parse  # type: ignore[attr-defined]  # noqa: I001
from typing import Any

_MIN_LEN = 3  # shorter literals ("a", "we") occur in nearly every draft and filter nothing
_LITERAL = sre_parse.LITERAL
_SUBPATTERN = sre_parse.SUBPATTERN
_BRANCH = sre_parse.BRANCH
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT)

Triggers = frozenset[str]


def triggers(pattern: str) -> Triggers | None:
    """The trigger set of ``pattern`` (lowercase literals), or None when it has none."""
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    return _sequence(list(parsed))


def max_width(pattern: str, cap: int) -> int:
    """The longest text ``pattern`` can match, at most ``cap`` (unbounded → ``cap``)."""
    try:
        _, longest = sre_parse.parse(pattern, re.IGNORECASE).getwidth()
    except re.error:
        return cap
    return min(int(longest), cap)


def _better(a: Triggers | None, b: Triggers | None) -> Triggers | None:
    """Prefer the set whose shortest literal is longest: it filters more drafts."""
    if a is None:
        return b
    if b is None:
        return a
    return a if min(map(len, a)) >= min(map(len, b)) else b


def _sequence(items: list[tuple[Any, Any]]) -> Triggers | None:
    best: Triggers | None = None
    run: list[str] = []

    def close_run() -> None:
        nonlocal best
        text = "".join(run).strip()
        if len(text) >= _MIN_LEN:
            best = _better(best, frozenset({text.lower()}))
        run.clear()

    for op, arg in items:
        if op is _LITERAL:
            run.append(chr(arg))
            continue
        if op in _ZERO_WIDTH:
            continue  # \b and lookarounds consume nothing: the literal run goes on
        close_run()
        best = _better(best, _item(op, arg))
    close_run()
    return best


def _item(op: Any, arg: Any) -> Triggers | None:
    if op is _SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is _BRANCH:
        found = [_sequence(list(alt)) for alt in arg[1]]
        if any(t is None for t in found):
            return None
        return frozenset().union(*(t for t in found if t is not None))
    if op in _REPEATS and arg[0] >= 1:
        return _sequence(list(arg[2]))
    return None
