from __future__ import annotations

import pytest

from plugin.coach import spelling
from plugin.coach.draft import parse
from plugin.coach.edits import apply
from plugin.coach.model import Finding
from plugin.coach.rules import RulePack, compile_pack, load_pack

PACK = compile_pack(
    {
        "rules": [],
        "glossary": [{"term": "reprovisoning", "plain": "setting up again"}],
        "allowlist": ["acmecloud", "teh"],
    }
)


def run(text: str, pack: RulePack = PACK, names: tuple[str, ...] = ()) -> list[Finding]:
    return list(spelling.analyze(parse(text, names=names), pack))


def words(text: str, pack: RulePack = PACK, names: tuple[str, ...] = ()) -> list[str]:
    return [text[f.start : f.end] for f in run(text, pack, names)]


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("You will recieve it soon.", "recieve", "receive"),
        ("It will arrive untill Friday.", "untill", "until"),
        ("The two charges are seperate.", "seperate", "separate"),
        ("It definately works now.", "definately", "definitely"),
        ("The error occured twice.", "occured", "occurred"),
        ("Recieve it at home.", "Recieve", "Receive"),  # case kept at sentence start
        ("Please check the follow-up emial.", "emial", "email"),
        ("Your accout was updated.", "accout", "account"),
    ],
)
def test_typo_gets_its_correction_first(text: str, word: str, fix: str) -> None:
    (f,) = run(text)
    assert (f.rule_id, f.category, text[f.start : f.end]) == ("misspelling", "grammar", word)
    assert apply(text, f.suggestions[0].edits) == text.replace(word, fix)
    assert fix in f.message


def test_at_most_three_suggestions_each_a_single_edit() -> None:
    (f,) = run("Thier order shipped.")
    assert 1 <= len(f.suggestions) <= 3
    assert all(len(s.edits) == 1 for s in f.suggestions)
    assert f.suggestions[0].edits[0].replacement == "Their"


@pytest.mark.parametrize(
    "text",
    [
        "Your refund is on its way, and we've updated the app.",
        "I've checked the colour options on your smartphone.",  # not in pyspellchecker's list
        "Our webhook and dropdown workaround is live.",  # compounds of known words
        "Ask Ximena or Bjarke at the desk.",  # capitalised mid-sentence: names
        "Your code is X7G2Q and the SKU is AB12.",  # digits and all-caps
        "Write to jonh.smiht@exmaple.com or see https://exmaple.com/hlep.",  # protected
        "{{ticket.requester.frist_name}} asked.",  # placeholder
        "> I recieved teh wrong thing\nSorry about that.",  # quoted customer text
        "AcmeCloud and teh acmecloud setup.",  # allowlisted
        "The reprovisoning step is done.",  # a glossary term is not a typo
    ],
)
def test_not_flagged(text: str) -> None:
    assert words(text) == []


def test_customers_name_is_never_flagged() -> None:
    assert words("Thnaks Jhon, we fixed it.", names=("Jhon Doe",)) == ["Thnaks"]


def test_shipped_pack_allowlist_is_respected() -> None:
    assert words("Please logout and use the paypal app.", load_pack()) == []


def test_every_occurrence_is_reported_with_its_own_offsets() -> None:
    text = "I recieve mail. You recieve it too."
    assert [(f.start, f.end) for f in run(text)] == [(2, 9), (20, 27)]


def test_warm_then_check_a_clean_reply() -> None:
    spelling.warm()
    assert words("Thanks for waiting. Your replacement ships today.") == []


# -- identifiers and names are right as typed ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Set the server to mail.ventrix.internal and restart.",  # a host the customer types
        "Set the APN to data.korimako.nz, then reboot.",
        "Your pool is relay-wst-4 for now.",  # a host name with a digit
        "Use the Fliptop plan or the Quenby tier.",  # plan names
        "Version 3.2.1b of Zorbit fixes it.",
        "Fixed now.\n\nNgā mihi,\nAroha",  # a sign-off in another language, the agent's name
        "Olá Joaquim,\n\nIt's fixed.",  # a greeting in another language
        "Fixed now.\n\nBien à vous,\nInès",
        "All sorted, DM us anytime ^Bea",  # sign-off initials or a name
        "Fixed now.\n\nAoife\nHarbour Support",  # the agent's name on its own line
        "Your pre-order and the co-signer form are in.",  # a prefix before a hyphen
        "Call me on 0330 555 0100 (ext. 214).",  # an abbreviation before its dot
        "The org admin can add you.",  # an everyday abbreviation (shipped allowlist)
    ],
)
def test_identifiers_and_names_are_never_misspellings(text: str) -> None:
    assert words(text, load_pack()) == []


def test_a_slip_on_a_sign_off_line_is_still_caught() -> None:
    # a word no text has ever used is a typo even where names stand
    assert words("Fixed now.\n\nThnaks,\nAroha", load_pack()) == ["Thnaks"]
