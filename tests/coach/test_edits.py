from __future__ import annotations

import pytest

from plugin.coach.edits import apply
from plugin.coach.model import Edit


def test_apply_in_any_order_uses_original_offsets() -> None:
    text = "we can't do that, obviously."
    edits = [Edit(18, 27, "clearly"), Edit(0, 8, "I can")]
    assert apply(text, edits) == "I can do that, clearly."


def test_insertion() -> None:
    assert apply("Thanks.", [Edit(0, 0, "Hi Ana,\n")]) == "Hi Ana,\nThanks."


@pytest.mark.parametrize("edits", [[Edit(0, 5, "a"), Edit(3, 6, "b")], [Edit(2, 99, "x")]])
def test_overlapping_or_out_of_range_edits_are_refused(edits: list[Edit]) -> None:
    with pytest.raises(ValueError):
        apply("hello world", edits)
