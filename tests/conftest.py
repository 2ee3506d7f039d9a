"""Shared fixtures: a fresh app per test (dev mode unless a test says otherwise)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from plugin import create_app

LOOPBACK = {"REMOTE_ADDR": "127.0.0.1"}

# Checks use the account's stored pack when the database has one; tests that do not ask
# for a database get an empty in-memory one (the file pack), never the developer's
# instance/ file or DATABASE_URL.
os.environ["DATABASE_URL"] = "sqlite://"


@pytest.fixture
def app_config() -> dict[str, Any]:
    return {
        "dev": True,
        "secret_key": "test-secret-0123456789abcdef0123456789",
        "languagetool_url": "",
    }


@pytest.fixture
def app(app_config: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Iterator[Flask]:
    # Tests never read the developer's real Zendesk or LanguageTool settings.
    for var in (
        "ZENDESK_SUBDOMAIN",
        "ZENDESK_EMAIL",
        "ZENDESK_API_TOKEN",
        "REDIS_URL",
        "ZENDESK_OAUTH_TOKEN",
        "LANGUAGETOOL_URL",
        "COACH_DEV",
        "COACH_RULES",
    ):
        monkeypatch.delenv(var, raising=False)
    yield create_app(app_config)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    c = app.test_client()
    c.environ_base.update(LOOPBACK)
    return c


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()
