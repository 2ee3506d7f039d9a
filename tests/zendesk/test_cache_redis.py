"""The Redis cache against a real redis-server: shared between workers, expiring, fail-soft."""

from __future__ import annotations

import socket
import time
from dataclasses import replace

import redis
from recording_server import NOW, Customer, RecordingServer

from plugin.config import Config
from plugin.zendesk.access import Caller, RedisBindings
from plugin.zendesk.cache import KEY_PREFIX, MemoryCache, RedisCache, make_cache
from plugin.zendesk.context import NO_CONTEXT, ContextService


def test_round_trip_and_expiry(redis_client: redis.Redis, redis_url: str) -> None:
    cache = RedisCache(redis_url, ttl=0.1)
    cache.set("k", {"name": "Ann", "tags": ["vip"]})
    assert cache.get("k") == {"name": "Ann", "tags": ["vip"]}
    assert redis_client.exists(KEY_PREFIX + "k")
    time.sleep(0.15)
    assert cache.get("k") is None


def test_two_workers_share_the_context(
    zendesk: RecordingServer,
    customer: Customer,
    zendesk_config: Config,
    redis_client: redis.Redis,
    redis_url: str,
) -> None:
    config = replace(zendesk_config, redis_url=redis_url)
    first = ContextService.from_config(config)  # worker 1 fetches from Zendesk
    second = ContextService.from_config(config)  # worker 2, another process in production
    a = first.get(customer.ticket_id, None)
    calls = len(zendesk.hits())
    b = second.get(customer.ticket_id, None)
    assert a.context is not None and b == a
    assert len(zendesk.hits()) == calls


def test_redis_down_degrades_to_zendesk(
    zendesk: RecordingServer, customer: Customer, zendesk_config: Config
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cache = RedisCache(f"redis://127.0.0.1:{port}/0", ttl=60)
    assert cache.get("k") is None
    cache.set("k", {"a": 1})  # no exception
    result = ContextService(zendesk_config, cache=cache, clock=lambda: NOW).get(
        None, customer.user_id
    )
    assert result.context is not None and result.note is None


def test_make_cache_picks_redis_only_when_configured(redis_url: str) -> None:
    assert isinstance(make_cache(Config(redis_url=redis_url)), RedisCache)
    assert isinstance(make_cache(Config()), MemoryCache)


def test_two_workers_share_a_sessions_ticket_binding(
    zendesk: RecordingServer,
    customer: Customer,
    zendesk_config: Config,
    redis_client: redis.Redis,
    redis_url: str,
) -> None:
    config = replace(zendesk_config, redis_url=redis_url)
    first, second = ContextService.from_config(config), ContextService.from_config(config)
    caller = Caller(session_id="s" * 22)
    assert first.get(customer.ticket_id, None, caller=caller).context is not None
    # The same session on another worker may not open a second ticket.
    assert second.get(4242, None, caller=caller) == NO_CONTEXT
    assert not zendesk.hits("/api/v2/tickets/4242.json")
    assert second.get(customer.ticket_id, None, caller=caller).context is not None


def test_bindings_fail_closed_when_redis_is_down() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    bindings = RedisBindings(f"redis://127.0.0.1:{port}/0", ttl=60)
    assert bindings.bind("s" * 22, 1) is False
