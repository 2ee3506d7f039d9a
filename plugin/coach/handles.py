"""Social-media addressing: leading @handles and sign-off initials.

A reply on Twitter, Facebook or Instagram starts with the handles it answers
("@user1 @Brand Hi Sam, ...") and often ends with the agent's initials ("... ^RM",
"-Paul", "*HRO"). Neither is prose: both are protected text, the reply's first word
is the one after the handles (so a greeting there is still an opening greeting),
and the initials are the reply's signature.
"""

from __future__ import annotations

import re

from plugin.coach.rule_schema import reply_start

# "@user1 @Brand, " at the very start; ".@user" is the old public-reply form.
_LEADING = re.compile(r"[ \t\r\n]*\.?@\w{1,50}(?:[ \t\r\n,:;]+\.?@\w{1,50})*[ \t\r\n,:;]*")
# An @handle, matched where an "@" is (a pattern starting with a look-behind would be
# tried at every position of the draft).
_HANDLE = re.compile(r"@\w{1,50}")
# Initials or a first name after a marker at the very end: "^RM", "*HRO", "~Anna" (these
# markers never end prose), "/AY" (capitals only: "/settings" is a path), "-Paul",
# "- Mike R" (a dash only after text on the same line: at a line's start it is a bullet).
_INITIALS = re.compile(
    r"(?:(?:(?<=\s)|^)[\^*~][ \t]?[A-Za-z][\w.]{0,15}"
    r"|(?<=\S[ \t])/[A-Z]{2,4}"
    r"|(?<=\S[ \t])[-–—][ \t]?[A-Z][\w.]{0,15})"
    r"(?:[ \t][A-Z][\w.]{0,3})?[ \t]*$"
)


def lead_end(text: str) -> int:
    """Where the reply's first word starts: after white space and leading @handles."""
    return reply_start(text)


def starts_with_handle(text: str) -> bool:
    """True when the reply addresses someone by @handle first (a social reply)."""
    return _LEADING.match(text) is not None


def handle_spans(text: str) -> list[tuple[int, int]]:
    """Every @handle in ``text`` (never the part of an email address)."""
    spans: list[tuple[int, int]] = []
    at = text.find("@")
    while at >= 0:
        before = text[at - 1] if at else " "
        m = None if before.isalnum() or before in "_.@" else _HANDLE.match(text, at)
        if m is not None:  # not the "@" of an email address
            spans.append(m.span())
        at = text.find("@", m.end() if m else at + 1)
    return spans


def initials_span(text: str) -> tuple[int, int] | None:
    """The agent's initials or name signed at the very end, if any ("... ^RM")."""
    end = len(text.rstrip())
    # read only the tail: the cost must not grow with the draft
    tail_start = max(0, end - 24)
    m = _INITIALS.search(text, tail_start, end)
    if m is None or not text[: m.start()].strip():
        return None  # no initials, or nothing but them
    return m.start(), end
