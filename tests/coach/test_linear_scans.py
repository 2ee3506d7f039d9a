"""The linear-time scans find what the plain patterns found, only without the quadratic cost.

The reference patterns below are the protected-span scans these replaced (issue
#8): on short random text, where their cost does not matter, both must agree
exactly. Then the inputs that made the parser quadratic, each under a time bound a
quadratic scan misses by orders of magnitude.
"""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from plugin.coach import lexicon, protected, readability
from plugin.coach.draft import parse

# (anchor found in the lowercase text, pattern matched there) — as the old code ran them
_OLD_ANCHORED = [
    (re.compile(a), re.compile(p, re.S))
    for a, p in (
        (r"\{\{", r"\{\{.*?\}\}"),
        (r"\{%", r"\{%.*?%\}"),
        (r"http", r"\bhttps?://[^\s<>\"]+[^\s<>\".,;:!?)\]]"),
        (r"www\.", r"\bwww\.[^\s<>\"]+[^\s<>\".,;:!?)\]]"),
        (r"#", r"#\s?[A-Z0-9-]*\d[A-Z0-9-]*"),
        (
            r"order|ticket|case|invoice|ref|tracking|confirmation",
            r"(?i:\b(?:order|ticket|case|invoice|reference|ref|tracking|confirmation)"
            r"(?:\s+(?:no\.?|number|id|code))?\s*[:#]?\s*)[A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*\b",
        ),
        (r"end(?:ing|s)", r"(?i:\b(?:ending|ends)\s+(?:in|with)\s+)\d{4}\b"),
    )
]
# (guard on the text and its lowercase, pattern run over the whole text)
_OLD_SCANNED = [
    (guard, re.compile(p, re.M if p.startswith("^") else re.S))
    for guard, p in (
        (lambda t, _: "@" in t, r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"),
        (lambda t, _: True, r"[$€£¥]\s?\d[\d,]*(?:\.\d+)?"),
        (
            lambda _, low: any(w in low for w in ("usd", "eur", "gbp", "cad", "aud", "dollar")),
            r"\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|CAD|AUD|dollars|euros|pounds)\b",
        ),
        (
            lambda t, _: "**" in t or "xx" in t or "XX" in t or "••" in t,
            r"(?:\*|x|X|•){2,}[\s-]?\d{4}\b",
        ),
        (lambda t, _: ">" in t, r"^[ \t]*>.*$"),
    )
]
_OLD_ON_WROTE = re.compile(r"^[ \t]*On\b[^\n]{0,200}\bwrote:[ \t]*$", re.M)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _old_scan(text: str) -> list[tuple[int, int]]:
    lower = text.lower()
    # with a character whose lowercase is longer ("İ"), anchors are found in any case
    # in the text itself (the old code fell back on a full scan there instead)
    where, flags = (lower, 0) if len(lower) == len(text) else (text, re.I)
    raw = [
        m.span()
        for anchor, pattern in _OLD_ANCHORED
        for a in re.finditer(anchor.pattern, where, flags)
        if (m := pattern.match(text, a.start())) is not None
    ]
    raw += [m.span() for guard, p in _OLD_SCANNED if guard(text, lower) for m in p.finditer(text)]
    wrote = _OLD_ON_WROTE.search(text)
    if wrote:
        raw.append((wrote.start(), len(text)))
    return _merged(raw)


# Pieces of everything the patterns look for, so random text hits their edges.
_PIECES = st.sampled_from(
    [
        "{{", "}}", "{%", "%}", "{", "}", "http://", "https://", "www.", "#", "order", "ticket",
        "no.", "number", "ORDER", "ending", "in", "ends", "with", "@", "a.b", "x-", "+", "$", "€",
        "1", "12", "1234", "4411", ",", ".", "usd", "USD", "EUR", "dollars", "x", "X", "*", "•",
        "**", "xx", ">", "\n", "\t", "-", "A", "B", "Z", "_", "On", "wrote:", "İ", " ", "a", "Q",
    ]
)  # fmt: skip
_TEXT = st.lists(_PIECES, max_size=24).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
@example("order 12-ORDER 34 and a@b.co")
@example("xxxx1234 ** 5678 {{a {{b}} c}}")
@example("{%{{%}%}")  # a tag opened inside the last one, on its closing "%"
def test_protected_spans_equal_the_plain_patterns(text: str) -> None:
    assert _merged(protected.scan(text, ())) == _old_scan(text)


def test_a_comment_left_open_is_no_text_as_in_a_browser() -> None:
    closed = parse("<p>Hi <!-- note --> there</p><p>Bye</p>", "html")
    assert closed.text == "Hi there\nBye"
    # unclosed, a browser hides the rest: so does the parser, instead of rescanning
    # to the end of the input for every "<!--" (quadratic: 0.5 s for 5,000 of them)
    assert parse("<p>Hi there</p><!-- note <p>Bye</p>", "html").text == "Hi there"
    assert parse("<p>Hi there</p><!DOCTYPE", "html").text == "Hi there"


def test_bounded_patterns_still_protect_real_values() -> None:
    text = (
        "Order no. A-99812-B ships; card XXXX-XXXX-XXXX 4242, also **** 1111; "
        "write to first.last+tag@mail.example.co.uk about 1,250.00 USD."
    )
    found = {text[s:e] for s, e in _merged(protected.scan(text, ()))}
    assert {"Order no. A-99812-B", "XXXX 4242", "**** 1111"} <= found
    assert {"first.last+tag@mail.example.co.uk", "1,250.00 USD"} <= found


def _parse_ms(source: str, fmt: str = "text") -> float:
    start = time.thread_time()
    parse(source, fmt)  # type: ignore[arg-type]
    return (time.thread_time() - start) * 1000


# Each took 0.5-7 s before (a scan per opener to the end of the draft); linear, ~1-15 ms.
@pytest.mark.parametrize(
    ("source", "fmt"),
    [
        ("x" * 20_000, "text"),
        ("*" * 20_000, "text"),
        ("•" * 20_000, "text"),
        ('<p>Hi</p><a title="' + "x" * 19_980, "html"),
        ("<a " * 6_666, "html"),
        ("<!--" * 5_000, "html"),
        ("<!-- a>" * 2_800, "html"),
        ("{{" * 10_000, "text"),
        ("{%" * 10_000, "text"),
        ("http://" * 2_800, "text"),
        ("order" + " " * 19_990 + "x", "text"),
        ("order 1" + "1" * 19_990 + "a", "text"),
        ("1," * 9_990 + "x usd", "text"),
        ("a." * 9_990 + "@x", "text"),
        ("a@" + "a-" * 9_990, "text"),
    ],
)
def test_parse_is_linear_on_inputs_that_were_quadratic(source: str, fmt: str) -> None:
    assert min(_parse_ms(source, fmt) for _ in range(3)) < 100


def test_list_items_are_found_without_a_scan_per_question() -> None:
    d = parse("<ul>" + "<li>step</li>" * 2_000 + "</ul><p>Done</p>", "html")
    start = time.thread_time()
    inside = [d.in_list_item(w.start) for w in d.words]
    assert (time.thread_time() - start) * 1000 < 100
    assert inside[:3] == [True, True, True] and inside[-1] is False


def test_a_word_longer_than_any_known_word_is_judged_at_once() -> None:
    lexicon.warm()
    lexicon.corrections.cache_clear()
    start = time.thread_time()
    assert lexicon.corrections("ab" * 10_000) == ()
    assert readability._syllables("banana" * 3_000) == 9_000  # its vowel groups
    assert (time.thread_time() - start) * 1000 < 50
    # up to the longest known word, the verdict is unchanged
    assert lexicon.corrections("recieve")[0] == "receive"
    assert readability._syllables("banana") == 3
