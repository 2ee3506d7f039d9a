"""Case-sensitive twins of the pack's IGNORECASE regexes, for text already folded.

Rules match ``fold``ed (lowercased) text, where IGNORECASE only slows the regex
engine down (~25 % of ``RulePack.find``). A twin compiled without it matches the
same on any folded text that holds none of ``CASE_ALIASES`` — the only characters
that lowercase text can hold and that IGNORECASE equates with an ASCII character —
provided the pattern itself is plain: no uppercase or cased non-ASCII literal, no
backreference, no inline flag. Anything else keeps the IGNORECASE pattern.
"""

from __future__ import annotations

import re
from re import _parser as sre_parse  # type: ignore[attr-defined]  # noqa: I001
from typing import Any

# What IGNORECASE equates with an ASCII letter besides itself (found by scanning every
# code point; a test re-derives it): ASCII capitals, dotted/dotless i, long s, Kelvin.
CASE_ALIASES = re.compile("[A-Z\u0130\u0131\u017f\u212a]")

_LITERALS = (sre_parse.LITERAL, sre_parse.NOT_LITERAL)
_REFS = (sre_parse.GROUPREF, sre_parse.GROUPREF_EXISTS, sre_parse.GROUPREF_IGNORE)


def case_sensitive_twin(pattern: str) -> re.Pattern[str] | None:
    """``pattern`` compiled without IGNORECASE when that matches the same on folded
    text free of ``CASE_ALIASES``, else None."""
    try:
        parsed = sre_parse.parse(pattern, 0)
    except re.error:
        return None
    if parsed.state.flags & ~re.UNICODE or not _plain(list(parsed)):
        return None
    return re.compile(pattern)


def _plain_char(code: int) -> bool:
    c = chr(code)
    return not c.isupper() and (c.isascii() or c.lower() == c.upper())


def _plain(items: list[tuple[Any, Any]]) -> bool:
    for op, arg in items:
        if op in _LITERALS and not _plain_char(arg):
            return False
        if op is sre_parse.RANGE and not all(map(_plain_char, range(arg[0], arg[1] + 1))):
            return False
        if op in _REFS or (op is sre_parse.SUBPATTERN and (arg[1] or arg[2])):
            return False
        if op is sre_parse.IN and not _plain(arg):
            return False
        if not all(_plain(list(sub)) for sub in _children(arg)):
            return False
    return True


def _children(arg: Any) -> list[Any]:
    """The sub-patterns inside one parsed item's argument (groups, branches, repeats)."""
    if isinstance(arg, sre_parse.SubPattern):
        return [arg]
    if not isinstance(arg, tuple):
        return []
    found: list[Any] = []
    for x in arg:
        if isinstance(x, sre_parse.SubPattern):
            found.append(x)
        elif isinstance(x, list):
            found += [y for y in x if isinstance(y, sre_parse.SubPattern)]
    return found
