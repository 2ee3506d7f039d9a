"""A macro is coached as a template: checks that hold for every customer, and author tags."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from plugin.coach.edits import apply
from plugin.coach.model import Edit
from plugin.coach.review import Coach
from plugin.coach.rules import load_pack
from plugin.macros.lint import GREETING_PLACEHOLDER, lint_macro


@dataclass(frozen=True)
class FakeMacro:
    text: str | None
    html: str | None = None
    id: int = 1
    title: str = "Shipping::Delays::Late parcel"
    active: bool = True
    categories: tuple[str, ...] = ("Shipping", "Delays")
    group_ids: tuple[int, ...] = ()


@pytest.fixture(scope="module")
def coach() -> Coach:
    return Coach(load_pack())


WARM = (
    "Hi {{ticket.requester.first_name}},\n\nThanks for letting us know about the late parcel, "
    "and sorry for the wait. I have asked the courier to trace it today and I will email "
    "you by Friday with what they find.\n\nIf anything else comes up, just reply here.\n\n"
    "Best,\n{{current_user.first_name}}"
)
COLD = (
    "Your request has been received. As per our policy, it will be processed in due course. "
    "No further action is required."
)


def test_a_warm_personal_macro_scores_high_and_gets_no_tags(coach: Coach) -> None:
    report = lint_macro(coach, FakeMacro(WARM))
    assert report.status == "ok"
    assert report.tags == ()
    assert report.score is not None and report.score >= 90


def test_a_cold_generic_macro_scores_lower_with_tags_an_author_understands(coach: Coach) -> None:
    warm = lint_macro(coach, FakeMacro(WARM))
    cold = lint_macro(coach, FakeMacro(COLD))
    assert cold.score is not None and warm.score is not None and cold.score < warm.score
    assert {"cold", "generic", "no greeting placeholder"} <= set(cold.tags)


def test_no_mood_is_assumed_so_no_apology_is_demanded(coach: Coach) -> None:
    report = lint_macro(coach, FakeMacro(COLD))
    rule_ids = {f["rule_id"] for b in report.bodies for f in b.findings}
    assert not {"missing-apologize", "missing-validate", "missing-acknowledge"} & rule_ids
    assert all(
        f["category"] not in ("empathy", "acknowledgement", "personalization")
        for b in report.bodies
        for f in b.findings
    )


def test_missing_greeting_placeholder_is_offered_and_keeps_the_rest(coach: Coach) -> None:
    text = "Hello,\n\nWe have fixed the login page, so you can sign in again now."
    report = lint_macro(coach, FakeMacro(text))
    finding = next(
        f for f in report.bodies[0].findings if f["rule_id"] == "macro-greeting-placeholder"
    )
    edits = [Edit(**e) for e in finding["suggestions"][0]["edits"]]
    fixed = apply(text, edits)
    assert fixed.startswith(f"Hi {GREETING_PLACEHOLDER},")
    assert fixed.count("Hello") == 0 and fixed.endswith("sign in again now.")


def test_a_greeting_inside_a_liquid_block_counts(coach: Coach) -> None:
    text = (
        "{% if ticket.requester.first_name %}Hi {{ticket.requester.first_name}},{% else %}"
        "Hello,{% endif %}\n\nYour new card is on its way and should arrive within three days."
    )
    report = lint_macro(coach, FakeMacro(text))
    assert "no greeting placeholder" not in report.tags
    assert not any(f["rule_id"] == "missing-greeting" for f in report.bodies[0].findings)


def test_jargon_and_hard_reading_are_tagged(coach: Coach) -> None:
    text = (
        "Hi {{ticket.requester.first_name}}, the SSO IdP assertion failed SAML validation "
        "because the x509 certificate fingerprint mismatched the configured SP metadata, "
        "which, notwithstanding the aforementioned provisioning idiosyncrasies that were "
        "previously enumerated in the documentation that accompanies the integration, "
        "necessitates reconfiguration by an administrator with the requisite entitlements."
    )
    report = lint_macro(coach, FakeMacro(text))
    assert {"jargon-heavy", "hard to read"} <= set(report.tags)


def test_no_reply_text_is_listed_not_an_error(coach: Coach) -> None:
    report = lint_macro(coach, FakeMacro(None))
    assert report.status == "no_reply" and report.score is None and report.error == ""


def test_html_body_is_coached_too(coach: Coach) -> None:
    html = (
        "<p>Hi {{ticket.requester.first_name}},</p>"
        "<p>Thanks for your patience. I will call you tomorrow.</p>"
    )
    report = lint_macro(coach, FakeMacro(None, html=html))
    assert [b.field for b in report.bodies] == ["comment_value_html"]
    assert report.bodies[0].format == "html" and report.score is not None


def test_every_suggestion_carries_the_id_the_write_back_takes(coach: Coach) -> None:
    report = lint_macro(coach, FakeMacro(COLD)).to_dict()
    body = report["bodies"][0]
    assert body["text"] == COLD and body["field"] == "comment_value"
    ids = [s["id"] for f in body["findings"] for s in f["suggestions"]]
    assert ids and all(i.startswith("comment_value:") for i in ids) and len(set(ids)) == len(ids)
