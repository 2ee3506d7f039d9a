"""Verify Zendesk's signed-URL JWT, and issue/verify our own short sidebar sessions.

Zendesk POSTs an RS256 token (signed with the app's key) when the sidebar iframe
loads; only that first request carries it. We verify it once and hand the sidebar
an HS256 session token of our own. The two are told apart by algorithm and
audience, so neither can stand in for the other.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from jwt.types import Options

from plugin.config import Config

log = logging.getLogger(__name__)

LEEWAY_SECONDS = 30  # clock skew between Zendesk and us
SESSION_AUDIENCE = "reply-coach-session"
SESSION_ISSUER = "reply-coach"


class AuthError(Exception):
    """A token was refused. The message is deliberately generic."""

    def __init__(self) -> None:
        super().__init__("invalid or expired token")


@dataclass(frozen=True, slots=True)
class Session:
    subdomain: str
    installation_id: str
    user_id: str | None
    expires_at: datetime


def installation_audience(subdomain: str, installation_id: str) -> str:
    return f"https://{subdomain}.zendesk.com/api/v2/apps/installations/{installation_id}.json"


def _refuse(reason: str) -> AuthError:
    log.debug("token refused: %s", reason)  # never the token itself
    return AuthError()


def _decode(
    token: str, key: Any, algorithm: str, audience: str, now: datetime | None
) -> dict[str, Any]:
    """PyJWT decode with our fixed policy; ``now`` overrides the clock for tests."""
    options: Options = {"require": ["exp", "iat", "aud", "iss"]}
    if now is not None:
        # PyJWT has no clock parameter: check the times ourselves against ``now``.
        options["verify_exp"] = options["verify_iat"] = options["verify_nbf"] = False
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=[algorithm],
            audience=audience,
            leeway=LEEWAY_SECONDS,
            options=options,
        )
    except (jwt.PyJWTError, ValueError, TypeError) as exc:
        raise _refuse(type(exc).__name__) from None
    if now is not None:
        _check_times(claims, now.timestamp())
    return claims


def _check_times(claims: dict[str, Any], now: float) -> None:
    try:
        exp, iat = float(claims["exp"]), float(claims["iat"])
        nbf = float(claims.get("nbf", iat))
    except (KeyError, TypeError, ValueError):
        raise _refuse("malformed time claims") from None
    if now > exp + LEEWAY_SECONDS:
        raise _refuse("expired")
    if now < iat - LEEWAY_SECONDS or now < nbf - LEEWAY_SECONDS:
        raise _refuse("issued in the future")


def verify_zendesk_token(token: str, config: Config, now: datetime | None = None) -> dict[str, Any]:
    """Claims of a valid signed-URL token from this account's installation.

    Raises ``AuthError`` for anything else (bad signature, algorithm other than
    RS256, wrong audience or issuer, missing/expired ``exp``/``iat``, garbage).
    """
    sub, installation = config.zendesk_subdomain.lower(), config.zendesk_app_installation_id
    if not (sub and installation and config.zendesk_app_public_key):
        raise _refuse("signed URLs not configured")
    if not isinstance(token, str) or not token:
        raise _refuse("empty token")
    try:
        key = _load_public_key(config.zendesk_app_public_key)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise _refuse("public key unreadable") from None
    claims = _decode(token, key, "RS256", installation_audience(sub, installation), now)
    issuer = str(claims.get("iss", "")).lower().removeprefix("https://").rstrip("/")
    if issuer != f"{sub}.zendesk.com":
        raise _refuse("wrong issuer")
    return claims


def _load_public_key(pem: str) -> RSAPublicKey:
    key = load_pem_public_key(pem.strip().encode())
    if not isinstance(key, RSAPublicKey):
        raise ValueError("not an RSA public key")
    return key


def issue_session(
    config: Config, *, subdomain: str, installation_id: str, user_id: str | None
) -> str:
    """A short-lived HS256 token binding the sidebar to account, installation and user."""
    if not config.secret_key:
        raise ValueError("SECRET_KEY is required to issue sessions")
    now = datetime.now(UTC)
    claims = {
        "iss": SESSION_ISSUER,
        "aud": SESSION_AUDIENCE,
        "sub": user_id or "",
        "account": subdomain,
        "installation": installation_id,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(seconds=config.session_ttl)).timestamp()),
    }
    return jwt.encode(claims, config.secret_key, algorithm="HS256")


def verify_session(token: str, config: Config, now: datetime | None = None) -> Session:
    """The session a token stands for. Raises ``AuthError`` if tampered, expired,
    signed with another secret, or not one of ours (e.g. a Zendesk token)."""
    if not config.secret_key:
        raise _refuse("no secret key")
    if not isinstance(token, str) or not token:
        raise _refuse("empty token")
    claims = _decode(token, config.secret_key, "HS256", SESSION_AUDIENCE, now)
    if claims.get("iss") != SESSION_ISSUER:
        raise _refuse("not a session token")
    account, installation = claims.get("account"), claims.get("installation")
    if not isinstance(account, str) or not isinstance(installation, str) or not account:
        raise _refuse("session without binding")
    if config.zendesk_subdomain and account.lower() != config.zendesk_subdomain.lower():
        raise _refuse("session for another account")
    if config.zendesk_app_installation_id and installation != config.zendesk_app_installation_id:
        raise _refuse("session for another installation")
    return Session(
        subdomain=account,
        installation_id=installation,
        user_id=str(claims["sub"]) if claims.get("sub") else None,
        expires_at=datetime.fromtimestamp(float(claims["exp"]), UTC),
    )
