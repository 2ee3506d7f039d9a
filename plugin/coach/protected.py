"""Protected spans found in a draft's plain text, in time linear in its length.

Content the agent must not be told to change: placeholders, Liquid tags, URLs,
emails, money, order/ticket numbers, card last-4, quoted lines, "On … wrote:"
blocks and the customer's name (the signature under a sign-off is found in
``signoff.py``; ``draft.py`` merges everything).

Two costs shape every pattern here:

* Python's ``re`` scans fast only for a pattern that starts with a literal; one
  starting with ``\\b``, a look-behind or a case-insensitive alternation is
  tried at every position. So a pattern is either *anchored* — its literal start
  (any case) is found in the lowercase text and the pattern is matched only
  there — or *guarded* by a cheap substring test.
* A backtracking engine is quadratic when every start position rescans the
  same stretch: ``"x" * 20000`` against a masked-card pattern, ``{{`` repeated
  with no ``}}``, an order number's white space and digits. So an anchor inside
  the previous match of its pattern is skipped (the match it would give lies
  inside), an opener after the last closer is not tried, repetitions that
  backtrack into each other are possessive or bounded, and a pattern whose
  rare part sits in its middle (the ``@`` of an email, the currency word after
  an amount) is matched from that part, within a bounded reach.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

Raw = tuple[int, int]


class _Anchored:
    """A pattern matched where its anchor occurs in the lowercase text.

    ``closer``: a literal every match ends with; an anchor after its last
    occurrence cannot match, so it is not tried (it would scan to the end).
    ``nests``: a match started inside the previous match ends within it, so
    anchors there are skipped (a URL's inner "http", ``{{`` inside ``{{ … }}``).
    ``literal``: text every anchor holds; most drafts lack it, and one substring test
    in C then saves starting the scan.
    """

    __slots__ = ("anchor", "any_case", "pattern", "closer", "nests", "literal")

    def __init__(
        self, anchor: str, pattern: str, closer: str = "", *, nests: bool = False, literal: str = ""
    ):
        self.anchor = re.compile(anchor)
        self.any_case = re.compile(anchor, re.I)  # for text whose lowercase is longer
        self.pattern = re.compile(pattern, re.S)
        self.closer = closer
        self.nests = nests
        self.literal = literal

    def spans(self, text: str, lower: str | None) -> Iterator[Raw]:
        """Matches in ``text``, from anchors found in ``lower`` (its lowercase, same
        length) or, when None, in ``text`` itself in any case."""
        last = text.rfind(self.closer) if self.closer else len(text)
        anchors = self.anchor.finditer(lower) if lower is not None else self.any_case.finditer(text)
        end = -1
        for a in anchors:
            start = a.start()
            if start > last:
                return
            # inside the previous match and clear of its closer ("{%" can share its "%"
            # with a "%}"): this match would end where that one did, or before
            if self.nests and a.end() + len(self.closer) <= end:
                continue
            m = self.pattern.match(text, start)
            if m is not None:
                end = m.end()
                yield m.span()


# Order numbers are at most this long either side of their first digit (a bound,
# so a run of 20,000 digits costs as much as a real order number).
_ID = r"[A-Z0-9][A-Z0-9-]{0,40}\d[A-Z0-9-]{0,40}\b"
_ANCHORED = (
    _Anchored(r"\{\{", r"\{\{.*?\}\}", "}}", nests=True, literal="{{"),  # Zendesk placeholders
    _Anchored(r"\{%", r"\{%.*?%\}", "%}", nests=True, literal="{%"),  # Liquid tags
    _Anchored(
        r"http", r"\bhttps?://[^\s<>\"]+[^\s<>\".,;:!?)\]]", nests=True, literal="http"
    ),  # URLs
    _Anchored(r"www\.", r"\bwww\.[^\s<>\"]+[^\s<>\".,;:!?)\]]", nests=True, literal="www."),
    _Anchored(r"#", r"#\s?[A-Z0-9-]*\d[A-Z0-9-]*", literal="#"),  # #4411, #AB-12
    _Anchored(  # card last 4
        r"end(?:ing|s)", r"(?i:\b(?:ending|ends)\s++(?:in|with)\s++)\d{4}\b", literal="end"
    ),
)


_ORDER_WORDS = ("order", "ticket", "case", "invoice", "ref", "tracking", "confirmation")
_ORDER = _Anchored(  # order #4411, ticket no. 1234, ref: AB-12
    "|".join(_ORDER_WORDS),
    # possessive: the white space and ":" before the number are never given back
    r"(?i:\b(?:order|ticket|case|invoice|reference|ref|tracking|confirmation)"
    r"(?:\s++(?:no\.?|number|id|code))?\s*+[:#]?+\s*+)" + _ID,
)


def _order_numbers(text: str, lower: str) -> list[Raw]:
    """``_ORDER.spans(text, lower)``, its anchors found by a substring search per word: a
    class of five common first letters makes the regex stop at a third of all characters.

    A word found inside another's occurrence ("ticketicket") starts within a word, where
    the pattern's \\b fails: only the anchors the regex finds can match."""
    starts: list[int] = []
    for word in _ORDER_WORDS:
        at = lower.find(word)
        while at >= 0:
            starts.append(at)
            at = lower.find(word, at + 1)
    starts.sort()
    match = _ORDER.pattern.match
    return [m.span() for start in starts if (m := match(text, start)) is not None]


def _any_word(words: tuple[str, ...]) -> Callable[[str, str], bool]:
    """A guard: does the text (any case) contain one of ``words``?"""

    def guard(text: str, lower: str) -> bool:
        return any(w in lower for w in words)

    return guard


_GUARDED: tuple[tuple[Callable[[str, str], bool], re.Pattern[str]], ...] = tuple(
    (guard, re.compile(pattern, re.S))
    for guard, pattern in (
        (  # money
            lambda t, _: "$" in t or "€" in t or "£" in t or "¥" in t,
            r"[$€£¥]\s?\d[\d,]*(?:\.\d+)?",
        ),
        (
            lambda t, _: "**" in t or "xx" in t or "XX" in t or "••" in t,
            # from the start of a run of mask characters only, and never giving one
            # back: a mask character can be neither the separator nor a digit
            r"(?<![*xX•])[*xX•]{2,}+[\s-]?\d{4}\b",  # masked card numbers
        ),
    )
)

# Emails, matched from each "@": the domain forward, the local part back (RFC 5321
# caps it at 64 characters, which bounds the look back).
_AT = re.compile("@")
_EMAIL_DOMAIN = re.compile(r"@[\w-]+(?:\.[\w-]+)+\b")
_EMAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+\b")
_EMAIL_LOCAL_MAX = 64
# Amounts written with a currency word, matched from the word: the amount before it
# is bounded (41 digits and commas, 20 decimals), so the look back is too.
_CURRENCY_WORD = re.compile(r"(?:USD|EUR|GBP|CAD|AUD|dollars|euros|pounds)\b")
_MONEY_WORD = re.compile(
    r"\b\d[\d,]{0,40}(?:\.\d{1,20})?\s?(?:USD|EUR|GBP|CAD|AUD|dollars|euros|pounds)\b"
)
_MONEY_WORD_REACH = 64
# ``_CURRENCY_WORD``'s words as it matches them (in case): the test for them runs on every
# draft, and capitals and longer words let the substring search skip further
_CURRENCY_WORDS = ("USD", "EUR", "GBP", "CAD", "AUD", "dollars", "euros", "pounds")

_QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.M)
_ON_WROTE = re.compile(r"^[ \t]*On\b[^\n]{0,200}\bwrote:[ \t]*$", re.M)


def _emails(text: str) -> Iterator[Raw]:
    end = 0
    for at in _AT.finditer(text):
        p = at.start()
        if p < end:
            continue
        domain = _EMAIL_DOMAIN.match(text, p)
        if domain is None:
            continue
        # the domain's \b holds in the cut text too: a word character would have been taken
        m = _EMAIL.search(text, max(end, p - _EMAIL_LOCAL_MAX), domain.end())
        if m is not None:
            end = m.end()
            yield m.span()


def _money_words(text: str) -> Iterator[Raw]:
    end = 0
    for word in _CURRENCY_WORD.finditer(text):
        if word.start() < end:
            continue
        m = _MONEY_WORD.search(text, max(end, word.start() - _MONEY_WORD_REACH), word.end())
        if m is not None:
            end = m.end()
            yield m.span()


def scan(text: str, names: tuple[str, ...]) -> list[Raw]:
    """Every protected span of ``text`` but the signature, unsorted and unmerged."""
    lower = text.lower()
    # "İ" lowercases to two characters: anchors in the lowercase text would point elsewhere
    same = lower if len(lower) == len(text) else None
    raw = [
        span
        for anchored in _ANCHORED
        if same is None or anchored.literal in same
        for span in anchored.spans(text, same)
    ]
    raw += _ORDER.spans(text, None) if same is None else _order_numbers(text, same)
    raw += [
        m.span()
        for guard, pattern in _GUARDED
        if guard(text, lower)
        for m in pattern.finditer(text)
    ]
    if "@" in text:
        raw += _emails(text)
    if any(w in text for w in _CURRENCY_WORDS):
        raw += _money_words(text)
    if ">" in text:
        raw += [m.span() for m in _QUOTED_LINE.finditer(text)]
    wrote = _ON_WROTE.search(text) if "wrote:" in text else None
    if wrote:
        raw.append((wrote.start(), len(text)))
    parts = {p for n in names for p in re.split(r"[\s,]+", n) if len(p) > 1}
    if parts:
        name_re = re.compile(
            r"\b(?:"
            + "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
            + r")\b",
            re.I,
        )
        raw += _names(text, lower, parts, name_re)
    return raw


def _names(text: str, lower: str, parts: set[str], name_re: re.Pattern[str]) -> list[Raw]:
    """``name_re``'s matches (``\b`` first: a search tried at every position), matched
    only where a part occurs in the lowercase text. In ASCII text and parts, re's
    case-blind match is ASCII's, so every match starts at one of those places, and
    taking them in order past the last match's end finds what ``finditer`` finds."""
    if not text.isascii() or not all(p.isascii() for p in parts):
        return [m.span() for m in name_re.finditer(text)]
    starts: set[int] = set()
    for part in parts:
        part = part.lower()
        at = lower.find(part)
        while at >= 0:
            starts.add(at)
            at = lower.find(part, at + 1)
    spans: list[Raw] = []
    end = 0
    for start in sorted(starts):
        if start >= end and (m := name_re.match(text, start)) is not None:
            end = m.end()
            spans.append(m.span())
    return spans
