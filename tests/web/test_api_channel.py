"""The channel and comment type through POST /api/v1/check, and the category labels."""

from __future__ import annotations

from flask.testing import FlaskClient

from plugin.coach.model import CATEGORY_LABELS

UPSET = "Third message about this!!! The app logs me out every hour and support ignores me."
TURN = "Sorry about that! Could you tell me which phone you use?"


def test_the_channel_decides_what_a_reply_is_asked_for(client: FlaskClient) -> None:
    chat = client.post(
        "/api/v1/check", json={"draft": TURN, "customer_message": UPSET, "channel": "whatsapp"}
    ).get_json()
    email = client.post(
        "/api/v1/check", json={"draft": TURN, "customer_message": UPSET, "channel": "email"}
    ).get_json()
    assert chat["channel"] == {"name": "whatsapp", "register": "chat", "inferred": False}
    assert chat["categories"]["closing"]["status"] == "n/a"
    assert email["channel"]["register"] == "email"
    rules = {f["rule_id"] for f in email["findings"]}
    assert "missing-closing" in rules
    assert "missing-closing" not in {f["rule_id"] for f in chat["findings"]}


def test_without_a_channel_the_register_is_inferred(client: FlaskClient) -> None:
    review = client.post("/api/v1/check", json={"draft": "@dee_w " + TURN}).get_json()
    assert review["channel"] == {"name": None, "register": "social", "inferred": True}
    assert review["comment_type"] == "public"


def test_an_internal_note_gets_no_empathy_coaching(client: FlaskClient) -> None:
    body = {
        "draft": "Customer is furious; you should have refunded them, it's policy.",
        "customer_message": UPSET,
        "comment_type": "internal",
    }
    review = client.post("/api/v1/check", json=body).get_json()
    assert review["comment_type"] == "internal"
    assert not [f for f in review["findings"] if f["category"] in {"tone", "empathy"}]
    assert review["categories"]["tone"]["status"] == "n/a"


def test_a_bad_comment_type_is_a_plain_400(client: FlaskClient) -> None:
    res = client.post("/api/v1/check", json={"draft": TURN, "comment_type": "note"})
    assert res.status_code == 400
    assert "comment_type" in res.get_json()["error"]["message"]


def test_every_category_carries_its_display_label(client: FlaskClient) -> None:
    review = client.post("/api/v1/check", json={"draft": TURN}).get_json()
    for key, cat in review["categories"].items():
        assert cat["label"] == CATEGORY_LABELS[key]
    assert review["categories"]["spelling_grammar"]["label"] == "Spelling & grammar"
