"""The phrase patterns' literal pre-test skips a search only when no match is possible."""

from __future__ import annotations

import re

from plugin.coach.suggest import stems


def test_each_alternative_gives_the_literal_it_opens_with() -> None:
    pattern = re.compile(r"\b(?:look(?:ing)? into|(?:just )?reply here|follow ups?|cheers)\b")
    assert stems.stems(pattern) == ("cheers", "follow up", "look", "reply here")


def test_a_stem_holding_a_shorter_one_is_dropped() -> None:
    assert stems.stems(re.compile(r"\b(?:not ok|not okay|upset)")) == ("not ok", "upset")


def test_no_pretest_when_an_alternative_has_no_literal_or_case_is_ignored() -> None:
    assert stems.stems(re.compile(r"\b(?:(?:dm|email) us|reply)")) is None
    assert stems.stems(re.compile(r"\b(?:[a-z]+ly|reply)")) is None
    assert stems.stems(re.compile(r"(?i:\b(?:sorry|apologies))")) is None
    assert stems.stems(re.compile(r"\b(?:sorry|apologies)s+")) is None


def test_search_agrees_with_the_pattern() -> None:
    pattern = re.compile(r"\b(?:look(?:ing)? into|take a (?:closer )?look|follow up)")
    found = stems.stems(pattern)
    assert found is not None
    for text in (
        "we are looking into it",
        "i will take a closer look today",
        "the outlook is good",  # a stem inside a word: the pattern decides
        "nothing to see here",
        "please follow up",
        "",
    ):
        assert stems.search(pattern, found, text) == (pattern.search(text) is not None)


def test_no_pretest_under_verbose_or_inline_flags() -> None:
    assert stems.stems(re.compile(r"\b(?:look into|reply)", re.X)) is None
    assert stems.stems(re.compile(r"\b(?:(?i:look) into|reply)")) is None
