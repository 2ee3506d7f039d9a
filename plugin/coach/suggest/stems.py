"""A cheap pre-test for a phrase pattern searched over a whole reply.

A pattern of phrase alternatives (``\\b(?:look into|follow up|...)``) tries every
alternative at every position of the text. Each of its matches holds the literal
stem one alternative opens with ("look", "follow up"), and ``str.__contains__``
finds a stem in C far faster: when the text holds none, the pattern is not run.
"""

from __future__ import annotations

import re

_HEAD = r"\b(?:"
_FLAGS = re.compile(r"\(\?[aiLmsux-]")  # an inline flag group ("(?i:", "(?x)")
_LITERAL = re.compile(r"[^\\.^$*+?{}\[\]|()]*")  # up to the first character re reads


def stems(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The literal stem each alternative of ``pattern`` opens with (a match holds one of
    them), or None when the pattern is not ``\\b(?:a|b|...)`` (a trailing ``\\b`` allowed)
    or an alternative opens with no literal: then there is no pre-test."""
    src = pattern.pattern
    if (
        pattern.flags & (re.IGNORECASE | re.VERBOSE)
        or _FLAGS.search(src)
        or not src.startswith(_HEAD)
    ):
        return None  # a stem must be matched as written: no case folding, no verbose spaces
    alts: list[str] = []
    start = i = len(_HEAD)
    depth = 0
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 1  # the escaped character is no bracket or bar
        elif c == "[":
            return None  # no character classes here: kept simple
        elif c == "(":
            depth += 1
        elif c == ")" and depth:
            depth -= 1
        elif c == ")":
            alts.append(src[start:i])
            if src[i + 1 :] not in ("", r"\b"):
                return None
            break
        elif c == "|" and not depth:
            alts.append(src[start:i])
            start = i + 1
        i += 1
    else:
        return None
    found = {_stem(a) for a in alts}
    if "" in found:
        return None
    # a stem holding a shorter one adds nothing ("not okay" holds "not ok")
    return tuple(sorted(s for s in found if not any(o != s and o in s for o in found)))


def _stem(alt: str) -> str:
    if alt.startswith("(?:"):  # an optional opening group ("(?:just )?reply"): after it
        close = alt.find(")")
        if "(" in alt[3:close] or alt[close + 1 : close + 2] != "?":
            return ""
        alt = alt[close + 2 :]
    m = _LITERAL.match(alt)
    stem = m.group() if m else ""
    if alt[len(stem) : len(stem) + 1] in ("?", "*", "+", "{"):
        stem = stem[:-1]  # the last character is quantified: maybe absent
    return stem


def search(pattern: re.Pattern[str], found: tuple[str, ...] | None, text: str) -> bool:
    """``pattern.search(text) is not None``, the search skipped when ``text`` holds none
    of the stems ``found`` (``stems(pattern)``)."""
    if found is not None and not any(map(text.__contains__, found)):
        return False
    return pattern.search(text) is not None
