"""Channel registers, @handles and sign-off initials, as an agent on each channel sees them."""

from __future__ import annotations

import pytest

from plugin.coach import handles
from plugin.coach.channel import resolve
from plugin.coach.draft import parse
from plugin.coach.model import Review
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.rules import load_pack

COACH = Coach(pack=load_pack())
UPSET = "This is the third time I'm asking!!! My parcel never came and nobody answers me."


def review(draft: str, message: str = "", channel: str | None = None) -> Review:
    return COACH.review(CheckRequest(draft=draft, customer_message=message, channel=channel))


def rule_ids(r: Review, severity: str | None = None) -> set[str]:
    return {f.rule_id for f in r.findings if severity is None or f.severity == severity}


@pytest.mark.parametrize(
    ("via", "register"),
    [
        ("email", "email"),
        ("web", "email"),
        ("api", "email"),
        ("voice", "email"),
        ("chat", "chat"),
        ("native_messaging", "chat"),
        ("messaging", "chat"),
        ("WhatsApp", "chat"),
        ("twitter", "social"),
        ("facebook", "social"),
    ],
)
def test_zendesk_via_channels_map_to_registers(via: str, register: str) -> None:
    chan = resolve(via, "Hello there")
    assert (chan.register, chan.inferred) == (register, False)


def test_without_a_channel_a_leading_handle_means_social_else_email() -> None:
    assert resolve(None, "@sam_k We're on it.").register == "social"
    assert resolve(None, "  @sam_k @shopco We're on it.").inferred
    assert resolve("", "Hi Sam, we're on it.").register == "email"
    assert resolve("carrier-pigeon", "Hi Sam").register == "email"  # unknown: inferred


def test_reply_starts_after_the_handles() -> None:
    text = "@kim_r @shopco Hi Kim, that's fixed."
    assert text[handles.lead_end(text) :].startswith("Hi Kim")
    assert handles.lead_end("  Hello") == 2


@pytest.mark.parametrize("sign", ["^RM", "-Paul", "*HRO", "/AY", "~Dana", "- Mike R"])
def test_sign_off_initials_are_the_signature(sign: str) -> None:
    text = f"Your replacement ships today. {sign}"
    span = handles.initials_span(text)
    assert span is not None and text[span[0] : span[1]] == sign


@pytest.mark.parametrize("text", ["We open at 9 - 5", "Reply to me@shop.example", "-Paul"])
def test_prose_is_not_taken_for_initials(text: str) -> None:
    assert handles.initials_span(text) is None


def test_handles_and_initials_are_protected_but_emails_stay_emails() -> None:
    draft = parse("@kim_r Write to help@shop.example and we'll sort it. *HRO")
    text = draft.text
    assert draft.is_protected(0, 6)
    assert draft.is_protected(text.index("*HRO"), len(text))
    assert handles.handle_spans(text) == [(0, 6)]  # "@shop" of the email is not a handle


def test_initials_are_not_coached_as_words() -> None:
    tweet = "@kim_r Your new card is on its way and should land by Friday. *HRO"
    r = review(tweet)
    assert not any("HRO" in tweet[f.start : f.end] for f in r.findings)


def test_a_greeting_after_the_handles_is_a_greeting() -> None:
    r = review("@kim_r Hi Kim, your refund went out this morning.")
    assert "greeting" in {m.move for m in r.moves}
    assert r.register == "social" and r.register_inferred


ADDRESS = ("Done, your address is updated for this order.", "Can you change my address?")


def test_a_short_chat_turn_is_not_asked_for_greeting_or_closing() -> None:
    r = review(*ADDRESS, "chat")
    assert not rule_ids(r) & {"missing-greeting", "missing-closing", "missing-personalization"}
    assert r.categories["greeting"].status == "n/a"
    assert r.categories["closing"].status == "n/a"
    assert "chat" in r.categories["closing"].reason


def test_the_same_reply_by_email_gets_the_letter_ideas_not_warnings() -> None:
    r = review(*ADDRESS, "email")
    assert {"missing-greeting", "missing-closing"} <= rule_ids(r, "info")
    assert not {"missing-greeting", "missing-closing"} & rule_ids(r, "warning")


def test_in_a_chat_turn_an_apology_is_enough_empathy() -> None:
    turn = "So sorry about that! Could you send me the order number so I can chase it?"
    chat, email = review(turn, UPSET, "chat"), review(turn, UPSET, "email")
    assert "missing-validate" not in rule_ids(chat, "warning")
    assert "missing-validate" in rule_ids(email, "warning")


def test_an_internal_note_is_not_coached_for_empathy() -> None:
    note = "Customer is upset, you should have checked the SLA before escalating to T2."
    r = COACH.review(CheckRequest(draft=note, customer_message=UPSET, comment_type="internal"))
    assert not any(f.category in {"tone", "empathy", "jargon"} for f in r.findings)
    assert not any(f.rule_id.startswith("missing-") for f in r.findings)
    assert r.categories["empathy"].status == "n/a"
    assert r.categories["readability"].status != "n/a"  # a clear note still helps colleagues
    assert r.comment_type == "internal"


@pytest.mark.parametrize(
    "text", ["Then open /Settings", "Steps:\n- Restart\n- Reconnect", "It lives under /settings"]
)
def test_paths_and_list_bullets_are_not_initials(text: str) -> None:
    assert handles.initials_span(text) is None
