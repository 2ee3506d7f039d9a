"""Alembic: upgrade from an empty database, downgrade one step, upgrade again; the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import inspect

import plugin.store.macro_jobs  # noqa: F401  (its tables are in Base.metadata too)
from plugin import create_app
from plugin.store import migrate
from plugin.store.db import Database
from plugin.store.models import Base

TABLES = {"accounts", "scopes", "pack_versions", "scope_layers", "retired_rules", "audit_log"}
TABLES |= {"macro_jobs", "macro_results", "macro_writes"}  # plugin/store/macro_jobs.py


def _tables(db: Database) -> set[str]:
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def test_upgrade_from_empty_creates_every_table_then_one_step_down_and_up(
    empty_db: Database,
) -> None:
    assert migrate.current(empty_db.engine) is None
    assert _tables(empty_db) == set()

    migrate.upgrade(empty_db.engine)
    assert migrate.current(empty_db.engine) == migrate.head()
    assert _tables(empty_db) == TABLES == set(Base.metadata.tables)
    migrate.upgrade(empty_db.engine)  # at head: nothing to do, no error

    migrate.downgrade(empty_db.engine, "-1")
    below = migrate.previous(migrate.head())
    assert migrate.current(empty_db.engine) == below
    if below is None:  # the first migration: one step down is the empty database
        assert _tables(empty_db) == set()
    else:
        assert _tables(empty_db) < TABLES

    migrate.upgrade(empty_db.engine)
    assert _tables(empty_db) == TABLES


def test_migrated_schema_matches_the_models(db: Database) -> None:
    """No drift between models.py and the migration (what autogenerate would add)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(ctx, Base.metadata) == []


def test_flask_db_upgrade_command_migrates_and_seeds(database_url: str) -> None:
    app: Flask = create_app({"dev": True, "database_url": database_url}, serving=False)
    runner = app.test_cli_runner()
    res = runner.invoke(args=["db", "upgrade", "--seed"])
    assert res.exit_code == 0, res.output
    assert f"revision {migrate.head()}" in res.output
    assert "account 'local' at pack version 1" in res.output
    res = runner.invoke(args=["db", "seed"])  # again: the account keeps its version
    assert res.exit_code == 0 and "pack version 1 (seed)" in res.output
    res = runner.invoke(args=["db", "current"])
    assert f"revision {migrate.head()}, code head {migrate.head()}" in res.output
    res = runner.invoke(args=["db", "downgrade"])
    below = migrate.previous(migrate.head()) or "base (empty)"
    assert res.exit_code == 0 and f"database at revision {below}" in res.output
    app.extensions["store"].db.dispose()


def test_sqlite_default_lives_in_the_instance_folder_in_wal_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app({"dev": True}, serving=False)
    app.instance_path = str(tmp_path)
    res = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert res.exit_code == 0, res.output
    db = app.extensions["store"].db
    assert db.engine.url.database == f"{tmp_path}/reply_coach.sqlite3"
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    db.dispose()
