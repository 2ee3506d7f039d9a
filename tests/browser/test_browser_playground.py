"""(a) The playground: paste a cold draft and an angry message, apply a rewrite."""

from __future__ import annotations

from typing import Any

from browser_helpers import (
    ANGRY_CUSTOMER,
    COLD_DRAFT,
    apply_edits,
    click_suggestion,
    open_playground,
    pick_finding,
    still_there,
    wait_checked,
)


def test_cold_draft_gets_findings_and_one_click_fix(live_server: str, page_factory: Any) -> None:
    page, _ = page_factory(1100)
    open_playground(page, live_server)

    page.fill("#rc-customer", ANGRY_CUSTOMER)
    page.fill("#rc-draft", COLD_DRAFT)  # a paste: one input event
    review = wait_checked(page, COLD_DRAFT)

    assert 0 <= review["score"] < 80
    assert review["customer_mood"] and review["customer_mood"]["label"] in ("frustrated", "angry")
    panel = page.locator("#rc-panel")
    assert panel.locator(".rc-score-num").inner_text() == str(review["score"])
    assert panel.locator(".rc-finding").count() == len(review["findings"])
    assert panel.locator(".rc-cat-row").count() == len(review["categories"])
    assert panel.locator(".rc-mood .rc-cue").count() == len(review["customer_mood"]["cues"])
    # Findings are marked in the mirror behind the textarea, exactly over their text.
    marks = page.locator("#rc-mirror mark")
    assert marks.count() >= 1
    assert marks.first.inner_text() in COLD_DRAFT

    finding, index = pick_finding(review)
    expected = apply_edits(COLD_DRAFT, finding["suggestions"][index]["edits"])
    click_suggestion(panel, finding, index)

    page.wait_for_function("t => document.querySelector('#rc-draft').value === t", arg=expected)
    after = wait_checked(page, expected, after=1)
    assert still_there(after, finding) == []
    assert page.input_value("#rc-draft") == expected


def test_keyboard_applies_a_suggestion(live_server: str, page_factory: Any) -> None:
    page, _ = page_factory(1100)
    open_playground(page, live_server)
    page.fill("#rc-draft", COLD_DRAFT)
    review = wait_checked(page, COLD_DRAFT)
    finding, index = pick_finding(review)
    more = page.locator('button.rc-more[aria-expanded="false"]')
    if more.count():  # keyboard too: open the folded suggestions
        more.focus()
        page.keyboard.press("Enter")
    button = page.locator(f'.rc-finding[data-finding="{finding["id"]}"] button.rc-apply').nth(index)
    button.focus()
    outline = button.evaluate("b => getComputedStyle(b).outlineStyle")
    assert outline != "none"  # a visible focus ring
    page.keyboard.press("Enter")
    expected = apply_edits(COLD_DRAFT, finding["suggestions"][index]["edits"])
    after = wait_checked(page, expected, after=1)
    assert still_there(after, finding) == []


def test_only_the_latest_result_is_shown(live_server: str, page_factory: Any) -> None:
    """Typing on while checks are in flight: the screen ends on the last text, never older."""
    page, _ = page_factory(1100)
    open_playground(page, live_server)
    page.click("#rc-draft")
    page.keyboard.type("We can't do that. ", delay=5)
    page.wait_for_timeout(150)  # let a check start
    page.keyboard.type("Calm down, obviously you should have read the FAQ.", delay=5)
    final = page.input_value("#rc-draft")
    wait_checked(page, final)
    page.wait_for_timeout(400)  # any stale response would land in this window
    assert page.evaluate("() => window.replyCoach.checked.body.draft") == final
