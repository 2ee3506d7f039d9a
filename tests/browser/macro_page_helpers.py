"""The macro page's fixtures: a fake Zendesk serving macros, the app wired to it, the page."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from browser_helpers import ISOLATED, WAIT_MS, Server
from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "zendesk"))

from macro_fixtures import macro, macros  # noqa: E402
from macro_server import serve_macros  # noqa: E402
from recording_server import RecordingServer, Reply, load_object  # noqa: E402

__all__ = ["Reply", "macros", "serve_macros"]

ZENDESK = {
    "zendesk_subdomain": "acme",
    "zendesk_email": "agent@example.com",
    "zendesk_api_token": "test-token",
}
# A cold macro in our own words, full of placeholders, between two other actions.
COLD = (
    "Hello,\n\nYour request has been received. As per our policy we can't refund opened "
    "items, {{ticket.requester.first_name}}. Order {{ticket.id}} is closed.\n\n"
    "{% if ticket.organization %}Your account team was told.{% endif %}\n"
    "{{dc.returns_footer}}"
)
COLD_HTML = (
    "<p>Hello,</p><p>Your request has been received. As per our policy we can't refund "
    "opened items. Order {{ticket.id}} is closed.</p><p>{{dc.returns_footer}}</p>"
)
COLD_ID = 900_777
COLD_ACTIONS = [
    {"field": "status", "value": "pending"},
    {"field": "comment_value", "value": ["channel:all", COLD]},
    {"field": "set_tags", "value": "refund_policy"},
    {"field": "comment_value_html", "value": COLD_HTML},
    {"field": "group_id", "value": "42"},
]


def cold_macro() -> dict[str, Any]:
    return macro(777, title="Returns::Refused refund", actions=COLD_ACTIONS, active=True)


def start_zendesk(monkeypatch: Any) -> RecordingServer:
    server = RecordingServer().start()
    monkeypatch.setenv("ZENPY_FORCE_SCHEME", "http")
    monkeypatch.setenv("ZENPY_FORCE_NETLOC", server.netloc)
    monkeypatch.setattr("plugin.zendesk.macros.BACKOFF_SECONDS", 0.01)
    return server


def serve_app(config: dict[str, Any], tmp_path: Path) -> tuple[Any, Server]:
    from plugin import create_app

    app = create_app(
        {**ISOLATED, **ZENDESK, "database_url": f"sqlite:///{tmp_path / 'jobs.sqlite3'}"} | config
    )
    return app, Server(make_server("127.0.0.1", 0, app, threaded=True))


def zendesk_user(zendesk: RecordingServer, user_id: int, **fields: Any) -> None:
    user = load_object("user") | {"id": user_id, "suspended": False, "active": True} | fields
    zendesk.json(f"/api/v2/users/{user_id}.json", {"user": user})


def puts(zendesk: RecordingServer) -> list[dict[str, Any]]:
    return [
        json.loads(h.body)["macro"] for h in zendesk.hits("/api/v2/macros/") if h.method == "PUT"
    ]


def macro_item(page: Any, macro_id: int) -> Any:
    return page.locator(f'li.mp-macro[data-macro-id="{macro_id}"]')


def shown_scores(page: Any) -> list[int]:
    texts = page.locator("#mp-list .mp-score").all_inner_texts()
    return [int(t) for t in texts if t.strip().isdigit()]


def wait_report(page: Any) -> None:
    page.wait_for_selector("#mp-report:not([hidden])", timeout=WAIT_MS * 2)
    page.wait_for_selector("#mp-list .mp-macro", timeout=WAIT_MS)
