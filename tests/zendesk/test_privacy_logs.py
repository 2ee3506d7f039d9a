"""Personal data from Zendesk never reaches the logs, even with the root logger at DEBUG."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from flask import Flask
from recording_server import RecordingServer, compose_customer
from signing_keys import PUBLIC_PEM

from plugin import create_app
from plugin.web.logs import THIRD_PARTY_LOGGERS
from plugin.zendesk.auth import issue_session

DRAFT = "Hello,\n\nSorry about the wait on your refund. I'll chase it with billing today.\n"
# What the fake Zendesk knows about the customer: name, organization, ticket subjects.
PERSONAL = ("María", "García", "Globex", "Refund still missing", "Password reset")


@pytest.fixture(autouse=True)
def fresh_loggers() -> Iterator[None]:
    """Each test starts as a new process would: third-party loggers at their defaults."""
    saved = {name: logging.getLogger(name).level for name in THIRD_PARTY_LOGGERS}
    for name in saved:
        logging.getLogger(name).setLevel(logging.NOTSET)
    yield
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def _app(**extra: object) -> Flask:
    return create_app(
        {
            "dev": False,
            "secret_key": "9c1f4e7a2b8d3c6f0e5a1d4b7c2e9f3a8d6b1c4e",
            "zendesk_subdomain": "acme",
            "zendesk_email": "agent@example.com",
            "zendesk_api_token": "test-token",
            "zendesk_app_public_key": PUBLIC_PEM,
            "zendesk_app_installation_id": "42",
            "zendesk_budget_seconds": 2.0,
            **extra,
        }
    )


def _check_with_context(app: Flask) -> None:
    token = issue_session(
        app.extensions["coach_config"], subdomain="acme", installation_id="42", user_id=None
    )
    res = app.test_client().post(
        "/api/v1/check",
        json={"draft": DRAFT, "customer_message": "Still no refund!", "ticket_id": 501},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert res.status_code == 200
    assert "greet_first_name" in {h["id"] for h in res.get_json()["hints"]}  # context was read


def test_zendesk_personal_data_never_reaches_the_logs_at_debug(
    zendesk: RecordingServer, caplog: pytest.LogCaptureFixture
) -> None:
    compose_customer(zendesk, datetime.now(UTC))
    caplog.set_level(logging.DEBUG)  # the root logger, as a careless deployment might
    _check_with_context(_app())
    for word in PERSONAL:
        assert word not in caplog.text
    assert "chase it with billing" not in caplog.text and "Still no refund" not in caplog.text


def test_third_party_debug_logs_only_when_explicitly_enabled(
    zendesk: RecordingServer, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    compose_customer(zendesk, datetime.now(UTC))
    monkeypatch.setenv("COACH_DEBUG_THIRD_PARTY", "1")
    caplog.set_level(logging.DEBUG)
    _check_with_context(_app())
    # zenpy logs whole responses at DEBUG: this is what the default keeps out of the logs.
    assert any(r.name.startswith(("zenpy", "urllib3")) for r in caplog.records)
    assert logging.getLogger("zenpy").getEffectiveLevel() == logging.DEBUG
    assert "García" in caplog.text  # so the default is what keeps it out
