"""No nagging: which missing moves are warnings, for which customer, and how many."""

from __future__ import annotations

from plugin.coach.model import Review
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.rules import load_pack

COACH = Coach(pack=load_pack())
UPSET = "I've written FOUR times now!!! My refund is still missing and nobody replies. Useless."
CALM = "Hello, how do I add a second user to our team account? Thanks!"


def review(draft: str, message: str, channel: str | None = "email") -> Review:
    return COACH.review(CheckRequest(draft=draft, customer_message=message, channel=channel))


def missing(r: Review, severity: str) -> list[str]:
    return [
        f.rule_id.removeprefix("missing-")
        for f in r.findings
        if f.rule_id.startswith("missing-") and f.severity == severity
    ]


def test_at_most_three_missing_move_warnings_the_most_important_first() -> None:
    r = review("Hello,\n\nThe refund was processed.\n", UPSET)
    warned = missing(r, "warning")
    assert len(warned) <= 3
    assert {"apologize", "validate"} <= set(warned)  # what an upset customer needs most
    assert "closing" not in warned and "greeting" not in warned


def test_the_moves_beyond_the_cap_are_still_offered_as_ideas() -> None:
    r = review("Hello,\n\nThe refund was processed.\n", UPSET)
    assert len(missing(r, "warning")) + len(missing(r, "info")) > 3


def test_a_calm_question_is_not_asked_for_apology_or_validation() -> None:
    r = review("Hi! Go to Settings, then Team, and press Invite.", CALM)
    assert not {"apologize", "validate", "ownership"} & set(missing(r, "warning"))
    assert r.categories["empathy"].status != "fail"


def test_a_missing_next_step_warns_only_when_the_customer_has_a_problem() -> None:
    calm = review("Hello,\n\nThat feature exists on every plan.\n", CALM)
    upset = review("Hello,\n\nI'm sorry, that's maddening. I'm on it.\n", UPSET)
    assert "next_steps" not in missing(calm, "warning")
    assert "next_steps" in missing(upset, "warning")


def test_a_question_back_to_the_customer_is_a_way_forward() -> None:
    r = review(
        "Hello,\n\nI'm so sorry, that's maddening. I'm on it. Which card did you pay with?\n",
        UPSET,
    )
    assert "next_steps" not in missing(r, "warning")


def test_a_cold_reply_to_an_upset_customer_fails_empathy() -> None:
    r = review("Hello,\n\nRefunds take 10 days.\n", UPSET)
    assert r.categories["empathy"].status == "fail"


def test_a_missing_move_alone_never_fails_a_calm_reply() -> None:
    r = review("Sure, that's under Settings.", CALM)
    assert all(c.status != "fail" for c in r.categories.values())


def test_a_social_turn_needs_one_way_forward_not_both() -> None:
    r = review(
        "@kai_m Sorry for the wait! DM us your order number and we'll check it.", UPSET, None
    )
    assert r.register == "social"
    assert "ownership" not in missing(r, "warning")
    assert not {"greeting", "closing", "acknowledge"} & set(missing(r, "warning"))


def test_naming_the_feeling_covers_the_apology_but_not_the_other_way_round() -> None:
    validates = review("Hello,\n\nI'd be upset too after four emails. I'm on it.\n", UPSET)
    apologises = review("Hello,\n\nSorry to hear that. I'm on it.\n", UPSET)
    assert "apologize" not in missing(validates, "warning")
    assert validates.categories["empathy"].status == "pass"
    assert "validate" in missing(apologises, "warning")
    assert "apologize" not in missing(apologises, "warning") + missing(apologises, "info")
    assert apologises.categories["empathy"].status == "warn"


def test_a_question_before_the_initials_still_counts_and_a_quoted_one_does_not() -> None:
    signed = review("@kai_m Sorry! Could you DM us the order number? ^RM", UPSET, "twitter")
    quoted = review("Hello,\n\nI'm sorry, that's maddening.\n\n> Where is my refund?\n", UPSET)
    assert "next_steps" not in missing(signed, "warning")
    assert "next_steps" in missing(quoted, "warning")


def test_every_apology_past_the_second_is_highlighted() -> None:
    draft = (
        "Hi Jo,\n\nI'm sorry for the wait. I apologise for the confusion. We're so sorry about "
        "the form. My apologies again. Here is the link you asked for.\n\nBest,\nKim"
    )
    r = review(draft, CALM)
    marked = [draft[f.start : f.end] for f in r.findings if f.rule_id == "over-apologizing"]
    assert len(marked) == 2  # the third and the fourth apology
    assert "My apologies" in marked[-1]
    with_fix = [f for f in r.findings if f.rule_id == "over-apologizing" and f.suggestions]
    assert len(with_fix) == 1  # one click trims them all


def test_a_question_in_the_greeting_sentence_is_still_a_question_back() -> None:
    r = review("@ola_n Hi Ola, shall I look at the bill with you? 1/2", UPSET, "twitter")
    assert "next_steps" not in missing(r, "warning")


def test_a_turn_that_moves_on_is_not_cold_but_one_that_goes_nowhere_is() -> None:
    onward = review("@kai_m I'll look into it now, you'll hear back within the hour.", UPSET, None)
    nowhere = review("Refunds take ten days.", UPSET, "chat")
    assert "apologize" not in missing(onward, "warning")
    assert "apologize" in missing(onward, "info")  # still offered as an idea
    assert "apologize" in missing(nowhere, "warning")
    assert nowhere.categories["empathy"].status == "warn"


def test_a_social_turn_that_says_sorry_may_leave_the_next_step_to_the_next_turn() -> None:
    sorry = review("@sam That's maddening, and I'm sorry it happened.", UPSET, "twitter")
    bare = review("@sam The refund left us on Monday.", UPSET, "twitter")
    assert "next_steps" not in missing(sorry, "warning")
    assert "next_steps" in missing(bare, "warning") or "apologize" in missing(bare, "warning")
