"""Console fixtures: an app with a migrated SQLite database, in dev mode or production mode."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from console_helpers import LOOPBACK, USERS, Console, migrated, prod_config
from flask import Flask
from flask.testing import FlaskClient

from plugin import create_app


@pytest.fixture
def dev_app(tmp_path: Path) -> Flask:
    return migrated(
        create_app(
            {
                "dev": True,
                "secret_key": "console-test-secret-0123456789abcdef",
                "database_url": f"sqlite:///{tmp_path / 'console.sqlite3'}",
                "languagetool_url": "",
                "zendesk_subdomain": "",
            }
        )
    )


@pytest.fixture
def dev(dev_app: Flask) -> FlaskClient:
    c = dev_app.test_client()
    c.environ_base.update(LOOPBACK)
    return c


@pytest.fixture
def prod_app(tmp_path: Path) -> Flask:
    app = migrated(create_app(prod_config(tmp_path)))
    app.extensions["console_users"] = USERS.get  # stands in for zenpy users(id=...)
    return app


@pytest.fixture
def signed_in(prod_app: Flask) -> Iterator[Callable[[int | None], Console]]:
    yield lambda user: Console(prod_app, user)
