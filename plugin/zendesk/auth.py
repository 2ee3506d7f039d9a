"""Verify Zendesk's signed-URL JWT, and issue/verify our own short sidebar sessions.

Zendesk POSTs an RS256 token (signed with the app's key) when the sidebar iframe
loads; only that first request carries it. We verify it once and hand the sidebar
an HS256 session token of our own. The two are told apart by algorithm and
audience, so neither can stand in for the other.

Every session has its own id (``jti``). Development mode signs its sessions with a key
derived from ``SECRET_KEY`` and another audience, so a session made on a developer's
machine is never accepted by a production service sharing the secret.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import jwt
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from jwt.types import Options

from plugin.config import Config, normalize_pem
from plugin.zendesk.app_package import declared_locations

log = logging.getLogger(__name__)

LEEWAY_SECONDS = 30  # clock skew between Zendesk and us
SESSION_AUDIENCE = "reply-coach-session"
DEV_SESSION_AUDIENCE = "reply-coach-dev-session"
SESSION_ISSUER = "reply-coach"
_USER_URL = re.compile(r"^https://([a-z0-9-]+)\.zendesk\.com/api/v2/users/(\d+)\.json$")


class AuthError(Exception):
    """A token was refused. The message is deliberately generic."""

    def __init__(self) -> None:
        super().__init__("invalid or expired token")


@dataclass(frozen=True, slots=True)
class Session:
    subdomain: str
    installation_id: str
    user_id: str | None  # the Zendesk user, only when a verified token named one
    expires_at: datetime
    session_id: str = ""  # the token's jti: one budget and one ticket binding per session


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
    context = claims.get("context")
    where = (context.get("product"), context.get("location")) if isinstance(context, dict) else ()
    if where not in declared_locations():
        raise _refuse("location the app does not declare")
    return claims


def zendesk_user(claims: dict[str, Any], subdomain: str) -> str | None:
    """The Zendesk user a verified token names, if any (``sub``: an id or the user's API URL).

    Zendesk's signed-URL tokens are not documented to carry a user, so this is usually
    None; a ``sub`` naming a user of another account is ignored.
    """
    sub = claims.get("sub")  # PyJWT refuses a token whose sub is not a string
    if not isinstance(sub, str):
        return None
    if sub.isascii() and sub.isdigit() and int(sub) > 0:
        return str(int(sub))
    match = _USER_URL.match(sub)
    if match and match.group(1) == subdomain.lower():
        return match.group(2)
    return None


def _load_public_key(pem: str) -> RSAPublicKey:
    key = load_pem_public_key(normalize_pem(pem).encode())
    if not isinstance(key, RSAPublicKey):
        raise ValueError("not an RSA public key")
    return key


def _session_key(config: Config) -> tuple[str, str]:
    """(signing key, audience) for this mode's sessions."""
    if not config.secret_key:
        raise ValueError("SECRET_KEY is required to issue sessions")
    if not config.dev:
        return config.secret_key, SESSION_AUDIENCE
    derived = hmac.new(config.secret_key.encode(), b"reply-coach dev sessions", hashlib.sha256)
    return derived.hexdigest(), DEV_SESSION_AUDIENCE


def issue_session(
    config: Config,
    *,
    subdomain: str,
    installation_id: str,
    user_id: str | None,
    session_id: str | None = None,
    issued_at: int | None = None,
) -> str:
    """A short-lived HS256 token binding the sidebar to account, installation and user.

    ``session_id`` and ``issued_at`` default to a fresh random id and now.
    """
    key, audience = _session_key(config)
    iat = int(datetime.now(UTC).timestamp()) if issued_at is None else issued_at
    claims = {
        "iss": SESSION_ISSUER,
        "aud": audience,
        "sub": user_id or "",
        "jti": session_id or secrets.token_urlsafe(16),
        "account": subdomain,
        "installation": installation_id,
        "iat": iat,
        "exp": iat + config.session_ttl,
    }
    return jwt.encode(claims, key, algorithm="HS256")


def landing_session(config: Config, token: str, claims: dict[str, Any]) -> str:
    """The session for a verified signed-URL landing: the same token for the same landing.

    Its id and times derive from the landing token, so a replay of that token within
    its lifetime gets the very session the first load got (same budget, same ticket),
    never a second one.
    """
    key, _ = _session_key(config)
    digest = hmac.new(key.encode(), b"landing:" + token.encode(), hashlib.sha256).hexdigest()
    return issue_session(
        config,
        subdomain=config.zendesk_subdomain.lower(),
        installation_id=config.zendesk_app_installation_id,
        user_id=zendesk_user(claims, config.zendesk_subdomain),
        session_id=digest[:32],
        issued_at=int(claims["iat"]),
    )


def verify_session(token: str, config: Config, now: datetime | None = None) -> Session:
    """The session a token stands for. Raises ``AuthError`` if tampered, expired,
    signed with another secret or for the other mode, not one of ours (e.g. a
    Zendesk token), or older than ``SESSION_TTL`` whatever its ``exp`` says."""
    if not config.secret_key:
        raise _refuse("no secret key")
    if not isinstance(token, str) or not token:
        raise _refuse("empty token")
    key, audience = _session_key(config)
    claims = _decode(token, key, "HS256", audience, now)
    if claims.get("iss") != SESSION_ISSUER:
        raise _refuse("not a session token")
    session_id = claims.get("jti")
    if not isinstance(session_id, str) or not 16 <= len(session_id) <= 64:
        raise _refuse("session without id")
    clock = (now or datetime.now(UTC)).timestamp()
    if clock > float(claims["iat"]) + config.session_ttl + LEEWAY_SECONDS:
        raise _refuse("session older than its allowed lifetime")
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
        expires_at=datetime.fromtimestamp(
            min(float(claims["exp"]), float(claims["iat"]) + config.session_ttl), UTC
        ),
        session_id=session_id,
    )
