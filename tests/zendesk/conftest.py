"""Fixtures for the Zendesk adapter: a recording-backed fake Zendesk on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
import redis
from recording_server import NOW, Customer, RecordingServer, compose_customer

from plugin.config import Config


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


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A real Redis: $REDIS_TEST_URL, or a throwaway redis-server started here."""
    if url := os.environ.get("REDIS_TEST_URL"):
        yield url
        return
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail(
            "Redis tests need redis-server: run scripts/redis-test-server.sh and set REDIS_TEST_URL"
        )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        client = redis.Redis(port=port)
        deadline = time.monotonic() + 5
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
        client.close()
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=5)


@pytest.fixture
def redis_client(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    yield client
    client.close()
