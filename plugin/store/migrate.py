"""Alembic migrations run in code: ``flask --app wsgi db upgrade`` and the run command.

The scripts live in ``plugin/store/migrations``; the caller's engine is handed to
Alembic's environment, so tests, the CLI and start-up all migrate the same way.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (idempotent: at head it does nothing)."""
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str = "-1") -> None:
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def current(engine: Engine) -> str | None:
    """The schema's revision, or None for an empty database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def previous(revision: str) -> str | None:
    """The revision one step below ``revision`` (None = the empty database)."""
    down = ScriptDirectory.from_config(_config()).get_revision(revision).down_revision
    return down if isinstance(down, str) or down is None else down[0]


def head() -> str:
    """The newest revision this code ships."""
    found = ScriptDirectory.from_config(_config()).get_current_head()
    if found is None:  # the package always ships a revision
        raise RuntimeError("no migrations found")
    return found
