"""A LanguageTool-speaking HTTP server on 127.0.0.1 that objects to one phrase."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

LANGUAGES = [{"name": "English (US)", "code": "en", "longCode": "en-US"}]
OBJECT_TO = "see it through"  # the fake server calls this phrase ungrammatical


def _matches(text: str) -> list[dict[str, object]]:
    at = text.find(OBJECT_TO)
    if at < 0:
        return []
    return [
        {
            "message": "Odd phrase.",
            "offset": at,
            "length": len(OBJECT_TO),
            "replacements": [],
            "context": {"text": text, "offset": at, "length": len(OBJECT_TO)},
            "sentence": text,
            "rule": {
                "id": "FAKE_GRAMMAR",
                "issueType": "grammar",
                "category": {"id": "GRAMMAR", "name": "Grammar"},
            },
        }
    ]


@contextmanager
def serve() -> Iterator[tuple[str, list[str]]]:
    """(base URL, texts received) of a server that objects to ``OBJECT_TO``."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._send(json.dumps(LANGUAGES).encode())

        def do_POST(self) -> None:
            form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
            text = form["text"][0]
            seen.append(text)
            self._send(json.dumps({"matches": _matches(text)}).encode())

        def _send(self, body: bytes) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    finally:
        httpd.shutdown()
        httpd.server_close()
