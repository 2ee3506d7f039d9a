"""Engines and sessions: SQLite (WAL) under ``instance/`` by default, PostgreSQL by URL.

``DATABASE_URL`` may be any SQLAlchemy URL; ``postgres://`` and ``postgresql://`` are
read as PostgreSQL through psycopg 3 (the only PostgreSQL driver we pin).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_FILE = "reply_coach.sqlite3"


def resolve_url(configured: str, instance_dir: str | Path) -> str:
    """The URL to connect to: ``configured``, or the embedded SQLite file in ``instance_dir``."""
    url = configured.strip()
    if not url:
        path = Path(instance_dir) / DEFAULT_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine; SQLite connections get WAL, foreign keys and a busy timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, **kwargs)
    engine = create_engine(url, **kwargs)
    memory = parsed.database in (None, "", ":memory:")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: object) -> None:
        cur = dbapi_conn.cursor()
        if not memory:
            # Readers never wait for the writer: several gunicorn workers share the file.
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()

    return engine


@dataclass(frozen=True)
class Database:
    """One engine and its session factory (one per process)."""

    engine: Engine
    sessions: sessionmaker[Session]

    @classmethod
    def connect(cls, url: str, **kwargs: Any) -> Database:
        engine = make_engine(url, **kwargs)
        return cls(engine, sessionmaker(engine, expire_on_commit=False))

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def dispose(self) -> None:
        self.engine.dispose()
