"""Storage fixtures: every storage test runs on SQLite AND on a real PostgreSQL server.

The PostgreSQL server is the project's own throwaway one
(``scripts/postgres-test-server.sh``: Debian's postgresql, a free loopback port, a
temporary data directory), started once per session and stopped afterwards; each
test gets a fresh database in it. ``POSTGRES_TEST_URL`` points at a server instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from plugin.store import migrate
from plugin.store.db import Database
from plugin.store.packs import PackStore

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "postgres-test-server.sh"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """An admin URL (``postgresql://...``) of a running PostgreSQL server."""
    if url := os.environ.get("POSTGRES_TEST_URL"):
        yield url
        return
    data = tempfile.mkdtemp(prefix="reply-coach-pg-", dir="/tmp")
    try:
        started = subprocess.run(
            ["bash", str(SCRIPT), "start", data],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if started.returncode != 0:
            pytest.fail(f"PostgreSQL did not start: {started.stderr.strip()}")
        yield started.stdout.strip()
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", data], timeout=60, check=False)


def _create_postgres_db(admin: str, template: str = "template0") -> tuple[str, str]:
    name = f"rc_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    url = make_url(admin).set(drivername="postgresql+psycopg", database=name)
    return name, url.render_as_string(hide_password=False)


def _drop_postgres_db(admin: str, name: str) -> None:
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _migrate(url: str) -> None:
    db = Database.connect(url)
    migrate.upgrade(db.engine)
    db.dispose()


@pytest.fixture(scope="session")
def postgres_template(postgres_server: str) -> Iterator[str]:
    """A database migrated to head once; each test copies it (much faster than migrating)."""
    name, url = _create_postgres_db(postgres_server)
    _migrate(url)
    yield name
    _drop_postgres_db(postgres_server, name)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "store.sqlite3"
    _migrate(f"sqlite:///{path}")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
        return
    admin: str = request.getfixturevalue("postgres_server")
    name, url = _create_postgres_db(admin)
    try:
        yield url
    finally:
        _drop_postgres_db(admin, name)


@pytest.fixture(params=["sqlite", "postgresql"])
def migrated_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database at the newest migration on each backend."""
    if request.param == "sqlite":
        path = tmp_path / "store.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    admin: str = request.getfixturevalue("postgres_server")
    name, url = _create_postgres_db(admin, request.getfixturevalue("postgres_template"))
    try:
        yield url
    finally:
        _drop_postgres_db(admin, name)


@pytest.fixture
def empty_db(database_url: str) -> Iterator[Database]:
    db = Database.connect(database_url)
    yield db
    db.dispose()


@pytest.fixture
def db(migrated_url: str) -> Iterator[Database]:
    db = Database.connect(migrated_url)
    assert migrate.current(db.engine) == migrate.head()
    yield db
    db.dispose()


@pytest.fixture
def store(db: Database) -> PackStore:
    return PackStore(db)


@pytest.fixture
def seeded(store: PackStore) -> PackStore:
    store.seed("acme")
    return store
