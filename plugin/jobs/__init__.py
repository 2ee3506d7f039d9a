"""Background jobs (the macro lint): a store, a runner, and the task itself.

``jobs_of(app)`` gives the app's store and runner, made on first use: the store on the
storage layer's database (``DATABASE_URL``, SQLite under ``instance/`` by default), the
runner a local thread, or Celery when ``REDIS_URL`` is set (unless ``MACRO_JOBS=local``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from plugin.coach.review import Coach
    from plugin.jobs.runners import Runner
    from plugin.jobs.store import SqlJobStore

_LOCK = threading.RLock()


@dataclass(frozen=True)
class Jobs:
    store: SqlJobStore
    runner: Runner


def _store(app: Flask) -> SqlJobStore:
    from plugin.jobs.store import SqlJobStore
    from plugin.store.extension import account_of, store_of

    found = SqlJobStore(store_of(app).db.engine, account_of(app))  # one engine per process
    found.ensure_schema()
    return found


def jobs_of(app: Flask) -> Jobs:
    found: Jobs | None = app.extensions.get("macro_jobs")
    if found is not None:
        return found
    with _LOCK:
        found = app.extensions.get("macro_jobs")
        if found is None:
            from plugin.config import Config
            from plugin.jobs.runners import CeleryRunner, LocalRunner

            cfg: Config = app.extensions["coach_config"]
            runner: Runner
            if cfg.redis_url and cfg.macro_jobs != "local":
                runner = CeleryRunner(cfg.redis_url)
            else:
                runner = LocalRunner(lambda job_id: execute_in(app, job_id))
            found = Jobs(jobs_store(app), runner)
            app.extensions["macro_jobs"] = found
    return found


def lint_coach(app: Flask) -> tuple[Coach, str]:
    """The coach a macro is linted with, and its version: the account's stored pack (its
    default scope) when the database has one, else the file pack."""
    from plugin.store.extension import coach_for

    stored = coach_for(app)
    if stored is not None:
        return stored.coach, f"account pack v{stored.version}"
    coach: Coach = app.extensions["coach"]
    return coach, f"file pack {coach.pack.version}"


def execute_in(app: Flask, job_id: str) -> None:
    """Run job ``job_id`` with ``app``'s settings, coach and store."""
    from plugin.jobs.tasks import execute_lint

    with app.app_context():
        coach, version = lint_coach(app)
        store = jobs_store(app)
        execute_lint(job_id, store, app.extensions["coach_config"], coach, pack_version=version)


def jobs_store(app: Flask) -> SqlJobStore:
    found: SqlJobStore | None = app.extensions.get("macro_jobs_store")
    if found is None:
        with _LOCK:
            found = app.extensions.get("macro_jobs_store") or _store(app)
            app.extensions["macro_jobs_store"] = found
    return found
