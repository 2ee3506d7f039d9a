"""POST /api/v1/grammar names the suggestions LanguageTool objects to (the UI drops them)."""

from __future__ import annotations

import pytest
from fake_languagetool import OBJECT_TO, serve

from plugin import create_app
from plugin.coach import languagetool

DRAFT = "Hello,\n\nCould you send me a photo of the box?\n\nBest,\nSam"
MESSAGE = "My parcel arrived broken and nobody answers!!!"


def test_grammar_lane_lists_objected_suggestions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(languagetool, "_slots", {})
    monkeypatch.delenv("LANGUAGETOOL_URL", raising=False)
    with serve() as (url, _):
        app = create_app(
            {
                "dev": True,
                "secret_key": "test-secret-0123456789abcdef0123456789",
                "languagetool_url": url,
            }
        )
        client = app.test_client()
        client.environ_base.update({"REMOTE_ADDR": "127.0.0.1"})
        body = {"draft": DRAFT, "customer_message": MESSAGE}
        check = client.post("/api/v1/check", json=body).get_json()
        grammar = client.post("/api/v1/grammar", json=body).get_json()
    owned = next(f for f in check["findings"] if f["rule_id"] == "missing-ownership")
    assert OBJECT_TO in owned["suggestions"][0]["edits"][0]["replacement"]
    assert {
        "rule_id": "missing-ownership",
        "start": owned["start"],
        "end": owned["end"],
        "label": owned["suggestions"][0]["label"],
    } in grammar["objections"]
