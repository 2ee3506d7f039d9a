"""`coach check --channel/--internal` and the channel fields of a JSONL batch."""

from __future__ import annotations

import json
from pathlib import Path

from flask.testing import FlaskCliRunner

TURN = "Sorry for the mix-up! Could you send me the booking reference?"


def test_channel_option_and_human_output(runner: FlaskCliRunner, tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text(TURN)
    res = runner.invoke(args=["coach", "check", str(tmp_path / "d.txt"), "--channel", "chat"])
    assert res.exit_code == 0, res.output
    assert "channel: chat → chat" in res.output
    assert "Spelling & grammar" in res.output  # categories by their display label


def test_internal_flag_marks_a_note(runner: FlaskCliRunner, tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("Escalated to billing, waiting on them.")
    res = runner.invoke(args=["coach", "check", str(tmp_path / "d.txt"), "--internal", "--json"])
    review = json.loads(res.output)
    assert review["comment_type"] == "internal"
    assert review["categories"]["empathy"]["status"] == "n/a"


def test_batch_lines_carry_channel_and_comment_type(runner: FlaskCliRunner, tmp_path: Path) -> None:
    lines = [
        {"id": "a", "draft": TURN, "channel": "native_messaging"},
        {"id": "b", "draft": "@ana_p " + TURN},
        {"id": "c", "draft": TURN, "comment_type": "internal"},
        {"id": "d", "draft": TURN, "comment_type": "whisper"},
        {"id": "e", "draft": TURN, "channel": 7},
    ]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    res = runner.invoke(args=["coach", "check", "--jsonl", str(batch)])
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c", "d", "e"]
    assert out[0]["channel"]["register"] == "chat"
    assert out[1]["channel"] == {"name": None, "register": "social", "inferred": True}
    assert out[2]["comment_type"] == "internal"
    assert "comment_type" in out[3]["error"]["message"]
    assert "channel" in out[4]["error"]["message"]
    assert res.exit_code == 1
