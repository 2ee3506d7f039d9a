"""Pathological drafts: what makes a backtracking regex or a per-item scan go quadratic.

Each case builds a draft of exactly ``size`` characters (code points) from a
repeated unit or a prefix plus a long run. The kinds the linear-time work
(issue #8, points 1-2) was measured on: repeated characters and phrases,
unclosed tags and placeholders, deep lists, long words, no spaces, every
script and emoji, and repeated anti-pattern phrases — the bad examples of the
shipped pack's own rules, so no wording here is copied from anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from plugin.coach.draft import Format
from plugin.coach.rules import RulePack


@dataclass(frozen=True)
class Case:
    name: str
    kind: str
    format: Format
    make: Callable[[int], str]  # size -> draft of exactly that many characters


def repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def after_text(make: Callable[[int], str]) -> Callable[[int], str]:
    """A line of text, then ``make``'s markup: a tag or comment left open hides the rest."""
    return lambda n: "<p>Hello</p>" + make(n - 12)


def run_after(prefix: str, char: str, tail: str = "") -> Callable[[int], str]:
    """``prefix`` + a run of ``char`` + ``tail``: one opener that never closes."""
    return lambda n: prefix + char * (n - len(prefix) - len(tail)) + tail


def _deepening(indent: str, line: str, n: int) -> str:
    """Lines each one level deeper than the last, ``n`` characters in all."""
    lines: list[str] = []
    total = depth = 0
    while total < n:
        depth += 1
        lines.append(indent * depth + line)
        total += len(lines[-1])
    return "".join(lines)[:n]


_CHARS = "xX*•a.!?#@$><&-_'\"1,~A"
_PHRASES = (
    "xx 1234 ",
    "**** ",
    "order 1 ",
    "order ",
    "ticket no. ",
    "ending in ",
    "1 usd ",
    "1,",
    "$1,",
    "a@b.c ",
    "a.",
    "a@",
    "http://",
    "www.",
    "On Monday wrote:\n",
    "Thanks,\n",
    "Mr. ",
    "e.g. ",
    "A. ",
    "(ABC) ",
    "ABC (",
    "ABC ",
    "— a\n",
    "1.1",
    "teh ",
    "I'm so sorry about this. ",
    "I understand how frustrating this is. ",
)
_UNCLOSED: tuple[tuple[str, Format, Callable[[int], str]], ...] = (
    ("open attribute", "html", run_after('<p>Hello</p><a title="', "x")),
    ("open attribute as text", "text", run_after('<a title="', "x")),
    ("'<a ' repeated", "html", after_text(repeat("<a "))),
    ("'<!--' repeated", "html", after_text(repeat("<!--"))),
    ("'<!-- a>' repeated", "html", after_text(repeat("<!-- a>"))),
    ("'<b>' repeated", "html", repeat("<b>a")),
    ("open quotes in tags", "html", repeat('a<p title="x>')),
    ("'&#' repeated", "html", repeat("&#")),
    ("'&amp' repeated", "html", repeat("&amp")),
    ("'{{' repeated", "text", repeat("{{")),
    ("'{%' repeated", "text", repeat("{%")),
    ("'{{ }' repeated", "text", repeat("{{ }")),
    ("'{{' then a run", "text", run_after("{{", "x")),
    ("order + white space", "text", run_after("order", " ", "x")),
    ("order + digits + letter", "text", run_after("order 1", "1", "a")),
    ("amount + currency, cut", "text", run_after("", "1", " x usd")),
    ("local part of an email", "text", lambda n: repeat("a.")(n - 2) + "@x"),
    ("domain of an email", "text", lambda n: "a@" + repeat("a-")(n - 2)),
    ("sentence end + white space", "text", run_after(".", " ", "a")),
)
_LISTS: tuple[tuple[str, Format, Callable[[int], str]], ...] = (
    ("'- a' lines", "text", repeat("- a\n")),
    ("'1. a' lines", "text", repeat("1. a\n")),
    ("quoted lines", "text", repeat("> a\n")),
    ("'<li>a' items", "html", repeat("<li>a")),
    ("nested '<ul><li>a'", "html", repeat("<ul><li>a")),
    ("nested quotes", "text", lambda n: _deepening(">", " a\n", n)),
    ("indented bullets", "text", lambda n: _deepening("  ", "- a\n", n)),
)
_WORDS: tuple[tuple[str, Format, Callable[[int], str]], ...] = (
    ("one long word", "text", repeat("supercalifragilistic")),
    ("long capitalised word", "text", repeat("Abcdefghij")),
    ("long capitals", "text", repeat("ABCDEFGHIJ")),
    ("hyphen chain", "text", repeat("a-")),
    ("apostrophe chain", "text", repeat("a'")),
    ("no spaces, punctuation", "text", repeat("abc.def,")),
    ("no spaces, mixed marks", "text", repeat("a,b;c:d!")),
)
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("Greek", "αβγδε "),
    ("Cyrillic", "привет "),
    ("Arabic", "مرحبا "),
    ("Hebrew", "שלום "),
    ("Devanagari", "नमस्ते "),
    ("Thai (no spaces)", "สวัสดี"),
    ("CJK (no spaces)", "漢字かなカナ"),
    ("Hangul", "안녕하세요 "),
    ("emoji", "😀👍🏽👨‍👩‍👧"),
    ("combining marks", "e\u0301"),
    ("dotted capital I", "İx "),
    ("bidi controls", "\u202eab\u202c "),
    ("zero-width spaces", "a\u200b"),
    ("no-break spaces", "a\u00a0"),
    ("carriage returns", "x\r"),
    ("CRLF lines", "x\r\n"),
    ("tabs", "a\t"),
    ("all scripts", "αβγ привет مرحبا שלום नमस्ते สวัสดี 漢字 안녕 😀 e\u0301 İ "),
)


def cases(pack: RulePack) -> list[Case]:
    """Every pathological case; the anti-pattern ones come from ``pack``'s examples."""
    out = [Case(f"{c!r} repeated", "characters", "text", repeat(c)) for c in _CHARS]
    out += [Case(f"{p!r} repeated", "phrases", "text", repeat(p)) for p in _PHRASES]
    out += [Case(name, "unclosed", fmt, make) for name, fmt, make in _UNCLOSED]
    out += [Case(name, "lists", fmt, make) for name, fmt, make in _LISTS]
    out += [Case(name, "words", fmt, make) for name, fmt, make in _WORDS]
    out += [Case(name, "scripts", "text", repeat(unit)) for name, unit in _SCRIPTS]
    bad = [(r.id, r.examples_bad[0]) for r in pack.rules if r.kind == "avoid" and r.examples_bad]
    out += [Case(rule, "anti-patterns", "text", repeat(example + " ")) for rule, example in bad]
    every = " ".join(example for _, example in bad) + " "
    out.append(Case("every anti-pattern", "anti-patterns", "text", repeat(every)))
    return out


# Long customer messages for the mood step (point 1): the draft stays a short reply.
MESSAGES: tuple[tuple[str, Callable[[int], str]], ...] = (
    ("complaint repeated", repeat("terrible awful refund now ")),
    ("sentences repeated", repeat("This is the third time I write. Fix it NOW!!! ")),
    ("one endless word", repeat("x")),
    ("'no ' repeated", repeat("no ")),
)
