"""(b) The sidebar inside a Zendesk-host harness, talking through the real ZAF SDK."""

from __future__ import annotations

from typing import Any

from browser_helpers import (
    COLD_DRAFT,
    WAIT_MS,
    apply_edits,
    click_suggestion,
    open_sidebar,
    pick_finding,
    still_there,
    wait_checked,
)


def test_sidebar_coaches_the_draft_and_writes_the_fix_back(
    live_server: str, harness_server: str, page_factory: Any
) -> None:
    page, _ = page_factory(1000)
    frame = open_sidebar(page, harness_server, live_server)

    page.evaluate("t => harness.typeDraft(t)", COLD_DRAFT)  # host fires comment.text.changed
    review = wait_checked(frame, COLD_DRAFT)
    assert review["findings"], "a cold draft must get findings"
    # The sidebar read the ticket through ZAF and sent it with the draft.
    body = frame.evaluate("() => window.replyCoach.checked.body")
    ticket = page.evaluate("() => harness.ticket")
    assert body["format"] == "text"
    assert body["ticket_id"] == ticket["id"]
    assert body["requester_id"] == ticket["requester"]["id"]
    assert body["customer_name"] == ticket["requester"]["name"]
    assert "THIRD time" in body["customer_message"]  # the latest message by the requester
    assert review["customer_mood"]["label"] in ("frustrated", "angry")
    panel = frame.locator("#rc-panel")
    assert panel.locator(".rc-finding").count() == len(review["findings"])

    finding, index = pick_finding(review)
    expected = apply_edits(COLD_DRAFT, finding["suggestions"][index]["edits"])
    click_suggestion(panel, finding, index)

    page.wait_for_function(
        "t => harness.state.sets.some(s => s.path === 'comment.text' && s.value === t)",
        arg=expected,
        timeout=WAIT_MS,
    )
    assert page.evaluate("() => harness.comment.text") == expected
    after = wait_checked(frame, expected, after=1)
    assert still_there(after, finding) == []
    # The iframe asked the host to fit its content.
    resizes = page.evaluate("() => harness.state.invokes.filter(i => i.name === 'resize')")
    assert resizes and resizes[-1]["args"][0]["height"].endswith("px")


def test_sidebar_sends_rich_text_as_html(
    live_server: str, harness_server: str, page_factory: Any
) -> None:
    page, _ = page_factory(1000)
    frame = open_sidebar(page, harness_server, live_server)
    html = "<p>Dear customer,</p><p>As per our policy, you should have contacted the carrier.</p>"
    page.evaluate("t => { harness.setRichText(true); harness.typeDraft(t); }", html)
    review = wait_checked(frame, html)
    assert frame.evaluate("() => window.replyCoach.checked.body.format") == "html"
    for f in review["findings"]:  # offsets point into the HTML as sent
        assert html[f["start"] : f["end"]] == f["text"]
    quotes = frame.locator(".rc-quote").all_inner_texts()
    assert all("<p>" not in q for q in quotes)  # quoted as text, not markup
