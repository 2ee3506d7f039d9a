"""Rate limits: per session token on the API, per address on the signed landing.

Storage is in-process by default and Redis when ``REDIS_URL`` is set, so several
workers share one budget. Development-mode loopback callers are exempt.
"""

from __future__ import annotations

import hashlib

from flask import Blueprint, Flask, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from plugin.config import Config
from plugin.web.security import dev_local


def _caller() -> str:
    # The token, hashed: one budget per sidebar session, never the secret in storage.
    token = request.headers.get("Authorization", "").partition(" ")[2].strip()
    if token:
        return "s:" + hashlib.sha256(token.encode()).hexdigest()[:32]
    return "a:" + get_remote_address()


def init_app(app: Flask, cfg: Config, api: Blueprint, pages: Blueprint) -> None:
    limiter = Limiter(
        key_func=_caller,
        app=app,
        storage_uri=cfg.redis_url or "memory://",
        headers_enabled=True,
    )
    limiter.limit(cfg.rate_limit, exempt_when=dev_local)(api)
    limiter.limit(cfg.landing_rate_limit, exempt_when=dev_local)(pages)
