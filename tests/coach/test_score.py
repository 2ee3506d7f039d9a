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
            "until it lands.\n\nThanks for your patience. If anything else comes up, just reply "
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
