"""Cue patterns without a literal word run only on messages holding a character their
matches start with; that character set must never leave a match out."""

from __future__ import annotations

import re

import pytest

from plugin.coach import mood
from plugin.coach.mood_cues import _first_chars
from plugin.coach.regex_starts import led


@pytest.mark.parametrize(
    ("pattern", "chars"),
    [
        (r"!{2,}", {"!"}),
        (r"\?+!+|!+\?+", {"?", "!"}),
        (r"(?<=\w\s)[\"“](?-i:[a-z]+)[\"”]", {'"', "“"}),
        (r"\u2639|\U0001F621", {"\u2639", "\U0001f621"}),
        (r"\bby\s+friday", None),  # a letter matches in either case
        (r"!?x", None),  # "x" alone is a match
        (r"(?:!|)\?", None),  # so is "?"
        (r"[^a]!", None),
        (r"\d!", None),
    ],
)
def test_first_characters_of_every_match(pattern: str, chars: set[str] | None) -> None:
    assert _first_chars(pattern) == (None if chars is None else frozenset(chars))


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("Where is it??", "exclamations"),
        ("Really?! Again", "exclamations"),
        ("It works, apparently \U0001f644", "complaint"),
    ],
)
def test_gated_patterns_still_find_their_cues(message: str, kind: str) -> None:
    mood.analyze.cache_clear()
    assert kind in {c.kind for c in mood.analyze(message).cues}


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (r"\b(?:cant|\d+th)\b", "I CANT find the 4th one", ["CANT", "4th"]),
        (r"\b(?:cant|\d+th)\b", "a 10th time, cant", ["10th", "cant"]),
        (r"(?<=x)y|z", "xy zy", ["y", "z"]),
        (r"\s*,\s+", "a , b", [" , "]),  # no known first character: left as it is
    ],
)
def test_a_led_pattern_finds_what_the_pattern_finds(
    pattern: str, text: str, found: list[str]
) -> None:
    for p in (pattern, led(pattern)):
        assert [m.group() for m in re.finditer(p, text, re.I)] == found
    assert led(r"\s*,\s+") == r"\s*,\s+"
    assert led(r"\b(?:cant|\d+th)\b").startswith(r"\b(?=[\dc])")
    assert led(r"(?<=x)y|z").startswith(r"(?=[yz])")  # not every match starts at \b
