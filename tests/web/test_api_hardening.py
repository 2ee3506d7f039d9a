"""Inputs an attacker or a careless client sends: a clear 4xx or a working review, never a 500."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from plugin.coach.edits import apply
from plugin.coach.model import CustomerContext, Edit
from plugin.web.schemas import MAX_CUSTOMER_CHARS, tail

DRAFT = "Hello,\n\nYou should have read the guide. We can't do anything about it.\n"


def post(client: FlaskClient, body: Any, path: str = "/api/v1/check") -> Any:
    return client.post(path, json=body)


def raw_post(client: FlaskClient, data: str | bytes, path: str = "/api/v1/check") -> Any:
    return client.post(path, data=data, content_type="application/json")


# ---- 3: a long customer message never switches the coach off ----------------


def test_a_customer_message_over_the_old_body_limit_is_coached_from_its_end(
    client: FlaskClient,
) -> None:
    # ~300 KB: over the old single limit for the whole body, so every check was a 413.
    early = "Thanks for the quick help last month, all good then. " * 5500
    latest = "Now my parcel is lost AGAIN and nobody answers!!! I want a refund NOW."
    res = post(client, {"draft": DRAFT, "customer_message": early + latest})
    assert res.status_code == 200
    review = res.get_json()
    assert review["customer_mood"]["label"] in {"frustrated", "angry"}  # read from the end
    assert any("customer's message" in n for n in review["notes"])
    message = early + latest
    for cue in review["customer_mood"]["cues"]:  # offsets still point into the message as sent
        assert message[cue["start"] : cue["end"]] == cue["text"]


def test_a_message_within_its_limit_is_coached_whole_and_without_a_note(
    client: FlaskClient,
) -> None:
    short = post(client, {"draft": DRAFT, "customer_message": "Where is my order?"}).get_json()
    assert short["notes"] == []
    message = "Where is my order? " * (MAX_CUSTOMER_CHARS // 20)
    review = post(client, {"draft": DRAFT, "customer_message": message}).get_json()
    # the API sends it whole; only the core's own mood window may say it read the end
    assert not any("coached from the last" in note for note in review["notes"])
    assert all("mood" in note for note in review["notes"])


def test_a_body_too_large_even_so_is_a_413_that_names_the_fields(client: FlaskClient) -> None:
    res = post(client, {"draft": DRAFT, "customer_message": "x" * 2_000_000})
    assert res.status_code == 413
    message = res.get_json()["error"]["message"]
    assert "customer_message" in message and "MAX_DRAFT_CHARS" in message


# ---- 6: a blank customer name is no name -----------------------------------


@pytest.mark.parametrize("name", [" ", "\t", "\u00a0", "\u00a0 \u2003", "\u202e", "<b></b>"])
def test_a_blank_customer_name_is_ignored(client: FlaskClient, name: str) -> None:
    res = post(client, {"draft": DRAFT, "customer_name": name})
    assert res.status_code == 200
    assert not any(h["id"] == "greet_first_name" for h in res.get_json()["hints"])


# ---- 7: deep nesting --------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/check", "/api/v1/grammar"])
@pytest.mark.parametrize("depth", [975, 5000, 50_000])
def test_deeply_nested_json_is_a_400(client: FlaskClient, path: str, depth: int) -> None:
    body = '{"draft": "Hi there.", "extra": ' + "[" * depth + "]" * depth + "}"
    res = raw_post(client, body, path)
    assert res.status_code == 400
    assert res.get_json()["error"]["code"] == "invalid_json"


def test_an_integer_of_thousands_of_digits_is_a_400(client: FlaskClient) -> None:
    res = raw_post(client, '{"draft": "Hi there.", "ticket_id": ' + "9" * 5000 + "}")
    assert res.status_code == 400
    assert res.get_json()["error"]["code"] == "invalid_json"


@pytest.mark.parametrize("field", ["ticket_id", "requester_id"])
def test_an_id_past_64_bits_is_a_400_naming_it(client: FlaskClient, field: str) -> None:
    res = post(client, {"draft": "Hi there.", field: 2**70})
    assert res.status_code == 400
    assert field in res.get_json()["error"]["message"]


# ---- 9: a customer name cannot become markup in the agent's HTML reply -----


def _edits(review: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        e
        for f in review["findings"]
        for s in f["suggestions"]
        for e in s["edits"]
        if e["replacement"]
    ]


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.extend(attrs)


def attributes(markup: str) -> list[tuple[str, str | None]]:
    parser = _Attributes()
    parser.feed(markup)
    parser.close()
    return parser.seen


def test_a_name_with_quotes_never_becomes_an_attribute(client: FlaskClient) -> None:
    draft = '<p title="a>b">You should have read the guide.</p>'
    attack = 'X" onmouseover="alert(1)'
    review = post(client, {"draft": draft, "format": "html", "customer_name": attack}).get_json()
    assert _edits(review)
    tag_end = draft.index('">') + 2
    for edit in _edits(review):  # no edit lands inside the tag (its title holds a ">")
        assert edit["start"] >= tag_end and edit["end"] >= tag_end
        fixed = apply(draft, [Edit(edit["start"], edit["end"], edit["replacement"])])
        assert attributes(fixed) == [("title", "a>b")]


def test_bidi_controls_in_a_name_never_reach_a_suggestion(client: FlaskClient) -> None:
    review = post(client, {"draft": DRAFT, "customer_name": "\u202eMaria\u2066 Lopez"}).get_json()
    replacements = " ".join(e["replacement"] for e in _edits(review))
    assert "Maria" in replacements
    assert not any(ch in replacements for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2069")


# ---- 10: an oversized chunked body is a 413 --------------------------------


def test_an_oversized_chunked_body_is_a_413(client: FlaskClient) -> None:
    body = json.dumps({"draft": "word " * 200_000}).encode()
    res = client.post(
        "/api/v1/check",
        input_stream=io.BytesIO(body),
        headers={"Transfer-Encoding": "chunked", "Content-Type": "application/json"},
        environ_overrides={"wsgi.input_terminated": True},  # what gunicorn sets for chunked
    )
    assert res.status_code == 413
    assert res.get_json()["error"]["code"] == "too_large"


def test_a_small_chunked_body_is_coached(client: FlaskClient) -> None:
    body = json.dumps({"draft": DRAFT}).encode()
    res = client.post(
        "/api/v1/check",
        input_stream=io.BytesIO(body),
        headers={"Transfer-Encoding": "chunked", "Content-Type": "application/json"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert res.status_code == 200 and res.get_json()["findings"]


class _Result:
    def __init__(self, context: CustomerContext) -> None:
        self.context = context
        self.note = ""


class _FakeZendesk:
    """Stands in for the context service: Zendesk answers with hostile profile text."""

    def get(self, ticket_id: int | None, requester_id: int | None) -> _Result:
        return _Result(
            CustomerContext(
                name='\u202eAna" onclick="x <b>Ruiz</b>',
                first_name='\u202eAna"',
                organization="{{ticket.requester.email}} VIP",
                tags=("\u2066vip\u2069",),
            )
        )


def test_zendesk_profile_text_is_cleaned_before_any_suggestion(
    app: Flask, client: FlaskClient
) -> None:
    app.extensions["context_service"] = _FakeZendesk()
    res = post(
        client,
        {"draft": "<p>You should have read the guide.</p>", "format": "html", "ticket_id": 7},
    )
    review = res.get_json()
    assert res.status_code == 200
    shown = json.dumps(
        [_edits(review), [(h["message"], h["wording"]) for h in review["hints"]]],
        ensure_ascii=False,
    )
    assert "Ana" in shown
    assert not any(c in shown for c in "\u202e\u2066\u2069")
    assert "&quot;" not in shown and "{{" not in shown and "<b>" not in shown


def test_a_full_draft_and_message_of_emoji_fit_the_body_limit(client: FlaskClient) -> None:
    # json.dumps escapes each emoji as two \uXXXX: 12 bytes for one character.
    body = {"draft": "Thanks! " + "🙂" * 19_000, "customer_message": "😡" * MAX_CUSTOMER_CHARS}
    res = client.post(
        "/api/v1/check", data=json.dumps(body).encode(), content_type="application/json"
    )
    assert res.status_code == 200


def test_the_tail_of_a_long_message_starts_on_a_whole_word() -> None:
    words = "word " * (MAX_CUSTOMER_CHARS // 5)
    assert tail("x" * 50 + "\n" + words, MAX_CUSTOMER_CHARS) == (words, 51)  # cut at a word
    kept, cut = tail("x" * 50 + "\nab" + words, MAX_CUSTOMER_CHARS)  # cut inside "abword"
    assert kept == words[5:] and cut == 58
    assert tail("short", MAX_CUSTOMER_CHARS) == ("short", 0)
