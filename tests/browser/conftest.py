"""Browser fixtures: the real app on a loopback port, a Zendesk-host harness, Chromium.

Needs Debian's chromium and the ZAF SDK from npm: ``bash scripts/setup-browser.sh``.
"""

from __future__ import annotations

import copy
import json
import secrets
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import ANGRY_CUSTOMER, ISOLATED, Server, serve_app
from werkzeug.serving import make_server

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
SDK = REPO / "plugin" / "static" / "vendor" / "zaf_sdk.min.js"  # npm run build:sdk

# Zendesk objects as the API documents them (shared/ sits beside the repo in CI).
_OBJECTS = [
    REPO.parent / "shared" / "data" / "zendesk-recordings" / "objects",
    REPO.parents[1] / "shared" / "data" / "zendesk-recordings" / "objects",  # from a worktree
]


def _objects_dir() -> Path:
    for path in _OBJECTS:
        if (path / "ticket.json").is_file() and (path / "user.json").is_file():
            return path
    pytest.fail("zendesk-recordings/objects (ticket.json, user.json) not found beside the repo")


def build_ticket() -> dict[str, Any]:
    """The ZAF view of one ticket: recorded ticket.json + its requester from user.json."""
    objects = _objects_dir()
    raw_ticket = json.loads((objects / "ticket.json").read_text(encoding="utf-8"))
    user = json.loads((objects / "user.json").read_text(encoding="utf-8"))
    requester = {
        "id": user["id"],
        "name": user["name"],
        "email": user["email"],
        "locale": user["locale"],
        "timeZone": {"name": user["time_zone"]},
        "role": "end-user",
        "tags": user["tags"],
    }
    agent = copy.deepcopy(requester) | {
        "id": user["id"] + 1,
        "name": "Sam Agent",
        "email": "sam@example.com",
        "role": "agent",
    }
    return {
        "id": raw_ticket["id"],
        "subject": raw_ticket["subject"],
        "status": raw_ticket["status"],
        "priority": raw_ticket["priority"],
        "tags": raw_ticket["tags"],
        "via": raw_ticket["via"],  # ZAF's ticket.via: the via object as the API returns it
        "requester": requester,
        "currentUser": agent,
        # ZAF's ticket.comments: oldest first, value is HTML, author is a user object.
        "comments": [
            {"id": 1, "value": f"<p>{raw_ticket['description']}</p>", "author": requester},
            {"id": 2, "value": "<p>Thanks, we're looking into it.</p>", "author": agent},
            {"id": 3, "value": f"<p>{ANGRY_CUSTOMER}</p>", "author": requester},
        ],
    }


@pytest.fixture(scope="session")
def browser_app() -> Any:
    from plugin import create_app

    return create_app({"dev": True, "secret_key": secrets.token_hex(32), **ISOLATED})


@pytest.fixture(scope="session")
def live_server(browser_app: Any) -> Iterator[str]:
    """The real Flask app on 127.0.0.1, an ephemeral port, in a thread."""
    if not SDK.is_file():
        pytest.fail("ZAF SDK not installed: run scripts/setup-browser.sh")
    server = Server(make_server("127.0.0.1", 0, browser_app, threaded=True))
    yield server.url
    server.close()


class _HarnessHandler(SimpleHTTPRequestHandler):
    """Serves tests/browser (harness.html, harness.js) and the ticket as /fixture.json."""

    fixture: bytes = b"{}"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path.split("?")[0] == "/fixture.json":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(self.fixture)))
            self.end_headers()
            self.wfile.write(self.fixture)
            return
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def harness_server() -> Iterator[str]:
    """A second loopback origin playing Zendesk: the sidebar is cross-origin to it."""
    fixture = json.dumps({"ticket": build_ticket()}).encode()
    handler = type("Handler", (_HarnessHandler,), {"fixture": fixture})
    server = Server(ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(HERE))))
    yield server.url
    server.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail("chromium not installed: run scripts/setup-browser.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class ConsoleLog:
    """Console errors and uncaught exceptions of every frame in the page."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def on_console(self, msg: Any) -> None:
        if msg.type in ("error", "warning") and "DevTools" not in msg.text:
            self.errors.append(f"console.{msg.type}: {msg.text}")

    def on_error(self, exc: Any) -> None:
        self.errors.append(f"pageerror: {exc}")


def new_page(browser: Any, width: int, height: int = 900) -> tuple[Any, Any, ConsoleLog]:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    log = ConsoleLog()
    page.on("console", log.on_console)
    page.on("pageerror", log.on_error)
    return context, page, log


@pytest.fixture()
def page_factory(browser: Any) -> Iterator[Any]:
    """new(width) -> (page, console log); every page is closed and checked for errors."""
    opened: list[tuple[Any, ConsoleLog]] = []

    def make(width: int = 1100, height: int = 900) -> tuple[Any, ConsoleLog]:
        context, page, log = new_page(browser, width, height)
        opened.append((context, log))
        return page, log

    yield make
    errors = [e for _, log in opened for e in log.errors]
    for context, _ in opened:
        context.close()
    assert errors == [], "browser console errors"


@pytest.fixture
def dev_console(tmp_path: Path) -> Iterator[str]:
    """The console in development mode on its own SQLite store; every check asks for
    the newest pack version, so a save shows in the very next check."""
    from plugin import create_app

    app = create_app(
        {
            "dev": True,
            "secret_key": "browser-console-secret-0123456789abcd",
            **ISOLATED,
            "database_url": f"sqlite:///{tmp_path / 'console.sqlite3'}",
        }
    )
    app.config["STORE_VERSION_TTL"] = 0.0
    yield from serve_app(app)
