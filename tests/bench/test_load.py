"""The load test runs end to end on a small scale: gunicorn up, clients, 0 errors, stopped."""

from __future__ import annotations

import json
from pathlib import Path

from bench import load


def test_a_small_load_run_has_no_errors_and_stops_by_itself(tmp_path: Path) -> None:
    out = tmp_path / "load.json"
    args = ["--workers", "1", "--clients", "4", "--requests", "20", "--max-seconds", "30"]
    code = load.main([*args, "--out", str(out)])
    figures = json.loads(out.read_text())
    assert code == 0
    assert figures["requests"] == 20 and figures["errors"] == 0
    assert figures["checks_per_second"] > 0
