"""Required literal sets: the second filter before a regex window runs."""

from __future__ import annotations

import pytest

from plugin.coach.rules import compile_pack
from plugin.coach.triggers import required, triggers

CANT = r"\b(?:i|we) (?:can't|cannot)\b"


def test_required_expands_a_short_literal_with_its_alternation() -> None:
    # the trigger is only "can" (it also occurs in "cancel", "scan"); the product is exact
    assert triggers(CANT) == frozenset({"can"})
    assert required(CANT, triggers(CANT)) == (
        frozenset({"i can't", "i cannot", "we can't", "we cannot"}),
    )


@pytest.mark.parametrize(
    "pattern",
    [r"calm|relax", r"\b(?:a|b)\b", r"[a-z]+ing\b", r"\bcalm down\b"],
)
def test_required_adds_nothing_the_trigger_does_not_already_say(pattern: str) -> None:
    assert required(pattern, triggers(pattern)) == ()


def test_required_names_a_second_mandatory_word() -> None:
    assert triggers(r"sorry\s+folks") == frozenset({"sorry"})
    assert required(r"sorry\s+folks", frozenset({"sorry"})) == (frozenset({"folks"}),)


def test_required_keeps_spaces_and_optional_words() -> None:
    pattern = r"\bas (?:noted|said) (?:earlier|above)\b"
    (literals,) = required(pattern, triggers(pattern))
    assert literals == {"as noted earlier", "as noted above", "as said earlier", "as said above"}


def test_find_with_required_literals_matches_as_before() -> None:
    pack = compile_pack(
        {
            "rules": [
                {
                    "id": "cant-language",
                    "category": "tone",
                    "kind": "avoid",
                    "message": "Say what you can do.",
                    "patterns": [CANT],
                }
            ]
        }
    )

    def spans(text: str) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in pack.find(text)]

    assert spans("Sorry, we can\u2019t. I CANNOT!") == [(7, 15), (17, 25)]
    assert spans("We cancel, I scan, we can help.") == []
    # a dotless i is a case alias of "i": the IGNORECASE pattern matches it, so the
    # literal filter (exact only on alias-free text) must stand aside
    assert spans("\u0131 can't") == [(0, 7)]
