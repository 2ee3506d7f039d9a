"""Console: which moves each mood needs, severities per category, and a ticket's combined scope."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient
from test_console_api import API, post, state

# Our own words: an upset customer, and a reply that gives the facts but no apology.
UPSET = (
    "This is ridiculous! My parcel has still not arrived after three weeks and nobody "
    "answers my emails. I am furious."
)
FACTS = "Hello Dana,\n\nThe parcel is with the courier. It will arrive on Friday.\n\nBest,\nLee"
BLAME = "Hi Kim, you should have read the guide. Your parcel ships today."


def check(c: FlaskClient, draft: str, **extra: Any) -> dict[str, Any]:
    res = c.post("/api/v1/check", json={"draft": draft, **extra})
    assert res.status_code == 200, res.get_json()
    body: dict[str, Any] = res.get_json()
    return body


def severity(review: dict[str, Any], rule_id: str) -> str | None:
    return next((f["severity"] for f in review["findings"] if f["rule_id"] == rule_id), None)


def mood_of(c: FlaskClient) -> str:
    label: str = check(c, FACTS, customer_message=UPSET)["customer_mood"]["label"]
    return label


def test_the_console_shows_the_built_in_grid_and_severities(dev: FlaskClient) -> None:
    eff = state(dev)["effective"]
    assert eff["moods"] == ["calm", "neutral", "worried", "frustrated", "angry"]
    assert "apologize" in eff["mood_moves"]["angry"]["moves"]
    assert eff["mood_moves"]["calm"] == {"moves": ["next_steps"], "from": "default"}
    assert eff["category_severity"]["tone"] == {
        "value": "default",
        "label": "Tone",
        "from": "default",
    }
    assert "off" in eff["severity_choices"]


def test_unticking_a_move_for_one_brand_relaxes_that_brands_checks_only(dev: FlaskClient) -> None:
    mood = mood_of(dev)
    assert (
        severity(check(dev, FACTS, customer_message=UPSET, brand_id=5), "missing-apologize")
        == "warning"
    )
    moves = [m for m in state(dev)["effective"]["mood_moves"][mood]["moves"] if m != "apologize"]
    body = {"base": 1, "scope": "brand:5", "settings": {"mood_moves": {mood: moves}}}
    assert post(dev, "/vocabulary", body).status_code == 200
    assert (
        severity(check(dev, FACTS, customer_message=UPSET, brand_id=5), "missing-apologize")
        == "info"
    )
    assert (
        severity(check(dev, FACTS, customer_message=UPSET, brand_id=6), "missing-apologize")
        == "warning"
    )
    eff = state(dev, "brand:5")["effective"]
    assert eff["mood_moves"][mood]["from"] == "brand:5"
    assert eff["mood_moves"]["calm"]["from"] == "default"  # untouched moods still inherit
    stored = state(dev, "brand:5")["own"]["settings"]
    assert list(stored["mood_moves"]) == [mood]  # only what differs is stored
    inherited = state(dev, "brand:5")["inherited"]["mood_moves"][mood]
    assert "apologize" in inherited["moves"] and inherited["from"] == "default"
    # Saving the inherited list again stores nothing for the brand: it follows the account.
    body = {"base": 2, "scope": "brand:5", "settings": {"mood_moves": {mood: inherited["moves"]}}}
    assert post(dev, "/vocabulary", body).status_code == 200
    assert "mood_moves" not in state(dev, "brand:5")["own"]["settings"]
    assert (
        severity(check(dev, FACTS, customer_message=UPSET, brand_id=5), "missing-apologize")
        == "warning"
    )


def test_a_category_severity_for_the_account_is_exported_and_imports_back(dev: FlaskClient) -> None:
    before = check(dev, BLAME)
    body = {"base": 1, "settings": {"category_severity": {"tone": "error", "jargon": "default"}}}
    assert post(dev, "/vocabulary", body).status_code == 200
    after = check(dev, BLAME)
    assert severity(after, "blame-you-should-have") == "error"
    assert after["score"] < before["score"]
    assert state(dev)["effective"]["category_severity"]["tone"]["from"] == "account"
    exported = dev.get(f"{API}/export").get_data(as_text=True)
    assert "category_severity:\n    tone: error" in exported
    assert "jargon" not in exported.split("settings:")[1]  # "default" = nothing stored
    res = post(dev, "/import", {"base": 2, "yaml": exported})
    assert res.status_code == 200
    assert dev.get(f"{API}/export").get_data(as_text=True) == exported
    summary = dev.get(f"{API}/versions/2").get_json()["version"]["text"]
    assert "category_severity.tone" in summary


def test_an_import_with_a_bad_setting_names_the_field_and_line(dev: FlaskClient) -> None:
    text = dev.get(f"{API}/export").get_data(as_text=True)
    bad = text + "settings:\n  mood_moves:\n    angry: [apologize, validate, shrug]\n"
    res = post(dev, "/import", {"base": 1, "yaml": bad})
    assert res.status_code == 422, res.get_json()
    problems = res.get_json()["error"]["problems"]
    line = len(bad.splitlines())
    assert {"field": "settings.mood_moves.angry[2]", "line": line} == {
        k: problems[0][k] for k in ("field", "line")
    }
    assert state(dev)["version"] == 1  # nothing saved


def test_bad_values_are_refused_with_the_field(dev: FlaskClient) -> None:
    cases = [
        ({"mood_moves": {"angry": ["apologize", "hug"]}}, "settings.mood_moves.angry[1]"),
        ({"mood_moves": {"sleepy": []}}, "settings.mood_moves.sleepy"),
        ({"category_severity": {"tone": "loud"}}, "settings.category_severity.tone"),
        ({"category_severity": {"weather": "info"}}, "settings.category_severity.weather"),
    ]
    for settings, field in cases:
        res = post(dev, "/vocabulary", {"base": 1, "settings": settings})
        assert res.status_code == 400 and res.get_json()["error"]["field"] == field, field
        tried = post(dev, "/try", {"text": FACTS, "settings": settings})
        assert tried.status_code == 400 and tried.get_json()["error"]["field"] == field
    assert state(dev)["version"] == 1


def test_settings_writes_need_the_csrf_token(dev: FlaskClient) -> None:
    body = {"base": 1, "settings": {"category_severity": {"tone": "off"}}}
    assert post(dev, "/vocabulary", body, csrf="").status_code == 403
    assert state(dev)["version"] == 1


def test_try_it_reflects_unsaved_settings(dev: FlaskClient) -> None:
    mood = mood_of(dev)
    sample = {"text": FACTS, "customer_message": UPSET}
    saved = post(dev, "/try", sample).get_json()
    unsaved = post(dev, "/try", sample | {"settings": {"mood_moves": {mood: []}}}).get_json()
    sev = {f["rule_id"]: f["severity"] for f in saved["findings"]}
    sev2 = {f["rule_id"]: f["severity"] for f in unsaved["findings"]}
    assert sev["missing-apologize"] == "warning" and sev2["missing-apologize"] == "info"
    assert unsaved["score"] > saved["score"]
    assert state(dev)["version"] == 1


def test_the_combined_scope_preview_says_which_scope_each_value_comes_from(
    dev: FlaskClient,
) -> None:
    saves: list[tuple[str, dict[str, Any]]] = [
        ("brand:5", {"settings": {"target_grade": 6, "category_severity": {"tone": "info"}}}),
        ("group:7", {"settings": {"category_severity": {"tone": "error"}}}),
        ("channel:chat", {"settings": {"max_sentence_words": 15}}),
    ]
    for base, (scope, body) in enumerate(saves, start=1):
        assert post(dev, "/vocabulary", {"base": base, "scope": scope, **body}).status_code == 200
    res = dev.get(f"{API}/preview?brand=5&group=7&channel=chat")
    out = res.get_json()
    assert out["applied"] == ["account", "brand:5", "group:7", "channel:chat"]
    assert out["coached_by"] == out["applied"] and out["note"] == ""
    eff = out["effective"]
    assert eff["settings"]["target_grade"] == eff["settings"]["target_grade"] | {
        "value": 6,
        "from": "brand:5",
    }
    assert eff["settings"]["max_sentence_words"]["from"] == "channel:chat"
    assert eff["category_severity"]["tone"] == {
        "value": "error",
        "label": "Tone",
        "from": "group:7",
    }
    # The same resolution a check of that ticket uses: group beats brand for tone.
    review = check(dev, BLAME, brand_id=5, group_id=7)
    assert severity(review, "blame-you-should-have") == "error"
    only_brand = dev.get(f"{API}/preview?brand=5").get_json()["effective"]
    assert only_brand["category_severity"]["tone"]["from"] == "brand:5"
    tried = post(dev, "/try", {"text": BLAME, "where": {"brand": "5", "group": "7"}}).get_json()
    assert {f["severity"] for f in tried["findings"] if f["category"] == "tone"} == {"error"}
    bad = dev.get(f"{API}/preview?brand=no%20spaces")
    assert bad.status_code == 400 and bad.get_json()["error"]["field"] == "brand"


def test_an_agent_previews_and_tries_settings_but_cannot_save_them(signed_in: Any) -> None:
    agent = signed_in(9)
    assert agent.state["actor"]["can_write"] is False
    body = {"base": 1, "settings": {"mood_moves": {"angry": []}}}
    res = agent.post("/vocabulary", body)
    assert res.status_code == 403
    tried = agent.post("/try", {"text": FACTS, "customer_message": UPSET, **body})
    assert tried.status_code == 200
    assert agent.get("/preview?brand=5&channel=email").status_code == 200
    ada = signed_in(7)
    assert ada.post("/vocabulary", body).status_code == 200
    assert ada.get("/audit").get_json()["entries"][0]["actor"]["name"] == "Ada Admin"


def test_trying_a_reply_as_a_chat_ticket_coaches_it_as_a_chat_turn(dev: FlaskClient) -> None:
    # A letter-style courtesy (a closing line) is asked of an email, not of a chat turn.
    turn = "Thanks for waiting, Sam. Your parcel left the depot this morning."

    def rules(where: dict[str, str]) -> set[str]:
        tried = post(dev, "/try", {"text": turn, "where": where}).get_json()
        return {f["rule_id"] for f in tried["findings"]}

    assert "missing-closing" in rules({"channel": "email"})
    assert "missing-closing" not in rules({"channel": "chat"})
    assert "missing-closing" not in rules({"brand": "5", "channel": "chat"})
