"""Who may call: a valid session token, or a loopback caller in development mode."""

from __future__ import annotations

import ipaddress

from flask import current_app, g, request

from plugin.config import Config
from plugin.web.errors import ApiError


def config() -> Config:
    cfg: Config = current_app.extensions["coach_config"]
    return cfg


def is_loopback(addr: str | None) -> bool:
    try:
        return ipaddress.ip_address(addr or "").is_loopback
    except ValueError:
        return False


def dev_local() -> bool:
    """Development mode answers only callers on this machine."""
    return config().dev and is_loopback(request.remote_addr)


def require_session() -> None:
    """before_request guard for the API. Raises ApiError(401) without a valid token."""
    if dev_local():
        g.session = None
        return
    from plugin.zendesk.auth import AuthError, verify_session  # adapter, loaded on use

    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401, "unauthorized", "a session token is required (open Reply Coach from Zendesk)"
        )
    try:
        g.session = verify_session(token.strip(), config())
    except AuthError:
        raise ApiError(
            401, "unauthorized", "session token is invalid or expired; reload the app"
        ) from None
