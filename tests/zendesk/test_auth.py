"""Signed-URL JWT and session tokens: the valid one passes, every forgery is refused."""

from __future__ import annotations

import base64
import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import hashes, hmac, serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from plugin.config import Config
from plugin.zendesk.auth import (
    SESSION_AUDIENCE,
    AuthError,
    installation_audience,
    issue_session,
    verify_session,
    verify_zendesk_token,
)

NOW = datetime(2024, 3, 12, 15, 0, tzinfo=UTC)
SUB, INSTALL = "acme", "360001234567"


def _rsa() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


KEY, OTHER_KEY = _rsa(), _rsa()  # generated once: RSA keygen is the slow part
PUBLIC_PEM = (
    KEY.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode()
)


@pytest.fixture
def config() -> Config:
    return Config(
        secret_key="s3cret-for-tests-only-0123456789abcdef",
        zendesk_subdomain=SUB,
        zendesk_app_installation_id=INSTALL,
        zendesk_app_public_key=PUBLIC_PEM,
        session_ttl=600,
    )


def claims(**overrides: Any) -> dict[str, Any]:
    base = {
        "iss": f"{SUB}.zendesk.com",
        "aud": installation_audience(SUB, INSTALL),
        "iat": int(NOW.timestamp()) - 5,
        "exp": int(NOW.timestamp()) + 300,
        "context": {"product": "support", "location": "ticket_sidebar"},
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def signed(payload: dict[str, Any], key: rsa.RSAPrivateKey = KEY) -> str:
    return jwt.encode(payload, key, algorithm="RS256")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def hand_made(header: dict[str, Any], payload: dict[str, Any], secret: bytes | None = None) -> str:
    """A token PyJWT would refuse to make: alg none, or HS256 keyed with the public PEM."""
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(payload).encode())}"
    if secret is None:
        return signing_input + "."
    mac = hmac.HMAC(secret, hashes.SHA256())
    mac.update(signing_input.encode())
    return f"{signing_input}.{_b64(mac.finalize())}"


def test_valid_zendesk_token_is_accepted(config: Config) -> None:
    got = verify_zendesk_token(signed(claims()), config, now=NOW)
    assert got["context"]["location"] == "ticket_sidebar"


def test_issuer_with_https_prefix_is_tolerated(config: Config) -> None:
    verify_zendesk_token(signed(claims(iss=f"https://{SUB}.zendesk.com")), config, now=NOW)


def test_leeway_covers_small_clock_skew(config: Config) -> None:
    token = signed(claims(exp=int(NOW.timestamp()) - 20, iat=int(NOW.timestamp()) + 20))
    verify_zendesk_token(token, config, now=NOW)


def test_real_clock_is_used_without_now(config: Config) -> None:
    now = int(datetime.now(UTC).timestamp())
    verify_zendesk_token(signed(claims(iat=now, exp=now + 60)), config)
    with pytest.raises(AuthError):
        verify_zendesk_token(signed(claims(iat=now - 600, exp=now - 300)), config)


REFUSED = {
    "forged with another key": lambda: signed(claims(), OTHER_KEY),
    "expired": lambda: signed(claims(exp=int(NOW.timestamp()) - 120)),
    "issued in the future": lambda: signed(claims(iat=int(NOW.timestamp()) + 600)),
    "iat missing": lambda: signed(claims(iat=None)),
    "exp missing": lambda: signed(claims(exp=None)),
    "wrong audience": lambda: signed(claims(aud=installation_audience(SUB, "999"))),
    "other account audience": lambda: signed(claims(aud=installation_audience("evil", INSTALL))),
    "wrong issuer": lambda: signed(claims(iss="evil.zendesk.com")),
    "issuer suffix trick": lambda: signed(claims(iss=f"{SUB}.zendesk.com.evil.io")),
    "alg none": lambda: hand_made({"alg": "none", "typ": "JWT"}, claims()),
    "HS256 keyed with the public PEM": lambda: hand_made(
        {"alg": "HS256", "typ": "JWT"}, claims(), PUBLIC_PEM.encode()
    ),
    "garbage": lambda: "not.a.jwt",
    "empty": lambda: "",
    "tampered payload": lambda: _tamper(signed(claims())),
}


def _tamper(token: str) -> str:
    header, _, sig = token.split(".")
    payload = _b64(json.dumps(claims(iss="acme.zendesk.com", sub="admin")).encode())
    return f"{header}.{payload}.{sig}"


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_bad_zendesk_tokens_are_refused_generically(
    case: str, config: Config, caplog: pytest.LogCaptureFixture
) -> None:
    token = REFUSED[case]()
    caplog.set_level(logging.DEBUG, logger="plugin.zendesk.auth")
    with pytest.raises(AuthError) as err:
        verify_zendesk_token(token, config, now=NOW)
    assert str(err.value) == "invalid or expired token"
    assert not token or token not in caplog.text  # the detail is logged, the token never


def test_unconfigured_or_bad_public_key_refuses(config: Config) -> None:
    with pytest.raises(AuthError):
        verify_zendesk_token(signed(claims()), Config(zendesk_subdomain=SUB), now=NOW)
    broken = Config(
        zendesk_subdomain=SUB, zendesk_app_installation_id=INSTALL, zendesk_app_public_key="nope"
    )
    with pytest.raises(AuthError):
        verify_zendesk_token(signed(claims()), broken, now=NOW)


# --- own sessions -------------------------------------------------------------------


def test_session_round_trip(config: Config) -> None:
    token = issue_session(config, subdomain=SUB, installation_id=INSTALL, user_id="42")
    session = verify_session(token, config)
    assert (session.subdomain, session.installation_id, session.user_id) == (SUB, INSTALL, "42")
    assert session.expires_at - datetime.now(UTC) <= timedelta(seconds=config.session_ttl)


def test_session_without_user(config: Config) -> None:
    token = issue_session(config, subdomain=SUB, installation_id=INSTALL, user_id=None)
    assert verify_session(token, config).user_id is None


def test_session_expires(config: Config) -> None:
    token = issue_session(config, subdomain=SUB, installation_id=INSTALL, user_id="42")
    later = datetime.now(UTC) + timedelta(seconds=config.session_ttl + 31)
    with pytest.raises(AuthError):
        verify_session(token, config, now=later)


def test_session_tampering_is_refused(config: Config) -> None:
    token = issue_session(config, subdomain=SUB, installation_id=INSTALL, user_id="42")
    header, payload, sig = token.split(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data["sub"] = "1"  # become another agent
    forged = f"{header}.{_b64(json.dumps(data).encode())}.{sig}"
    with pytest.raises(AuthError):
        verify_session(forged, config)


def test_session_with_another_secret_is_refused(config: Config) -> None:
    other = Config(secret_key="another-secret-0123456789abcdef0123", zendesk_subdomain=SUB)
    token = issue_session(other, subdomain=SUB, installation_id=INSTALL, user_id="42")
    with pytest.raises(AuthError):
        verify_session(token, config)


def test_session_for_another_account_or_installation_is_refused(config: Config) -> None:
    for sub, inst in (("evil", INSTALL), (SUB, "999")):
        token = issue_session(config, subdomain=sub, installation_id=inst, user_id="42")
        with pytest.raises(AuthError):
            verify_session(token, config)


def test_tokens_cannot_stand_in_for_each_other(config: Config) -> None:
    zendesk_token = signed(claims())
    with pytest.raises(AuthError):
        verify_session(zendesk_token, config, now=NOW)
    session = issue_session(config, subdomain=SUB, installation_id=INSTALL, user_id="42")
    with pytest.raises(AuthError):
        verify_zendesk_token(session, config)
    # an HS256 token with our audience but no binding is not a session either
    bare = jwt.encode(
        {"aud": SESSION_AUDIENCE, "iss": "reply-coach", "iat": 1, "exp": 2**31},
        config.secret_key,
        "HS256",
    )
    with pytest.raises(AuthError):
        verify_session(bare, config)


def test_issue_session_needs_a_secret() -> None:
    with pytest.raises(ValueError):
        issue_session(Config(), subdomain=SUB, installation_id=INSTALL, user_id=None)
