"""Identifiers and names: text that is never jargon, a rare word or a misspelling.

A flight number (TP1351, "BA 2490"), a product code (DC-250, HRL-6-OAK), a plan
name ("Growth Annual plan"), a host or domain (mail.acme.internal), an address,
a version (v2.3.1, "iOS 11.1"), a size (50GB), a time zone after a time
("17:00 CET") is something the customer must read or type exactly as written;
"fixing" or "explaining" it breaks it. Names are the same: the agent's own
("Aoife"), a brand with an inner capital (DeCalc), a greeting or sign-off in
another language ("Kia ora Hemi,", "Ngā mihi,"), sign-off initials ("^RM").

Each test looks only at the word in question and its neighbours, so the cost is
paid by the few words another check was about to flag, never by every word.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from plugin.coach.draft import Draft
from plugin.coach.lexicon import wordset

_LEAD = "\"'“‘([{<*"
_TRAIL = ".,;:!?)]}\"'”’>*"
_JOINED = re.compile(r"[^\W_][./:_\\@][^\W_]")  # host.name, v2.3, 9C:41, a_b, a@b
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")  # DeCalc, iOS, eBay
_NUMBER = re.compile(r"\d[\d:.,]*[a-z]{0,2}$", re.I)  # 25, 17:00, 8am, 1.5
_PLAN_NOUNS = wordset(
    "plan plans tier subscription package bundle membership edition licence license"
)
# Words that open a screen or menu label in an instruction ("Under APN, enter...").
_UI_VERBS = wordset("tap select choose click press toggle enable disable open")
_UNDER_STEP = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[-*•])?[ \t]*under[ \t]+$", re.I)  # "2. Under APN,"
_UI_NOUNS = wordset("field tab menu setting settings button toggle option screen page section")
_ARROWS = "→>›»"
_ARROW = re.compile(f"[{_ARROWS}]")
# A reply's last line may end with the author's initials or name after a mark:
# "^RM", "/TB", "*KittyG", "-Jen", "– Jeh", "= JJ" (then maybe a link or "1/2").
_TAIL = re.compile(
    r"(?:^|\s)[\^*/=~\-–—]+\s?[A-Z][A-Za-z]{0,19}"
    r"(?:\s+(?:https?://\S+|\d/\d))*\s*$|[?!.][\^*/=~\-–—]+\s?[A-Z][A-Za-z]{0,19}\s*$"
)
_TAIL_REACH = 120  # characters from the end where sign-off initials can start
_LABEL_REACH = 64  # how far before a word a "→" or a "2. Under" step label is looked for
SHORT_LINE_WORDS = 4  # "Kia ora Hemi,", "Bien à vous,", "Ngā mihi,"
SIGNATURE_LINE_WORDS = 6  # "Koru Mobile Support", "Priyanka Shah | Fibrenet"


TOKEN_REACH = 64  # how far back grammar.py looks for the start of a matched word's token
_NON_SPACE = re.compile(r"\S+")  # \s is str.isspace in Python's re


def token_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The white-space-delimited token around ``[start, end)``, without wrapping punctuation."""
    s, e = start, end
    if s > 0 and not text[s - 1].isspace():
        # most tokens are short: the white space before is found in a short window
        lo = max(0, s - _TOKEN_WINDOW)
        m = _TO_LAST_SPACE.match(text, lo, s)
        if m is not None or lo == 0:
            s = m.end() if m is not None else 0
        else:
            starts, _ = _runs(text)
            s = starts[bisect_right(starts, s - 1) - 1]
    if e < len(text) and not text[e].isspace():
        m = _SPACE.search(text, e, e + _TOKEN_WINDOW)
        if m is not None or e + _TOKEN_WINDOW >= len(text):
            e = m.start() if m is not None else len(text)
        else:
            starts, ends = _runs(text)
            e = ends[bisect_right(starts, e) - 1]
    while s < start and text[s] in _LEAD:
        s += 1
    while e > end and text[e - 1] in _TRAIL:
        e -= 1
    return s, e


# A token's edges within this reach are found in it; a longer token's from ``_runs``.
_TOKEN_WINDOW = 64
_SPACE = re.compile(r"\s")
_TO_LAST_SPACE = re.compile(r".*\s", re.S)  # to just past the window's last white space


@lru_cache(maxsize=8)
def _runs(text: str) -> tuple[list[int], list[int]]:
    """Where each run without white space starts and ends: found once per text, so a
    token is found by bisection, not by a walk per word (quadratic in a text without
    white space)."""
    runs = [m.span() for m in _NON_SPACE.finditer(text)]
    return [r[0] for r in runs], [r[1] for r in runs]


@lru_cache(maxsize=1024)
def _token_shape(text: str, start: int, end: int) -> bool:
    """``_shape_is_identifier`` of ``text[start:end]``, once per token (the key hashes
    in constant time; the token itself may be as long as the text)."""
    return _shape_is_identifier(text[start:end])


def is_identifier(text: str, start: int, end: int) -> bool:
    """True when the word at ``[start, end)`` belongs to a code, host, version, size,
    handle, plan name or a name with an inner capital."""
    s, e = token_at(text, start, end)
    if _token_shape(text, s, e):
        return True
    word = text[start:end]
    if word.isupper() and word.isalpha():
        after = _next_token(text, e)
        before = _previous_token(text, s)
        # "PF 311", "VY 7812": a carrier or area code before its number;
        # "25 RP", "17:00 CET", "50 GB": a unit or time zone after a number
        if (after and after[0].isdigit()) or (before and _NUMBER.match(before)):
            return True
    return word[:1].isupper() and _names_a_plan(text, e)


@lru_cache(maxsize=8192)
def _shape_is_identifier(token: str) -> bool:
    if not token:
        return False
    if token[0] in "@#" or _JOINED.search(token) or _INNER_CAPITAL.search(token):
        return True
    has_digit = any(c.isdigit() for c in token)
    if has_digit and any(c.isalpha() for c in token):
        return True  # TP1351, 4G, 50GB, DC-250, A11Y-212
    parts = [p for p in token.split("-") if p]
    # HRL-OAK, ELECTRO-MART: hyphenated capitals
    return len(parts) > 1 and all(p.isupper() or p.isdigit() for p in parts)


_NEXT_TOKEN = re.compile(r"[ \t]+([^\s]+)")


def _next_token(text: str, pos: int) -> str:
    m = _NEXT_TOKEN.match(text[pos : pos + 40])
    return m.group(1).strip(_TRAIL) if m else ""


def _previous_token(text: str, pos: int) -> str:
    r"""The white-space free run just before the spaces or tabs that end the 40 characters
    before ``pos``, as ``([^\s]+)[ \t]+$`` searches for it: string methods, not a search
    tried (and backtracking) at every position."""
    before = text[max(0, pos - 40) : pos]
    if before[-1:] == "\n":
        before = before[:-1]  # ``$`` matches before a last line break too
    kept = before.rstrip(" \t")
    if len(kept) == len(before) or not kept or kept[-1].isspace():
        return ""
    return kept.rsplit(None, 1)[-1].strip(_TRAIL).lstrip(_LEAD)


def _names_a_plan(text: str, pos: int) -> bool:
    """Capitalised words up to a plan noun: "Growth Annual plan", "the Team Plan"."""
    for m in _NEXT_TOKEN.finditer(text[pos : pos + 60]):
        word = m.group(1).strip(_TRAIL)
        if word.lower() in _PLAN_NOUNS:
            return True
        if not word[:1].isupper() or m.group(1) != word:
            return False
    return False


def ui_label(draft: Draft, start: int, end: int) -> bool:
    """True when the word names a screen, menu or link the customer will see:
    "Under APN, enter…", "Settings → API → Keys", "the SSO tab", a link's text."""
    text = draft.text
    line_start = text.rfind("\n", 0, start) + 1
    # only the text next to the word is read, and the line's arrows are found once per
    # text: a slice of the whole line per word is quadratic in a line without breaks
    if _has_arrow(text, line_start, end):
        before = text[max(line_start, start - _LABEL_REACH) : start].rstrip(" \t\"'“")
        after = text[end : end + 3].lstrip(" \t\"'”")
        if before[-1:] in _ARROWS or after[:1] in _ARROWS:
            return True
    prev = _previous_token(text, start).lower()
    nxt = _next_token(text, end).lower()
    if prev in _UI_VERBS or nxt in _UI_NOUNS:
        return True
    if start - line_start <= _LABEL_REACH and _UNDER_STEP.fullmatch(text, line_start, start):
        return True
    return draft.format == "html" and _in_link(draft, start)


def _has_arrow(text: str, line_start: int, pos: int) -> bool:
    """Does the line starting at ``line_start`` and holding ``pos`` hold an arrow?"""
    if not any(a in text for a in _ARROWS):  # most texts hold none: no scan for them
        return False
    arrows = _arrow_positions(text)
    i = bisect_right(arrows, line_start - 1)
    if i == len(arrows):
        return False
    line_end = text.find("\n", pos)
    return line_end < 0 or arrows[i] < line_end


@lru_cache(maxsize=8)
def _arrow_positions(text: str) -> list[int]:
    return [m.start() for m in _ARROW.finditer(text)]


def _in_link(draft: Draft, pos: int) -> bool:
    src = draft.to_source(pos, pos)[0]
    opens, closes = _link_tags(draft.source)
    # the last "<a " and "</a" wholly before ``src`` (both 3 characters)
    i, j = bisect_right(opens, src - 3), bisect_right(closes, src - 3)
    return i > 0 and (j == 0 or opens[i - 1] > closes[j - 1])


@lru_cache(maxsize=16)
def _link_tags(source: str) -> tuple[list[int], list[int]]:
    """Where "<a " and "</a" start (any case): found once per draft, not per word."""
    lower = source.lower()
    return _starts(lower, "<a "), _starts(lower, "</a")


def _starts(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


# -- lines that hold names -----------------------------------------------------------


def line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)].strip()


# A greeting, sign-off or signature line is short; a longer one is not read word by
# word (once per word of it, that would be quadratic in its length).
_NAME_LINE_MAX = 200


def names_line(text: str, pos: int) -> bool:
    """True when ``pos`` sits on a greeting or sign-off line ("Kia ora Hemi,",
    "Mahalo,"), a signature line ("Aroha", "Koru Mobile Support") or the sign-off
    initials that end a short social reply ("... ^RM")."""
    start, end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    if (end if end >= 0 else len(text)) - start > _NAME_LINE_MAX:
        return in_signoff_tail(text, pos)
    line = line_of(text, pos)
    words = line.split()
    if not words:
        return False
    if len(words) <= SHORT_LINE_WORDS and line[-1] in ",!":
        return True
    if (
        len(words) <= SIGNATURE_LINE_WORDS
        and line[-1] not in ".?!:;,"
        and all(not w[0].isalpha() or w[0].isupper() for w in words)
    ):
        return True
    return in_signoff_tail(text, pos)


def in_signoff_tail(text: str, pos: int) -> bool:
    """True when ``pos`` is in the initials or name that end a social reply ("^RM")."""
    offset = max(0, len(text) - _TAIL_REACH)
    if pos < offset:
        return False
    tail = _tail_start(text[offset:])
    return tail is not None and pos >= offset + tail


def foreign(word: str) -> bool:
    """A word with letters outside English's alphabet (Olá, Inês, Ngā): a name or a
    loanword, never an English typo."""
    # (``isascii`` reads a flag of the string: most words need no look at each letter)
    return not word.isascii() and any(c.isalpha() and not c.isascii() for c in word)


@lru_cache(maxsize=1024)
def _tail_start(end_of_text: str) -> int | None:
    m = _TAIL.search(end_of_text)
    return m.start() if m else None
