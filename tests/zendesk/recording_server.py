"""A real HTTP server on 127.0.0.1 that answers like Zendesk, from recorded responses.

The recordings (``$ZENDESK_RECORDINGS``, default ../shared/data/zendesk-recordings beside the repo)
are real API sessions: every recorded GET is served at its path and query, unknown
paths get the recorded ``404 RecordNotFound`` body, and absolute Zendesk URLs inside
bodies (``links.next``, ``url``) are rewritten to this server so zenpy's pagination
stays local. Tests add routes built from ``objects/*.json`` shapes for a coherent
customer, and can script 429s and slow answers.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

NOW = datetime(2024, 3, 12, 15, 0, tzinfo=UTC)  # the tests' fixed clock
# shared/ sits beside the repository, on developer machines and in CI alike.
_DEFAULT = Path(__file__).resolve().parents[3] / "shared" / "data" / "zendesk-recordings"
RECORDINGS = Path(os.environ.get("ZENDESK_RECORDINGS", str(_DEFAULT)))
_ZENDESK_ORIGIN = re.compile(r"https://[a-z0-9-]+\.zendesk\.com")

Query = tuple[tuple[str, str], ...]


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (a slow Zendesk)


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    query: Query
    at: float  # time.monotonic() when the request arrived
    body: bytes = b""  # what the client sent (PUT/POST)


def _query(raw: str) -> Query:
    return tuple(sorted(parse_qsl(raw, keep_blank_values=True)))


@functools.cache
def load_recordings(root: Path = RECORDINGS) -> tuple[dict[str, Any], ...]:
    """Every recorded exchange of every session, in file order (parsed once: ~10 MB;
    treat as read-only)."""
    exchanges: list[dict[str, Any]] = []
    for path in sorted(root.glob("*.json")):
        exchanges.extend(json.loads(path.read_text()))
    return tuple(exchanges)


def load_object(name: str, root: Path = RECORDINGS) -> dict[str, Any]:
    """A sample object from ``objects/<name>.json`` (a fresh copy each call)."""
    data: dict[str, Any] = json.loads((root / "objects" / f"{name}.json").read_text())
    return data


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a slow handler must not hold up teardown

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that time out and hang up are part of the tests


class RecordingServer:
    def __init__(self, exchanges: Iterable[dict[str, Any]] | None = None) -> None:
        self._routes: dict[tuple[str, str, Query], list[Reply]] = {}
        self._not_found: Reply = Reply(404, {"error": "RecordNotFound", "description": "Not found"})
        self._lock = threading.Lock()
        self._handlers: dict[tuple[str, str], Any] = {}  # (method, path) -> fn(body) -> Reply
        self.seen: list[Seen] = []
        for ex in load_recordings() if exchanges is None else exchanges:
            self._learn(ex)
        self._httpd = _Server(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)

    # --- lifecycle --------------------------------------------------------------

    @property
    def netloc(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"{host!s}:{port}"

    @property
    def base_url(self) -> str:
        return f"http://{self.netloc}"

    def start(self) -> RecordingServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    # --- routes -----------------------------------------------------------------

    def _learn(self, ex: dict[str, Any]) -> None:
        parts = urlsplit(ex["url"])
        headers = {k: v for k, v in ex["headers"].items() if k.lower() != "content-length"}
        reply = Reply(ex["status"], ex["body"], headers)
        if (
            ex["status"] == 404
            and isinstance(ex["body"], dict)
            and ex["body"].get("error") == "RecordNotFound"
        ):
            self._not_found = reply  # the real 404 body and headers
        if ex["method"] == "GET":
            # Later recordings of the same request win, like a cache refreshed by replay.
            self._routes[("GET", parts.path, _query(parts.query))] = [reply]

    def route(self, method: str, target: str, *replies: Reply) -> None:
        """Answer ``method target`` (path with optional query) with ``replies`` in turn;
        the last one repeats."""
        parts = urlsplit(target)
        with self._lock:
            self._routes[(method.upper(), parts.path, _query(parts.query))] = list(replies)

    def json(self, target: str, body: Any, **kw: Any) -> None:
        self.route(
            "GET",
            target,
            Reply(200, body, {"Content-Type": "application/json; charset=utf-8"}, **kw),
        )

    def reply_for(self, method: str, target: str) -> Reply:
        """The reply ``method target`` would get next (to script a fault before it)."""
        parts = urlsplit(target)
        return self._routes[(method.upper(), parts.path, _query(parts.query))][0]

    def has_route(self, method: str, target: str) -> bool:
        parts = urlsplit(target)
        return (method.upper(), parts.path, _query(parts.query)) in self._routes

    def hits(self, path_prefix: str = "/") -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if s.path.startswith(path_prefix)]

    def handle(self, method: str, path: str, fn: Any) -> None:
        """Answer ``method path`` (any query) with ``fn(request_body) -> Reply``."""
        with self._lock:
            self._handlers[(method.upper(), path)] = fn

    def _next(self, method: str, path: str, query: Query, body: bytes = b"") -> Reply:
        with self._lock:
            self.seen.append(Seen(method, path, query, time.monotonic(), body))
            handler = self._handlers.get((method, path))
        if handler is not None:
            reply: Reply = handler(body)
            return reply
        with self._lock:
            replies = self._routes.get((method, path, query))
            if not replies:
                return self._not_found
            return replies.pop(0) if len(replies) > 1 else replies[0]

    def _localise(self, body: Any) -> bytes:
        """Body bytes with Zendesk URLs pointing at this server."""
        if isinstance(body, str):
            return body.encode()
        text = json.dumps(copy.deepcopy(body))
        return _ZENDESK_ORIGIN.sub(self.base_url, text).encode()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                sent = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                reply = server._next(self.command, parts.path, _query(parts.query), sent)
                if reply.delay:
                    time.sleep(reply.delay)
                payload = b"" if reply.body is None else server._localise(reply.body)
                try:
                    self.send_response(reply.status)
                    headers = {"Content-Type": "application/json; charset=utf-8", **reply.headers}
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout): nothing to tell it

            do_GET = do_POST = do_PUT = do_DELETE = _answer

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean

        return Handler


# --- a coherent customer, built from recorded and documented object shapes ---------


@dataclass(frozen=True)
class Customer:
    user_id: int
    organization_id: int
    ticket_id: int  # the ticket being answered
    requested_pages: tuple[str, str]  # targets of the two cursor pages


def _recorded_user(exchanges: Iterable[dict[str, Any]]) -> dict[str, Any]:
    for ex in exchanges:
        body = ex["body"]
        if isinstance(body, dict) and "iana_time_zone" in (body.get("user") or {}):
            return dict(body["user"])
    raise LookupError("no recorded user with iana_time_zone")


def _recorded_cursor_page(exchanges: Iterable[dict[str, Any]]) -> dict[str, Any]:
    for ex in exchanges:
        body = ex["body"]
        if (
            isinstance(body, dict)
            and "tickets" in body
            and (body.get("meta") or {}).get("has_more")
        ):
            return {"meta": dict(body["meta"]), "links": dict(body["links"])}
    raise LookupError("no recorded cursor page of tickets")


def _iso(moment: Any) -> str:
    return str(moment.strftime("%Y-%m-%dT%H:%M:%SZ"))


def compose_customer(server: RecordingServer, now: Any, subdomain: str = "acme") -> Customer:
    """Serve one customer: user + organization, the open ticket, and requested tickets
    over two cursor pages (one outside the 30-day window, a bad rating on #498)."""
    from datetime import timedelta

    exchanges = load_recordings()
    org = load_object("organization") | {"name": "Globex Corporation"}
    user = _recorded_user(exchanges) | {
        "id": 7001,
        "url": f"https://{subdomain}.zendesk.com/api/v2/users/7001.json",
        "name": "María García",
        "locale": "es",
        "time_zone": "Eastern Time (US & Canada)",
        "iana_time_zone": "America/New_York",
        "tags": ["vip"],
        "organization_id": org["id"],
    }
    template = load_object("ticket")
    rating = load_object("satisfaction_rating")

    def ticket(
        id_: int, subject: str, age: timedelta, score: str | None = None, **kw: Any
    ) -> dict[str, Any]:
        t = copy.deepcopy(template)
        t.update(
            id=id_,
            url=f"https://{subdomain}.zendesk.com/api/v2/tickets/{id_}.json",
            subject=subject,
            raw_subject=subject,
            requester_id=user["id"],
            submitter_id=user["id"],
            organization_id=org["id"],
            created_at=_iso(now - age),
            updated_at=_iso(now - age / 2),  # a rating updates the ticket after creation
            priority="normal",
            status="solved",
            satisfaction_rating={"id": rating["id"], "score": score}
            if score
            else {"score": "unoffered"},
        )
        t.update(kw)
        t["via"]["channel"] = "web"
        return t

    current = ticket(
        501, "Refund still missing", timedelta(hours=1), priority="urgent", status="open"
    )
    current["via"]["channel"] = "email"
    page1 = [
        ticket(400, "Password reset", timedelta(days=60), "good"),
        ticket(495, "Refund still missing", timedelta(days=6)),
    ]
    page2 = [ticket(498, "Re: Refund still missing", timedelta(days=3), "bad"), current]

    base = f"/api/v2/users/{user['id']}/tickets/requested.json"
    cursor = _recorded_cursor_page(exchanges)
    after = cursor["meta"]["after_cursor"]
    first = f"{base}?include=None&page[size]=100"  # zenpy 2.0.57 sends include=None literally
    second = f"{base}?page[after]={after}&page[size]=100"
    next_link = f"https://{subdomain}.zendesk.com{base}?" + urlencode(
        {"page[after]": after, "page[size]": 100}
    )
    server.json(f"/api/v2/users/{user['id']}.json", {"user": user})
    server.json(f"/api/v2/organizations/{org['id']}.json", {"organization": org})
    server.json("/api/v2/tickets/501.json", {"ticket": current})
    server.json(first, {
        "tickets": page1,
        "meta": cursor["meta"] | {"has_more": True},
        "links": {"prev": cursor["links"]["prev"], "next": next_link},
    })  # fmt: skip
    server.json(second, {
        "tickets": page2,
        "meta": cursor["meta"] | {"has_more": False},
        "links": {"prev": cursor["links"]["prev"], "next": None},
    })  # fmt: skip
    return Customer(
        user_id=user["id"],
        organization_id=org["id"],
        ticket_id=501,
        requested_pages=(first, second),
    )
