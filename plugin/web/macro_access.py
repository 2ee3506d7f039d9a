"""Who may change macros: a verified Zendesk admin (or a role managing shared macros).

Development mode on loopback is the machine's own operator, as for the rest of the API.
Otherwise the session must carry a Zendesk user named by a verified token, and Zendesk,
asked with the app's credentials, must say that user may manage macros. When no verified
user exists, writes are refused with the reason, never allowed on the browser's word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app, g, request

from plugin.web.errors import ApiError
from plugin.web.security import config

NO_USER = (
    "changing macros needs a verified Zendesk admin, and this session names no Zendesk user "
    "(Zendesk's signed token did not carry one), so the server cannot check your role"
)


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    name: str


def _role_check() -> Any:
    from plugin.zendesk.roles import RoleCheck

    found = current_app.extensions.get("macro_role_check")
    if found is None:
        found = current_app.extensions["macro_role_check"] = RoleCheck(config())
    return found


def require_macro_writer() -> Actor:
    """The verified actor allowed to change macros; ApiError(403) with the reason otherwise."""
    if getattr(g, "dev_operator", False):
        return Actor(None, "local developer")
    session = getattr(g, "session", None)
    raw = getattr(session, "user_id", None)
    if session is None or raw is None or not str(raw).isdigit():
        raise ApiError(403, "no_verified_role", NO_USER)
    if not config().zendesk_api_configured:
        raise ApiError(
            403, "no_verified_role", "the Zendesk API is not configured, so roles cannot be checked"
        )
    try:
        role = _role_check().macro_role(int(str(raw)))
    except Exception as exc:  # a lookup that fails never grants
        raise ApiError(
            503, "role_unavailable", f"Zendesk could not confirm your role ({type(exc).__name__})"
        ) from None
    if not role.may_write:
        raise ApiError(403, "forbidden", role.reason)
    return Actor(role.user_id, role.name)


def app() -> Flask:
    """The app itself, not the context-bound proxy: background jobs outlive the request."""
    real: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    return real


def json_body() -> dict[str, Any]:
    payload = request.get_json(silent=True)
    if payload is None and request.get_data(cache=True):
        raise ApiError(400, "invalid_json", "body is not valid JSON")
    if payload is None:
        return {}
    if not isinstance(payload, dict):
        raise ApiError(400, "invalid_json", "body must be a JSON object")
    return payload
