"""With REDIS_URL the lint runs in a real Celery worker, fed through a real Redis."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from macro_fixtures import macros
from macro_server import serve_macros
from recording_server import RecordingServer

REPO = Path(__file__).resolve().parents[2]
LOOPBACK = {"REMOTE_ADDR": "127.0.0.1"}


@pytest.fixture
def app_config(app_config: dict[str, Any], tmp_path: Path, redis_url: str) -> dict[str, Any]:
    return app_config | {
        "zendesk_subdomain": "acme",
        "zendesk_email": "agent@example.com",
        "zendesk_api_token": "test-token",
        "database_url": f"sqlite:///{tmp_path / 'jobs.sqlite3'}",
        "redis_url": redis_url,
    }


@pytest.fixture
def worker(
    app_config: dict[str, Any], zendesk: RecordingServer, redis_client: Any
) -> Iterator[subprocess.Popen[bytes]]:
    env = os.environ | {
        "REDIS_URL": app_config["redis_url"],
        "DATABASE_URL": app_config["database_url"],
        "ZENDESK_SUBDOMAIN": "acme",
        "ZENDESK_EMAIL": "agent@example.com",
        "ZENDESK_API_TOKEN": "test-token",
        "ZENPY_FORCE_SCHEME": "http",
        "ZENPY_FORCE_NETLOC": zendesk.netloc,
        "COACH_DEV": "1",
    }
    args = [sys.executable, "-m", "celery", "-A", "plugin.jobs.worker", "worker"]
    args += ["--pool=solo", "--loglevel=WARNING", "--without-gossip", "--without-mingle"]
    proc = subprocess.Popen(args, cwd=REPO, env=env, stdout=subprocess.DEVNULL)
    yield proc
    proc.terminate()
    proc.wait(timeout=20)


def test_the_job_is_run_by_a_celery_worker(
    app: Flask, zendesk: RecordingServer, worker: subprocess.Popen[bytes]
) -> None:
    serve_macros(zendesk, macros(60))
    client = app.test_client()
    res = client.post("/api/v1/macros/lint", json={"only_active": True}, environ_base=LOOPBACK)
    assert res.status_code == 202 and res.get_json()["runner"] == "celery"
    job_id = res.get_json()["job"]["job_id"]
    deadline = time.monotonic() + 90  # the worker loads the coach's lexicons first
    status: dict[str, Any] = {}
    while time.monotonic() < deadline and worker.poll() is None:
        status = client.get(f"/api/v1/macros/lint/{job_id}", environ_base=LOOPBACK).get_json()
        if status["job"]["status"] in ("done", "partial", "failed"):
            break
        time.sleep(0.2)
    assert status["job"]["status"] == "done", status
    report = client.get(f"/api/v1/macros/lint/{job_id}/report", environ_base=LOOPBACK).get_json()
    assert report["count"] == sum(1 for m in macros(60) if m["active"])
    assert zendesk.hits("/api/v2/macros.json")  # the worker, not this process, asked Zendesk
