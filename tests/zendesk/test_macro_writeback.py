"""Writing fixes back: dry-run diff, explicit confirmation, every other action kept, audit, undo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from macro_fixtures import REPLIES, macro
from macro_server import serve_macro
from recording_server import RecordingServer

from plugin.macros.liquid import placeholders

LOOPBACK = {"REMOTE_ADDR": "127.0.0.1"}
COLD = (
    "Hello,\n\nYour request has been received. As per our policy we can't refund opened "
    "items. {{dc.returns_footer}}"
)


@pytest.fixture
def app_config(app_config: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    return app_config | {
        "zendesk_subdomain": "acme",
        "zendesk_email": "agent@example.com",
        "zendesk_api_token": "test-token",
        "database_url": f"sqlite:///{tmp_path / 'jobs.sqlite3'}",
    }


def _macro(n: int, text: Any) -> dict[str, Any]:
    return macro(
        n,
        actions=[
            {"field": "status", "value": "pending"},
            {"field": "comment_value", "value": text},
            {"field": "set_tags", "value": "refund_policy"},
        ],
    )


def _post(client: FlaskClient, path: str, body: dict[str, Any]) -> Any:
    return client.post(path, json=body, environ_base=LOOPBACK)


def _offered(client: FlaskClient, macro_id: int) -> dict[str, str]:
    """Suggestion ids offered for the macro as served, as the author's report lists them."""
    from plugin.coach.review import Coach
    from plugin.coach.rules import load_pack
    from plugin.macros.lint import lint_macro
    from plugin.macros.writeback import suggestion_ids
    from plugin.zendesk.macros import parse_macro

    raw = _SERVED[macro_id]
    report = lint_macro(Coach(load_pack()), parse_macro(raw)).to_dict()
    return {k: label for k, (_, _, label) in suggestion_ids(report).items()}


_SERVED: dict[int, dict[str, Any]] = {}


def _serve(zendesk: RecordingServer, raw: dict[str, Any]) -> int:
    serve_macro(zendesk, raw)
    _SERVED[raw["id"]] = raw
    return int(raw["id"])


def _puts(zendesk: RecordingServer) -> list[dict[str, Any]]:
    return [
        json.loads(h.body)["macro"] for h in zendesk.hits("/api/v2/macros/") if h.method == "PUT"
    ]


def test_preview_shows_a_diff_and_writes_nothing(app: Flask, zendesk: RecordingServer) -> None:
    client = app.test_client()
    macro_id = _serve(zendesk, _macro(1, COLD))
    offered = _offered(client, macro_id)
    greet = next(k for k, label in offered.items() if "first_name" in label)
    res = _post(client, f"/api/v1/macros/{macro_id}/preview", {"suggestions": [greet]})
    assert res.status_code == 200, res.get_json()
    plan = res.get_json()["plan"]
    assert res.get_json()["dry_run"] is True and plan["changed"]
    assert "+Hi {{ticket.requester.first_name}}," in plan["diffs"]["comment_value"]
    assert plan["after_actions"][0] == plan["before_actions"][0]
    assert plan["after_actions"][2] == plan["before_actions"][2]
    assert _puts(zendesk) == []


def test_only_a_confirmed_write_puts_and_every_other_action_is_kept(
    app: Flask, zendesk: RecordingServer
) -> None:
    client = app.test_client()
    macro_id = _serve(zendesk, _macro(2, ["channel:all", COLD]))
    offered = _offered(client, macro_id)
    chosen = list(offered)[:2]
    preview = _post(client, f"/api/v1/macros/{macro_id}/preview", {"suggestions": chosen})
    plan = preview.get_json()["plan"]
    url = f"/api/v1/macros/{macro_id}/write"
    unconfirmed = _post(
        client, url, {"suggestions": chosen, "before_sha256": plan["before_sha256"]}
    )
    assert unconfirmed.status_code == 400 and _puts(zendesk) == []
    res = _post(
        client,
        url,
        {"suggestions": chosen, "before_sha256": plan["before_sha256"], "confirm": True},
    )
    assert res.status_code == 201, res.get_json()
    (sent,) = _puts(zendesk)
    assert sent["actions"] == plan["after_actions"]
    assert [a["field"] for a in sent["actions"]] == ["status", "comment_value", "set_tags"]
    assert sent["actions"][0] == {"field": "status", "value": "pending"}
    channel, text = sent["actions"][1]["value"]  # the [channel, text] form is kept
    assert channel == "channel:all" and text != COLD
    assert set(placeholders(COLD)) <= set(placeholders(text))
    audit = res.get_json()["audit"]
    assert audit["macro_id"] == macro_id and audit["actor_name"] == "local developer"
    assert audit["before_sha256"] == plan["before_sha256"]
    assert audit["after_sha256"] == plan["after_sha256"] and audit["pack_version"]
    listed = client.get(f"/api/v1/macros/writes?macro_id={macro_id}", environ_base=LOOPBACK)
    assert [w["id"] for w in listed.get_json()["writes"]] == [audit["id"]]


def test_a_macro_changed_since_the_preview_is_not_overwritten(
    app: Flask, zendesk: RecordingServer
) -> None:
    client = app.test_client()
    macro_id = _serve(zendesk, _macro(3, COLD))
    chosen = list(_offered(client, macro_id))[:1]
    plan = _post(client, f"/api/v1/macros/{macro_id}/preview", {"suggestions": chosen}).get_json()[
        "plan"
    ]
    serve_macro(zendesk, _macro(3, COLD + " Edited meanwhile."))
    res = _post(
        client,
        f"/api/v1/macros/{macro_id}/write",
        {"suggestions": chosen, "before_sha256": plan["before_sha256"], "confirm": True},
    )
    assert res.status_code == 409 and _puts(zendesk) == []


def test_a_write_is_undone_from_its_audit_entry_once(app: Flask, zendesk: RecordingServer) -> None:
    client = app.test_client()
    original = _macro(4, COLD)
    macro_id = _serve(zendesk, original)
    chosen = list(_offered(client, macro_id))[:1]
    plan = _post(client, f"/api/v1/macros/{macro_id}/preview", {"suggestions": chosen}).get_json()[
        "plan"
    ]
    body = {"suggestions": chosen, "before_sha256": plan["before_sha256"], "confirm": True}
    written = _post(client, f"/api/v1/macros/{macro_id}/write", body).get_json()["audit"]
    undo_url = f"/api/v1/macros/writes/{written['id']}/undo"
    assert _post(client, undo_url, {}).status_code == 400  # not confirmed
    res = _post(client, undo_url, {"confirm": True})
    assert res.status_code == 201, res.get_json()
    assert _puts(zendesk)[-1]["actions"] == original["actions"]
    undo = res.get_json()["audit"]
    assert undo["undo_of"] == written["id"] and undo["after_sha256"] == written["before_sha256"]
    assert _post(client, undo_url, {"confirm": True}).status_code == 409


def test_two_macros_fixed_after_their_diffs_keep_every_placeholder(
    app: Flask, zendesk: RecordingServer
) -> None:
    client = app.test_client()
    for n, text in ((5, REPLIES[1]), (6, REPLIES[2])):
        macro_id = _serve(zendesk, _macro(n, text))
        chosen = list(_offered(client, macro_id))
        plan = _post(
            client, f"/api/v1/macros/{macro_id}/preview", {"suggestions": chosen[:1]}
        ).get_json()["plan"]
        body = {"suggestions": chosen[:1], "before_sha256": plan["before_sha256"], "confirm": True}
        assert _post(client, f"/api/v1/macros/{macro_id}/write", body).status_code == 201
        text_after = _puts(zendesk)[-1]["actions"][1]["value"]
        kept = iter(placeholders(text_after))
        assert all(any(p == k for k in kept) for p in placeholders(text))


def test_unknown_suggestions_and_unknown_macros_are_refused(
    app: Flask, zendesk: RecordingServer
) -> None:
    client = app.test_client()
    macro_id = _serve(zendesk, _macro(7, COLD))
    res = _post(
        client, f"/api/v1/macros/{macro_id}/preview", {"suggestions": ["comment_value:f99:0"]}
    )
    assert res.status_code == 422 and "f99" in res.get_json()["error"]["message"]
    missing = _post(client, "/api/v1/macros/424242/preview", {"suggestions": ["x:y:0"]})
    assert missing.status_code == 404
