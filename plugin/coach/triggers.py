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


# ---- required literal sets: a cheap second filter before a regex window runs ----

_CAP = 48  # most literals in one required set (the product of alternations grows fast)
_MIN_NEED = 5  # a shorter literal filters little
_EMPTY: frozenset[str] = frozenset({""})
_IN_MAX = 4  # a character class expands to at most this many literals


def required(pattern: str, trigger: Triggers | None) -> tuple[Triggers, ...]:
    """A literal set each match of ``pattern`` contains one of (exact strings, spaces
    kept) besides ``trigger``: the one with the longest shortest literal, or none.
    (A second set saved fewer windows than its positions cost: measured.)

    Literals are lowercase ASCII, so on folded text free of ``casefree.CASE_ALIASES``
    the IGNORECASE pattern can match only where they occur verbatim: a regex window
    holding no literal of one set cannot hold a match.
    """
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return ()
    found = {s for s in _needs(list(parsed)) if min(map(len, s)) >= _MIN_NEED}
    chosen: list[Triggers] = [trigger] if trigger else []
    for s in sorted(found, key=lambda s: (-min(map(len, s)), len(s), sorted(s))):
        # a set that any chosen set's occurrence already satisfies filters nothing more
        if not any(all(any(n in t for n in s) for t in c) for c in chosen):
            chosen.append(s)
    return tuple(chosen[1:] if trigger else chosen)[:1]


def _needs(items: list[tuple[Any, Any]]) -> list[Triggers]:
    """Candidate sets: products of consecutive finite items, and sets inside the rest."""
    langs = [_language(op, arg) for op, arg in items]
    found: list[Triggers] = []
    for i in range(len(langs)):
        acc = _EMPTY
        for lang in langs[i:]:
            if lang is None:
                break
            grown = frozenset(a + b for a in acc for b in lang)
            if len(grown) > _CAP:
                break
            acc = grown
        if "" not in acc:
            found.append(acc)
    for (op, arg), lang in zip(items, langs, strict=True):
        if lang is None:
            found += _inner(op, arg)
    return found


def _inner(op: Any, arg: Any) -> list[Triggers]:
    if op is _SUBPATTERN and not (arg[1] or arg[2]):
        return _needs(list(arg[-1]))
    if op in _REPEATS and arg[0] >= 1:
        return _needs(list(arg[2]))
    if op is _BRANCH:  # one set per alternative, their union
        union: set[str] = set()
        for alt in arg[1]:
            best = [s for s in _needs(list(alt)) if min(map(len, s)) >= _MIN_NEED]
            if not best:
                return []
            union |= max(best, key=lambda s: (min(map(len, s)), -len(s)))
        return [frozenset(union)] if len(union) <= _CAP else []
    return []


def _language(op: Any, arg: Any) -> Triggers | None:
    """Every string the item can match (lowercase ASCII), or None when unknown or large."""
    if op is _LITERAL:
        c = chr(arg)
        return frozenset({c.lower()}) if c.isascii() else None
    if op in _ZERO_WIDTH:
        return _EMPTY  # consumes nothing: the literals either side stay adjacent
    if op is sre_parse.IN:
        chars = [chr(a) for o, a in arg if o is _LITERAL]
        if len(chars) != len(arg) or len(chars) > _IN_MAX or not all(map(str.isascii, chars)):
            return None
        return frozenset(c.lower() for c in chars)
    if op is _SUBPATTERN:
        return None if arg[1] or arg[2] else _product(list(arg[-1]))
    if op is _BRANCH:
        alts = [_product(list(alt)) for alt in arg[1]]
        if any(a is None for a in alts):
            return None
        union = frozenset().union(*(a for a in alts if a is not None))
        return union if len(union) <= _CAP else None
    if op in _REPEATS and arg[1] == 1 and arg[0] in (0, 1):
        inner = _product(list(arg[2]))
        return None if inner is None else (inner | _EMPTY if arg[0] == 0 else inner)
    return None


def _product(items: list[tuple[Any, Any]]) -> Triggers | None:
    acc = _EMPTY
    for op, arg in items:
        lang = _language(op, arg)
        if lang is None:
            return None
        acc = frozenset(a + b for a in acc for b in lang)
        if len(acc) > _CAP:
            return None
    return acc
