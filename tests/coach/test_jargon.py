from __future__ import annotations

import pytest

from plugin.coach import jargon
from plugin.coach.draft import parse
from plugin.coach.edits import apply
from plugin.coach.model import Finding, Settings
from plugin.coach.rules import RulePack, compile_pack, load_pack

SHIPPED = load_pack()
SMALL = compile_pack(
    {
        "rules": [],
        "glossary": [
            {"term": "SLA", "plain": "our response-time promise"},
            {"term": "T2", "plain": "our specialist team"},
            {"term": "escalated", "plain": "passed to a specialist"},
            {"term": "DNS propagation", "plain": "the address change reaching every network"},
            {"term": "DNS", "plain": "your domain's address settings"},
        ],
        "allowlist": ["wibble", "CRM"],
    }
)


DEFAULT = Settings()


def run(
    text: str, pack: RulePack = SMALL, names: tuple[str, ...] = (), cfg: Settings = DEFAULT
) -> list[Finding]:
    return list(jargon.analyze(parse(text, names=names), pack, cfg))


def flagged(
    text: str, pack: RulePack = SMALL, names: tuple[str, ...] = (), cfg: Settings = DEFAULT
) -> list[tuple[str, str]]:
    return [(f.rule_id, text[f.start : f.end]) for f in run(text, pack, names, cfg)]


# -- glossary terms --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "term", "fixed"),
    [
        ("I have escalated it.", "escalated", "I have passed to a specialist it."),
        ("Your case is with T2 now.", "T2", "Your case is with our specialist team now."),
        # "our SLA" must not become "our our response-time promise"
        ("Per our SLA we reply fast.", "SLA", "Per our response-time promise we reply fast."),
        ("SLA breaches are rare.", "SLA", "Our response-time promise breaches are rare."),
        # nor "our T2 team" "our specialist team team"
        ("Ask our T2 team.", "T2", "Ask our specialist team."),
        # the longer term wins over the shorter one inside it
        (
            "DNS propagation takes a day.",
            "DNS propagation",
            "The address change reaching every network takes a day.",
        ),
    ],
)
def test_glossary_term_gets_its_plain_alternative(text: str, term: str, fixed: str) -> None:
    (f,) = run(text)
    assert (f.rule_id, text[f.start : f.end]) == ("jargon-term", term)
    assert f.category == "jargon" and f.severity == "warning"
    (suggestion,) = f.suggestions
    assert apply(text, suggestion.edits) == fixed


def test_every_occurrence_of_a_glossary_term_is_flagged() -> None:
    assert flagged("T2 will call. Then T2 will email.") == [("jargon-term", "T2")] * 2


def test_shipped_pack_glossary_is_used() -> None:
    text = "I've passed this to T2 and asked them to check the DNS."
    assert flagged(text, SHIPPED) == [("jargon-term", "T2"), ("jargon-term", "DNS")]


def test_explained_glossary_acronym_is_not_flagged() -> None:
    assert flagged("Our Service Level Agreement (SLA) says so. The SLA is firm.") == []


# -- acronyms --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please send the RMA form.", [("unexplained-acronym", "RMA")]),
        ("Your MRR went up.", [("unexplained-acronym", "MRR")]),
        ("Check the KPIs on the dashboard.", [("unexplained-acronym", "KPI")]),
        # first use only
        ("The EOB is here. Read the EOB.", [("unexplained-acronym", "EOB")]),
        # defined either way round, anywhere in the draft
        ("Your Explanation of Benefits (EOB) is attached.", []),
        ("The EOB (explanation of benefits) is attached.", []),
        ("Send it as a PDF, it's OK.", []),  # everyday acronyms
        ("Ask our FAQ or the USA office for your ID.", []),
        ("Our CRM is down.", []),  # allowlisted by the account
        ("PLEASE NOTE THE NEW TIME.", []),  # shouting, not acronyms
    ],
)
def test_unexplained_acronyms(text: str, expected: list[tuple[str, str]]) -> None:
    assert flagged(text) == expected


def test_acronym_in_a_protected_span_is_not_flagged() -> None:
    assert flagged("Your code is in {{ticket.custom_field_ABC}} and at https://x.io/QZX") == []


# -- rare words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The charge is idempotent.", [("rare-word", "idempotent")]),
        ("Idempotent calls are safe.", [("rare-word", "Idempotent")]),
        ("Your refund is on its way.", []),
        ("Ask Priyanka or Zbigniew at the desk.", []),  # names mid-sentence
        ("The wibble is idempotent and idempotent.", [("rare-word", "idempotent")]),
        ("Please recieve it.", []),  # a typo: spelling.py reports it with a fix
    ],
)
def test_rare_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert flagged(text) == expected


def test_rare_word_threshold_comes_from_settings() -> None:
    text = "Your order is with the courier."  # courier: Zipf 3.68
    assert flagged(text) == []
    assert flagged(text, cfg=Settings(rare_word_zipf=4.0)) == [("rare-word", "courier")]


def test_customers_name_is_never_flagged() -> None:
    text = "Xochiquetzal, your SLA claim is approved."
    assert flagged(text, names=("Xochiquetzal Ruiz",)) == [("jargon-term", "SLA")]


def test_no_finding_overlaps_a_protected_span() -> None:
    text = "> The KPI and MRR idempotent T2 stuff\nThanks, {{ticket.requester.name}}."
    draft = parse(text)
    assert jargon.analyze(draft, SMALL, Settings()) == ()


def test_warm_then_analyze_a_plain_reply() -> None:
    jargon.warm()
    assert flagged("Thanks for waiting, Ana. Your refund is on its way.", SHIPPED) == []


def test_the_agents_signature_is_no_rare_word() -> None:
    text = "Hi,\n\nThe extender is stable again.\n\nCheers,\nAnneke Vogelzang"
    assert flagged(text, SHIPPED) == []
    # without a sign-off line above it, a name on a line of its own is still a name
    assert flagged(text.replace("Cheers,\n", ""), SHIPPED) == []


# -- the reader: what the customer wrote is not jargon to them ---------------------------


def heard(text: str, customer: str, pack: RulePack = SHIPPED) -> list[tuple[str, str]]:
    findings = jargon.analyze(parse(text), pack, DEFAULT, customer)
    return [(f.rule_id, text[f.start : f.end]) for f in findings]


@pytest.mark.parametrize(
    ("customer", "text"),
    [
        ("Our DNS records look right to me.", "The DNS records are fine."),
        ("Can you pause my webhooks?", "I've paused the webhook."),  # plural / singular
        ("is the sla different on weekends?", "Our SLA is the same on weekends."),  # any case
        ("When does my RMA arrive?", "Your RMAs are on their way."),
        ("What's the CUSIP for it?", "The CUSIP is on page 2."),  # an acronym they used
        ("Sign-in through single sign-on fails.", "SSO is back up."),  # spelled out
        ("Where do I put the descaler?", "Pour the descaler into the tank."),  # a rare word
    ],
)
def test_a_term_the_customer_used_is_not_flagged(customer: str, text: str) -> None:
    assert heard(text, customer) == []


def test_the_same_terms_are_flagged_for_a_customer_who_did_not_use_them() -> None:
    text = "The DNS records are fine and the CUSIP is on page 2."
    assert heard(text, "My page is down.") == [
        ("jargon-term", "DNS"),
        ("unexplained-acronym", "CUSIP"),
    ]


def test_a_technical_reader_reads_technical_terms_but_not_our_shorthand() -> None:
    customer = "Calls to /v3/invoices return 502 errors at 30 req/s since the deploy."
    text = "The API gateway cache was flushed and the TLS cert renewed; T2 has it now."
    assert heard(text, customer) == [("jargon-term", "T2")]
    everyday = heard(text, "The website is broken.")
    assert ("jargon-term", "API") in everyday and ("unexplained-acronym", "TLS") in everyday


# -- identifiers, names and labels are never jargon ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "You're booked on KL0642 and EZY 8811 on Friday.",  # flight numbers
        "The XR-400 filter and the QRT-9-ELM frame ship today.",  # product codes
        "Your reference is ZQ4T7P.",  # a booking code
        "Upgrade to the Harbour Plus plan or the PRO tier.",  # plan names
        "Set the server to data.korimako.example and restart.",  # host name
        "Please install v4.12.7 on your iPadOS device.",
        "The router reaches 300 Mbps on 5GHz, and the drive holds 64GB.",
        "We'll call back at 16:30 GMT with 40 XP added.",  # time zone, unit after a number
        "Sorted now, DM us any time ^QL",  # sign-off initials
        "Mahalo,\nKeoni\nHarbour Air Support",  # sign-off and signature in another language
        "1. Open Settings → VPN → Profiles.\n2. Under MTU, type 1400.",  # screen labels
    ],
)
def test_identifiers_names_and_labels_are_not_jargon(text: str) -> None:
    assert flagged(text, SHIPPED) == []


def test_a_glossary_term_inside_a_host_name_or_a_name_is_no_term() -> None:
    assert flagged("Open api.northwind.example to see it.", SHIPPED) == []
    assert flagged("Ask about our Sprint Saver bundle.", SHIPPED) == []  # a name, mid-sentence
    assert flagged("We plan work in a sprint.", SHIPPED) == [("jargon-term", "sprint")]


def test_card_payment_shorthand_is_jargon() -> None:
    text = "It failed 3DS authentication, left pre-auth holds and settles at T+3."
    findings = run(text, SHIPPED)
    assert [(f.rule_id, text[f.start : f.end]) for f in findings] == [
        ("jargon-term", "3DS authentication"),
        ("jargon-term", "pre-auth holds"),
        ("jargon-term", "T+3"),
    ]
    fixed = apply(text, tuple(f.suggestions[0].edits[0] for f in findings))
    assert fixed == (
        "It failed your bank's security check, left temporary holds "
        "and settles at 3 days after the payment."
    )


# -- rare words built from everyday parts ---------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "rebooked",  # prefix + everyday verb
        "unsaved",
        "itemised",  # British spelling of an everyday word
        "discoloured",
        "waitlist",  # compound of two everyday words
        "passcodes",
        "renderers",  # suffixes on an everyday stem
    ],
)
def test_words_built_from_everyday_parts_are_not_rare(word: str) -> None:
    assert flagged(f"The {word} items are here.", SHIPPED) == []


def test_legal_compounds_and_truly_rare_words_stay_rare() -> None:
    assert flagged("The call is idempotent.", SHIPPED) == [("rare-word", "idempotent")]
    assert flagged("That subrogation is pending.", SHIPPED) == [("rare-word", "subrogation")]


def test_a_capitalised_word_no_dictionary_knows_is_a_name_at_a_sentence_start() -> None:
    assert flagged("Fibrewave engineers are on site.", SHIPPED) == []


def test_technical_terms_the_customer_used_count_towards_a_technical_reader() -> None:
    customer = "Can I rotate our API key without downtime? Two services share it."
    assert heard("Deploy the new key to both services first.", customer) == []
    assert heard("Deploy the new key to both services first.", "Hi, is it safe?") == [
        ("jargon-term", "Deploy")
    ]
