"""POST /api/v1/check and /api/v1/grammar as a client drives them."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from signing_keys import PUBLIC_PEM

from plugin import create_app
from plugin.coach.edits import apply
from plugin.coach.model import CATEGORIES, Edit
from plugin.config import ConfigError

COLD = "Hello,\n\nYou should have read the guide. We can't do anything, it's company policy.\n"
ANGRY = "This is the THIRD time I'm writing!!! My order #4411 still hasn't arrived. Cancel it."


def post(client: FlaskClient, body: Any, **kw: Any) -> Any:
    return client.post("/api/v1/check", json=body, **kw)


def apply_suggestion(draft: str, suggestion: dict[str, Any]) -> str:
    return apply(draft, [Edit(e["start"], e["end"], e["replacement"]) for e in suggestion["edits"]])


def test_check_returns_a_full_review(client: FlaskClient) -> None:
    res = post(client, {"draft": COLD, "customer_message": ANGRY})
    assert res.status_code == 200
    review = res.get_json()
    assert 0 <= review["score"] <= 100
    assert list(review["categories"]) == list(CATEGORIES)  # the contract, in display order
    for cat in review["categories"].values():
        assert cat["status"] in {"pass", "warn", "fail", "n/a"} and cat["reason"]
    assert review["customer_mood"]["label"] in {"frustrated", "angry"}
    assert review["categories"]["tone"]["status"] in {"warn", "fail"}
    assert review["grammar"]["status"] == "n/a"
    assert "LANGUAGETOOL_URL" in review["grammar"]["reason"]
    for f in review["findings"]:
        assert COLD[f["start"] : f["end"]] == f["text"]


def test_a_warm_reply_scores_higher_than_a_cold_one(client: FlaskClient) -> None:
    warm = (
        "Hi Maria,\n\nI'm so sorry your order #4411 still hasn't arrived, and that you've had "
        "to write three times. That's really frustrating. I've contacted the courier myself "
        "and you'll get a tracking update by email within 24 hours. I'll stay on this until "
        "it arrives.\n\nThanks for your patience. If anything else comes up, just reply here.\n"
    )
    cold = post(client, {"draft": COLD, "customer_message": ANGRY}).get_json()
    good = post(client, {"draft": warm, "customer_message": ANGRY}).get_json()
    assert good["score"] >= cold["score"] + 20
    assert {"apologize", "ownership", "next_steps"} <= set(good["moves"])


def test_applying_a_suggestion_removes_its_finding(client: FlaskClient) -> None:
    review = post(client, {"draft": COLD, "customer_message": ANGRY}).get_json()
    target = next(f for f in review["findings"] if f["suggestions"] and f["end"] > f["start"])
    fixed = apply_suggestion(COLD, target["suggestions"][0])
    again = post(client, {"draft": fixed, "customer_message": ANGRY}).get_json()
    assert target["rule_id"] not in {
        f["rule_id"] for f in again["findings"] if f["text"] == target["text"]
    }


def test_html_offsets_point_into_the_html(client: FlaskClient) -> None:
    draft = "<p>Hello,</p><p>You should have <b>read</b> the guide. We can&#39;t do that.</p>"
    review = post(client, {"draft": draft, "format": "html"}).get_json()
    assert review["findings"]
    for f in review["findings"]:
        assert draft[f["start"] : f["end"]] == f["text"]
        assert "<" not in f["text"].replace("<b>", "").replace("</b>", "")


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"draft": ""}, 400, "invalid_draft"),
        ({"draft": "   \n\t"}, 400, "invalid_draft"),
        ({"draft": "<p> </p>", "format": "html"}, 400, "invalid_draft"),
        ({"draft": 42}, 400, "invalid_field"),
        ({"draft": "hi", "format": "markdown"}, 400, "invalid_field"),
        ({"draft": "hi", "customer_message": ["x"]}, 400, "invalid_field"),
        ({"draft": "hi", "ticket_id": "12"}, 400, "invalid_field"),
        ({}, 400, "invalid_field"),
        ([1, 2], 400, "invalid_json"),
    ],
)
def test_bad_input_gets_a_clear_json_error(
    client: FlaskClient, body: Any, status: int, code: str
) -> None:
    res = post(client, body)
    assert res.status_code == status
    err = res.get_json()["error"]
    assert err["code"] == code and err["message"]


def test_draft_over_the_limit_is_413_naming_the_limit(client: FlaskClient) -> None:
    res = post(client, {"draft": "word " * 5000})
    assert res.status_code == 413
    assert "20000" in res.get_json()["error"]["message"]


def test_body_over_the_byte_limit_is_413_json(client: FlaskClient) -> None:
    res = client.post(
        "/api/v1/check", data=b"{" + b" " * 1_000_000 + b"}", content_type="application/json"
    )
    assert res.status_code == 413
    assert res.get_json()["error"]["code"] == "too_large"


@pytest.mark.parametrize(
    ("raw", "code"),
    [(b'{"draft": "caf\xe9"}', "invalid_encoding"), (b'{"draft": ', "invalid_json")],
)
def test_invalid_bytes_are_400(client: FlaskClient, raw: bytes, code: str) -> None:
    res = client.post("/api/v1/check", data=raw, content_type="application/json")
    assert res.status_code == 400
    assert res.get_json()["error"]["code"] == code


def test_unknown_api_path_is_json_404(client: FlaskClient) -> None:
    res = client.get("/api/v1/nope")
    assert res.status_code == 404 and res.get_json()["error"]["message"]


def test_grammar_lane_says_plainly_when_off(client: FlaskClient) -> None:
    res = client.post("/api/v1/grammar", json={"draft": "Their is a problem."})
    body = res.get_json()
    assert res.status_code == 200
    assert body["status"] == "n/a" and "LANGUAGETOOL_URL" in body["reason"]


def test_health_answers_without_a_token(client: FlaskClient) -> None:
    assert client.get("/healthz", environ_base={"REMOTE_ADDR": "203.0.113.9"}).status_code == 200


# ---- security outside development mode ------------------------------------


@pytest.fixture
def prod_app(monkeypatch: pytest.MonkeyPatch) -> Flask:
    monkeypatch.delenv("COACH_DEV", raising=False)
    return create_app(
        {
            "dev": False,
            "secret_key": "s3cret-for-tests-0123456789abcdef0123",
            "zendesk_subdomain": "acme",
            "zendesk_app_public_key": PUBLIC_PEM,
            "zendesk_app_installation_id": "42",
        }
    )


def test_api_refuses_without_a_session_token(prod_app: Flask) -> None:
    c = prod_app.test_client()
    for headers in ({}, {"Authorization": "Bearer nonsense"}, {"Authorization": "Basic abc"}):
        res = c.post("/api/v1/check", json={"draft": "Hi"}, headers=headers)
        assert res.status_code == 401
        assert res.get_json()["error"]["code"] == "unauthorized"


def test_dev_mode_refuses_non_loopback_callers(client: FlaskClient) -> None:
    res = post(client, {"draft": "Hi"}, environ_base={"REMOTE_ADDR": "198.51.100.7"})
    assert res.status_code == 401


def test_api_answers_with_a_valid_session_token(prod_app: Flask) -> None:
    from plugin.zendesk.auth import issue_session

    token = issue_session(
        prod_app.extensions["coach_config"], subdomain="acme", installation_id="42", user_id="7"
    )
    res = prod_app.test_client().post(
        "/api/v1/check",
        json={"draft": "Hi there, thanks!"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert res.status_code == 200 and "score" in res.get_json()


def test_missing_settings_fail_at_startup_naming_them(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in (
        "COACH_DEV",
        "SECRET_KEY",
        "ZENDESK_SUBDOMAIN",
        "ZENDESK_APP_PUBLIC_KEY",
        "ZENDESK_APP_INSTALLATION_ID",
    ):
        monkeypatch.delenv(var, raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY.*ZENDESK_SUBDOMAIN"):
        create_app({"dev": False})
