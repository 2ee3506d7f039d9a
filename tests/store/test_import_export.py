"""Import/export in the CLI's `--rules` schema: invalid packs refused whole, exact round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask import Flask

from plugin import create_app
from plugin.coach.rules import load_pack
from plugin.store.errors import PackInvalid
from plugin.store.packs import PackStore
from plugin.store.records import Author

ANA = Author(1, "Ana")

BROKEN = """\
version: 3
locale: en
rules:
  - id: stiff-regards
    category: closing
    kind: avoid
    phrases: [kind regards herewith]
    message: "Reads like a form letter."
  - id: loud-blame
    category: tone
    kind: avoid
    severity: deafening
    phrases: [that is on you]
    message: "Puts the fault on the customer."
  - id: odd-key
    category: tone
    kind: avoid
    phrases: [as stated]
    message: "Sounds impatient."
    colour: blue
  - id: broken-pattern
    category: tone
    kind: avoid
    patterns: ["(unclosed"]
    message: "Never compiles."
  - id: stiff-regards
    category: closing
    kind: avoid
    phrases: [with regards]
    message: "Twice the same id."
glossary:
  - term: MFA
    plain: a second sign-in step
  - term: RMA
"""


def test_invalid_pack_is_refused_whole_naming_rule_field_and_line(seeded: PackStore) -> None:
    with pytest.raises(PackInvalid) as caught:
        seeded.import_yaml("acme", BROKEN, base=1, author=ANA)
    found = [(p.rule, p.field, p.line) for p in caught.value.problems]
    assert found == [
        ("loud-blame", "severity", 12),
        ("odd-key", "colour", 20),
        ("broken-pattern", "patterns", 24),
        ("stiff-regards", "id", 26),
        (None, "glossary", 34),
    ]
    assert "first at line 4" in caught.value.problems[3].message
    assert caught.value.status == 422
    assert json.loads(json.dumps(caught.value.to_dict()))["problems"][0]["line"] == 12
    assert seeded.head_number("acme") == 1  # nothing of it was saved


def test_yaml_syntax_error_names_its_line(seeded: PackStore) -> None:
    text = "rules:\n  - id: a\n    phrases: [one, two\n    message: x\n"
    with pytest.raises(PackInvalid) as caught:
        seeded.import_yaml("acme", text, base=1, author=ANA)
    (problem,) = caught.value.problems
    assert problem.line is not None and problem.line >= 3
    assert problem.message.startswith("invalid YAML")


GOOD = (
    BROKEN.split("  - id: loud-blame")[0]
    + "glossary:\n  - term: MFA\n    plain: a second sign-in step\n"
)


def test_export_import_round_trips_exactly(seeded: PackStore, tmp_path: Path) -> None:
    # an edit made as data (as the console does) is exported as YAML the CLI reads
    pack = seeded.snapshot("acme").pack
    pack["rules"][1]["severity"] = "warning"
    pack["allowlist"] = [*pack["allowlist"], "zorbly"]
    v2 = seeded.save("acme", base=1, author=ANA, pack=pack)
    exported = seeded.export_yaml("acme")
    path = tmp_path / "pack.yaml"
    path.write_text(exported, encoding="utf-8")
    from_file = load_pack(path)
    assert from_file.rules[1].severity == "warning" and "zorbly" in from_file.allowlist
    # importing the export into another account gives the same text and the same pack
    seeded.import_yaml("other", exported, base=0, author=ANA)
    assert seeded.export_yaml("other") == exported
    # and re-importing it unchanged makes no new version
    assert seeded.import_yaml("acme", exported, base=2, author=ANA).number == v2.number
    # a hand-written pack (comments, flow lists, quoting) is kept byte for byte
    seeded.import_yaml("acme", "# ours\n" + GOOD, base=2, author=ANA)
    assert seeded.export_yaml("acme") == "# ours\n" + GOOD


def test_db_export_and_import_commands(database_url: str, tmp_path: Path) -> None:
    app: Flask = create_app({"dev": True, "database_url": database_url}, serving=False)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade", "--seed"]).exit_code == 0
    out = tmp_path / "export.yaml"
    res = runner.invoke(args=["db", "export", "-o", str(out)])
    assert res.exit_code == 0, res.output
    # the exported pack coaches through the CLI's --rules like any pack file
    draft = tmp_path / "draft.txt"
    draft.write_text("Hi Jo, thanks for your patience. The parcel left today.", encoding="utf-8")
    res = runner.invoke(args=["coach", "check", str(draft), "--rules", str(out), "--json"])
    assert res.exit_code == 0, res.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN, encoding="utf-8")
    args = ["db", "import", str(bad), "--base", "1", "--author-name", "Ana", "--author-id", "1"]
    res = runner.invoke(args=args)
    assert res.exit_code == 1
    assert "line 12, rule 'loud-blame', field 'severity'" in res.output
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    res = runner.invoke(args=["db", "import", str(good), "--base", "1", "--author-name", "Ana"])
    assert res.exit_code == 0 and "pack version 2" in res.output
    res = runner.invoke(args=["db", "history"])
    assert res.output.splitlines()[0].startswith("v2 ") and "Ana  import" in res.output
    store: PackStore = app.extensions["store"]
    assert store.export_yaml("local") == GOOD
    store.db.dispose()
