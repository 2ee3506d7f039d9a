"""A tiny TTL cache for Zendesk facts, in-process or Redis, plus JSON (de)serialisation.

Values are JSON documents in both implementations, so a cache hit behaves the
same whether it came from this process or from Redis (no shared mutable objects).
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import asdict
from datetime import datetime
from typing import Any, Protocol

import redis
from cachetools import TTLCache

from plugin.coach.model import CustomerContext, PastTicket
from plugin.config import Config

log = logging.getLogger(__name__)

JSON = dict[str, Any]
KEY_PREFIX = "reply-coach:zendesk:"


class ContextCache(Protocol):
    def get(self, key: str) -> JSON | None: ...

    def set(self, key: str, value: JSON) -> None: ...


class MemoryCache:
    """Per-process TTL cache; the default when no Redis is configured."""

    def __init__(self, ttl: float, maxsize: int = 10_000) -> None:
        self._data: TTLCache[str, str] = TTLCache(maxsize=maxsize, ttl=ttl)
        self._lock = threading.Lock()  # TTLCache is not thread-safe

    def get(self, key: str) -> JSON | None:
        with self._lock:
            raw = self._data.get(key)
        return None if raw is None else _loads(raw)

    def set(self, key: str, value: JSON) -> None:
        raw = json.dumps(value)
        with self._lock:
            self._data[key] = raw


class RedisCache:
    """Shared TTL cache for several workers; a Redis outage degrades to a miss."""

    def __init__(self, url: str, ttl: float, client: redis.Redis | None = None) -> None:
        self._redis = client or redis.Redis.from_url(
            url, socket_timeout=0.2, socket_connect_timeout=0.2
        )
        self._ttl_ms = max(1, int(ttl * 1000))

    def get(self, key: str) -> JSON | None:
        try:
            raw = self._redis.get(KEY_PREFIX + key)
        except redis.RedisError as exc:
            log.warning("context cache read failed: %s", type(exc).__name__)
            return None
        if raw is None:
            return None
        return _loads(raw.decode() if isinstance(raw, bytes) else str(raw))

    def set(self, key: str, value: JSON) -> None:
        try:
            self._redis.set(KEY_PREFIX + key, json.dumps(value), px=self._ttl_ms)
        except redis.RedisError as exc:
            log.warning("context cache write failed: %s", type(exc).__name__)


def make_cache(config: Config) -> ContextCache:
    """Redis when ``REDIS_URL`` is set, else the in-process cache."""
    if config.redis_url:
        return RedisCache(config.redis_url, config.zendesk_cache_ttl)
    return MemoryCache(config.zendesk_cache_ttl)


def _loads(raw: str) -> JSON | None:
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


# --- (de)serialisation of the core's context types -------------------------------


def context_to_json(ctx: CustomerContext) -> JSON:
    data = asdict(ctx)
    data["tags"] = list(ctx.tags)
    data["recent_tickets"] = [_ticket_to_json(t) for t in ctx.recent_tickets]
    data["last_rating_at"] = _dt_out(ctx.last_rating_at)
    return data


def context_from_json(data: JSON) -> CustomerContext:
    """Inverse of ``context_to_json``; unknown keys (from newer versions) are ignored."""
    known = set(CustomerContext.__dataclass_fields__)
    kw = {k: v for k, v in data.items() if k in known}
    kw["tags"] = tuple(kw.get("tags") or ())
    kw["recent_tickets"] = tuple(_ticket_from_json(t) for t in kw.get("recent_tickets") or ())
    kw["last_rating_at"] = _dt_in(kw.get("last_rating_at"))
    return CustomerContext(**kw)


def _ticket_to_json(ticket: PastTicket) -> JSON:
    data = asdict(ticket)
    data["created_at"] = _dt_out(ticket.created_at)
    return data


def _ticket_from_json(data: JSON) -> PastTicket:
    created = _dt_in(data["created_at"])
    if created is None:
        raise ValueError("past ticket without created_at")
    return PastTicket(
        id=int(data["id"]),
        subject=str(data.get("subject") or ""),
        created_at=created,
        status=str(data.get("status") or ""),
        satisfaction=data.get("satisfaction"),
    )


def _dt_out(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _dt_in(value: object) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None
