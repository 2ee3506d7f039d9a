"""A draft parsed once: plain text, an offset map back to the input, sentences,
words and the protected spans no rule may flag and no edit may touch.

Zendesk comments may be HTML (rich-text mode). Analyzers only ever see
``Draft.text``; ``to_source`` maps a plain-text span back into the input as
sent, never inside a tag, so the agent's editor gets exact offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, repeat
from operator import itemgetter
from typing import Literal, NamedTuple

from plugin.coach import handles, html_text, markup, protected, signoff
from plugin.coach.model import Edit
from plugin.coach.rule_schema import fold
from plugin.coach.sentences import Span as Span  # re-exported: the type of every span
from plugin.coach.sentences import split as split_sentences
from plugin.coach.signoff import SIGNOFF as SIGNOFF  # re-exported: placement, layout, checks
from plugin.coach.signoff import SIGNOFF_LINES as SIGNOFF_LINES
from plugin.coach.signoff import last_lines as last_lines

Format = Literal["text", "html"]


class DraftError(ValueError):
    """The draft cannot be coached (empty, too long, not text)."""


# NamedTuples, not dataclasses: a draft makes one Word per word on every keystroke,
# and tuple construction is several times cheaper than a frozen dataclass __init__.
class Word(NamedTuple):
    start: int
    end: int
    text: str


_WORD_START, _WORD_END = itemgetter(0), itemgetter(1)

# A draft word: inner apostrophes and hyphens keep it one ("follow-up", "isn't").
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_WORD_SPLIT = re.compile(f"({WORD.pattern})")
# The same words in ASCII text, where [^\W_] is [A-Za-z0-9]: a bitmap test per character
# instead of a Unicode category lookup (most drafts are ASCII; ~30 % faster).
_ASCII_WORD_SPLIT = re.compile(r"([A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*)")
_LI_OPEN = re.compile(r"<li[\s>]", re.I)  # not "<link"
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]")


@dataclass(frozen=True)
class Draft:
    source: str
    format: Format
    text: str
    sentences: tuple[Span, ...]
    words: tuple[Word, ...]
    protected: tuple[Span, ...]  # sorted, merged
    _starts: tuple[int, ...] | None = None  # html only: source start per text char
    _ends: tuple[int, ...] | None = None  # html only: source end per text char

    @cached_property
    def folded(self) -> str:
        """``text`` folded as rules match it (lowercase, straight apostrophes), same length."""
        return fold(self.text)

    @cached_property
    def word_texts(self) -> tuple[str, ...]:
        """Each word's text (``Word.text``), in order (``parse`` fills it in as it splits)."""
        return tuple(map(itemgetter(2), self.words))

    @cached_property
    def word_starts(self) -> tuple[int, ...]:
        """Each word's start (``Word.start``), in order, to bisect (``parse`` fills it in)."""
        return tuple(map(itemgetter(0), self.words))

    @cached_property
    def lowered(self) -> tuple[str, ...]:
        """Each word of ``words`` in lowercase, computed once for every analyzer."""
        return tuple(map(str.lower, self.word_texts))

    @cached_property
    def _protected_starts(self) -> list[int]:
        return [s.start for s in self.protected]

    @cached_property
    def _protected_ends(self) -> list[int]:
        return [s.end for s in self.protected]

    @cached_property
    def open_words(self) -> tuple[Word, ...]:
        """The words no protected span overlaps (``is_protected`` false), in order:
        a bisection per protected span rather than a test per word."""
        words = self.words
        kept: list[Word] = []
        at = 0
        for s, e in self.protected:
            # words overlapping [s, e): their end is past s and their start before e
            first = bisect_right(words, s, lo=at, key=_WORD_END)
            kept += words[at:first]
            at = max(at, first, bisect_left(words, e, lo=first, key=_WORD_START))
        kept += words[at:]
        return tuple(kept)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_index(self, pos: int) -> int | None:
        """Which sentence holds ``pos``, if any: a bisection, as sentences are sorted and
        disjoint (a scan per finding would be quadratic in a draft of many findings)."""
        i = bisect_right(self._sentence_starts, pos) - 1
        return i if i >= 0 and pos < self.sentences[i].end else None

    def sentence_at(self, pos: int) -> Span | None:
        i = self.sentence_index(pos)
        return None if i is None else self.sentences[i]

    def splits_protected(self, pos: int) -> bool:
        """True when an insertion at ``pos`` would split a protected span."""
        i = bisect_left(self._protected_starts, pos) - 1
        return i >= 0 and pos < self.protected[i].end

    # ---- protected spans -------------------------------------------------
    def is_protected(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a protected span (an empty one: when a
        span holds ``start`` strictly inside)."""
        # The spans are sorted and disjoint: only the last one starting at or before
        # the range's last character can reach into it.
        i = bisect_right(self._protected_starts, start if start >= end - 1 else end - 1)
        return i > 0 and self._protected_ends[i - 1] > start

    # ---- offsets -----------------------------------------------------------
    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a plain-text span (or insertion point) to the input as sent."""
        if self._starts is None or self._ends is None:
            return start, end
        if start == end:
            pos = self._ends[start - 1] if start >= len(self.text) and start > 0 else None
            if pos is None:
                pos = self._starts[start] if start < len(self.text) else len(self.source)
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def source_edit(self, edit: Edit) -> Edit:
        """The same edit expressed on the input as sent (escaped for HTML)."""
        start, end = self.to_source(edit.start, edit.end)
        text = edit.replacement
        if self.format == "html":
            text = markup.escape(text)
        return Edit(start, end, text)

    def in_list_item(self, pos: int) -> bool:
        """True when ``pos`` sits in a list item: an HTML ``<li>``, or a text line that
        starts with a bullet or a number ("- Open Settings", "2. Tap Export")."""
        if self.format == "html":
            src = self.to_source(pos, pos)[0]
            opened, closed = self._list_tags
            # the last "<li" and "</li" wholly before ``src`` (both are 4 characters)
            i, j = bisect_right(opened, src - 4), bisect_right(closed, src - 4)
            return i > 0 and (j == 0 or opened[i - 1] > closed[j - 1])
        line_start = self.text.rfind("\n", 0, pos) + 1
        return _LIST_MARKER.match(self.text, line_start) is not None

    @cached_property
    def _list_tags(self) -> tuple[list[int], list[int]]:
        """Where "<li" and "</li" start in the source: found once, not once per question."""
        closed, at = [], self.source.find("</li")
        while at >= 0:
            closed.append(at)
            at = self.source.find("</li", at + 4)
        return [m.start() for m in _LI_OPEN.finditer(self.source)], closed

    def sentence_text(self, span: Span) -> str:
        return self.text[span.start : span.end]


def parse(source: str, fmt: Format = "text", names: tuple[str, ...] = ()) -> Draft:
    """Parse ``source`` once.

    ``names`` are the customer's name parts, protected wherever they stand.
    Raises DraftError for an unknown format; emptiness is the caller's rule.
    """
    quoted: list[tuple[int, int]] = []
    if fmt == "text":
        text, starts, ends = source.replace("\r\n", "\n").replace("\r", "\n"), None, None
        if len(text) != len(source):  # keep offsets exact: map CRLF by hand
            text, starts, ends = _crlf_map(source)
    elif fmt == "html":
        text, starts, ends = html_text.read(source, quoted)
    else:
        raise DraftError(f"unknown format {fmt!r}: use 'text' or 'html'")
    words, texts, word_starts = _split_words(text)
    # Filled in without the frozen dataclass's __init__ (a Python call per field), with
    # what the split made already where ``cached_property`` keeps its values.
    draft = object.__new__(Draft)
    draft.__dict__.update(
        source=source,
        format=fmt,
        text=text,
        sentences=split_sentences(text),
        words=words,
        protected=_protected(text, names, quoted),
        _starts=starts,
        _ends=ends,
        word_texts=texts,
        word_starts=word_starts,
    )
    return draft


def _split_words(text: str) -> tuple[tuple[Word, ...], tuple[str, ...], tuple[int, ...]]:
    """Every word with its offsets, built without a Python-level step per word; and the
    words' texts and starts on their own.

    Splitting on the capturing WORD pattern alternates gaps and words; running
    sums of their lengths are the offsets. ``tuple.__new__`` skips NamedTuple's
    Python-level ``__new__``. About 30 % cheaper than one tuple per ``finditer`` match.
    """
    parts = (_ASCII_WORD_SPLIT if text.isascii() else _WORD_SPLIT).split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    texts, starts = tuple(parts[1::2]), tuple(offsets[1:-1:2])
    # (map() hands tuple.__new__ its class from repeat(): no partial() call per word)
    words = zip(starts, offsets[2::2], texts, strict=True)
    return tuple(map(tuple.__new__, repeat(Word), words)), texts, starts


def _crlf_map(source: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(source):
        if source.startswith("\r\n", i):
            chars.append("\n")
            starts.append(i)
            ends.append(i + 2)
            i += 2
            continue
        chars.append("\n" if source[i] == "\r" else source[i])
        starts.append(i)
        ends.append(i + 1)
        i += 1
    return "".join(chars), tuple(starts), tuple(ends)


def _protected(
    text: str, names: tuple[str, ...], quoted: list[tuple[int, int]] | None = None
) -> tuple[Span, ...]:
    raw = protected.scan(text, names)
    raw += [(s, min(e, len(text))) for s, e in quoted or () if s < min(e, len(text))]
    signature = signoff.signature(text) or handles.initials_span(text)  # "... ^RM" signs a tweet
    if signature is not None:
        raw.append(signature)
    raw += handles.handle_spans(text)
    raw.sort()
    merged: list[Span] = []
    for s, e in raw:
        if merged and s <= merged[-1].end:
            if e > merged[-1].end:
                merged[-1] = Span(merged[-1].start, e)
        else:
            merged.append(Span(s, e))
    return tuple(merged)
