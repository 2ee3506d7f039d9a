"""The sidebar's request end to end: session token → API → zenpy over HTTP → hints in the review."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from flask import Flask
from recording_server import Customer, RecordingServer, Reply, compose_customer
from signing_keys import PUBLIC_PEM

from plugin import create_app
from plugin.coach.edits import apply
from plugin.coach.model import Edit
from plugin.zendesk.auth import issue_session

DRAFT = (
    "Hello,\n\nThanks for your patience, María García. I've asked our payments team to "
    "resend the refund myself, and you'll get a confirmation email within 24 hours.\n\n"
    "If anything else comes up, just reply here.\n"
)
ANGRY = "Third time I'm asking!!! Where is my refund?"


@pytest.fixture
def live_customer(zendesk: RecordingServer) -> Customer:
    return compose_customer(zendesk, datetime.now(UTC))


@pytest.fixture
def prod_app(zendesk: RecordingServer) -> Flask:
    return create_app(
        {
            "dev": False,
            "secret_key": "a-long-enough-secret-for-hs256-sessions!",
            "zendesk_subdomain": "acme",
            "zendesk_email": "agent@example.com",
            "zendesk_api_token": "test-token",
            "zendesk_app_public_key": PUBLIC_PEM,
            "zendesk_app_installation_id": "42",
            "zendesk_budget_seconds": 2.0,
        }
    )


def check(app: Flask, body: dict[str, Any]) -> Any:
    cfg = app.extensions["coach_config"]
    token = issue_session(cfg, subdomain="acme", installation_id="42", user_id=None)
    res = app.test_client().post(
        "/api/v1/check", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert res.status_code == 200, res.get_data(as_text=True)
    return res.get_json()


def test_customer_history_becomes_hints_and_personalization(
    prod_app: Flask, live_customer: Customer
) -> None:
    review = check(prod_app, {"draft": DRAFT, "customer_message": ANGRY, "ticket_id": 501})
    hint_ids = {h["id"] for h in review["hints"]}
    assert {"greet_first_name", "repeat_contact", "bad_rating", "vip"} <= hint_ids
    assert all(h["why"] for h in review["hints"])
    assert review["categories"]["personalization"]["status"] != "n/a"
    # The greeting is generic though Zendesk knows her name: the coach says so, by name.
    assert review["categories"]["greeting"]["status"] == "warn"
    greeting = [f for f in review["findings"] if f["category"] == "greeting"]
    assert any("María" in s["label"] for f in greeting for s in f["suggestions"])
    # Her name is protected: no finding (spelling, rare word...) ever lands on it.
    name_at = DRAFT.index("María García")
    assert not [f for f in review["findings"] if f["start"] < name_at + 12 and f["end"] > name_at]
    assert review["notes"] == []


def test_a_failing_zendesk_gives_the_review_without_hints_and_a_note(
    prod_app: Flask, zendesk: RecordingServer
) -> None:
    zendesk.route("GET", "/api/v2/tickets/777.json", Reply(503, {"error": "Unavailable"}))
    review = check(prod_app, {"draft": DRAFT, "ticket_id": 777})
    assert review["hints"] == []
    assert review["notes"] and "Zendesk" in review["notes"][0]
    assert "score" in review


def test_a_hint_wording_is_one_click_away(prod_app: Flask, live_customer: Customer) -> None:
    review = check(prod_app, {"draft": DRAFT, "customer_message": ANGRY, "ticket_id": 501})
    repeat = next(h for h in review["hints"] if h["id"] == "repeat_contact")
    edits = repeat["suggestion"]["edits"]
    fixed = apply(DRAFT, [Edit(e["start"], e["end"], e["replacement"]) for e in edits])
    # The wording opens the body, right after the greeting line; nothing else moves.
    body = DRAFT.index("Thanks for your patience")
    assert fixed == DRAFT[:body] + repeat["wording"] + " " + DRAFT[body:]
    # Hints that need the agent's own words, or the greeting, carry no automatic edit.
    by_id = {h["id"]: h for h in review["hints"]}
    assert by_id["greet_first_name"]["suggestion"] is None
    assert by_id["priority"]["suggestion"] is None
