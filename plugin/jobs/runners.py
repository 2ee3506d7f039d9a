"""Who runs a job: a local worker thread by default, Celery workers on Redis with REDIS_URL.

A job never runs inside the request that starts it, so closing the page changes
nothing: the request returns the job id at once, and the run's progress and results
go to the store, where any later request (in any worker process) reads them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

log = logging.getLogger(__name__)

LINT_TASK = "reply_coach.lint_macros"


class Runner(Protocol):
    name: str

    def submit(self, job_id: str) -> None: ...


class LocalRunner:
    """One background thread per process, jobs run one after another."""

    name = "local"

    def __init__(self, execute: Callable[[str], None]) -> None:
        self._execute = execute
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="macro-jobs")

    def submit(self, job_id: str) -> None:
        self._pool.submit(self._run, job_id)

    def _run(self, job_id: str) -> None:
        try:
            self._execute(job_id)
        except Exception:  # logged, never raised into the pool where nobody reads it
            log.exception("job %s crashed", job_id)

    def wait(self) -> None:
        """Block until every submitted job has ended (tests, shutdown)."""
        self._pool.submit(lambda: None).result()


class CeleryRunner:
    """Sends the job id to a Celery worker through Redis (``plugin.jobs.worker``)."""

    name = "celery"

    def __init__(self, redis_url: str) -> None:
        from plugin.jobs.worker import make_celery

        self._celery = make_celery(redis_url)

    def submit(self, job_id: str) -> None:
        self._celery.send_task(LINT_TASK, args=[job_id])
