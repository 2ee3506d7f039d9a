"""`flask coach lint-macros` against the recorded-response server: worst first, exports."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from macro_fixtures import macro, macros
from macro_server import serve_macros
from recording_server import RecordingServer, Reply

ZENDESK = {
    "zendesk_subdomain": "acme",
    "zendesk_email": "agent@example.com",
    "zendesk_api_token": "test-token",
}


@pytest.fixture
def app_config(app_config: dict[str, Any]) -> dict[str, Any]:
    return app_config | ZENDESK


def _run(app: Flask, *args: str) -> Any:
    return app.test_cli_runner().invoke(args=["coach", "lint-macros", *args])


def test_lint_macros_prints_worst_first_and_writes_json_and_csv(
    app: Flask, zendesk: RecordingServer, tmp_path: Path
) -> None:
    serve_macros(zendesk, macros(130))
    out_json, out_csv = tmp_path / "r.json", tmp_path / "r.csv"
    result = _run(app, "--json", str(out_json), "--csv", str(out_csv), "--top", "0")
    assert result.exit_code == 0, result.output
    data = json.loads(out_json.read_text())
    scores = [m["score"] for m in data["macros"] if m["score"] is not None]
    assert len(data["macros"]) == 130 and scores == sorted(scores)
    assert data["pack_version"] and data["status"] == "done"
    rows = list(csv.DictReader(out_csv.open()))
    assert [int(r["macro_id"]) for r in rows] == [m["macro_id"] for m in data["macros"]]
    assert "linting macros" in result.stderr  # the progress bar
    printed = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(printed) == 130 and int(printed[0].split()[0]) == scores[0]


def test_only_active_skips_inactive_macros(
    app: Flask, zendesk: RecordingServer, tmp_path: Path
) -> None:
    serve_macros(zendesk, [macro(1), macro(5), macro(6)])  # macro 5 is inactive
    out = tmp_path / "r.json"
    assert _run(app, "--only-active", "--json", str(out)).exit_code == 0
    assert {m["macro_id"] for m in json.loads(out.read_text())["macros"]} == {900_001, 900_006}


def test_a_listing_that_fails_keeps_the_macros_already_listed(
    app: Flask, zendesk: RecordingServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("plugin.zendesk.macros.BACKOFF_SECONDS", 0.01)
    targets = serve_macros(zendesk, macros(150))
    zendesk.route("GET", targets[1], Reply(500, {"error": "InternalError"}))
    out = tmp_path / "r.json"
    result = _run(app, "--json", str(out))
    assert result.exit_code == 1
    data = json.loads(out.read_text())
    assert data["status"] == "partial" and "after 100 macros" in data["error"]
    assert len(data["macros"]) == 100
