"""The batch CLI on hostile lines: each bad line gets its error, the rest still run,
and every line written is strict JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskCliRunner

REPO = Path(__file__).resolve().parents[2]
DRAFT = "Hello,\n\nYou should have read the guide.\n"


def strict(line: str) -> dict[str, Any]:
    """json.loads that refuses NaN/Infinity, as strict JSON parsers do."""

    def refuse(name: str) -> None:
        raise ValueError(f"not JSON: {name}")

    value = json.loads(line, parse_constant=refuse)
    line.encode("utf-8")  # a lone surrogate would fail here
    assert isinstance(value, dict)
    return value


def test_bad_lines_get_their_error_and_the_rest_still_run(
    runner: FlaskCliRunner, tmp_path: Path
) -> None:
    good = json.dumps({"id": "first", "draft": DRAFT})
    lines = [
        good.encode(),
        b'{"id": 2, "draft": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        b'{"id": "\\ud800", "draft": "Hi there."}',
        b'{"id": 4, "draft": "Hi \\udc00 there."}',
        b'{"id": 5, "draft": "Hi there.", "customer_message": "\\ud83d late"}',
        b'{"id": NaN, "draft": "Hi there."}',
        b'{"id": Infinity, "draft": "Hi there."}',
        b'{"id": 8, "draft": "caf\xe9"}',  # not UTF-8
        b'{"id": 9, "draft": ' + b"9" * 5000 + b"}",
        '{"id": 10, "draft": "Thanks\u2028for waiting."}'.encode(),  # raw U+2028 is valid JSON
        json.dumps({"id": "last", "draft": "Hi there, thanks for waiting!"}).encode(),
    ]
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(b"\n".join(lines) + b"\n")
    res = runner.invoke(args=["coach", "check", "--jsonl", str(batch)])
    assert res.exit_code == 1
    out = [strict(x) for x in res.stdout.splitlines()]
    assert len(out) == len(lines)  # one answer per line, in order
    assert [o["error"]["line"] for o in out if "error" in o] == [2, 3, 4, 5, 6, 7, 8, 9]
    assert out[0]["id"] == "first" and "score" in out[0]
    assert out[9]["id"] == 10 and "score" in out[9]
    assert out[10]["id"] == "last" and "score" in out[10]
    assert "nested too deeply" in out[1]["error"]["message"]
    assert "surrogate" in out[3]["error"]["message"]
    assert out[2]["id"] is None and out[5]["id"] is None  # an id that cannot be echoed


@pytest.mark.parametrize("name", [" ", "\t", "\u00a0"])
def test_a_blank_name_option_is_ignored(runner: FlaskCliRunner, tmp_path: Path, name: str) -> None:
    (tmp_path / "d.txt").write_text(DRAFT)
    res = runner.invoke(args=["coach", "check", str(tmp_path / "d.txt"), "--name", name, "--json"])
    assert res.exit_code == 0, res.output
    assert "score" in json.loads(res.output)


def _no_settings_env(tmp_path: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL")}
    return keep | {"HOME": str(tmp_path), "PYTHONPATH": str(REPO)}


def test_python_m_flask_coaches_offline_without_settings(tmp_path: Path) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", "coach", "check", "--jsonl", "-"],
        input=json.dumps({"id": 1, "draft": DRAFT}) + "\n",
        capture_output=True,
        text=True,
        env=_no_settings_env(tmp_path),
        timeout=120,
        cwd=REPO,
    )
    assert res.returncode == 0, res.stderr
    assert strict(res.stdout)["id"] == 1


def test_python_m_flask_run_still_refuses_to_serve_without_settings(tmp_path: Path) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", "run", "--port", "0"],
        capture_output=True,
        text=True,
        env=_no_settings_env(tmp_path),
        timeout=120,
        cwd=REPO,
    )
    assert res.returncode != 0
    assert "missing required settings" in res.stderr


def test_an_unexpected_failure_on_one_line_does_not_end_the_batch(
    runner: FlaskCliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plugin.coach.review import CheckRequest, Coach

    real = Coach.review

    def flaky(self: Coach, request: CheckRequest) -> Any:
        if "boom" in request.draft:
            raise RuntimeError("a defect in one analyzer")
        return real(self, request)

    monkeypatch.setattr(Coach, "review", flaky)
    batch = tmp_path / "b.jsonl"
    batch.write_text(
        "\n".join(json.dumps({"id": i, "draft": d}) for i, d in enumerate(["Hi.", "boom", "Bye."]))
    )
    res = runner.invoke(args=["coach", "check", "--jsonl", str(batch)])
    out = [strict(x) for x in res.stdout.splitlines()]
    assert res.exit_code == 1
    assert ["score" in o for o in out] == [True, False, True]
    assert out[1]["error"]["code"] == "internal" and "defect" not in out[1]["error"]["message"]
