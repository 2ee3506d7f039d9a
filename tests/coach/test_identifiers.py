from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plugin.coach import identifiers
from plugin.coach.draft import parse


def word_is_identifier(text: str, word: str) -> bool:
    start = text.index(word)
    return identifiers.is_identifier(text, start, start + len(word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("You're now on KL0642 tomorrow.", "KL0642"),  # flight number
        ("You're now on AF 1180 tomorrow.", "AF"),  # carrier code before its number
        ("Order the XR-400 filter.", "XR"),  # product code
        ("Your claim ZX-8812-301 is open.", "ZX"),
        ("Use the QRT-9-ELM frame.", "ELM"),
        ("Point the record at files.northwind.example.", "northwind"),  # host name
        ("Set the server to smtp.relay.local.", "relay"),
        ("Update to v4.12.7 first.", "v4"),  # version
        ("Update to iPadOS 16 first.", "iPadOS"),  # inner capital
        ("It needs 64GB free.", "64GB"),  # size
        ("Stream in 8K now.", "8K"),
        ("Call back after 16:30 GMT please.", "GMT"),  # time zone after a time
        ("You have 40 XP left.", "XP"),  # unit after a number
        ("Ping @frostbyte_help or #StatusNow.", "frostbyte"),  # handle
        ("Ping @frostbyte_help or #StatusNow.", "StatusNow"),  # hashtag
        ("The gateway is 10.0.4.21 today.", "10"),
        ("You're on the Harbour Plus plan now.", "Harbour"),  # plan names
        ("Move to our Starter tier.", "Starter"),
        ("The TEAM plan has it.", "TEAM"),
        ("Our BrightLoop kettle is back.", "BrightLoop"),  # brand with an inner capital
        ("The fingerprint ends 4F:0A:9B.", "4F"),
    ],
)
def test_identifiers(text: str, word: str) -> None:
    assert word_is_identifier(text, word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Please read the FAQ page.", "FAQ"),
        ("The SLA says we reply fast.", "SLA"),
        ("Your plan is fine.", "plan"),
        ("The Harbour team will plan it.", "Harbour"),  # "plan" is no plan noun here
        ("We escalated your ticket.", "escalated"),
        ("Ask the DPO about it.", "DPO"),
    ],
)
def test_not_identifiers(text: str, word: str) -> None:
    assert not word_is_identifier(text, word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Kia ora Tama,\n\nAll sorted now.", "Kia"),  # a greeting line
        ("All sorted now.\n\nNgā mihi,\nRangi", "mihi"),  # a sign-off line
        ("All sorted now.\n\nRangi\nHarbour Mobile Support", "Rangi"),  # a signature line
        ("All sorted now. DM us anytime ^QL", "QL"),  # social sign-off initials
        ("All sorted now, we'll check it.--WB", "WB"),
        ("Sorted! Shout if not. - Oisin https://t.co/abc", "Oisin"),
    ],
)
def test_names_lines(text: str, word: str) -> None:
    assert identifiers.names_line(text, text.index(word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("We checked the SLA today and it holds for your account.", "SLA"),
        ("It is fixed. Please try again and tell us how it goes.", "Please"),
        ("Thanks for waiting.\n\nYour refund went out today.", "refund"),
    ],
)
def test_sentences_are_no_names_lines(text: str, word: str) -> None:
    assert not identifiers.names_line(text, text.index(word))


def test_foreign_letters_mark_a_name_or_loanword() -> None:
    assert identifiers.foreign("Renée") and identifiers.foreign("Ngā")
    assert not identifiers.foreign("Rene")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("1. Open Settings → VPN → Profiles.", "VPN", True),  # menu path
        ("2. Under MTU, type 1400.", "MTU", True),  # an instruction step naming a field
        ("Select DHCP from the list.", "DHCP", True),
        ("Fill in the IBAN field.", "IBAN", True),
        ("We store it under GDPR rules.", "GDPR", False),  # "under" mid-sentence
        ("The IBAN was wrong.", "IBAN", False),
    ],
)
def test_ui_labels(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert identifiers.ui_label(parse(text), start, start + len(word)) is expected


def test_link_text_in_html_is_a_label() -> None:
    source = '<p>See the <a href="https://example.com/x">KYC guide</a> for KYC rules.</p>'
    draft = parse(source, "html")
    first = draft.text.index("KYC")
    second = draft.text.index("KYC", first + 1)
    assert identifiers.ui_label(draft, first, first + 3)
    assert not identifiers.ui_label(draft, second, second + 3)


@given(
    st.lists(st.sampled_from(["ab", "x" * 50, " ", "\n", "(", ").", "\u2003", "-"]), max_size=12),
    st.data(),
)
def test_a_token_runs_between_white_space_however_long(
    pieces: list[str], data: st.DataObject
) -> None:
    # short tokens are found in a window around the word, long ones from the text's runs
    text = "".join(pieces)
    words = [m.span() for m in re.finditer(r"[a-z]+", text)]
    if not words:
        return
    start, end = data.draw(st.sampled_from(words))
    s = max((m.end() for m in re.finditer(r"\s", text[:start])), default=0)
    after = re.compile(r"\s").search(text, end)
    e = after.start() if after else len(text)
    while s < start and text[s] in "\"'“‘([{<*":
        s += 1
    while e > end and text[e - 1] in ".,;:!?)]}\"'”’>*":
        e -= 1
    assert identifiers.token_at(text, start, end) == (s, e)
