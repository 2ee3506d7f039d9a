"""Response headers of the API, and development mode's loopback-only Host check."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from signing_keys import PUBLIC_PEM

from plugin import create_app
from plugin.zendesk.auth import issue_session

LOOPBACK = {"REMOTE_ADDR": "127.0.0.1"}


def _assert_api_headers(headers: dict[str, str] | object) -> None:
    assert headers["Cache-Control"] == "no-store"  # type: ignore[index]
    assert headers["X-Content-Type-Options"] == "nosniff"  # type: ignore[index]


def test_every_api_answer_is_no_store_and_nosniff(client: FlaskClient) -> None:
    answers = [
        client.post("/api/v1/check", json={"draft": "Hi there, thanks!"}),
        client.post("/api/v1/grammar", json={"draft": "Hi there."}),
        client.post("/api/v1/check", json={"nodraft": 1}),  # 400
        client.post("/api/v1/check", data="{", content_type="application/json"),
        client.get("/api/v1/check"),  # 405
        client.get("/healthz"),
    ]
    for res in answers:
        _assert_api_headers(res.headers)
        assert "Retry-After" not in res.headers


@pytest.fixture
def limited() -> Flask:
    return create_app(
        {
            "dev": False,
            "secret_key": "9c1f4e7a2b8d3c6f0e5a1d4b7c2e9f3a8d6b1c4e",
            "zendesk_subdomain": "acme",
            "zendesk_app_public_key": PUBLIC_PEM,
            "zendesk_app_installation_id": "42",
            "rate_limit": "2/minute",
        }
    )


def test_retry_after_only_on_429(limited: Flask) -> None:
    cfg = limited.extensions["coach_config"]
    token = issue_session(cfg, subdomain="acme", installation_id="42", user_id=None)
    client = limited.test_client()
    answers = [
        client.post(
            "/api/v1/check", json={"draft": "Hi!"}, headers={"Authorization": f"Bearer {token}"}
        )
        for _ in range(3)
    ]
    assert [r.status_code for r in answers] == [200, 200, 429]
    assert all("Retry-After" not in r.headers for r in answers[:2])
    assert 1 <= int(answers[2].headers["Retry-After"]) <= 60
    for res in answers:
        _assert_api_headers(res.headers)
    unauthorized = client.post("/api/v1/check", json={"draft": "Hi!"})
    assert unauthorized.status_code == 401 and "Retry-After" not in unauthorized.headers
    _assert_api_headers(unauthorized.headers)


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "127.0.0.1.nip.io",
        "localhost.evil.example",
        "10.0.0.5:5000",
        "[::2]:5000",
        "",
    ],
)
def test_dev_mode_refuses_a_host_that_is_not_loopback(client: FlaskClient, host: str) -> None:
    headers = {"Host": host}
    api = client.post("/api/v1/check", json={"draft": "Hi there!"}, headers=headers)
    assert api.status_code == 401
    assert client.get("/", headers=headers).status_code == 404
    assert client.get("/sidebar", headers=headers).status_code == 404


@pytest.mark.parametrize("host", ["localhost", "localhost:5000", "127.0.0.1:5000", "[::1]:8080"])
def test_dev_mode_answers_loopback_hosts(client: FlaskClient, host: str) -> None:
    headers = {"Host": host}
    assert client.post("/api/v1/check", json={"draft": "Hi!"}, headers=headers).status_code == 200
    assert client.get("/", headers=headers).status_code == 200
