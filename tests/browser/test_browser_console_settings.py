"""The console's coaching settings in real Chromium: tick a mood x move box and set a
category severity for a brand, try them unsaved, save, see that brand's sidebar change,
and preview a ticket's combined brand + group + channel scope value by value."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_browser_console import (
    DRAFT,
    PAGE_ERRORS,
    RULE,
    _open_scope,
    _page,
    _ready,
    _sidebar_severity,
    _version,
)


@pytest.fixture(autouse=True)
def _no_page_errors() -> Iterator[None]:
    PAGE_ERRORS.clear()
    yield
    assert PAGE_ERRORS == []


# Our own words: a customer who is plainly upset about a late parcel.
UPSET = "This is ridiculous! My parcel still has not arrived after three weeks. I am furious."


def _shot(page: Any, name: str) -> None:
    """With CONSOLE_SCREENSHOTS=<dir>, the page as the admin saw it (for a look by eye)."""
    folder = os.environ.get("CONSOLE_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _last_try(page: Any, rule_id: str) -> str | None:
    found: str | None = page.evaluate(
        "id => (window.replyCoachConsole.lastTry.findings.find(f => f.rule_id === id) || {})"
        ".severity || null",
        rule_id,
    )
    return found


def _try_settings(page: Any) -> None:
    page.evaluate("() => { window.replyCoachConsole.lastTry = null; }")
    page.click("#rcc-ts-run")
    page.wait_for_function("() => window.replyCoachConsole.lastTry !== null")


def test_an_admin_sets_mood_moves_and_a_category_severity_for_a_brand_and_previews_a_ticket(
    browser: Any, dev_console: str, harness_server: str
) -> None:
    context, page = _page(browser)
    sidebar = context.new_page()
    page.goto(f"{dev_console}/admin#rules")
    _ready(page)
    _open_scope(page, "brand", "360", "Acme Retail")
    page.click('[data-tab="vocabulary"]')
    page.wait_for_selector("#rcc-mm-grid")
    # Try the unsaved settings: the customer is upset, the draft blames and never apologises.
    page.fill("#rcc-ts-customer", UPSET)
    page.fill("#rcc-ts-text", DRAFT)
    _try_settings(page)
    mood = page.evaluate("() => window.replyCoachConsole.lastTry.mood")
    assert mood in {"frustrated", "angry"}
    assert _last_try(page, "missing-apologize") == "warning"
    assert _last_try(page, RULE) == "warning"
    page.uncheck(f"#rcc-mm-{mood}-apologize")
    page.select_option("#rcc-sev-tone", "error")
    _try_settings(page)
    assert _last_try(page, "missing-apologize") == "info"
    assert _last_try(page, RULE) == "error"
    page.wait_for_selector(f'#rcc-ts-preview mark.rcc-mark--error[data-rule="{RULE}"]')
    assert _version(page) == 1  # trying saved nothing

    page.click("#rcc-save-vocab")
    page.wait_for_function("() => window.replyCoachConsole.state.version === 2")
    row = page.locator(f'#rcc-mm-grid tr[data-mood="{mood}"]')
    assert row.locator('[data-from="brand:360"]').count() == 1
    assert not page.is_checked(f"#rcc-mm-{mood}-apologize")
    assert page.locator('label[for="rcc-sev-tone"] [data-from="brand:360"]').count() == 1
    # Reset puts back what the brand inherits (unsaved until Save).
    page.click(f'[data-reset-mood="{mood}"]')
    assert page.is_checked(f"#rcc-mm-{mood}-apologize")
    page.click('[data-reset-category="tone"]')
    assert page.input_value("#rcc-sev-tone") == "default"
    assert page.locator('[data-reset-category="jargon"]').count() == 0  # not set here
    page.click('[data-tab="rules"]')  # leave without saving

    assert _sidebar_severity(sidebar, harness_server, dev_console, 360) == "error"
    assert _sidebar_severity(sidebar, harness_server, dev_console, 361) == "warning"

    # A ticket of brand 360 in group 12 on chat: the combined scope, value by value.
    page.click('[data-tab="preview"]')
    page.fill("#rcc-pv-brand", "360")
    page.fill("#rcc-pv-group", "12")
    page.fill("#rcc-pv-channel", "chat")
    page.click("#rcc-pv-run")
    page.wait_for_selector("#rcc-pv-applied")
    assert page.locator('#rcc-pv-applied [data-from="brand:360"]').count() == 1
    assert "group:12, channel:chat have no overrides" in page.inner_text("#rcc-pv-ignored")
    tone = page.locator("#rcc-pv-severities tr", has=page.locator('[data-category="tone"]'))
    assert "Error" in tone.inner_text() and tone.locator('[data-from="brand:360"]').count() == 1
    pv_row = page.locator(f'#rcc-pv-mm-grid tr[data-mood="{mood}"]')
    assert pv_row.locator('[data-from="brand:360"]').count() == 1
    assert pv_row.locator('[data-move="apologize"]').get_attribute("data-on") == "0"
    assert pv_row.locator('[data-move="validate"]').get_attribute("data-on") == "1"
    assert page.locator('#rcc-pv-mm-grid tr[data-mood="calm"] [data-from="default"]').count() == 1
    page.fill("#rcc-pv-text", DRAFT)
    page.click("#rcc-pv-try")
    page.wait_for_selector(f'#rcc-pv-preview mark.rcc-mark--error[data-rule="{RULE}"]')
    _shot(page, "console-ticket-preview")
    page.click('[data-tab="vocabulary"]')
    page.wait_for_selector("#rcc-mm-grid")
    _shot(page, "console-settings")
    context.close()
