"""`coach check --account`: the account's stored pack (and a brand's overrides) from the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from flask import Flask

from plugin import create_app
from plugin.store import migrate
from plugin.store.extension import store_of
from plugin.store.records import Author

DRAFT = "Hello Kim,\n\nYou should have read the guide. It ships today.\n"


def severities(app: Flask, draft: Path, *args: str) -> dict[str, str]:
    res = app.test_cli_runner().invoke(args=["coach", "check", str(draft), "--json", *args])
    assert res.exit_code == 0, res.output
    return {f["rule_id"]: f["severity"] for f in json.loads(res.output)["findings"]}


def test_check_uses_the_stored_pack_and_its_brand_overrides(tmp_path: Path) -> None:
    app = create_app(
        {"dev": True, "database_url": f"sqlite:///{tmp_path / 'r.sqlite3'}"}, serving=False
    )
    draft = tmp_path / "reply.txt"
    draft.write_text(DRAFT)
    store = store_of(app)
    migrate.upgrade(store.db.engine)
    store.seed("local")
    layer = {"rules": [{"id": "blame-you-should-have", "severity": "error"}]}
    store.save("local", base=1, author=Author(7, "Ada"), layers={"brand:360": layer})
    assert severities(app, draft)["blame-you-should-have"] == "warning"  # the shipped pack
    assert severities(app, draft, "--account")["blame-you-should-have"] == "warning"
    brand = severities(app, draft, "--account", "--brand", "360")
    assert brand["blame-you-should-have"] == "error"


def test_without_a_database_account_says_how_and_files_still_work(tmp_path: Path) -> None:
    app = create_app({"dev": True, "database_url": "sqlite://"}, serving=False)
    draft = tmp_path / "reply.txt"
    draft.write_text(DRAFT)
    res = app.test_cli_runner().invoke(args=["coach", "check", str(draft), "--account"])
    assert res.exit_code != 0 and "no stored rule pack for account 'local'" in res.output
    assert "blame-you-should-have" in severities(app, draft)
    both = app.test_cli_runner().invoke(
        args=["coach", "check", str(draft), "--account", "--rules", str(draft)]
    )
    assert both.exit_code == 2 and "not both" in both.output
