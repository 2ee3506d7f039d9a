"""Who is using the console, what they may do, and CSRF protection for every write.

The role never comes from the browser. In Zendesk the session names a user only when
the verified signed-URL token did (``sub``); that user is then looked up through the
Zendesk API with the app's own credentials (``users(id=...)``): ``admin`` may write,
anyone else reads. Without a named user, or without API credentials, the console is
read-only and says why. Development mode on loopback acts as a named local admin.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app, g, request

from plugin.config import Config
from plugin.web.security import dev_local

log = logging.getLogger(__name__)
ROLE_TTL_SECONDS = 300.0  # a demoted admin loses write access within five minutes


class ConsoleError(Exception):
    """A refusal the console API answers as JSON: status, code, message, and the field."""

    def __init__(
        self, status: int, code: str, message: str, field: str | None = None, **extra: object
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field
        self.extra = extra


@dataclass(frozen=True)
class UserFacts:
    name: str
    role: str  # Zendesk's: end-user | agent | admin
    active: bool = True


@dataclass(frozen=True)
class Actor:
    """The console's user as the server verified them."""

    id: int | None
    name: str
    role: str  # admin | agent | end-user | unknown
    dev: bool = False
    reason: str = ""  # why this user may not write, in plain words

    @property
    def can_write(self) -> bool:
        return self.role == "admin" and not self.reason

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "dev": self.dev,
            "can_write": self.can_write,
            "reason": self.reason,
        }


DEV_ADMIN = Actor(None, "Local admin (development)", "admin", dev=True)
Lookup = Callable[[int], UserFacts | None]


class ZendeskUsers:
    """``users(id)`` through the app's own Zendesk credentials, cached for a few minutes."""

    def __init__(self, cfg: Config, ttl: float = ROLE_TTL_SECONDS) -> None:
        self.cfg, self.ttl = cfg, ttl
        self._cache: dict[int, tuple[float, UserFacts | None]] = {}
        self._lock = threading.Lock()

    def __call__(self, user_id: int) -> UserFacts | None:
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(user_id)
        if hit is not None and now - hit[0] < self.ttl:
            return hit[1]
        facts = self._fetch(user_id)
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[user_id] = (now, facts)
        return facts

    def _fetch(self, user_id: int) -> UserFacts | None:
        from plugin.zendesk.client import close_client, make_client

        client = make_client(self.cfg)
        try:
            user = client.users(id=user_id).to_dict()
        except Exception as err:  # noqa: BLE001 (zenpy raises many kinds; all mean "unknown")
            log.warning("role lookup for a console user failed (%s)", type(err).__name__)
            return None
        finally:
            close_client(client)
        active = bool(user.get("active", True)) and not user.get("suspended", False)
        return UserFacts(str(user.get("name") or ""), str(user.get("role") or ""), active)


def init_app(app: Flask, cfg: Config) -> None:
    if "console_users" not in app.extensions:
        app.extensions["console_users"] = ZendeskUsers(cfg) if cfg.zendesk_api_configured else None
    # Signs CSRF tokens; a random one per process when no secret is set (development).
    app.extensions["console_csrf_key"] = (cfg.secret_key or secrets.token_hex(32)).encode()


def current_actor() -> Actor:
    """The verified user of this request (after ``require_session``), cached on ``g``."""
    found: Actor | None = g.get("console_actor")
    if found is None:
        found = g.console_actor = _resolve()
    return found


def _resolve() -> Actor:
    if g.get("dev_operator") and dev_local():
        return DEV_ADMIN
    session = g.get("session")
    user_id = getattr(session, "user_id", None)
    if not user_id:
        return Actor(
            None,
            "",
            "unknown",
            reason="Zendesk did not name the signed-in user for this page, so Reply Coach "
            "cannot verify an admin role: the console is read-only.",
        )
    lookup: Lookup | None = current_app.extensions.get("console_users")
    if lookup is None:
        return Actor(
            int(user_id),
            "",
            "unknown",
            reason="The server has no Zendesk API credentials to check your role "
            "(ZENDESK_EMAIL + ZENDESK_API_TOKEN, or ZENDESK_OAUTH_TOKEN): read-only.",
        )
    facts = lookup(int(user_id))
    if facts is None:
        return Actor(
            int(user_id),
            "",
            "unknown",
            reason="Zendesk could not confirm your role just now: read-only. Reload to retry.",
        )
    role = facts.role if facts.active else "suspended"
    reason = "" if role == "admin" else "Only Zendesk admins change the coaching rules."
    return Actor(int(user_id), facts.name or f"User {user_id}", role, reason=reason)


def csrf_token() -> str:
    """Bound to this session (or to development mode): a token from one session fails in another."""
    session = g.get("session")
    bound = getattr(session, "session_id", "") or ("dev" if g.get("dev_operator") else "")
    key: bytes = current_app.extensions["console_csrf_key"]
    return hmac.new(key, b"console-csrf:" + bound.encode(), hashlib.sha256).hexdigest()


def require_csrf() -> None:
    """Every write: JSON only (a form cannot send it), our CSRF header, and no foreign Origin."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    if request.mimetype != "application/json":
        raise ConsoleError(415, "json_required", "send the body as application/json", "body")
    origin = request.headers.get("Origin")
    if origin and origin.rstrip("/") != request.host_url.rstrip("/"):
        raise ConsoleError(403, "csrf", "this request came from another site")
    sent = request.headers.get("X-CSRF-Token", "")
    if not hmac.compare_digest(sent, csrf_token()):
        raise ConsoleError(403, "csrf", "missing or wrong CSRF token: reload the console")


def require_admin() -> Actor:
    actor = current_actor()
    if not actor.can_write:
        raise ConsoleError(
            403, "forbidden", actor.reason or "Only Zendesk admins change the coaching rules."
        )
    return actor
