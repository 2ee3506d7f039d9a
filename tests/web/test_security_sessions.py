"""Sessions from the signed landing: one per landing token, bounded in time, one mode each."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from flask import Flask
from signing_keys import PRIVATE_KEY, PUBLIC_PEM

from plugin import create_app
from plugin.config import Config
from plugin.zendesk.auth import AuthError, issue_session, verify_session

SUB, INSTALL = "acme", "360001"
SECRET = "0f6c1d2e9a8b7c6d5e4f3a2b1c0d9e8f-shared-by-dev-and-prod"
PROD: dict[str, Any] = {
    "dev": False,
    "secret_key": SECRET,
    "zendesk_subdomain": SUB,
    "zendesk_app_installation_id": INSTALL,
    "zendesk_app_public_key": PUBLIC_PEM,
    "zendesk_email": "",
    "zendesk_api_token": "",
    "zendesk_oauth_token": "",
    "redis_url": "",
    "session_ttl": 600,
}
LOOPBACK = {"REMOTE_ADDR": "127.0.0.1"}


@pytest.fixture
def prod_app() -> Flask:
    return create_app(PROD)


def landing_token(**changes: Any) -> str:
    now = int(datetime.now(UTC).timestamp())
    claims = {
        "iss": f"{SUB}.zendesk.com",
        "aud": f"https://{SUB}.zendesk.com/api/v2/apps/installations/{INSTALL}.json",
        "iat": now,
        "exp": now + 300,
        "context": {"product": "support", "location": "ticket_sidebar"},
    } | changes
    return jwt.encode({k: v for k, v in claims.items() if v is not None}, PRIVATE_KEY, "RS256")


def land(app: Flask, token: str) -> tuple[int, str]:
    res = app.test_client().post(
        "/sidebar", data={"token": token}, environ_base={"REMOTE_ADDR": "203.0.113.5"}
    )
    return res.status_code, embedded_session(res.get_data(as_text=True))


def embedded_session(html: str) -> str:
    found = re.search(r'<meta name="coach-session" content="([^"]*)"', html)
    return found.group(1) if found else ""


def test_a_replayed_landing_token_gets_the_same_session_not_a_second(prod_app: Flask) -> None:
    token = landing_token()
    first, again = land(prod_app, token), land(prod_app, token)
    assert first[0] == again[0] == 200 and first[1]
    assert first[1] == again[1]
    other = land(prod_app, landing_token(exp=int(datetime.now(UTC).timestamp()) + 299))
    cfg = prod_app.extensions["coach_config"]
    ids = {verify_session(t, cfg).session_id for t in (first[1], other[1])}
    assert len(ids) == 2  # two landings in the same second: two sessions


@pytest.mark.parametrize(
    "context",
    [
        {"product": "support", "location": "nav_bar"},
        {"product": "chat", "location": "ticket_sidebar"},
        {"product": "support"},
        None,
        "ticket_sidebar",
    ],
)
def test_a_location_other_than_the_sidebar_is_refused(prod_app: Flask, context: Any) -> None:
    status, session = land(prod_app, landing_token(context=context))
    assert (status, session) == (401, "")


@pytest.mark.parametrize(
    ("sub", "user"),
    [
        ("https://acme.zendesk.com/api/v2/users/9123.json", "9123"),
        ("9123", "9123"),
        ("https://evil.zendesk.com/api/v2/users/9123.json", None),
        ("admin", None),
        (None, None),
    ],
)
def test_the_session_carries_the_user_a_verified_token_names(
    prod_app: Flask, sub: Any, user: str | None
) -> None:
    status, session = land(prod_app, landing_token(sub=sub))
    assert status == 200
    assert verify_session(session, prod_app.extensions["coach_config"]).user_id == user


def test_a_session_lives_no_longer_than_session_ttl_whatever_it_says() -> None:
    cfg = Config(**PROD)
    iat = int(datetime.now(UTC).timestamp())
    long_lived = jwt.encode(
        {
            "iss": "reply-coach",
            "aud": "reply-coach-session",
            "sub": "",
            "jti": "a" * 22,
            "account": SUB,
            "installation": INSTALL,
            "iat": iat,
            "exp": iat + 30 * 86400,  # signed with the real key, for a month
        },
        SECRET,
        "HS256",
    )
    assert verify_session(long_lived, cfg).expires_at <= datetime.now(UTC) + timedelta(minutes=11)
    with pytest.raises(AuthError):
        verify_session(long_lived, cfg, now=datetime.now(UTC) + timedelta(seconds=700))


def test_a_session_without_an_id_is_refused() -> None:
    cfg = Config(**PROD)
    iat = int(datetime.now(UTC).timestamp())
    claims = {"iss": "reply-coach", "aud": "reply-coach-session", "account": SUB}
    claims |= {"installation": INSTALL, "iat": iat, "exp": iat + 60}
    with pytest.raises(AuthError):
        verify_session(jwt.encode(claims, SECRET, "HS256"), cfg)


def test_a_development_session_is_never_accepted_in_production(prod_app: Flask) -> None:
    dev = create_app(PROD | {"dev": True})
    page = dev.test_client().get("/sidebar", environ_base=LOOPBACK).get_data(as_text=True)
    dev_token = embedded_session(page)
    assert verify_session(dev_token, dev.extensions["coach_config"]).session_id
    with pytest.raises(AuthError):
        verify_session(dev_token, prod_app.extensions["coach_config"])
    res = prod_app.test_client().post(
        "/api/v1/check", json={"draft": "Hi"}, headers={"Authorization": f"Bearer {dev_token}"}
    )
    assert res.status_code == 401
    # ...and the other way round: a production session opens nothing in dev mode either.
    prod_token = issue_session(
        prod_app.extensions["coach_config"], subdomain=SUB, installation_id=INSTALL, user_id=None
    )
    with pytest.raises(AuthError):
        verify_session(prod_token, dev.extensions["coach_config"])
