"""`flask --app wsgi coach check` on real files, as a macro author would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from flask.testing import FlaskCliRunner

COLD = "Hello,\n\nYou should have read the guide. Calm down, it's company policy.\n"


def test_check_file_prints_score_and_findings(runner: FlaskCliRunner, tmp_path: Path) -> None:
    draft = tmp_path / "reply.txt"
    draft.write_text(COLD)
    res = runner.invoke(args=["coach", "check", str(draft)])
    assert res.exit_code == 0, res.output
    assert "score" in res.output
    assert f"{draft}:3:1:" in res.output  # file:line:col of "You should have read"


def test_check_json_with_customer_file(runner: FlaskCliRunner, tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text(COLD)
    (tmp_path / "c.txt").write_text("WHERE IS MY REFUND?!!! Third time asking.")
    res = runner.invoke(
        args=[
            "coach",
            "check",
            str(tmp_path / "d.txt"),
            "--customer",
            str(tmp_path / "c.txt"),
            "--json",
        ]
    )
    review = json.loads(res.output)
    assert review["customer_mood"]["label"] in {"frustrated", "angry"}
    assert all(COLD[f["start"] : f["end"]] == f["text"] for f in review["findings"])


def test_rules_option_replaces_the_default_pack(runner: FlaskCliRunner, tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "version: 1\nlocale: en\nrules:\n"
        "  - id: no-widgets\n    category: tone\n    kind: avoid\n"
        "    phrases: [widget]\n    severity: warning\n    message: Say 'device'.\n"
    )
    (tmp_path / "d.txt").write_text("Your widget is ready. You should have read the guide.")
    res = runner.invoke(
        args=["coach", "check", str(tmp_path / "d.txt"), "--rules", str(pack), "--json"]
    )
    ids = {f["rule_id"] for f in json.loads(res.output)["findings"]}
    assert "no-widgets" in ids
    assert not any(i.startswith("blame") for i in ids)


def test_bad_rules_file_is_a_clear_error(runner: FlaskCliRunner, tmp_path: Path) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text("rules:\n  - id: x\n    kind: nonsense\n")
    (tmp_path / "d.txt").write_text("Hi")
    res = runner.invoke(args=["coach", "check", str(tmp_path / "d.txt"), "--rules", str(pack)])
    assert res.exit_code != 0
    assert "bad.yaml" in res.output


def test_jsonl_batch_keeps_order_and_reports_bad_lines(
    runner: FlaskCliRunner, tmp_path: Path
) -> None:
    lines = [
        json.dumps({"id": "a", "draft": COLD}),
        "{not json",
        json.dumps({"id": "c", "draft": "   "}),
        json.dumps({"id": "d", "draft": "<p>Hi Ana, thanks!</p>", "format": "html"}),
        json.dumps({"id": "e", "draft": "ok", "format": "pdf"}),
    ]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n")
    res = runner.invoke(args=["coach", "check", "--jsonl", str(batch)])
    assert res.exit_code == 1
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", None, "c", "d", "e"]
    assert "score" in out[0] and "score" in out[3]
    assert out[1]["error"]["line"] == 2
    assert "empty" in out[2]["error"]["message"]
    assert "format" in out[4]["error"]["message"]


def test_unreadable_and_non_utf8_files(runner: FlaskCliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(args=["coach", "check", str(tmp_path / "nope.txt")])
    assert missing.exit_code != 0 and "cannot read" in missing.output
    latin = tmp_path / "latin.txt"
    latin.write_bytes("café".encode("latin-1"))
    bad = runner.invoke(args=["coach", "check", str(latin)])
    assert bad.exit_code != 0 and "not valid UTF-8" in bad.output


def test_real_flask_command_reads_stdin_without_secrets(tmp_path: Path) -> None:
    """The documented command, in a real process, with no Zendesk settings at all."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    flask = str(Path(sys.executable).parent / "flask")
    res = subprocess.run(
        [flask, "--app", "wsgi", "coach", "check", "--jsonl", "-"],
        input=json.dumps({"id": 1, "draft": COLD}) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["id"] == 1


def test_core_imports_no_adapter_libraries() -> None:
    code = (
        "import sys, plugin.coach.review, plugin.coach.grammar;"
        "bad = [m for m in ('flask', 'zenpy', 'sqlalchemy') if m in sys.modules];"
        "print(','.join(bad))"
    )
    res = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ""
