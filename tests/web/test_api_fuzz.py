"""Property-based fuzzing of the API and the batch CLI from the published OpenAPI document.

Whatever arrives — bodies drawn from the request schema, the same with a field of the
wrong type, malformed or deeply nested JSON, any Unicode, HTML, sizes past the limits —
the answer is a valid review or a 4xx JSON error that the document describes, never a
5xx, and never more than a second of work.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_strategies import broken_bodies, encode, from_schema, raw_bodies
from pydantic import BaseModel

from plugin import create_app
from plugin.web.openapi import Error, GrammarResult, Review, document

LIMIT_S = 1.0  # CPU seconds of this thread: the work, not the shared machine's load
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "120"))  # more for a long hunt: FUZZ_EXAMPLES=2000
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
DOC = document()
BODY_SCHEMA = DOC["paths"]["/api/v1/check"]["post"]["requestBody"]["content"]["application/json"][
    "schema"
]
ANSWERS: dict[str, type[BaseModel]] = {"/api/v1/check": Review, "/api/v1/grammar": GrammarResult}


@pytest.fixture(scope="module")
def fuzz_app() -> Iterator[Flask]:
    yield create_app({"dev": True, "languagetool_url": "", "redis_url": "", "rules_path": ""})


@pytest.fixture(scope="module")
def fuzz_client(fuzz_app: Flask) -> FlaskClient:
    c = fuzz_app.test_client()
    c.environ_base["REMOTE_ADDR"] = "127.0.0.1"
    return c


def test_the_document_is_published_and_describes_both_lanes(client: FlaskClient) -> None:
    res = client.get("/api/v1/openapi.json", environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert res.status_code == 200  # public: it describes shapes, not data
    doc = res.get_json()
    assert doc["openapi"].startswith("3.")
    assert {"/api/v1/check", "/api/v1/grammar"} <= set(doc["paths"])
    assert doc["components"]["schemas"]["CheckBody"]["required"] == ["draft"]
    assert doc == json.loads(json.dumps(DOC))


def _check_answer(path: str, raw: bytes, res: Any, cpu: float) -> None:
    assert res.status_code < 500, res.get_data()[:300]
    assert cpu < LIMIT_S, f"{cpu:.2f} s of work for a {len(raw)}-byte body"
    assert res.mimetype == "application/json"
    body = _strict(res.get_data().decode("utf-8"))  # no NaN, no lone surrogate
    if res.status_code == 200:
        ANSWERS[path].model_validate(body)
        draft = json.loads(raw.decode("utf-8"))["draft"]
        for f in body["findings"]:
            assert draft[f["start"] : f["end"]] == f["text"]
            for s in f["suggestions"]:
                assert all(0 <= e["start"] <= e["end"] <= len(draft) for e in s["edits"])
    else:
        assert res.status_code in (400, 413), body
        Error.model_validate(body)


def _post(client: FlaskClient, path: str, raw: bytes) -> None:
    began = time.thread_time()
    res = client.post(path, data=raw, content_type="application/json")
    _check_answer(path, raw, res, time.thread_time() - began)


PATHS = st.sampled_from(sorted(ANSWERS))


@FUZZ
@given(path=PATHS, body=from_schema(BODY_SCHEMA, DOC), ascii_only=st.booleans())
def test_bodies_from_the_schema(
    fuzz_client: FlaskClient, path: str, body: Any, ascii_only: bool
) -> None:
    _post(fuzz_client, path, encode(body, ascii_only))


@FUZZ
@given(path=PATHS, body=broken_bodies(BODY_SCHEMA, DOC), ascii_only=st.booleans())
def test_bodies_with_a_wrong_field(
    fuzz_client: FlaskClient, path: str, body: Any, ascii_only: bool
) -> None:
    _post(fuzz_client, path, encode(body, ascii_only))


@FUZZ
@given(path=PATHS, raw=raw_bodies())
def test_malformed_bodies(fuzz_client: FlaskClient, path: str, raw: bytes) -> None:
    _post(fuzz_client, path, raw)


# ---- the batch CLI: the same bodies as JSONL lines -------------------------


def _line(body: Any, ascii_only: bool) -> bytes:
    return encode(body, ascii_only) if not isinstance(body, bytes) else body


LINES = st.lists(
    st.one_of(
        st.builds(_line, from_schema(BODY_SCHEMA, DOC), st.booleans()),
        st.builds(_line, broken_bodies(BODY_SCHEMA, DOC), st.booleans()),
        raw_bodies(),
    ),
    min_size=1,
    max_size=4,
)


def _strict(line: str) -> dict[str, Any]:
    def refuse(name: str) -> None:
        raise ValueError(name)

    value = json.loads(line, parse_constant=refuse)
    line.encode("utf-8")
    assert isinstance(value, dict)
    return value


@settings(FUZZ, max_examples=max(EXAMPLES // 2, 1))
@given(lines=LINES)
def test_batch_lines(
    fuzz_app: Flask, tmp_path_factory: pytest.TempPathFactory, lines: list[bytes]
) -> None:
    data = b"\n".join(lines) + b"\n"
    batch: Path = tmp_path_factory.mktemp("batch") / "in.jsonl"
    batch.write_bytes(data)
    runner: FlaskCliRunner = fuzz_app.test_cli_runner()
    began = time.thread_time()
    res = runner.invoke(args=["coach", "check", "--jsonl", str(batch)])
    expected = [raw for raw in data.splitlines() if raw.strip()]
    assert time.thread_time() - began < LIMIT_S * max(1, len(expected))
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    out = [_strict(x) for x in res.stdout.splitlines()]
    assert len(out) == len(expected)
    assert all(("score" in o) != ("error" in o) for o in out)
    assert res.exit_code == (1 if any("error" in o for o in out) else 0)
