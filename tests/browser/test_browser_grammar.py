"""Grammar arrives in a second call, after the fast lane is already on screen.

LanguageTool is an external server: a slow fake of its ``POST /v2/check`` stands in.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest
from browser_helpers import ISOLATED, WAIT_MS, Server, open_playground, wait_checked
from werkzeug.serving import make_server

LT_DELAY_S = 0.6
DRAFT = "Hi Maria,\n\nThanks for writing. This is a error in our records.\n\nBest,\nSam"


class _FakeLanguageTool(BaseHTTPRequestHandler):
    release = threading.Event()

    def do_GET(self) -> None:  # noqa: N802 — language_tool_python asks for the languages first
        body = json.dumps([{"name": "English (US)", "code": "en", "longCode": "en-US"}]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        length = int(self.headers.get("Content-Length", "0"))
        form = parse_qs(self.rfile.read(length).decode())
        text = form.get("text", [""])[0]
        self.release.wait(LT_DELAY_S)  # slower than the fast lane, by design
        matches = []
        at = text.find("a error")
        if at >= 0:
            matches.append(
                {
                    "message": "Use “an” instead of “a” before a vowel sound.",
                    "shortMessage": "Wrong article",
                    "offset": at,
                    "length": 1,
                    # The rest of LanguageTool's documented match shape, which
                    # language_tool_python requires.
                    "context": {"text": text, "offset": at, "length": 1},
                    "sentence": text,
                    "type": {"typeName": "Other"},
                    "ignoreForIncompleteSentence": False,
                    "contextForSureMatch": 0,
                    "replacements": [{"value": "an"}],
                    "rule": {
                        "id": "EN_A_VS_AN",
                        "description": "Use of 'a' vs. 'an'",
                        "issueType": "grammar",
                        "category": {"id": "GRAMMAR", "name": "Grammar"},
                    },
                }
            )
        body = json.dumps({"matches": matches}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def grammar_server() -> Iterator[str]:
    """The app with LanguageTool configured, on its own loopback port."""
    from plugin import create_app

    lt = Server(ThreadingHTTPServer(("127.0.0.1", 0), _FakeLanguageTool))
    app = create_app(
        {"dev": True, "secret_key": secrets.token_hex(32), **ISOLATED, "languagetool_url": lt.url}
    )
    server = Server(make_server("127.0.0.1", 0, app, threaded=True))
    yield server.url
    server.close()
    lt.close()


def test_grammar_arrives_later_and_applies(grammar_server: str, page_factory: Any) -> None:
    page, _ = page_factory(1100)
    open_playground(page, grammar_server)
    page.fill("#rc-draft", DRAFT)
    review = wait_checked(page, DRAFT)
    # The fast lane is on screen while grammar is still out.
    assert review["grammar"]["status"] == "pending"
    assert page.get_attribute("#rc-panel", "data-grammar") == "pending"
    row = page.locator('.rc-cat-row[data-category="spelling_grammar"]')
    assert row.get_attribute("data-status") == "pending"

    page.wait_for_selector('.rc-finding[data-rule="lt-EN_A_VS_AN"]', timeout=WAIT_MS)
    assert page.get_attribute("#rc-panel", "data-grammar") != "pending"
    card = page.locator('.rc-finding[data-rule="lt-EN_A_VS_AN"]')
    if card.is_hidden():
        page.click('button.rc-more[aria-expanded="false"]')
    card.locator("button.rc-apply").first.click()

    fixed = DRAFT.replace("a error", "an error")
    page.wait_for_function("t => document.querySelector('#rc-draft').value === t", arg=fixed)
    wait_checked(page, fixed, after=1)
    page.wait_for_function(
        "() => document.querySelector('#rc-panel').getAttribute('data-grammar') !== 'pending'",
        timeout=WAIT_MS,
    )
    assert page.locator('.rc-finding[data-rule="lt-EN_A_VS_AN"]').count() == 0
