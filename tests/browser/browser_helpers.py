"""Shared steps of the browser tests: open the pages, wait for a check, pick a suggestion."""

from __future__ import annotations

import statistics
import threading
from collections.abc import Iterator
from typing import Any

from werkzeug.serving import make_server

COLD_DRAFT = (
    "Dear customer,\n\n"
    "We apologize for any inconvenience. As per our policy, you should have contacted "
    "the carrier first. There is nothing we can do until the ticket is escalated to T2.\n\n"
    "Regards"
)

ANGRY_CUSTOMER = (
    "This is the THIRD time I'm writing about my order #4411!!! It still hasn't arrived, "
    "the tracking hasn't moved since Monday and nobody answers. I want a refund NOW."
)

WAIT_MS = 15_000


# The live app never reads the developer's Zendesk or LanguageTool settings.
ISOLATED = {
    "languagetool_url": "",
    "redis_url": "",
    "zendesk_subdomain": "",
    "zendesk_email": "",
    "zendesk_api_token": "",
    "zendesk_oauth_token": "",
    "rules_path": "",
}


class Server:
    """serve_forever in a daemon thread; ``url`` is http://host:port."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.thread = threading.Thread(target=server.serve_forever, daemon=True)
        self.thread.start()
        host, port = server.server_address[:2]
        self.url = f"http://{host}:{port}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def open_playground(page: Any, base: str) -> None:
    page.goto(f"{base}/")
    page.wait_for_function("() => window.replyCoach !== undefined")


def open_sidebar(page: Any, harness: str, app: str) -> Any:
    """Load the harness, which frames /sidebar?origin=…&app_guid=…; return the app's frame."""
    page.goto(f"{harness}/harness.html?app={app}/sidebar")
    page.wait_for_function("() => window.harness && window.harness.state.ready", timeout=WAIT_MS)
    frame = page.wait_for_selector("#frame").content_frame()
    frame.wait_for_function("() => window.replyCoach !== undefined", timeout=WAIT_MS)
    # The app subscribed to draft changes through the SDK.
    page.wait_for_function(
        "() => harness.state.subscriptions['comment.text.changed'] >= 1", timeout=WAIT_MS
    )
    return frame


def wait_checked(target: Any, draft: str, after: int = 0) -> dict[str, Any]:
    """Wait until ``draft`` is the text on screen (and its latency recorded); return the review.

    ``target`` is a Page or a Frame; ``after`` = number of metrics recorded before.
    """
    target.wait_for_function(
        """([draft, after]) => {
            const rc = window.replyCoach;
            return rc && rc.checked && rc.checked.body.draft === draft
                && rc.metrics.length > after && rc.metrics.at(-1).seq === rc.checked.seq
                && rc.panel.getAttribute("data-state") === "ready";
        }""",
        arg=[draft, after],
        timeout=WAIT_MS,
    )
    review: dict[str, Any] = target.evaluate("() => window.replyCoach.checked.review")
    return review


def pick_finding(review: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """An anti-pattern finding with a rewrite (not a missing-move insertion): (finding, index)."""
    candidates = [
        f
        for f in review["findings"]
        if f["end"] > f["start"]
        and not f["rule_id"].startswith("missing-")
        and any(s["edits"] for s in f["suggestions"])
    ]
    assert candidates, f"no finding with a rewrite in {[f['rule_id'] for f in review['findings']]}"
    finding = candidates[0]
    index = next(i for i, s in enumerate(finding["suggestions"]) if s["edits"])
    return finding, index


def click_suggestion(panel: Any, finding: dict[str, Any], index: int) -> None:
    """Click the finding's suggestion, opening "Show more" first when the card is folded."""
    card = panel.locator(f'.rc-finding[data-finding="{finding["id"]}"]')
    if card.is_hidden():
        panel.locator('button.rc-more[aria-expanded="false"]').click()
    card.locator("button.rc-apply").nth(index).click()


def apply_edits(text: str, edits: list[dict[str, Any]]) -> str:
    for e in sorted(edits, key=lambda e: e["start"], reverse=True):
        text = text[: e["start"]] + e["replacement"] + text[e["end"] :]
    return text


def still_there(review: dict[str, Any], finding: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        f
        for f in review["findings"]
        if f["rule_id"] == finding["rule_id"] and f["text"] == finding["text"]
    ]


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def serve_app(app: Any) -> Iterator[str]:
    """The app, its store migrated, served on a free loopback port until the test ends."""
    from plugin.store import migrate
    from plugin.store.extension import store_of

    migrate.upgrade(store_of(app).db.engine)
    server = Server(make_server("127.0.0.1", 0, app, threaded=True))
    yield server.url
    server.close()
