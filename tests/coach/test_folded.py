"""A case-insensitive pattern searched through its twin finds what re.I finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.coach import lexicon
from plugin.coach.folded import Folded, word_keys

_PATTERNS = [
    r"\s+but\s+",
    r"(?=[\s,;:])(?:\s*[,;:]\s+|\s+(?:and then|and|or)\s+)",
    r"\b(?:i\s+am|i|my|you|your)\b",
    r"\b(?:bought|paid\s+for)\s+(?:a|my)\s+([a-z]+)",
    r"\bno\s+(?:worries|problem)\b",
]
# Letters IGNORECASE equates with others (Kelvin sign, long s, dotted and dotless i)
_TEXT = st.text(alphabet="aiksuyobt mpdnwIKSBUTY,;:\n’'\u212a\u017f\u0130\u0131", max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_PATTERNS), _TEXT)
def test_the_twin_finds_the_same_spans(pattern: str, text: str) -> None:
    folded, plain = Folded(pattern), re.compile(pattern, re.I)
    found = folded.search(text)
    expected = plain.search(text)
    assert (found and found.regs) == (expected and expected.regs)
    assert folded.spans(text) == [m.span() for m in plain.finditer(text)]
    if not plain.groups:
        assert folded.split(text) == plain.split(text)


def test_a_twin_is_used_for_a_plain_pattern_only() -> None:
    assert Folded(r"\bbut\b").twin is not None
    assert Folded(r"(?-i:But)").twin is None  # an inline flag
    assert not Folded(r"(b)ut").cuts  # split would return the group


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abZ19_'’- .\u0130\u03a3é", max_size=30))
def test_word_keys_are_lexicons(text: str) -> None:
    assert word_keys(text) == lexicon.word_keys(text)
