"""Macro lint as a background job over the API: start, leave, come back to a stored report."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from macro_fixtures import macros
from macro_server import serve_macros
from recording_server import RecordingServer, Reply

from plugin import create_app
from plugin.jobs import jobs_of

LOOPBACK = {"REMOTE_ADDR": "127.0.0.1"}
ZENDESK = {
    "zendesk_subdomain": "acme",
    "zendesk_email": "agent@example.com",
    "zendesk_api_token": "test-token",
}


@pytest.fixture
def app_config(app_config: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    return app_config | ZENDESK | {"database_url": f"sqlite:///{tmp_path / 'jobs.sqlite3'}"}


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("plugin.zendesk.macros.BACKOFF_SECONDS", 0.01)


def _wait(app: Flask) -> None:
    runner = jobs_of(app).runner
    runner.wait()  # type: ignore[attr-defined]


def _start(app: Flask, **body: Any) -> dict[str, Any]:
    res = app.test_client().post("/api/v1/macros/lint", json=body, environ_base=LOOPBACK)
    assert res.status_code == 202, res.get_json()
    job: dict[str, Any] = res.get_json()["job"]
    return job


def test_a_run_finishes_without_anyone_watching_and_the_report_opens_next_time(
    app: Flask, app_config: dict[str, Any], zendesk: RecordingServer
) -> None:
    serve_macros(zendesk, macros(130))
    job = _start(app)
    # the local worker may already have picked it up when the answer is written
    assert job["status"] in ("queued", "running") and job["pack_version"]
    _wait(app)  # nobody polls: the page was closed
    later = create_app(app_config).test_client()  # another process, same database
    latest = later.get("/api/v1/macros/lint/latest", environ_base=LOOPBACK).get_json()["job"]
    assert latest["job_id"] == job["job_id"] and latest["status"] == "done"
    assert latest["done"] == latest["total"] == 130
    assert latest["started_at"] and latest["finished_at"]
    report = later.get(
        f"/api/v1/macros/lint/{job['job_id']}/report", environ_base=LOOPBACK
    ).get_json()
    scores = [m["score"] for m in report["macros"] if m["score"] is not None]
    assert report["count"] == 130 and scores == sorted(scores)


def test_progress_is_visible_while_the_run_goes_on(app: Flask, zendesk: RecordingServer) -> None:
    targets = serve_macros(zendesk, macros(150))
    slow = zendesk.reply_for("GET", targets[1])
    zendesk.route("GET", targets[1], Reply(slow.status, slow.body, slow.headers, delay=0.8))
    job = _start(app)
    seen = set()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        res = app.test_client().get(f"/api/v1/macros/lint/{job['job_id']}", environ_base=LOOPBACK)
        seen.add(res.get_json()["job"]["status"])
        if res.get_json()["job"]["status"] == "done":
            break
        time.sleep(0.05)
    assert {"running", "done"} <= seen


def test_a_second_start_while_running_returns_the_same_job(
    app: Flask, zendesk: RecordingServer
) -> None:
    targets = serve_macros(zendesk, macros(120))
    slow = zendesk.reply_for("GET", targets[1])
    zendesk.route("GET", targets[1], Reply(slow.status, slow.body, slow.headers, delay=0.5))
    first = _start(app)
    res = app.test_client().post("/api/v1/macros/lint", json={}, environ_base=LOOPBACK)
    assert res.get_json()["job"]["job_id"] == first["job_id"] and res.get_json()["already_running"]
    _wait(app)


def test_report_filters_and_csv_export(app: Flask, zendesk: RecordingServer) -> None:
    serve_macros(zendesk, macros(30))
    job = _start(app)
    _wait(app)
    client = app.test_client()
    base = f"/api/v1/macros/lint/{job['job_id']}/report"

    def get(query: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = client.get(base + query, environ_base=LOOPBACK).get_json()[
            "macros"
        ]
        return rows

    everything = get("")
    in_group = get("?group=42")
    assert in_group and all(42 in m["group_ids"] for m in in_group)
    assert len(in_group) == sum(42 in m["group_ids"] for m in everything)
    generic = get("?tag=generic")
    assert generic and all("generic" in m["tags"] for m in generic)
    assert len(get("?category=refunds")) == 30 and get("?category=Shipping") == []
    assert len(get("?only_active=1")) == sum(m["active"] for m in everything)
    csv = client.get(base + "?format=csv&tag=generic", environ_base=LOOPBACK)
    assert csv.mimetype == "text/csv" and csv.get_data(as_text=True).count("\n") == 1 + len(generic)
    full = client.get(base, environ_base=LOOPBACK).get_json()
    assert full["facets"]["groups"] == {"42": len(in_group)}
    assert full["facets"]["tags"]["generic"] == len(generic)
    assert full["facets"]["categories"] == {"Billing": 30, "Refunds": 30}
    download = client.get(base + "?download=1", environ_base=LOOPBACK)
    assert "attachment" in download.headers["Content-Disposition"]
    bad = client.get(base + "?tag=lovely", environ_base=LOOPBACK)
    assert bad.status_code == 400 and "tag must be one of" in bad.get_json()["error"]["message"]


def test_a_listing_that_fails_keeps_every_result_and_says_why(
    app: Flask, zendesk: RecordingServer
) -> None:
    targets = serve_macros(zendesk, macros(150))
    zendesk.route("GET", targets[1], Reply(500, {"error": "InternalError"}))
    job = _start(app)
    _wait(app)
    client = app.test_client()
    status = client.get(f"/api/v1/macros/lint/{job['job_id']}", environ_base=LOOPBACK).get_json()
    assert status["job"]["status"] == "partial" and "after 100 macros" in status["job"]["error"]
    report = client.get(
        f"/api/v1/macros/lint/{job['job_id']}/report", environ_base=LOOPBACK
    ).get_json()
    assert report["count"] == 100


def test_one_macro_that_cannot_be_linted_is_that_macros_error(
    app: Flask, zendesk: RecordingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_macros(zendesk, macros(20))
    import plugin.macros.run as run

    real = run.lint_macro

    def flaky(coach: Any, macro: Any) -> Any:
        if macro.id == 900_007:
            raise RuntimeError("the coach tripped")
        return real(coach, macro)

    monkeypatch.setattr(run, "lint_macro", flaky)
    job = _start(app)
    _wait(app)
    client = app.test_client()
    status = client.get(f"/api/v1/macros/lint/{job['job_id']}", environ_base=LOOPBACK).get_json()
    assert status["job"]["status"] == "done" and status["job"]["errors"] == 1
    rows = client.get(
        f"/api/v1/macros/lint/{job['job_id']}/report", environ_base=LOOPBACK
    ).get_json()["macros"]
    assert len(rows) == 20 and rows[0]["macro_id"] == 900_007 and rows[0]["status"] == "error"
    assert "RuntimeError" in rows[0]["error"]


def test_a_run_of_2000_macros_through_every_fault_finishes(
    app: Flask, zendesk: RecordingServer
) -> None:
    targets = serve_macros(zendesk, macros(2000))
    for page, fault in (
        (3, Reply(429, {"error": "TooManyRequests"}, {"Retry-After": "1"})),
        (7, Reply(500, {"error": "InternalError"})),
    ):
        zendesk.route("GET", targets[page], fault, zendesk.reply_for("GET", targets[page]))
    slow = zendesk.reply_for("GET", targets[12])
    zendesk.route("GET", targets[12], Reply(slow.status, slow.body, slow.headers, delay=0.5))
    job = _start(app)
    _wait(app)
    client = app.test_client()
    status = client.get(f"/api/v1/macros/lint/{job['job_id']}", environ_base=LOOPBACK).get_json()
    assert status["job"]["status"] == "done" and status["job"]["done"] == 2000
    report = client.get(
        f"/api/v1/macros/lint/{job['job_id']}/report", environ_base=LOOPBACK
    ).get_json()
    assert report["count"] == 2000 and len({m["macro_id"] for m in report["macros"]}) == 2000


def test_a_job_whose_worker_vanished_does_not_block_the_next_run(
    app: Flask, zendesk: RecordingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_macros(zendesk, macros(5))
    store = jobs_of(app).store
    orphan = store.create_job("lint", {}, "1", (None, "someone"))
    store.start(orphan)  # ...and its process died here
    monkeypatch.setattr("plugin.web.macros_api.STALE_SECONDS", 0)
    time.sleep(0.01)
    job = _start(app)
    assert job["job_id"] != orphan
    assert store.job(orphan).status == "failed"  # type: ignore[union-attr]
    _wait(app)


def test_the_run_records_the_pack_it_was_coached_with(app: Flask, zendesk: RecordingServer) -> None:
    serve_macros(zendesk, macros(3))
    app.config["STORE_VERSION_TTL"] = 0  # see a new version at once
    first = _start(app)
    _wait(app)
    assert jobs_of(app).store.job(first["job_id"]).pack_version.startswith("file pack")  # type: ignore[union-attr]
    res = app.test_cli_runner().invoke(args=["db", "upgrade", "--seed"])
    assert res.exit_code == 0, res.output
    second = _start(app)
    _wait(app)
    info = jobs_of(app).store.job(second["job_id"])
    assert info is not None and info.pack_version == "account pack v1"
