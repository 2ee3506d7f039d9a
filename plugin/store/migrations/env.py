"""Alembic environment, run in code by ``plugin.store.migrate`` (there is no alembic.ini)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import plugin.store.macro_jobs  # noqa: F401  (the macro jobs' tables join Base.metadata)
from plugin.store.models import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite alters a table by copying it; batch mode does that for us.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through plugin.store.migrate, which passes a connection")
_run(connection)
