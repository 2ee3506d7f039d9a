"""What a regex's matches start with: a text holding none of it holds no match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.coach.mood_cues import cues
from plugin.coach.regex_starts import prefixes


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bBy\s+friday", ("by",)),  # lowercased; the longest length known is kept
        (r"\?{2,}", ("??",)),
        (r"(?:\?+!+[?!]*|!+\?+[?!]*)", ("!!", "!?", "?!", "??")),
        (r"#\w*fail", ("#",)),
        (r"\b(?:it|the)\s+x", ("it", "th")),
        (r"(?:^|\.\s*)fix", (".", "f")),
        (r"[a-z]+", None),  # a range
        (r"[^x]y", None),  # a negation
        (r"(?-i:abc)", None),  # inline flags
        (r"a?", None),  # may match nothing
        (r"(?:a?)*bc", None),  # a repeat of what may match nothing
        (r"\u212aelvin", None),  # IGNORECASE equates the Kelvin sign with "k"
    ],
)
def test_prefixes_of_simple_patterns(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert prefixes(pattern) == expected


_TEXT = st.text(alphabet="abfixyno?!#. \n’'ıſKİ", max_size=30)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from([p.pattern for _, p in cues().patterns]), _TEXT)
def test_an_ascii_text_without_a_start_has_no_match(pattern: str, text: str) -> None:
    found = prefixes(pattern)
    if found is None or not text.isascii():
        return
    if re.search(pattern, text, re.I):
        assert any(s in text.lower() for s in found)


def test_every_cue_match_in_ascii_text_holds_a_start() -> None:
    texts = [
        "I need it by Friday!! Why??",
        "If you don't fix this I'll cancel. Nobody answers. #fail",
        "Still no refund, still haven't heard back?! Been waiting for weeks",
    ]
    for _, compiled in cues().patterns:
        found = prefixes(compiled.pattern)
        for text in texts:
            for m in compiled.finditer(text):
                assert found is None or m.group().lower().startswith(found)
