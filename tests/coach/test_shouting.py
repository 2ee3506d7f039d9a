"""The agent's own shouting in a draft: capitals and stacked exclamation marks."""

from __future__ import annotations

import pytest

from plugin.coach import shouting
from plugin.coach.draft import parse
from plugin.coach.edits import apply

ALLOW = frozenset({"ok", "faq"})


def shouted(text: str, fmt: str = "text") -> list[str]:
    draft = parse(text, fmt)  # type: ignore[arg-type]
    return [draft.text[f.start : f.end] for f in shouting.in_draft(draft, ALLOW)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your parcel was ALREADY sent on Monday.", ["ALREADY"]),
        ("You do NOT have to print the label.", ["NOT"]),
        ("READ THE MANUAL BEFORE YOU WRITE.", ["READ THE MANUAL BEFORE YOU WRITE"]),
        ("Refunds take five days!!! Thanks.", ["!!!"]),
    ],
)
def test_agent_shouting_is_flagged(text: str, expected: list[str]) -> None:
    assert shouted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The VPN and SSL settings are on the Network page.",  # acronyms
        "Check the CPU, GPU, RAM figures in the report.",  # a list of acronyms
        "Your plan covers the NHS and UTC times.",
        "DELTA has moved you to the 9:40 flight.",  # a name opening the sentence
        'You wrote "this is a JOKE and I am DONE" and I understand why.',  # quoted customer
        "Order HRL-6-OAK and the CAN-FIX kit are on their way.",  # identifiers
        "Great news!! Your refund is on its way.",  # two marks are delight, not shouting
        "Thanks for your patience, OK?",
        "Go to Account > Billing > CANCEL PLAN and confirm.",  # a screen label in a menu path
    ],
)
def test_acronyms_names_quotes_and_identifiers_are_not_shouting(text: str) -> None:
    assert shouted(text) == []


def test_customer_text_quoted_in_the_reply_is_not_the_agents_shouting() -> None:
    text = "Hi Sam,\n\nI'm on it.\n\n> WHERE IS MY PARCEL!!!\n"
    assert shouted(text) == []


def test_the_fix_lowercases_the_shout() -> None:
    text = "You do NOT need to call us."
    draft = parse(text)
    (finding,) = shouting.in_draft(draft, ALLOW)
    assert apply(text, finding.suggestions[0].edits) == "You do not need to call us."


@pytest.mark.parametrize(
    ("sentence", "calm"),
    [
        ("THE APP DOESN'T WORK abc'DEF", "the app doesn't work abc'DEF"),  # mixed case kept
        ("WHY IS MY SSO LOGIN BROKEN don'T", "why is my SSO login broken don'T"),
        ("my order ISN'T here, ab''CD ok", "my order isn't here, ab''CD ok"),
        ("I paid on MONDAY and NOTHING arrived", "I paid on Monday and nothing arrived"),
        ("ÇA NE MARCHE PAS DU TOUT", "ÇA ne MARCHE pas du tout"),  # rare words: acronyms
    ],
)
def test_unshout_lowers_shouted_words_and_keeps_the_rest(sentence: str, calm: str) -> None:
    assert shouting.unshout(sentence, frozenset()) == calm
