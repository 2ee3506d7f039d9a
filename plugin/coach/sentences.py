"""A draft's sentences: spans of its plain text, trimmed of white space (``Draft.sentences``)."""

from __future__ import annotations

import re
from functools import partial
from typing import NamedTuple


class Span(NamedTuple):
    start: int
    end: int


_make_span = partial(tuple.__new__, Span)

# Sentence ends: terminal punctuation followed by space and a likely sentence start,
# or a line break (greetings and sign-offs sit on their own lines).
# (The match holds the terminal mark: a pattern starting with a look-behind is
# tried at every position, one starting with a character class is scanned fast.)
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”')\]]*\s+(?=[\"“'(\[]?[A-Z0-9{])|\n\s*")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "approx",
        "dept",
        "inc",
        "ltd",
        "jr",
        "sr",
        "fig",
        "al",
    ]
)


def split(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    start = 0
    for m in _SENTENCE_BREAK.finditer(text):
        end = m.start()
        mark = text[end]
        if mark != "\n":
            end += 1  # the sentence keeps its mark
            # (after "!", "?" or "…" the last word ends in that mark: never an abbreviation)
            if mark == "." and "\n" not in m.group():
                # "e.g. Foo" or "Mr. Smith" is not a sentence end.
                # abbreviations are short: the last 12 characters hold any that matter
                before = text[max(start, end - 12) : end].rsplit(None, 1)
                last = before[-1].rstrip(".").lower() if before else ""
                if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                    continue
        if start < end and not text[start].isspace() and not text[end - 1].isspace():
            spans.append(_make_span((start, end)))  # nothing to trim: no call
        else:
            _add_span(spans, text, start, end)
        start = m.end()
    _add_span(spans, text, start, len(text))
    return tuple(spans)


def _add_span(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
