"""Hostile and awkward ticket data in real Chromium: the coach keeps working and every
payload is shown as text, never run as markup."""

from __future__ import annotations

from typing import Any

from browser_helpers import (
    COLD_DRAFT,
    click_suggestion,
    open_playground,
    open_sidebar,
    pick_finding,
    wait_checked,
)

from plugin.coach.edits import apply
from plugin.coach.model import Edit

XSS = [
    '<img src=x onerror="window.__pwned=1">',
    '"><svg onload="window.__pwned=1">',
    "<script>window.__pwned=1</script>",
    'X" onmouseover="window.__pwned=1',
]


def test_sidebar_coaches_with_a_huge_comment_and_a_blank_requester_name(
    live_server: str, harness_server: str, page_factory: Any
) -> None:
    page, _ = page_factory(1000)
    frame = open_sidebar(page, harness_server, live_server)
    # A requester named only U+00A0 whose latest comment is ~300 KB: before, every
    # check was a 500 (the name) or a 413 (the comment).
    page.evaluate(
        """() => {
            const t = harness.ticket;
            t.requester.name = "\\u00a0";
            const early = "All fine last month, thanks again for that. ".repeat(7000);
            t.comments.push({id: 99, author: t.requester,
                value: "<p>" + early + "Now it is broken AGAIN and nobody answers!!!</p>"});
            harness.fire("ticket.requester.id.changed", t.requester.id);
        }"""
    )
    page.evaluate("t => harness.typeDraft(t)", COLD_DRAFT)
    review = wait_checked(frame, COLD_DRAFT)
    body = frame.evaluate("() => window.replyCoach.checked.body")
    assert "customer_name" not in body
    assert 0 < len(body["customer_message"]) <= 8000
    assert body["customer_message"].endswith("nobody answers!!!")
    assert review["customer_mood"]["label"] in ("frustrated", "angry")


def test_sidebar_shows_a_hostile_requester_and_comment_as_text(
    live_server: str, harness_server: str, page_factory: Any
) -> None:
    page, _ = page_factory(1000)
    frame = open_sidebar(page, harness_server, live_server)
    page.evaluate(
        """payloads => {
            const t = harness.ticket;
            t.requester.name = payloads[3];
            t.comments.push({id: 98, author: t.requester,
                value: "<p>STILL BROKEN!!! " + payloads.map(p => p.replace(/</g, "&lt;")).join(" ")
                    + "</p>"});
            harness.fire("ticket.requester.id.changed", t.requester.id);
        }""",
        XSS,
    )
    draft = "Hello,\n\nYou should have read the guide " + XSS[0] + ".\n"
    page.evaluate("t => harness.typeDraft(t)", draft)
    wait_checked(frame, draft)
    for button in frame.locator("button.rc-apply").all()[:6]:
        button.hover()  # an onmouseover that leaked into the panel would fire here
    assert frame.evaluate("() => window.__pwned") is None
    assert (
        frame.locator("#rc-panel img, #rc-panel svg:not([aria-hidden]), #rc-panel script").count()
        == 0
    )


def test_playground_renders_payloads_in_every_field_as_text(
    live_server: str, page_factory: Any
) -> None:
    page, _ = page_factory(1100)
    open_playground(page, live_server)
    page.fill("#rc-name", XSS[3])
    page.fill("#rc-customer", "THIRD time!!! " + " ".join(XSS))
    draft = "Dear customer,\n\nYou should have read " + " ".join(XSS) + "\n\nRegards"
    page.fill("#rc-draft", draft)
    review = wait_checked(page, draft)
    assert review["findings"]
    for button in page.locator("button.rc-apply").all()[:6]:
        button.hover()
    assert page.evaluate("() => window.__pwned") is None
    panel = page.locator("#rc-panel")
    assert panel.locator("img, script").count() == 0
    assert XSS[0] in panel.inner_text() or XSS[0] in page.locator("#rc-mirror").inner_text()


def test_a_suggestion_after_an_emoji_lands_where_the_server_meant_it(
    live_server: str, browser_app: Any, page_factory: Any
) -> None:
    # The API counts code points, JavaScript UTF-16 units: each emoji before a finding
    # shifted the edit one unit early (into a word, or into a tag in HTML).
    page, _ = page_factory(1100)
    open_playground(page, live_server)
    api = browser_app.test_client()
    api.environ_base["REMOTE_ADDR"] = "127.0.0.1"
    for fmt, draft in (
        ("text", "Hi 😀 team 👩‍👩‍👧,\n\nYou should have read the guide."),
        ("html", '<p>😀😀</p><p title="🙂>x">You should have read the guide.</p>'),
    ):
        page.select_option("#rc-format", fmt)
        page.fill("#rc-draft", draft)
        review = wait_checked(page, draft)
        finding, index = pick_finding(review)
        server = api.post("/api/v1/check", json={"draft": draft, "format": fmt}).get_json()
        meant = next(f for f in server["findings"] if f["id"] == finding["id"])
        expected = apply(
            draft,
            [
                Edit(e["start"], e["end"], e["replacement"])
                for e in meant["suggestions"][index]["edits"]
            ],
        )
        click_suggestion(page.locator("#rc-panel"), finding, index)
        page.wait_for_function("t => document.querySelector('#rc-draft').value === t", arg=expected)
