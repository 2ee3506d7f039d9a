"""Rate limits: a runaway sidebar or script gets a clear 429, other sessions don't."""

from __future__ import annotations

import secrets

import pytest
from flask import Flask
from signing_keys import PUBLIC_PEM as PEM

from plugin import create_app
from plugin.zendesk.auth import issue_session


@pytest.fixture
def limited_app() -> Flask:
    return create_app(
        {
            "dev": False,
            "secret_key": "a-long-enough-secret-for-hs256-sessions!",
            "zendesk_subdomain": "acme",
            "zendesk_app_public_key": PEM,
            "zendesk_app_installation_id": "42",
            "rate_limit": "3/minute",
        }
    )


def bearer(app: Flask, user: str) -> dict[str, str]:
    cfg = app.extensions["coach_config"]
    token = issue_session(cfg, subdomain="acme", installation_id="42", user_id=user)
    return {"Authorization": f"Bearer {token}"}


def test_a_session_over_its_budget_gets_a_json_429(limited_app: Flask) -> None:
    client, headers = limited_app.test_client(), bearer(limited_app, "1")
    codes = [
        client.post("/api/v1/check", json={"draft": "Hi there!"}, headers=headers).status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    res = client.post("/api/v1/check", json={"draft": "Hi there!"}, headers=headers)
    assert res.get_json()["error"]["code"] == "too_many_requests"
    assert "Retry-After" in res.headers
    # Another agent's session has its own budget.
    other = client.post("/api/v1/check", json={"draft": "Hi!"}, headers=bearer(limited_app, "2"))
    assert other.status_code == 200


def test_dev_mode_loopback_is_not_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COACH_DEV", raising=False)
    app = create_app({"dev": True, "rate_limit": "1/minute"})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = "127.0.0.1"
    codes = {client.post("/api/v1/check", json={"draft": "Hi!"}).status_code for _ in range(3)}
    assert codes == {200}


def test_the_landing_budget_ignores_headers_the_caller_picks(limited_app: Flask) -> None:
    client = limited_app.test_client()
    codes = [
        client.post(
            "/sidebar",
            data={"token": "not-a-token"},
            headers={"Authorization": f"Bearer {secrets.token_urlsafe(24)}"},
            environ_base={"REMOTE_ADDR": "198.51.100.20"},
        ).status_code
        for _ in range(300)
    ]
    assert codes.count(429) == 300 - 60  # LANDING_RATE_LIMIT 60/minute per address
    assert set(codes[:60]) == {401}
    # Another address still has its own budget.
    other = client.post(
        "/sidebar", data={"token": "x"}, environ_base={"REMOTE_ADDR": "198.51.100.21"}
    )
    assert other.status_code == 401


def test_made_up_session_tokens_share_the_callers_address_budget(limited_app: Flask) -> None:
    client = limited_app.test_client()
    codes = [
        client.post(
            "/api/v1/check",
            json={"draft": "Hi!"},
            headers={"Authorization": f"Bearer {secrets.token_urlsafe(24)}"},
            environ_base={"REMOTE_ADDR": "198.51.100.30"},
        ).status_code
        for _ in range(5)
    ]
    assert codes == [401, 401, 401, 429, 429]
    # A real session from that address still has its own budget.
    res = client.post(
        "/api/v1/check",
        json={"draft": "Hi!"},
        headers=bearer(limited_app, "1"),
        environ_base={"REMOTE_ADDR": "198.51.100.30"},
    )
    assert res.status_code == 200


def test_two_sessions_of_one_agent_issued_together_have_their_own_budgets(
    limited_app: Flask,
) -> None:
    client = limited_app.test_client()
    first, second = bearer(limited_app, "7"), bearer(limited_app, "7")  # same user, same second
    assert first != second
    for _ in range(3):
        assert client.post("/api/v1/check", json={"draft": "Hi!"}, headers=first).status_code == 200
    assert client.post("/api/v1/check", json={"draft": "Hi!"}, headers=first).status_code == 429
    assert client.post("/api/v1/check", json={"draft": "Hi!"}, headers=second).status_code == 200
