from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plugin.coach import lexicon
from plugin.coach.reader import NOBODY, read, singular


@pytest.mark.parametrize(
    ("message", "term"),
    [
        ("My webhooks stopped firing.", "webhook"),  # plural in the message
        ("The webhook stopped firing.", "webhooks"),  # plural in the reply
        ("what's an rma number?", "RMA"),  # any case
        ("Is the SLA's clock paused?", "SLA"),  # possessive
        ("Our single sign-on broke this morning.", "SSO"),  # the acronym they spelled out
        ("Where is the Explanation of Benefits?", "EOB"),
        ("The dev team said so.", "dev team"),  # a phrase, word for word
    ],
)
def test_the_customer_knows_their_own_terms(message: str, term: str) -> None:
    assert read(message).knows(term)


@pytest.mark.parametrize(
    ("message", "term"),
    [
        ("My order never arrived.", "RMA"),
        ("The team is slow and dev work is late.", "dev team"),  # not as a phrase
        ("so long already", "SLA"),  # initials of small words spell nothing
        ("", "API"),
    ],
)
def test_terms_the_customer_did_not_use(message: str, term: str) -> None:
    assert not read(message).knows(term)


@pytest.mark.parametrize(
    "message",
    [
        "Calls to /v3/invoices return 502 errors at 30 req/s.",
        "The CNAME and the TXT record for mail.example.org look right.",
        "SAML and SCIM both fail since the IdP rotated its cert.",
    ],
)
def test_a_customer_who_writes_technically(message: str) -> None:
    assert read(message).technical


@pytest.mark.parametrize(
    "message",
    [
        "My parcel is late and nobody answers the phone!!!",
        "Where do I find my MPRN?",  # one specialist term is not a technical register
        "I paid by PDF invoice via the FAQ link, OK?",
    ],
)
def test_an_everyday_customer(message: str) -> None:
    assert not read(message).technical


def test_singular_is_applied_alike_to_both_sides() -> None:
    assert singular("Keys") == singular("key") == "key"
    assert singular("policies") == singular("policy") == "policy"
    assert singular("SLA's") == "sla"
    assert not NOBODY.knows("anything")


def test_technical_glossary_terms_used_count_as_technical_tokens() -> None:
    reader = read("My webhook stopped after the cache was cleared.")
    assert not reader.technical
    assert reader.writes_technically(("webhook", "cache", "DNS"))
    assert not reader.writes_technically(("DNS",))


@pytest.mark.parametrize(
    "token",
    [
        " /api/v3/",
        "503 errors",
        "404s",
        "HTTP",
        "40 req/s",
        "shop.example.co",
        "retry_after",
        "getItems(",
    ],
)
def test_each_kind_of_technical_token_is_counted(token: str) -> None:
    # the quick pre-check must let every kind of technical token through to the count
    assert read(f"Seeing {token} here and {token} there").markers == 2


@given(st.text(alphabet="aZ9 '’_-.é", max_size=40))
def test_the_words_read_are_the_shared_tokens_in_any_alphabet(message: str) -> None:
    # ASCII messages are split with an ASCII class: the same words as lexicon.TOKEN finds
    expected = frozenset(singular(t) for t in lexicon.TOKEN.findall(message))
    assert read(message).forms == (expected if message.strip() else frozenset())
