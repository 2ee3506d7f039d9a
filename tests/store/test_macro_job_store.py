"""The job store on SQLite and PostgreSQL: runs, batched results that replace themselves,
writes and their undo, all through the store's migrations."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from plugin.jobs.store import SqlJobStore


@pytest.fixture
def store(database_url: str) -> Iterator[SqlJobStore]:
    found = SqlJobStore.connect(database_url, "acme")  # migrates the empty database
    yield found
    found.engine.dispose()


def _report(macro_id: int, score: int | None = 80) -> dict[str, object]:
    return {"macro_id": macro_id, "score": score, "status": "ok", "title": f"m{macro_id}"}


def test_a_run_from_queued_to_done_keeps_its_results(store: SqlJobStore) -> None:
    job_id = store.create_job("lint", {"only_active": True}, "7", (42, "Ada"))
    assert store.job(job_id).status == "queued"  # type: ignore[union-attr]
    store.start(job_id)
    store.progress(job_id, "linting", 2, 3)
    store.add_results(job_id, [_report(1), _report(2, None)])
    store.add_results(job_id, [_report(2, 55)])  # a retried batch replaces its rows
    store.finish(job_id, "done", 0)
    info = store.job(job_id)
    assert info is not None and info.status == "done" and info.done == 2 and info.total == 3
    assert info.params == {"only_active": True} and info.actor_name == "Ada"
    assert info.started_at is not None and info.finished_at is not None
    assert sorted((r["macro_id"], r["score"]) for r in store.results(job_id)) == [(1, 80), (2, 55)]
    assert store.latest("lint").id == job_id  # type: ignore[union-attr]


def test_another_account_sees_nothing(store: SqlJobStore) -> None:
    job_id = store.create_job("lint", {}, "7", (None, "x"))
    other = SqlJobStore(store.engine, "globex")
    assert other.job(job_id) is None and other.latest("lint") is None


def test_writes_are_listed_newest_first_and_marked_undone(store: SqlJobStore) -> None:
    first = store.record_write(
        actor_id=1,
        actor_name="Ada",
        macro_id=9,
        before_sha256="a" * 64,
        after_sha256="b" * 64,
        pack_version="7",
        before_actions=[{"field": "comment_value", "value": "old"}],
        after_actions=[{"field": "comment_value", "value": "new"}],
        suggestions=["comment_value:f1:0"],
    )
    assert first.before_actions == [{"field": "comment_value", "value": "old"}]
    undo = store.record_write(
        actor_id=1,
        actor_name="Ada",
        macro_id=9,
        before_sha256="b" * 64,
        after_sha256="a" * 64,
        pack_version="7",
        before_actions=first.after_actions,
        after_actions=first.before_actions,
        undo_of=first.id,
    )
    store.mark_undone(first.id, undo.id)
    assert [w.id for w in store.writes(9)] == [undo.id, first.id]
    assert store.write(first.id).undone_by == undo.id  # type: ignore[union-attr]
