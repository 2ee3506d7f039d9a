"""Channel and comment type: the sidebar reads them from ZAF, the playground sets them."""

from __future__ import annotations

from typing import Any

from browser_helpers import ANGRY_CUSTOMER, WAIT_MS, open_playground, open_sidebar, wait_checked

TURN = "Sorry about that! Could you send me the order number?"


def test_sidebar_sends_the_ticket_channel_and_the_comment_type(
    live_server: str, harness_server: str, page_factory: Any
) -> None:
    page, _ = page_factory(1000)
    frame = open_sidebar(page, harness_server, live_server)
    page.evaluate("t => harness.typeDraft(t)", TURN)
    review = wait_checked(frame, TURN)
    body = frame.evaluate("() => window.replyCoach.checked.body")
    via = page.evaluate("() => harness.ticket.via.channel")
    assert body["channel"] == via  # ZAF's ticket.via object, its channel name sent
    assert body["comment_type"] == "public"
    assert review["channel"]["name"] == via and not review["channel"]["inferred"]

    # The agent switches to an internal note: the sidebar re-checks it as a note.
    page.evaluate("() => harness.setCommentType('internalNote')")
    frame.wait_for_function(
        "() => window.replyCoach.checked.review.comment_type === 'internal'", timeout=WAIT_MS
    )
    note = frame.evaluate("() => window.replyCoach.checked.review")
    assert note["categories"]["empathy"]["status"] == "n/a"
    chip = frame.locator('#rc-panel .rc-channel[data-register="internal"]')
    assert chip.inner_text() == "Internal note"


def test_playground_channel_selector_changes_the_coaching(
    live_server: str, page_factory: Any
) -> None:
    page, _ = page_factory(1100)
    open_playground(page, live_server)
    page.fill("#rc-customer", ANGRY_CUSTOMER)
    page.select_option("#rc-channel", "whatsapp")
    page.fill("#rc-draft", TURN)
    review = wait_checked(page, TURN)
    assert review["channel"]["register"] == "chat"
    assert review["categories"]["closing"]["status"] == "n/a"
    panel = page.locator("#rc-panel")
    assert panel.locator(".rc-channel").inner_text() == "Chat reply"
    row = panel.locator('.rc-cat-row[data-category="spelling_grammar"] .rc-cat-name')
    assert row.inner_text().startswith("Spelling & grammar")

    page.select_option("#rc-channel", "email")
    page.wait_for_function(
        "() => window.replyCoach.checked.review.channel.register === 'email'", timeout=WAIT_MS
    )
    assert page.locator("#rc-panel .rc-channel").inner_text() == "Email reply"


def test_without_a_grammar_server_the_spell_check_status_stands(
    live_server: str, page_factory: Any
) -> None:
    page, _ = page_factory(1100)
    open_playground(page, live_server)
    draft = "Hi Sam,\n\nYour parcle is on its way and will arive tomorrow.\n\nBest,\nKim"
    page.fill("#rc-draft", draft)
    review = wait_checked(page, draft)
    assert review["grammar"]["status"] == "n/a"
    local = review["categories"]["spelling_grammar"]["status"]
    assert local in {"warn", "fail"}  # the misspellings were found locally
    row = page.locator('.rc-cat-row[data-category="spelling_grammar"]')
    assert row.get_attribute("data-status") == local
    assert "Grammar:" in row.inner_text()
