"""The inputs that stalled /check and /grammar for seconds (issue #8) answer in well under one.

Timed as CPU time of the request (the test client runs it in this thread), so a
busy machine does not fail the bound; each took 0.6-13 s before.
"""

from __future__ import annotations

from time import thread_time

import pytest
from flask.testing import FlaskClient

WORST: list[tuple[str, str]] = [
    ("x" * 20_000, "text"),
    ("X" * 20_000, "text"),
    ("*" * 20_000, "text"),
    ("•" * 20_000, "text"),
    ('<p>Hello there</p><a title="' + "x" * 19_970, "html"),
    ("<li>a" * 4_000, "html"),
    ("{{" * 10_000, "text"),
    ("{%" * 10_000, "text"),
    ("You should have read the guide. " * 625, "text"),
    ("There is nothing we can do. " * 714, "text"),
]
LIMIT_S = 1.0


def timed_post(client: FlaskClient, path: str, body: dict[str, str]) -> tuple[int, float]:
    start = thread_time()
    res = client.post(path, json=body)
    return res.status_code, thread_time() - start


@pytest.mark.parametrize("path", ["/api/v1/check", "/api/v1/grammar"])
@pytest.mark.parametrize(("draft", "fmt"), WORST, ids=[f"{d[:12]!r}-{f}" for d, f in WORST])
def test_worst_drafts_answer_fast(client: FlaskClient, path: str, draft: str, fmt: str) -> None:
    status, seconds = timed_post(client, path, {"draft": draft, "format": fmt})
    assert status == 200
    assert seconds < LIMIT_S, f"{seconds:.2f} s"


def test_a_100_kb_customer_message_answers_fast(client: FlaskClient) -> None:
    body = {"draft": "Hi,\n\nWe are looking into it.", "customer_message": "terrible awful " * 7000}
    status, seconds = timed_post(client, "/api/v1/check", body)
    assert status == 200
    assert seconds < LIMIT_S, f"{seconds:.2f} s"
