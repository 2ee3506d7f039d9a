"""Rate limits: per verified session on the API, per address on the signed landing.

Only what the server verified picks a budget: a session's own id (``jti``) once its
token checks out, else the caller's address, so random ``Authorization`` headers
all share one budget. Storage is in-process by default (one budget per worker
process) and Redis when ``REDIS_URL`` is set, so several workers share one budget.
Development-mode loopback callers are exempt.
"""

from __future__ import annotations

import logging
import time

from flask import Blueprint, Flask, Response, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from plugin.config import Config
from plugin.web.security import config, dev_local

log = logging.getLogger(__name__)

PER_WORKER_WARNING = (
    "REDIS_URL is not set: rate limits and session ticket bindings are kept per worker "
    "process, so with N workers a session gets up to N times its budget; set REDIS_URL "
    "when running more than one worker"
)


def _session_or_address() -> str:
    """The API's budget key: the verified session's id, else the caller's address."""
    from plugin.zendesk.auth import AuthError, verify_session  # adapter, loaded on use

    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        try:
            return "s:" + verify_session(token.strip(), config()).session_id
        except AuthError:
            pass  # unverified: shares the address's budget with every other guess
    return "a:" + get_remote_address()


def _address() -> str:
    # The landing is keyed by address alone: nothing the caller sends picks a budget.
    return "a:" + get_remote_address()


def init_app(
    app: Flask,
    cfg: Config,
    api: Blueprint,
    pages: Blueprint,
    *more_api: Blueprint,
    more_pages: tuple[Blueprint, ...] = (),
) -> None:
    """Per-session budgets on the API blueprints, per-address ones on the landings."""
    limiter = Limiter(
        key_func=_address,
        app=app,
        storage_uri=cfg.redis_url or "memory://",
        headers_enabled=False,  # Retry-After goes on 429 answers only, below
    )
    for bp in (api, *more_api):  # each API blueprint has the per-session budget
        limiter.limit(cfg.rate_limit, key_func=_session_or_address, exempt_when=dev_local)(bp)
    for bp in (pages, *more_pages):  # each signed-URL landing (sidebar, console)
        limiter.limit(cfg.landing_rate_limit, key_func=_address, exempt_when=dev_local)(bp)

    @app.after_request
    def _retry_after(response: Response) -> Response:
        if response.status_code == 429:
            current = limiter.current_limit
            wait = int(current.reset_at - time.time()) if current is not None else 60
            response.headers["Retry-After"] = str(max(1, wait))
        else:
            response.headers.pop("Retry-After", None)
        return response

    if not cfg.redis_url and not cfg.dev:
        log.warning(PER_WORKER_WARNING)
