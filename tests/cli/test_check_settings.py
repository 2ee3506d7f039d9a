"""`coach check --rules FILE` reads the pack's settings block: mood moves, category severities."""

from __future__ import annotations

import json
from pathlib import Path

from flask.testing import FlaskCliRunner

from plugin.coach.rules import DEFAULT_PACK

# Our own words: a reply that blames the customer.
BLAME = "Hello,\n\nYou should have read the guide. I have sent it again.\n"


def _pack(tmp_path: Path, block: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(DEFAULT_PACK.read_text(encoding="utf-8") + block, encoding="utf-8")
    return path


def _review(runner: FlaskCliRunner, tmp_path: Path, *extra: str) -> dict[str, object]:
    (tmp_path / "d.txt").write_text(BLAME)
    res = runner.invoke(args=["coach", "check", str(tmp_path / "d.txt"), "--json", *extra])
    assert res.exit_code == 0, res.output
    review: dict[str, object] = json.loads(res.output)
    return review


def test_a_category_turned_off_in_the_pack_file_is_not_coached(
    runner: FlaskCliRunner, tmp_path: Path
) -> None:
    before = _review(runner, tmp_path)
    findings = before["findings"]
    assert isinstance(findings, list) and any(f["category"] == "tone" for f in findings)
    pack = _pack(tmp_path, "settings:\n  category_severity:\n    tone: 'off'\n")
    after = _review(runner, tmp_path, "--rules", str(pack))
    findings = after["findings"]
    assert isinstance(findings, list) and not any(f["category"] == "tone" for f in findings)
    categories = after["categories"]
    assert isinstance(categories, dict) and categories["tone"]["status"] == "n/a"


def test_a_bad_setting_in_the_pack_file_names_field_and_line(
    runner: FlaskCliRunner, tmp_path: Path
) -> None:
    pack = _pack(tmp_path, "settings:\n  mood_moves:\n    angry: [apologize, shrug]\n")
    line = len(pack.read_text(encoding="utf-8").splitlines())
    (tmp_path / "d.txt").write_text(BLAME)
    res = runner.invoke(args=["coach", "check", str(tmp_path / "d.txt"), "--rules", str(pack)])
    assert res.exit_code != 0
    assert f"line {line}: settings.mood_moves.angry[1]: unknown move 'shrug'" in res.output
