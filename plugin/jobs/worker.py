"""The Celery worker: ``celery -A plugin.jobs.worker worker --pool=solo`` with REDIS_URL set.

The worker builds the app once (same settings as the web: DATABASE_URL, ZENDESK_*)
and runs each job it receives; results go to the shared database, not Celery's backend.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from celery import Celery

if TYPE_CHECKING:
    from flask import Flask

_APP: Flask | None = None


def make_celery(redis_url: str) -> Celery:
    app = Celery("reply_coach", broker=redis_url)
    app.conf.update(
        task_ignore_result=True,
        task_acks_late=True,  # a worker that dies mid-job leaves it to be redelivered
        worker_prefetch_multiplier=1,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
    )
    return app


def _flask_app() -> Flask:
    global _APP
    if _APP is None:
        from plugin import create_app

        _APP = create_app(serving=False)
    return _APP


celery_app = make_celery(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))


@celery_app.task(name="reply_coach.lint_macros")  # type: ignore[misc]
def lint_macros(job_id: str) -> None:
    from plugin.jobs import execute_in

    execute_in(_flask_app(), job_id)


__all__: list[Any] = ["celery_app", "lint_macros", "make_celery"]
