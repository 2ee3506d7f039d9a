"""The case-sensitive twins of the pack's regexes match exactly as the IGNORECASE ones."""

from __future__ import annotations

import re
import sys

import pytest

from plugin.coach.casefree import CASE_ALIASES, case_sensitive_twin
from plugin.coach.rule_schema import fold
from plugin.coach.rules import compile_pack, load_pack


def test_the_alias_list_holds_every_character_ignorecase_equates_with_ascii() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    equated = {
        c
        for c in map(chr, range(sys.maxunicode + 1))
        if letter.fullmatch(c) and not ("a" <= c <= "z")
    }
    aliases = {c for c in map(chr, range(sys.maxunicode + 1)) if CASE_ALIASES.fullmatch(c)}
    assert equated == aliases


@pytest.mark.parametrize(
    "pattern",
    [r"\bI was", r"(?i:sorry)", r"(we)\s+\1", r"[A-Z]{2}", r"caf[eé]", r"(?:ok|OK)"],
)
def test_a_pattern_that_depends_on_case_keeps_ignorecase(pattern: str) -> None:
    assert case_sensitive_twin(pattern) is None


def test_a_plain_lowercase_pattern_gets_a_twin() -> None:
    twin = case_sensitive_twin(r"\bwithin (?:\d+|a few)[–-]?\s(?:hours?|days?)\b(?! later)")
    assert twin is not None
    assert not twin.flags & re.IGNORECASE


def test_every_shipped_pattern_is_plain_enough_for_a_twin() -> None:
    # Not a requirement, but the speed-up assumes it: a new uppercase pattern shows here.
    pack = load_pack()
    assert all(twin is not compiled for _, compiled, _, twin, _, _ in pack._matcher.regexes)


@pytest.mark.parametrize(
    "text",
    [
        "Sadly we cannot refund that order.",
        "ſadly we cannot refund that order.",  # long s: IGNORECASE reads it as an s
        "İ see: sadly we cannot refund it.",
    ],
)
def test_matches_are_those_of_ignorecase_even_with_alias_characters(text: str) -> None:
    pattern = r"\bs\w+ we\b"  # no trigger literal: runs over the whole text
    pack = compile_pack(
        {
            "version": 1,
            "locale": "en",
            "rules": [
                {
                    "id": "cant-unable",
                    "category": "tone",
                    "kind": "avoid",
                    "patterns": [pattern],
                    "message": "Say what you can do.",
                }
            ],
        },
        "test.yaml",
    )
    found = [(m.start, m.end) for m in pack.find(text)]
    expected = [m.span() for m in re.finditer(pattern, fold(text), re.IGNORECASE)]
    assert found == expected and found
