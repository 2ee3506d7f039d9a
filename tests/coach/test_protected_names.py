"""The customer's name parts are protected where the name pattern matches: the anchored
search (parts found in the lowercase text first) finds what a scan at every position does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.coach import protected

_PIECES = st.sampled_from(
    ["Ana", "ana", "ANA", "Li", "li", "Jr.", "jr", " ", ",", "-", "_", "'", "\n", "b", "9", "é"]
)


def _by_regex(text: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    parts = {p for n in names for p in re.split(r"[\s,]+", n) if len(p) > 1}
    ordered = sorted(parts, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b", re.I)
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_PIECES, max_size=30).map("".join),
    st.sampled_from([("Ana Li",), ("Li, Jr.",), ("ana-li", "Ana"), ("Ané Li",), ("Li",)]),
)
def test_name_spans_are_the_name_patterns_matches(text: str, names: tuple[str, ...]) -> None:
    # (no other kind of protected text can be made of these pieces)
    assert sorted(protected.scan(text, names)) == _by_regex(text, names)


def test_a_name_inside_a_longer_word_is_not_protected() -> None:
    assert protected.scan("Anabel and ana, not banana: ANA.", ("Ana",)) == [(11, 14), (28, 31)]
