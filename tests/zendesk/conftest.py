"""Fixtures for the Zendesk adapter: a recording-backed fake Zendesk on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from recording_server import Customer, RecordingServer, compose_customer

from plugin.config import Config

NOW = datetime(2024, 3, 12, 15, 0, tzinfo=UTC)


@pytest.fixture
def zendesk(monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordingServer]:
    """A fake Zendesk; zenpy reads these variables on every request (api.py _build_url)."""
    server = RecordingServer().start()
    monkeypatch.setenv("ZENPY_FORCE_SCHEME", "http")
    monkeypatch.setenv("ZENPY_FORCE_NETLOC", server.netloc)
    yield server
    server.stop()


@pytest.fixture
def customer(zendesk: RecordingServer) -> Customer:
    return compose_customer(zendesk, NOW)


@pytest.fixture
def zendesk_config() -> Config:
    return Config(
        zendesk_subdomain="acme",
        zendesk_email="agent@example.com",
        zendesk_api_token="test-token",
        zendesk_budget_seconds=2.0,
        zendesk_cache_ttl=300.0,
    )
