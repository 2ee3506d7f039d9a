"""Pleasantries that jar with the customer's mood (read by the real mood analyzer)."""

from __future__ import annotations

import pytest

from plugin.coach import cheer, mood
from plugin.coach.draft import parse

GRIEF = "My husband died in June and the renewal letters keep coming in his name."
STRANDED = "Our flight was cancelled and we're stuck at the airport with a baby. Please help."
COMPLAINT = "The app wiped my notes. This is not good enough."
WAITED = "Where is my replacement card? It's been three weeks now."
HAPPY = "Thanks so much, the tent arrived and it's perfect! Any tips for the first pitch?"


def flagged(customer: str, draft: str) -> list[tuple[str, str]]:
    parsed = parse(draft)
    return [
        (f.rule_id, parsed.text[f.start : f.end])
        for f in cheer.analyze(parsed, mood.analyze(customer))
    ]


@pytest.mark.parametrize(
    ("customer", "draft", "expected"),
    [
        (GRIEF, "I've stopped the letters. Have a great day!", "Have a great day!"),
        (
            STRANDED,
            "Thanks for reaching out! A hotel is booked for you.",
            "Thanks for reaching out!",
        ),
        (STRANDED, "Your hotel is booked. Enjoy your trip!", "Enjoy your trip!"),
    ],
)
def test_cheerful_lines_are_flagged_for_a_customer_in_a_hard_place(
    customer: str, draft: str, expected: str
) -> None:
    assert flagged(customer, draft) == [("cheerful-line-sensitive", expected)]


def test_a_rush_alone_is_no_hard_place() -> None:
    rushed = "I need the invoice urgently for our audit, please."
    assert flagged(rushed, "Thanks for reaching out! The invoice is attached.") == []


def test_the_same_line_is_fine_for_a_happy_customer() -> None:
    assert flagged(HAPPY, "Pitch it on flat ground first. Enjoy your trip!") == []


def test_feedback_thanks_in_answer_to_a_complaint() -> None:
    draft = "Thank you for your feedback. The sync bug is fixed in 4.2."
    assert flagged(COMPLAINT, draft) == [
        ("feedback-thanks-to-complaint", "Thank you for your feedback")
    ]
    assert flagged(HAPPY, draft) == []


def test_patience_thanks_after_a_long_wait_but_not_without_one() -> None:
    draft = "Your card is in the post. Thanks for your patience!"
    assert flagged(WAITED, draft) == [("patience-thanks-after-wait", "Thanks for your patience!")]
    assert flagged(COMPLAINT, draft) == []


def test_a_quiet_close_is_not_flagged() -> None:
    assert flagged(GRIEF, "I've stopped the letters. Take care of yourself.") == []
