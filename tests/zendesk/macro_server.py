"""Macros served like Zendesk does: cursor pages of ``GET /api/v2/macros.json``, and each
macro at ``/api/v2/macros/{id}.json`` answering GET and PUT (a PUT changes it)."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from typing import Any

from recording_server import RecordingServer, Reply, load_recordings

MACROS_FIRST_PAGE = "/api/v2/macros.json?page[size]=100"  # what zenpy 2.0.57 asks first


def recorded_macros(exchanges: Iterable[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Every distinct macro in the recorded sessions (by id, last recording wins)."""
    found: dict[int, dict[str, Any]] = {}
    for ex in load_recordings() if exchanges is None else exchanges:
        body = ex["body"]
        if not isinstance(body, dict):
            continue
        for m in [*(body.get("macros") or ()), *([body["macro"]] if "macro" in body else [])]:
            found[int(m["id"])] = m
    return [copy.deepcopy(m) for m in found.values()]


def macro_page_targets(count: int, page_size: int = 100) -> list[str]:
    """The request targets of each page ``serve_macros`` serves (first page first)."""
    pages = max(1, -(-count // page_size))
    return [MACROS_FIRST_PAGE] + [
        f"/api/v2/macros.json?page[after]=c{n}&page[size]={page_size}" for n in range(1, pages)
    ]


def serve_macros(
    server: RecordingServer, macros: list[dict[str, Any]], page_size: int = 100, **kw: Any
) -> list[str]:
    """Serve ``macros`` as Zendesk's cursor pages (``meta.has_more`` + ``links.next``, with
    the recorded page's shape); each macro is also served at ``/api/v2/macros/{id}.json``.
    Returns the page targets, so a test can script faults on any page."""
    targets = macro_page_targets(len(macros), page_size)
    template = next(
        ex["body"]
        for ex in load_recordings()
        if isinstance(ex["body"], dict) and "macros" in ex["body"] and "links" in ex["body"]
    )
    for n, target in enumerate(targets):
        chunk = macros[n * page_size : (n + 1) * page_size]
        more = n + 1 < len(targets)
        server.json(
            target,
            {
                "macros": chunk,
                "meta": template["meta"] | {"has_more": more, "after_cursor": f"c{n + 1}"},
                "links": {
                    "prev": None,
                    "next": "https://acme.zendesk.com" + targets[n + 1] if more else None,
                },
            },
            **kw,
        )
    for m in macros:
        serve_macro(server, m)
    return targets


def serve_macro(server: RecordingServer, macro: dict[str, Any]) -> None:
    """``GET /api/v2/macros/{id}.json`` answers the macro as it is now; ``PUT`` changes it
    like Zendesk does (the fields sent replace the stored ones) and answers the result."""
    state = {"macro": copy.deepcopy(macro)}
    path = f"/api/v2/macros/{macro['id']}.json"

    def get(_body: bytes) -> Reply:
        return Reply(200, {"macro": state["macro"]})

    def put(body: bytes) -> Reply:
        sent = json.loads(body or b"{}").get("macro") or {}
        state["macro"] = state["macro"] | {k: v for k, v in sent.items() if k != "id"}
        return Reply(200, {"macro": state["macro"]})

    server.handle("GET", path, get)
    server.handle("PUT", path, put)
