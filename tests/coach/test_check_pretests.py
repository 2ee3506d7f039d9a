"""The suggestion checks' cheap pre-tests never rule out a defect the full scan finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.coach.model import Edit
from plugin.coach.suggest import checks

_WORDS = ["we", "can", "look", "that", "don't", "e-mail", "An", "a", "the", "our", "Hour", "It's"]
_GAPS = [" ", "  ", ", ", " ,", ". ", "! ", "\n", "-", "'", " (", ") ", "; ", "?, "]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), max_size=9))
    twice: bool = draw(st.booleans())
    if words and twice:  # a block said twice in a row
        k = draw(st.integers(1, min(5, len(words))))
        i = draw(st.integers(0, len(words) - k))
        words[i + k : i + k] = words[i : i + k]
    return "".join(w + draw(st.sampled_from(_GAPS)) for w in words)


@settings(max_examples=600, deadline=None)
@given(_texts())
def test_a_defect_found_by_its_scan_is_never_ruled_out(text: str) -> None:
    possible = checks._possible(text)
    for (code, count), maybe in zip(checks._DEFECTS, possible, strict=True):
        assert maybe or not count(text), code


def test_the_pre_tests_rule_out_a_clean_window() -> None:
    clean = "We looked at your order today and the refund is on its way to you now."
    assert checks._possible(clean)[:4] == (False, False, False, False)


def test_doubled_blocks_and_clashes_are_still_caught() -> None:
    text = "Thanks for writing. I can see that the order shipped."
    twice = Edit(text.index("I can"), text.index("I can"), "I can see that ")
    assert checks.problem(text, twice) == "doubled-words"
    clash = Edit(text.index("the order"), text.index("the order"), "our ")
    assert checks.problem(text, clash) == "determiner-clash"
    stops = Edit(text.index(". I"), text.index(". I"), ",")
    assert checks.problem(text, stops) == "punctuation"
