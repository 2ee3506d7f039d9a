"""Category statuses and the score, as an agent reads them."""

from __future__ import annotations

import pytest

from plugin.coach.model import CustomerContext
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.rules import load_pack

COACH = Coach(pack=load_pack())
ANGRY = "Third time I'm writing!!! My refund still hasn't arrived. Fix it today or I cancel."
CALM = "Hi, how do I change the email address on my account? Thanks."


def review(draft: str, message: str = "", ctx: CustomerContext | None = None):  # type: ignore[no-untyped-def]
    return COACH.review(CheckRequest(draft=draft, customer_message=message, context=ctx))


def test_every_category_has_a_status_and_a_reason() -> None:
    r = review("Hello, thanks for writing.")
    assert list(r.categories) == [
        "greeting", "empathy", "comprehension", "tone", "solution_offered", "next_steps",
        "readability", "jargon", "spelling_grammar", "closing", "personalization",
    ]  # fmt: skip
    assert all(c.reason for c in r.categories.values())


def test_blame_fails_or_warns_tone_with_the_rule_message() -> None:
    r = review("Hi Sam,\nYou should have read the guide. Obviously it is easy.", ANGRY)
    assert r.categories["tone"].status in {"warn", "fail"}
    assert "blame" in r.categories["tone"].reason.lower()


def test_missing_moves_for_an_angry_customer_show_in_their_categories() -> None:
    r = review("Hello,\nThe refund was processed.", ANGRY)
    assert r.categories["empathy"].status in {"warn", "fail"}
    assert r.categories["next_steps"].status in {"warn", "fail"}


def test_personalization_is_na_without_customer_context() -> None:
    r = review("Hello,\nHere is how to change your email.", CALM)
    assert r.categories["personalization"].status == "n/a"
    assert "Zendesk" in r.categories["personalization"].reason


def test_personalization_counts_with_context() -> None:
    ctx = CustomerContext(name="Maria Lopez", first_name="Maria")
    r = review("Hello,\nHere is how to change your email.", CALM, ctx)
    assert r.categories["personalization"].status != "n/a"


@pytest.mark.parametrize(
    ("warm", "cold"),
    [
        (
            "Hi Dana,\n\nI'm so sorry your refund still hasn't arrived, and that you've had to "
            "write three times. That's really frustrating. I've chased it with our payments team "
            "myself, and you'll see it on your card within 2 business days. I'll stay on this "
            "until it lands.\n\nThanks for flagging it. If anything else comes up, just reply "
            "here.\n\nBest,\nAlex",
            "Hello,\n\nAs I already said, you should have waited. It's company policy. We can't "
            "do anything. We apologize for any inconvenience.\n\nRegards",
        ),
    ],
)
def test_warm_reply_outscores_cold_reply(warm: str, cold: str) -> None:
    good, bad = review(warm, ANGRY), review(cold, ANGRY)
    assert good.score >= 75
    assert bad.score <= 60
    assert good.score - bad.score >= 25


def test_score_stays_in_range_for_a_pile_of_antipatterns() -> None:
    draft = "Calm down. " * 30 + "You should have read it. " * 30
    assert 0 <= review(draft, ANGRY).score <= 40


EXCELLENT = (
    "Hi Dana,\n\nI'm so sorry your refund still hasn't arrived after three emails, and I "
    "understand how frustrating that is. I've issued it again myself today, and you'll see "
    "it on your card within 2 business days.\n\nIf it isn't there by Friday, just reply here "
    "and I'll chase it.\n\nBest,\nAlex"
)
COLD = "Hello,\n\nRefunds are processed within 10 working days.\n\nRegards,\nSupport"


def test_an_excellent_reply_scores_90_and_a_cold_one_under_50() -> None:
    assert review(EXCELLENT, ANGRY).score >= 90
    cold = review(COLD, ANGRY)
    assert cold.score < 50
    assert cold.categories["empathy"].status == "fail"


def test_the_score_explains_itself_in_the_categories() -> None:
    for draft in (EXCELLENT, COLD, "Calm down. You should have read the guide."):
        r = review(draft, ANGRY)
        lost = sum(c.points_lost for c in r.categories.values())
        assert r.score == max(0, round(100 - lost))
        for c in r.categories.values():
            assert (c.points_lost > 0) == (c.status in {"warn", "fail"})


def test_an_idea_costs_little_and_says_it_is_an_idea() -> None:
    r = review("Hello,\n\nYou can change it under Settings, then Email.\n", CALM)
    closing = r.categories["closing"]
    assert closing.reason.startswith("Idea:")
    assert 0 < closing.points_lost <= 1
    assert r.score >= 95


def test_a_chat_turn_is_not_marked_down_for_a_missing_greeting() -> None:
    turn = "Sure, it's under Settings, then Email."
    r = COACH.review(CheckRequest(draft=turn, customer_message=CALM, channel="chat"))
    assert r.categories["greeting"].points_lost == 0
    assert r.score == 100
