"""Where jobs, their results and macro writes are kept: the store's database (SQLite or
PostgreSQL), tables in ``plugin.store.macro_jobs``, migrated by the store's Alembic chain.

``JobStore`` is the interface the runners, the API and the write-back use; ``SqlJobStore``
implements it on an engine (in the app, the store's own). Results are
written as they are computed, each batch in its own transaction, so a worker that
dies leaves every finished macro in the report.
"""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from plugin.store import migrate
from plugin.store.db import make_engine
from plugin.store.macro_jobs import Job, JobResult, MacroWrite

FINISHED = frozenset({"done", "partial", "failed"})


@dataclass(frozen=True)
class JobInfo:
    id: str
    kind: str
    status: str
    phase: str
    done: int
    total: int | None
    errors: int
    pack_version: str
    actor_name: str
    error: str
    params: dict[str, Any]
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    def to_dict(self) -> dict[str, Any]:
        def iso(t: datetime | None) -> str | None:
            return None if t is None else t.replace(tzinfo=t.tzinfo or UTC).isoformat()

        return {
            "job_id": self.id,
            "kind": self.kind,
            "status": self.status,
            "phase": self.phase,
            "done": self.done,
            "total": self.total,
            "errors": self.errors,
            "pack_version": self.pack_version,
            "started_by": self.actor_name,
            "error": self.error,
            "params": self.params,
            "created_at": iso(self.created_at),
            "started_at": iso(self.started_at),
            "finished_at": iso(self.finished_at),
        }


@dataclass(frozen=True)
class WriteInfo:
    id: int
    at: datetime
    actor_id: int | None
    actor_name: str
    macro_id: int
    before_sha256: str
    after_sha256: str
    pack_version: str
    before_actions: list[dict[str, Any]]
    after_actions: list[dict[str, Any]]
    suggestions: list[str]
    undo_of: int | None
    undone_by: int | None

    def to_dict(self, *, actions: bool = False) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if not k.endswith("_actions")}
        out["at"] = self.at.replace(tzinfo=self.at.tzinfo or UTC).isoformat()
        if actions:
            out["before_actions"], out["after_actions"] = self.before_actions, self.after_actions
        return out


class JobStore(Protocol):
    def create_job(
        self, kind: str, params: dict[str, Any], pack_version: str, actor: tuple[int | None, str]
    ) -> str: ...
    def start(self, job_id: str, pack_version: str | None = None) -> None: ...
    def progress(self, job_id: str, phase: str, done: int, total: int | None) -> None: ...
    def add_results(self, job_id: str, reports: list[dict[str, Any]]) -> None: ...
    def finish(self, job_id: str, status: str, errors: int, error: str = "") -> None: ...
    def job(self, job_id: str) -> JobInfo | None: ...
    def reap_stale(self, kind: str, quiet_seconds: float) -> int: ...
    def latest(self, kind: str) -> JobInfo | None: ...
    def results(self, job_id: str) -> list[dict[str, Any]]: ...
    def record_write(self, **fields: Any) -> WriteInfo: ...
    def write(self, write_id: int) -> WriteInfo | None: ...
    def writes(self, macro_id: int | None = None, limit: int = 100) -> list[WriteInfo]: ...
    def mark_undone(self, write_id: int, by: int) -> None: ...


def _info(j: Job) -> JobInfo:
    return JobInfo(
        j.id,
        j.kind,
        j.status,
        j.phase,
        j.done,
        j.total,
        j.errors,
        j.pack_version,
        j.actor_name,
        j.error,
        json.loads(j.params or "{}"),
        j.created_at,
        j.started_at,
        j.finished_at,
    )


def _write_info(w: MacroWrite) -> WriteInfo:
    return WriteInfo(
        w.id,
        w.at,
        w.actor_id,
        w.actor_name,
        w.macro_id,
        w.before_sha256,
        w.after_sha256,
        w.pack_version,
        json.loads(w.before_actions),
        json.loads(w.after_actions),
        json.loads(w.suggestions or "[]"),
        w.undo_of,
        w.undone_by,
    )


class SqlJobStore:
    def __init__(self, engine: Engine, account: str) -> None:
        self.engine = engine
        self.account = account
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._lock = threading.Lock()

    @classmethod
    def connect(cls, url: str, account: str) -> SqlJobStore:
        store = cls(make_engine(url), account)
        store.ensure_schema()
        return store

    def ensure_schema(self) -> None:
        """Bring the database to the newest revision (at head this only reads the version)."""
        migrate.upgrade(self.engine)

    def _session(self) -> Session:
        return self._sessions()

    def create_job(
        self, kind: str, params: dict[str, Any], pack_version: str, actor: tuple[int | None, str]
    ) -> str:
        job_id = uuid.uuid4().hex
        with self._session() as s, s.begin():
            s.add(
                Job(
                    id=job_id,
                    account=self.account,
                    kind=kind,
                    status="queued",
                    params=json.dumps(params),
                    pack_version=pack_version,
                    actor_id=actor[0],
                    actor_name=actor[1],
                )
            )
        return job_id

    def _update(self, job_id: str, **values: Any) -> None:
        with self._session() as s, s.begin():
            s.execute(update(Job).where(Job.id == job_id).values(**values))

    def start(self, job_id: str, pack_version: str | None = None) -> None:
        values: dict[str, Any] = {"status": "running", "started_at": datetime.now(UTC)}
        if pack_version:
            values["pack_version"] = pack_version
        self._update(job_id, **values)

    def progress(self, job_id: str, phase: str, done: int, total: int | None) -> None:
        self._update(job_id, phase=phase, done=done, total=total)

    def add_results(self, job_id: str, reports: list[dict[str, Any]]) -> None:
        if not reports:
            return
        with self._session() as s, s.begin():
            ids = [r["macro_id"] for r in reports]
            s.execute(
                delete(JobResult).where(JobResult.job_id == job_id, JobResult.macro_id.in_(ids))
            )  # a retried batch replaces itself
            s.add_all(
                JobResult(
                    job_id=job_id,
                    macro_id=r["macro_id"],
                    score=r["score"],
                    status=r["status"],
                    report=json.dumps(r, ensure_ascii=False),
                )
                for r in reports
            )

    def finish(self, job_id: str, status: str, errors: int, error: str = "") -> None:
        self._update(
            job_id, status=status, errors=errors, error=error, finished_at=datetime.now(UTC)
        )

    def reap_stale(self, kind: str, quiet_seconds: float) -> int:
        """End as failed the unfinished jobs that reported nothing for ``quiet_seconds``."""
        cutoff = datetime.now(UTC) - timedelta(seconds=quiet_seconds)
        with self._session() as s, s.begin():
            result = s.execute(
                update(Job)
                .where(
                    Job.account == self.account,
                    Job.kind == kind,
                    Job.status.in_(("queued", "running")),
                    Job.updated_at < cutoff,
                )
                .values(
                    status="failed",
                    error="the worker stopped reporting; results so far are kept",
                    finished_at=datetime.now(UTC),
                )
            )
            return int(getattr(result, "rowcount", 0) or 0)

    def job(self, job_id: str) -> JobInfo | None:
        with self._session() as s:
            j = s.get(Job, job_id)
            return None if j is None or j.account != self.account else _info(j)

    def latest(self, kind: str) -> JobInfo | None:
        with self._session() as s:
            j = s.scalars(
                select(Job)
                .where(Job.account == self.account, Job.kind == kind)
                .order_by(Job.created_at.desc())
                .limit(1)
            ).first()
            return None if j is None else _info(j)

    def results(self, job_id: str) -> list[dict[str, Any]]:
        with self._session() as s:
            rows = s.scalars(select(JobResult.report).where(JobResult.job_id == job_id)).all()
        return [json.loads(r) for r in rows]

    def record_write(self, **fields: Any) -> WriteInfo:
        for key in ("before_actions", "after_actions", "suggestions"):
            fields[key] = json.dumps(fields.get(key, []), ensure_ascii=False)
        with self._session() as s, s.begin():
            row = MacroWrite(account=self.account, **fields)
            s.add(row)
            s.flush()
            return _write_info(row)

    def write(self, write_id: int) -> WriteInfo | None:
        with self._session() as s:
            w = s.get(MacroWrite, write_id)
            return None if w is None or w.account != self.account else _write_info(w)

    def writes(self, macro_id: int | None = None, limit: int = 100) -> list[WriteInfo]:
        q = select(MacroWrite).where(MacroWrite.account == self.account)
        if macro_id is not None:
            q = q.where(MacroWrite.macro_id == macro_id)
        with self._session() as s:
            rows = s.scalars(q.order_by(MacroWrite.id.desc()).limit(limit)).all()
            return [_write_info(w) for w in rows]

    def mark_undone(self, write_id: int, by: int) -> None:
        with self._session() as s, s.begin():
            s.execute(update(MacroWrite).where(MacroWrite.id == write_id).values(undone_by=by))
