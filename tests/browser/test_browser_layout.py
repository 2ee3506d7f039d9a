"""(d) Both pages at Zendesk's fixed sidebar width, 320 px: no sideways scrolling.

Screenshots land in /tmp for a person to look at (reply-coach-*-320.png).
"""

from __future__ import annotations

from typing import Any

from browser_helpers import ANGRY_CUSTOMER, COLD_DRAFT, open_playground, open_sidebar, wait_checked

WIDTH = 320
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_playground_at_320px(live_server: str, page_factory: Any) -> None:
    page, _ = page_factory(WIDTH, 800)
    open_playground(page, live_server)
    page.fill("#rc-customer", ANGRY_CUSTOMER)
    page.fill("#rc-draft", COLD_DRAFT)
    wait_checked(page, COLD_DRAFT)
    assert page.evaluate(OVERFLOW) <= 0
    page.screenshot(path=f"/tmp/reply-coach-playground-{WIDTH}.png", full_page=True)


def test_sidebar_at_320px(live_server: str, harness_server: str, page_factory: Any) -> None:
    page, _ = page_factory(WIDTH, 800)
    frame = open_sidebar(page, harness_server, live_server)
    page.evaluate("t => harness.typeDraft(t)", COLD_DRAFT)
    wait_checked(frame, COLD_DRAFT)
    assert frame.evaluate(OVERFLOW) <= 0
    # The app asked the host for its full height; the harness sized the iframe to it.
    page.wait_for_function("() => harness.state.invokes.some(i => i.name === 'resize')")
    page.wait_for_timeout(150)  # the resize after the last render
    content = frame.evaluate("() => document.getElementById('rc-app').offsetHeight")
    box = page.locator("#frame").bounding_box()
    assert box is not None and box["height"] >= content
    page.screenshot(path=f"/tmp/reply-coach-sidebar-{WIDTH}.png", full_page=True)
