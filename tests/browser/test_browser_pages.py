"""The pages' access rules and headers (Flask test client; no browser needed)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from flask import Flask

from plugin import create_app

SUBDOMAIN = "acme"
INSTALLATION = "360001"
LOOPBACK = {"REMOTE_ADDR": "127.0.0.1"}
REMOTE = {"REMOTE_ADDR": "203.0.113.7"}


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _public_pem(key: rsa.RSAPrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def _app(**overrides: Any) -> Flask:
    base: dict[str, Any] = {
        "dev": False,
        "secret_key": "5b0e8d2c7a4f1e9b3d6c0a8f2e5b7d1c4a9e6f3b",
        "languagetool_url": "",
        "redis_url": "",
        "zendesk_email": "",
        "zendesk_api_token": "",
        "zendesk_oauth_token": "",
        "zendesk_subdomain": SUBDOMAIN,
        "zendesk_app_installation_id": INSTALLATION,
        "zendesk_app_public_key": "unused",
    }
    return create_app(base | overrides)


@pytest.fixture(scope="module")
def prod_app(rsa_key: rsa.RSAPrivateKey) -> Iterator[Flask]:
    yield _app(zendesk_app_public_key=_public_pem(rsa_key))


@pytest.fixture(scope="module")
def dev_app() -> Iterator[Flask]:
    yield _app(dev=True, zendesk_subdomain="", zendesk_app_installation_id="")


def _zendesk_token(key: rsa.RSAPrivateKey, **changes: Any) -> str:
    now = datetime.now(UTC)
    claims = {
        "iss": f"{SUBDOMAIN}.zendesk.com",
        "aud": f"https://{SUBDOMAIN}.zendesk.com/api/v2/apps/installations/{INSTALLATION}.json",
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=5)).timestamp()),
        "context": {"product": "support", "location": "ticket_sidebar"},
    } | changes
    return jwt.encode(claims, key, algorithm="RS256")


@pytest.mark.parametrize("path", ["/", "/sidebar"])
def test_dev_pages_refused_outside_dev_mode(prod_app: Flask, path: str) -> None:
    resp = prod_app.test_client().get(path, environ_base=LOOPBACK)
    assert resp.status_code in (403, 404)


@pytest.mark.parametrize("path", ["/", "/sidebar"])
def test_dev_pages_refused_to_remote_callers(dev_app: Flask, path: str) -> None:
    resp = dev_app.test_client().get(path, environ_base=REMOTE)
    assert resp.status_code in (403, 404)


def test_playground_served_on_loopback_in_dev(dev_app: Flask) -> None:
    resp = dev_app.test_client().get("/", environ_base=LOOPBACK)
    assert resp.status_code == 200
    assert b'id="rc-draft"' in resp.data
    csp = resp.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert b"<script>" not in resp.data  # no inline script: the CSP allows none


def test_dev_sidebar_frames_only_under_loopback(dev_app: Flask) -> None:
    resp = dev_app.test_client().get("/sidebar", environ_base=LOOPBACK)
    assert resp.status_code == 200
    assert "frame-ancestors 'self' http://127.0.0.1:*" in resp.headers["Content-Security-Policy"]
    assert resp.headers["Cache-Control"] == "no-store"


def test_signed_url_load_embeds_a_session(prod_app: Flask, rsa_key: rsa.RSAPrivateKey) -> None:
    from plugin.zendesk.auth import verify_session

    client = prod_app.test_client()
    resp = client.post(
        "/sidebar?origin=https://acme.zendesk.com&app_guid=g",
        data={"token": _zendesk_token(rsa_key)},
        environ_base=REMOTE,
    )
    assert resp.status_code == 200
    csp = resp.headers["Content-Security-Policy"]
    assert csp.endswith(f"frame-ancestors https://{SUBDOMAIN}.zendesk.com")
    assert resp.headers["Cache-Control"] == "no-store"
    html = resp.get_data(as_text=True)
    token = html.split('name="coach-session" content="', 1)[1].split('"', 1)[0]
    session = verify_session(token, prod_app.extensions["coach_config"])
    assert (session.subdomain, session.installation_id) == (SUBDOMAIN, INSTALLATION)
    # The session opens the API to a remote caller.
    api = client.post(
        "/api/v1/check",
        json={"draft": "Hi Maria, thanks for writing.", "format": "text"},
        headers={"Authorization": f"Bearer {token}"},
        environ_base=REMOTE,
    )
    assert api.status_code == 200


@pytest.mark.parametrize(
    "form",
    [
        {},
        {"token": "not-a-jwt"},
        {"token": "__EXPIRED__"},
        {"token": "__WRONG_AUDIENCE__"},
    ],
)
def test_signed_url_refusals_say_nothing(
    prod_app: Flask, rsa_key: rsa.RSAPrivateKey, form: dict[str, str]
) -> None:
    if form.get("token") == "__EXPIRED__":
        old = datetime.now(UTC) - timedelta(hours=2)
        form = {
            "token": _zendesk_token(
                rsa_key, iat=int(old.timestamp()), exp=int(old.timestamp()) + 60
            )
        }
    elif form.get("token") == "__WRONG_AUDIENCE__":
        aud = "https://evil.zendesk.com/api/v2/apps/installations/1.json"
        form = {"token": _zendesk_token(rsa_key, aud=aud)}
    resp = prod_app.test_client().post("/sidebar", data=form, environ_base=REMOTE)
    assert resp.status_code == 401
    assert resp.mimetype == "text/html"
    body = resp.get_data(as_text=True).lower()
    assert "coach-session" not in body
    for word in ("expired", "signature", "audience", "issuer", "jwt"):
        assert word not in body
    csp = resp.headers["Content-Security-Policy"]
    assert csp.endswith(f"frame-ancestors https://{SUBDOMAIN}.zendesk.com")


def test_zaf_sdk_served_locally(dev_app: Flask) -> None:
    resp = dev_app.test_client().get("/static/vendor/zaf_sdk.min.js", environ_base=LOOPBACK)
    if resp.status_code == 404:
        pytest.fail("ZAF SDK not installed: run scripts/setup-browser.sh")
    assert resp.status_code == 200
    assert resp.mimetype == "text/javascript"
    assert b"ZAFClient" in resp.data and b"iframe.handshake" in resp.data
