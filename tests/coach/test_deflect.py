"""Replies that engage with nothing the customer said: cold turns and generic redirects.

Every message and draft here is written for this test.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.coach import deflect
from plugin.coach.draft import parse
from plugin.coach.model import Review
from plugin.coach.moves.words import AGENT_ACTIONS
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.rules import load_pack

COACH = Coach(pack=load_pack())
UPSET = "Third time my scooter battery died mid ride!!! I am so fed up, nobody answers me."
QUESTION = "Hi, does the annual plan include offline maps for hiking trails? Thanks"
PRAISE = "Your courier Dana was lovely today, thank you so much team!"


def review(draft: str, message: str, channel: str | None = "twitter") -> Review:
    return COACH.review(CheckRequest(draft=draft, customer_message=message, channel=channel))


def rules(r: Review) -> set[str]:
    return {f.rule_id for f in r.findings if f.severity in ("warning", "error")}


def test_a_bare_redirect_to_an_upset_customer_is_a_cold_turn() -> None:
    draft = "@rider We want to help. Send us a DM and we can continue there."
    r = review(draft, UPSET)
    assert "cold-turn" in rules(r)
    finding = next(f for f in r.findings if f.rule_id == "cold-turn")
    assert finding.category == "tone"
    assert draft[finding.start : finding.end].startswith("We want to help")  # not the handle


@pytest.mark.parametrize(
    "draft",
    [
        "@rider So sorry about this! Send us a DM and we can continue there.",
        "@rider Oh no, that's not good. Send us a DM and we can continue there.",
        "@rider Ugh, a dead battery mid ride is awful. DM us your scooter ID.",
        "@rider Which scooter model is it? Send us a DM.",
        "@rider I'll check the battery logs myself. Send us a DM with your ID.",
    ],
)
def test_sympathy_a_question_or_a_promise_is_not_cold(draft: str) -> None:
    assert not {"cold-turn", "generic-redirect"} & rules(review(draft, UPSET))


def test_an_email_to_an_upset_customer_is_left_to_the_missing_moves() -> None:
    r = review("Hello,\n\nPlease send us a message through the portal.\n", UPSET, "email")
    assert "cold-turn" not in rules(r)


def test_a_redirect_that_names_nothing_the_customer_asked_is_generic() -> None:
    r = review("@hiker Hey there! Meet us in DM and we'll continue from there.", QUESTION)
    assert "generic-redirect" in rules(r)


@pytest.mark.parametrize(
    "draft",
    [
        "@hiker Yes! Offline maps for trails are in the annual plan: https://example.com/maps",
        "@hiker Hey there! Meet us in DM and we'll check your plan.",
    ],
)
def test_a_reply_about_their_question_or_with_an_action_is_not_generic(draft: str) -> None:
    assert "generic-redirect" not in rules(review(draft, QUESTION))


def test_praise_needs_no_more_than_thanks() -> None:
    r = review("@fan Thank you! Send us a DM for a little surprise.", PRAISE)
    assert not {"cold-turn", "generic-redirect"} & rules(r)


def test_without_the_customer_message_nothing_is_said() -> None:
    r = review("@hiker Hey there! Meet us in DM and we'll continue from there.", "")
    assert not {"cold-turn", "generic-redirect"} & rules(r)


@pytest.mark.parametrize(
    "text",
    [
        "Oh  no, that sounds rough",
        "uh-oh, we see it",
        "That's really not okay",
        "i HEAR you",
        "it was just a tough week",
        "we are here",  # no sympathy word: the pattern is not run
        "the roughest part",  # a longer word is not the word
        "Thats’s awful ok",  # not ASCII: the pattern decides
    ],
)
def test_the_sympathy_pretest_agrees_with_the_pattern(text: str) -> None:
    assert deflect._sympathy(text) == (deflect._SYMPATHY.search(text) is not None)


@pytest.mark.parametrize(
    "text", ["I'll check", "i  WILL send it", "We'll look into it", "we will be here", "no promise"]
)
def test_the_promise_pretest_agrees_with_the_patterns(text: str) -> None:
    expected = deflect._PROMISE.search(text) is not None or any(
        m.group(1).lower() in AGENT_ACTIONS for m in deflect._WE_WILL.finditer(text)
    )
    assert deflect._promises(text) == expected


_PARTS = ["we", "can", "help,", "https://a.co/x", "@sam", "`code`", "see", "www.b.io"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), max_size=12))
def test_the_run_of_own_words_stops_at_the_first_protected_gap(parts: list[str]) -> None:
    draft = parse(" ".join(parts))
    own = draft.open_words
    expected = None
    if own:  # the definition: a test per gap, in order
        end = own[0].end
        for w in own[1:]:
            if draft.is_protected(end, w.start):
                break
            end = w.end
        expected = (own[0].start, end)
    assert deflect._span(draft, own) == expected
