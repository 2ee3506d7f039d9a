"""The sign-off and signature at the end of a reply: where a sign-off line stands, and
the signature (name, title, company) under it, which no rule may flag."""

from __future__ import annotations

import re

# A sign-off line ("Best,", "Thanks again!", "— Sam") within the reply's last lines.
SIGNOFF = re.compile(
    r"(?im)^[ \t]*(?:(?:best(?: regards| wishes)?|kind regards|warm(?:est)? regards|warmly|regards"
    r"|cheers|many thanks|thanks(?: again| so much)?|thank you(?: again)?|sincerely"
    r"|yours(?: sincerely| truly)?|all the best|take care|talk soon|speak soon|respectfully"
    r"|with thanks)[ \t]*[,!.]?|(?:—|–|--)[ \t]*\S[^\n]*)[ \t]*$"
)
SIGNOFF_LINES = 4  # a sign-off sits within the last few non-empty lines
_SIGNATURE_LINE_WORDS = 6  # "Anneke | Support Team", "Acme Inc." — not a sentence
# lowercase words a name or title may hold ("Head of Support", "Leo van der Berg")
_SIGNATURE_SMALL_WORDS = frozenset(
    ["of", "at", "and", "for", "the", "de", "van", "von", "der", "da", "di", "la", "le", "du", "y"]
)


def last_lines(text: str, n: int = SIGNOFF_LINES) -> list[tuple[int, str]]:
    """The last ``n`` non-empty lines of ``text`` as (start, line), in reading order.

    Where a sign-off can stand; read from the end, so it costs the same for any length.
    """
    lines: list[tuple[int, str]] = []
    end = len(text)
    while end > 0 and len(lines) < n:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line and not line.isspace():
            lines.append((start, line))
        end = start - 1
    return lines[::-1]


def signature(text: str) -> tuple[int, int] | None:
    """The signature under a sign-off line: the agent's name, title, company.

    Only short lines that are not sentences count, so a reply whose last lines
    happen to follow a "Thanks!" keeps its sentences coachable.
    """
    lines = last_lines(text.rstrip())
    for i in range(len(lines) - 1, -1, -1):  # the sign-off nearest the end
        if SIGNOFF.fullmatch(lines[i][1]):
            below = lines[i + 1 :]
            if below and all(_is_signature_line(line) for _, line in below):
                start, line = below[0]
                return start + len(line) - len(line.lstrip()), len(text.rstrip())
            return None
    return None


def _is_signature_line(line: str) -> bool:
    """A name, title or company line: short, no sentence, capitalised words.

    "I'll check with the warehouse" under a "Thanks!" is a sentence still being
    typed, not a signature; "Sam Lee", "Support Lead | Acme Inc" are signatures.
    """
    stripped = line.strip()
    words = stripped.split()
    return (
        len(words) <= _SIGNATURE_LINE_WORDS
        and stripped[-1] not in ".?!:"
        and not stripped.startswith(">")  # quoted text is protected as such
        and all(not w[0].isalpha() or w[0].isupper() or w in _SIGNATURE_SMALL_WORDS for w in words)
    )
