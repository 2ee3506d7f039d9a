"""Fetching macros through zenpy, end to end over HTTP, with Zendesk's faults."""

from __future__ import annotations

import pytest
from macro_fixtures import macro, macros
from macro_server import serve_macros
from recording_server import RecordingServer, Reply
from zenpy import Zenpy
from zenpy.lib.exception import APIException

from plugin.config import Config
from plugin.zendesk.macros import fetch_macros, make_job_client, parse_macro


def _client(cfg: Config, **kw: float) -> Zenpy:
    return make_job_client(cfg, backoff=0.01, **kw)


def test_recorded_macros_are_listed_with_their_reply_text(
    zendesk: RecordingServer, zendesk_config: Config
) -> None:
    found = fetch_macros(_client(zendesk_config))
    assert found, "the recorded first page lists macros"
    assert zendesk.hits("/api/v2/macros")[0].query == (("page[size]", "100"),)
    for m in found:
        has_comment = any(a["field"] == "comment_value" for a in m.actions)
        assert m.has_reply == has_comment  # a macro without a comment action is no error


def test_every_cursor_page_is_followed(zendesk: RecordingServer, zendesk_config: Config) -> None:
    wanted = macros(250)
    targets = serve_macros(zendesk, wanted)
    found = fetch_macros(_client(zendesk_config))
    assert [m.id for m in found] == [m["id"] for m in wanted]
    assert len(zendesk.hits("/api/v2/macros.json")) == len(targets) == 3


def test_inactive_categories_restriction_and_both_comment_forms(
    zendesk: RecordingServer, zendesk_config: Config
) -> None:
    pair = macro(1, actions=[{"field": "comment_value", "value": ["channel:all", "Hello there"]}])
    html = macro(
        2,
        active=False,
        actions=[{"field": "comment_value_html", "value": "<p>Hi {{ticket.requester.name}}</p>"}],
    )
    none = macro(3, title="Triage only", actions=[{"field": "priority", "value": "high"}])
    serve_macros(zendesk, [pair, html, none])
    a, b, c = fetch_macros(_client(zendesk_config))
    assert a.text == "Hello there" and a.categories == ("Billing", "Refunds")
    assert a.name == "Reply 1"
    assert not b.active and b.html == "<p>Hi {{ticket.requester.name}}</p>" and b.has_reply
    assert not c.has_reply and c.categories == () and c.group_ids == (42,)


def test_a_429_is_waited_for_as_long_as_retry_after_says(
    zendesk: RecordingServer, zendesk_config: Config
) -> None:
    wanted = macros(150)
    targets = serve_macros(zendesk, wanted)
    page2 = zendesk.reply_for("GET", targets[1])
    zendesk.route("GET", targets[1], Reply(429, {"error": "slow"}, {"Retry-After": "1"}), page2)
    found = fetch_macros(_client(zendesk_config))
    assert len(found) == 150
    hits = [h for h in zendesk.hits("/api/v2/macros.json") if ("page[after]", "c1") in h.query]
    assert len(hits) == 2 and hits[1].at - hits[0].at >= 1.0


def test_a_500_is_retried_and_a_slow_page_waited_for(
    zendesk: RecordingServer, zendesk_config: Config
) -> None:
    wanted = macros(250)
    targets = serve_macros(zendesk, wanted)
    ok2 = Reply(200, zendesk.reply_for("GET", targets[1]).body)
    zendesk.route("GET", targets[1], Reply(500, {"error": "boom"}), Reply(502, None), ok2)
    ok3 = zendesk.reply_for("GET", targets[2]).body
    zendesk.route("GET", targets[2], Reply(200, ok3, delay=0.4))
    found = fetch_macros(_client(zendesk_config))
    assert len(found) == 250
    assert len(zendesk.hits("/api/v2/macros.json")) == 3 + 2


def test_a_timeout_is_retried(zendesk: RecordingServer, zendesk_config: Config) -> None:
    targets = serve_macros(zendesk, macros(120))
    body = zendesk.reply_for("GET", targets[1]).body
    zendesk.route("GET", targets[1], Reply(200, body, delay=1.0), Reply(200, body))
    assert len(fetch_macros(_client(zendesk_config, timeout=0.3))) == 120


def test_a_page_that_keeps_failing_raises_after_the_earlier_macros_were_handed_over(
    zendesk: RecordingServer, zendesk_config: Config
) -> None:
    targets = serve_macros(zendesk, macros(150))
    zendesk.route("GET", targets[1], Reply(503, {"error": "down"}))
    got: list[int] = []
    with pytest.raises(APIException):
        fetch_macros(_client(zendesk_config), on_macro=lambda m: got.append(m.id))
    assert len(got) == 100  # the first page was delivered before the failure
    assert len(zendesk.hits(targets[1].split("?")[0])) >= 5  # 1 + 4 retries


def test_parse_keeps_every_action_in_order() -> None:
    raw = macro(4)
    raw["actions"].append({"field": "set_tags", "value": "refund"})
    m = parse_macro(raw)
    assert [a["field"] for a in m.actions] == ["status", "comment_value", "set_tags"]
