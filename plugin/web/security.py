"""Who may call: a valid session token, or a loopback caller in development mode.

Development mode trusts the machine it runs on, so it checks both ends: the caller's
address and the ``Host`` the browser asked for must be loopback (a page elsewhere
cannot reach it through DNS rebinding). API answers are never cached or sniffed.
"""

from __future__ import annotations

import ipaddress

from flask import Flask, Response, current_app, g, request

from plugin.config import Config
from plugin.web.errors import ApiError

LOOPBACK_NAMES = frozenset({"localhost"})


def config() -> Config:
    cfg: Config = current_app.extensions["coach_config"]
    return cfg


def is_loopback(addr: str | None) -> bool:
    try:
        return ipaddress.ip_address(addr or "").is_loopback
    except ValueError:
        return False


def is_loopback_host(host: str | None) -> bool:
    """``Host`` header names this machine: localhost, 127.x.y.z or [::1], any port."""
    name = (host or "").strip().lower()
    if name.startswith("["):  # [::1]:5000
        name = name[1 : name.find("]")] if "]" in name else ""
    elif name.count(":") == 1:
        name = name.partition(":")[0]
    return name in LOOPBACK_NAMES or is_loopback(name)


def dev_local() -> bool:
    """Development mode answers only callers on this machine, asking for this machine."""
    return (
        config().dev
        and is_loopback(request.remote_addr)
        and is_loopback_host(request.headers.get("Host"))
    )


def require_session() -> None:
    """before_request guard for the API. Raises ApiError(401) without a valid token."""
    if dev_local():
        g.session = None
        g.dev_operator = True
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


def init_app(app: Flask) -> None:
    @app.after_request
    def _api_headers(response: Response) -> Response:
        # Reviews quote the agent's draft and the customer's details: never cache them.
        if request.path.startswith("/api/") or request.path == "/healthz":
            response.headers["Cache-Control"] = "no-store"
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response
