"""ContextService end to end: zenpy over real HTTP against recorded Zendesk answers."""

from __future__ import annotations

import socket
import time
from dataclasses import replace
from datetime import timedelta

import pytest
from recording_server import NOW, Customer, RecordingServer, Reply

from plugin.coach.hints import hints
from plugin.config import Config
from plugin.zendesk import context as context_module
from plugin.zendesk.cache import MemoryCache, context_from_json, context_to_json
from plugin.zendesk.context import (
    NOTE_NOT_CONFIGURED,
    NOTE_NOT_FOUND,
    NOTE_RATE_LIMITED,
    NOTE_SLOW,
    NOTE_UNAVAILABLE,
    ContextService,
)


def service(config: Config, cache: MemoryCache | None = None) -> ContextService:
    return ContextService(config, cache=cache or MemoryCache(ttl=300), clock=lambda: NOW)


def test_builds_the_customer_context_from_ticket_user_org_and_history(
    zendesk: RecordingServer, customer: Customer, zendesk_config: Config
) -> None:
    result = service(zendesk_config).get(customer.ticket_id, None)

    assert result.note is None
    ctx = result.context
    assert ctx is not None
    assert (ctx.name, ctx.first_name, ctx.locale) == ("María García", "María", "es")
    assert ctx.time_zone == "America/New_York"  # iana_time_zone preferred over the Rails name
    assert (ctx.tags, ctx.organization) == (("vip",), "Globex Corporation")
    assert (ctx.ticket_id, ctx.ticket_subject, ctx.channel, ctx.priority) == (
        501,
        "Refund still missing",
        "email",
        "urgent",
    )
    # both cursor pages were read; #400 is older than 30 days
    assert [t.id for t in ctx.recent_tickets] == [501, 498, 495]
    assert (ctx.last_rating, ctx.last_rating_ticket_id) == ("bad", 498)
    assert all(zendesk.hits(page.split("?")[0]) for page in customer.requested_pages)
    assert len(zendesk.hits("/api/v2/users/7001/tickets/requested.json")) == 2


def test_context_drives_the_hints_the_agent_sees(
    customer: Customer, zendesk_config: Config
) -> None:
    ctx = service(zendesk_config).get(customer.ticket_id, customer.user_id).context
    assert ctx is not None
    messages = {h.id: h.message for h in hints(ctx, NOW)}
    assert (
        messages["repeat_contact"]
        == "Third contact in 7 days about the same issue: acknowledge the repeat."
    )
    assert messages["bad_rating"] == "Last rating was bad on #498 1 day ago."
    assert {"priority", "vip", "locale", "greet_first_name"} <= set(messages)


def test_requester_only_has_no_ticket_part(
    zendesk: RecordingServer, customer: Customer, zendesk_config: Config
) -> None:
    result = service(zendesk_config).get(None, customer.user_id)
    assert result.context is not None
    assert result.context.ticket_id is None and result.context.name == "María García"
    assert not zendesk.hits("/api/v2/tickets/")


def test_cache_hit_does_not_call_zendesk(
    zendesk: RecordingServer, customer: Customer, zendesk_config: Config
) -> None:
    cache = MemoryCache(ttl=300)
    first = service(zendesk_config, cache).get(customer.ticket_id, None)
    calls = len(zendesk.hits())
    again = service(zendesk_config, cache).get(customer.ticket_id, None)  # e.g. another request
    assert again == first
    assert len(zendesk.hits()) == calls


def test_ticket_cache_and_requester_cache_are_separate(
    zendesk: RecordingServer, customer: Customer, zendesk_config: Config
) -> None:
    cache = MemoryCache(ttl=300)
    service(zendesk_config, cache).get(None, customer.user_id)
    before = len(zendesk.hits())
    result = service(zendesk_config, cache).get(customer.ticket_id, customer.user_id)
    assert result.context is not None and result.context.priority == "urgent"
    assert [h.path for h in zendesk.hits()[before:]] == ["/api/v2/tickets/501.json"]


def test_missing_ticket_gives_a_note_from_the_recorded_404(
    zendesk: RecordingServer, zendesk_config: Config
) -> None:
    result = service(zendesk_config).get(999_999, None)
    assert result.context is None
    assert result.note == NOTE_NOT_FOUND
    assert zendesk.hits("/api/v2/tickets/999999.json")


def test_deleted_organization_keeps_the_rest(
    zendesk: RecordingServer, customer: Customer, zendesk_config: Config
) -> None:
    zendesk.route(
        "GET",
        f"/api/v2/organizations/{customer.organization_id}.json",
        Reply(404, {"error": "RecordNotFound"}),
    )
    result = service(zendesk_config).get(None, customer.user_id)
    assert result.context is not None
    assert result.context.organization is None and result.context.name == "María García"


def test_429_retry_after_is_honoured(
    zendesk: RecordingServer, customer: Customer, zendesk_config: Config
) -> None:
    user_path = f"/api/v2/users/{customer.user_id}.json"
    ok = Reply(200, {"user": {"id": customer.user_id, "name": "María García"}})
    zendesk.route("GET", user_path, Reply(429, "Rate limited", {"Retry-After": "1"}), ok)

    result = service(zendesk_config).get(None, customer.user_id)  # budget 2 s > Retry-After

    assert result.context is not None and result.context.name == "María García"
    first, retry = zendesk.hits(user_path)
    assert retry.at - first.at >= 0.95


def test_429_asking_for_too_long_fails_fast(
    zendesk: RecordingServer, customer: Customer, zendesk_config: Config
) -> None:
    user_path = f"/api/v2/users/{customer.user_id}.json"
    zendesk.route("GET", user_path, Reply(429, "Rate limited", {"Retry-After": "60"}))
    started = time.monotonic()
    result = service(zendesk_config).get(None, customer.user_id)
    assert (result.context, result.note) == (None, NOTE_RATE_LIMITED)
    assert time.monotonic() - started < 0.5
    assert len(zendesk.hits(user_path)) == 1


def test_slow_zendesk_returns_within_budget_then_fills_the_cache(
    zendesk: RecordingServer, customer: Customer, zendesk_config: Config
) -> None:
    user_path = f"/api/v2/users/{customer.user_id}.json"
    zendesk.route(
        "GET",
        user_path,
        Reply(200, {"user": {"id": customer.user_id, "name": "Slow Sam"}}, delay=0.5),
    )
    svc = service(replace(zendesk_config, zendesk_budget_seconds=0.15))

    started = time.monotonic()
    result = svc.get(None, customer.user_id)
    assert time.monotonic() - started < 0.4
    assert (result.context, result.note) == (None, NOTE_SLOW)

    deadline = time.monotonic() + 3
    while (
        later := svc.get(None, customer.user_id)
    ).context is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert later.context is not None and later.context.name == "Slow Sam"
    assert len(zendesk.hits(user_path)) == 1  # the late fetch was reused, not repeated


def test_server_error_gives_a_note(
    zendesk: RecordingServer, customer: Customer, zendesk_config: Config
) -> None:
    zendesk.route(
        "GET", f"/api/v2/users/{customer.user_id}.json", Reply(503, {"error": "ServiceUnavailable"})
    )
    result = service(zendesk_config).get(None, customer.user_id)
    assert (result.context, result.note) == (None, NOTE_UNAVAILABLE)


def test_connection_refused_gives_a_note(
    monkeypatch: pytest.MonkeyPatch, zendesk_config: Config
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once we leave the block: nothing listens
    monkeypatch.setenv("ZENPY_FORCE_SCHEME", "http")
    monkeypatch.setenv("ZENPY_FORCE_NETLOC", f"127.0.0.1:{port}")
    result = service(zendesk_config).get(1, None)
    assert (result.context, result.note) == (None, NOTE_UNAVAILABLE)


def test_not_configured_gives_a_note_without_network() -> None:
    result = service(Config()).get(1, 2)
    assert (result.context, result.note) == (None, NOTE_NOT_CONFIGURED)


def test_nothing_to_look_up_is_not_an_error(zendesk_config: Config) -> None:
    assert service(zendesk_config).get(None, None) == context_module.ContextResult(None, None)


def test_oauth_token_is_sent_as_bearer(zendesk: RecordingServer, customer: Customer) -> None:
    config = Config(zendesk_subdomain="acme", zendesk_oauth_token="oauth-xyz")
    assert service(config).get(None, customer.user_id).context is not None


def test_context_json_round_trip(customer: Customer, zendesk_config: Config) -> None:
    ctx = service(zendesk_config).get(customer.ticket_id, None).context
    assert ctx is not None
    assert context_from_json(context_to_json(ctx)) == ctx


def test_memory_cache_expires() -> None:
    cache = MemoryCache(ttl=0.05)
    cache.set("k", {"a": 1})
    assert cache.get("k") == {"a": 1}
    time.sleep(0.06)
    assert cache.get("k") is None


def test_recent_window_is_relative_to_the_clock(customer: Customer, zendesk_config: Config) -> None:
    svc = ContextService(
        zendesk_config, cache=MemoryCache(ttl=300), clock=lambda: NOW + timedelta(days=40)
    )
    ctx = svc.get(None, customer.user_id).context
    assert ctx is not None and ctx.recent_tickets == ()
