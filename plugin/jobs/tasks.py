"""What a lint job does, wherever it runs (a local thread or a Celery worker).

Results reach the store in small batches as they are computed, and progress at most
a few times a second, so a reader sees the run advance and a crash loses at most one
batch in flight; the job ends ``done``, ``partial`` (the listing stopped) or ``failed``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from plugin.coach.review import Coach
from plugin.config import Config
from plugin.jobs.store import JobStore
from plugin.macros.run import run_lint

log = logging.getLogger(__name__)

BATCH = 25
PROGRESS_EVERY_SECONDS = 0.25


def execute_lint(
    job_id: str,
    store: JobStore,
    config: Config,
    coach: Coach,
    *,
    client_factory: Callable[[Config], Any] | None = None,
    pack_version: str | None = None,
) -> None:
    from plugin.zendesk.client import ZendeskNotConfigured
    from plugin.zendesk.macros import iter_macros, make_job_client

    job = store.job(job_id)
    if job is None or job.status != "queued":
        return  # unknown, or already taken by another worker
    store.start(job_id, pack_version)  # the version the run really uses
    pending: list[dict[str, Any]] = []
    last = 0.0

    def flush() -> None:
        store.add_results(job_id, pending)
        pending.clear()

    def on_report(report: dict[str, Any]) -> None:
        pending.append(report)
        if len(pending) >= BATCH:
            flush()

    def progress(phase: str, done: int, total: int | None) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_EVERY_SECONDS or done == total:
            last = now
            store.progress(job_id, phase, done, total)

    try:
        client = (client_factory or make_job_client)(config)
        outcome = run_lint(
            iter_macros(client),
            coach,
            only_active=bool(job.params.get("only_active")),
            on_report=on_report,
            progress=progress,
        )
        flush()
        store.progress(job_id, "finished", outcome.linted, outcome.listed)
        store.finish(job_id, outcome.status, outcome.errors, outcome.error)
    except ZendeskNotConfigured:
        store.finish(job_id, "failed", 0, "Zendesk API is not configured on the server")
    except Exception as exc:  # the job must end, whatever happened
        log.exception("lint job %s failed", job_id)
        try:
            flush()
        finally:
            store.finish(job_id, "failed", 0, f"{type(exc).__name__}: the run stopped")
