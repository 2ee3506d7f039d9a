"""The admin console in real Chromium: edit, try, save, and the sidebar's next check changes.

Development mode (a local admin) drives the whole loop with the sidebar in the ZAF
harness; production mode lands through Zendesk's signed URL as two admins and an agent.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import WAIT_MS, serve_app, wait_checked

from plugin import create_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "admin"))
from console_helpers import USERS, landing_token, prod_config  # noqa: E402

RULE = "blame-you-should-have"
DRAFT = "Hi Kim, you should have read the guide first. I have sent it again now."


@pytest.fixture
def prod_console(tmp_path: Path) -> Iterator[str]:
    app = create_app(prod_config(tmp_path))
    app.extensions["console_users"] = USERS.get  # stands in for zenpy users(id=...)
    yield from serve_app(app)


PAGE_ERRORS: list[str] = []  # uncaught exceptions in any console page (4xx answers are fine)


@pytest.fixture(autouse=True)
def _no_page_errors() -> Iterator[None]:
    PAGE_ERRORS.clear()
    yield
    assert PAGE_ERRORS == []


def _page(browser: Any) -> tuple[Any, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("pageerror", lambda exc: PAGE_ERRORS.append(str(exc)))
    return context, page


def _ready(page: Any) -> None:
    page.wait_for_function("() => window.replyCoachConsole && window.replyCoachConsole.ready")
    page.wait_for_selector("#rcc-rules tbody tr")


def _open_scope(page: Any, kind: str, ref: str, label: str = "") -> None:
    page.select_option("#rcc-scope-kind", kind)
    page.fill("#rcc-scope-ref", ref)
    page.fill("#rcc-scope-label", label)
    page.click("#rcc-scope-add button[type=submit]")
    page.wait_for_function(f"() => window.replyCoachConsole.state.scope === '{kind}:{ref}'")


def _edit(page: Any, rule_id: str) -> None:
    page.fill("#rcc-search", rule_id)
    page.click(f'tr[data-rule="{rule_id}"]')
    page.wait_for_selector("#rcc-rule-form")


def _version(page: Any) -> int:
    return int(page.evaluate("() => window.replyCoachConsole.state.version"))


def _sidebar_review(page: Any, harness: str, app: str, brand: int) -> dict[str, Any]:
    page.goto(f"{harness}/harness.html?app={app}/sidebar&brand={brand}")
    page.wait_for_function("() => window.harness && window.harness.state.ready", timeout=WAIT_MS)
    frame = page.wait_for_selector("#frame").content_frame()
    frame.wait_for_function("() => window.replyCoach !== undefined", timeout=WAIT_MS)
    page.wait_for_function(
        "() => harness.state.subscriptions['comment.text.changed'] >= 1", timeout=WAIT_MS
    )
    page.evaluate("t => harness.typeDraft(t)", DRAFT)
    review = wait_checked(frame, DRAFT)
    assert frame.evaluate("() => window.replyCoach.checked.body.brand_id") == brand
    return review


def _sidebar_severity(page: Any, harness: str, app: str, brand: int) -> str | None:
    review = _sidebar_review(page, harness, app, brand)
    return next((f["severity"] for f in review["findings"] if f["rule_id"] == RULE), None)


def test_an_admin_edits_a_brands_rule_tries_it_saves_and_that_brands_sidebar_changes(
    browser: Any, dev_console: str, harness_server: str
) -> None:
    context, page = _page(browser)
    sidebar = context.new_page()
    assert _sidebar_severity(sidebar, harness_server, dev_console, 360) == "warning"

    page.goto(f"{dev_console}/admin#rules")
    _ready(page)
    assert page.inner_text("#rcc-role") == "admin · can edit"
    assert page.is_visible("#rcc-dev")
    _open_scope(page, "brand", "360", "Acme Retail")
    _edit(page, RULE)
    page.select_option("#rcc-f-severity", "error")
    page.fill("#rcc-sample", DRAFT)
    mark = page.wait_for_selector(f'#rcc-rule-preview mark.rcc-mark--focus[data-rule="{RULE}"]')
    assert mark.inner_text().lower().startswith("you should have")
    assert "rcc-mark--error" in (mark.get_attribute("class") or "")  # the unsaved severity
    assert _version(page) == 1  # trying saved nothing
    page.click("#rcc-save-rule")
    page.wait_for_function("() => window.replyCoachConsole.state.version === 2")
    assert "Saved as version 2" in page.inner_text("#rcc-ok")
    row = page.locator(f'tr[data-rule="{RULE}"]')
    assert row.locator('[data-from="brand:360"]').count() == 1

    review = _sidebar_review(sidebar, harness_server, dev_console, 360)
    assert next(f["severity"] for f in review["findings"] if f["rule_id"] == RULE) == "error"
    assert "Coached by rule pack version 2 (account + brand:360)." in review["notes"]
    assert _sidebar_severity(sidebar, harness_server, dev_console, 361) == "warning"
    context.close()


def _land(page: Any, base: str, user: int) -> None:
    """Zendesk's first load of the nav_bar location: a form POST carrying the signed token."""
    page.set_content(
        f'<form method="post" action="{base}/admin">'
        f'<input type="hidden" name="token" value="{landing_token(user)}"></form>'
    )
    with page.expect_navigation():
        page.evaluate("() => document.forms[0].submit()")
    _ready(page)


def test_a_second_admins_stale_save_gets_the_conflict_and_can_reload(
    browser: Any, prod_console: str
) -> None:
    ctx_a, ada = _page(browser)
    ctx_b, bo = _page(browser)
    _land(ada, prod_console, 7)
    _land(bo, prod_console, 8)
    assert ada.inner_text(".rcc-who__name") == "Ada Admin"
    _edit(ada, RULE)
    ada.select_option("#rcc-f-severity", "error")
    ada.click("#rcc-save-rule")
    ada.wait_for_function("() => window.replyCoachConsole.state.version === 2")

    _edit(bo, RULE)
    bo.fill("#rcc-f-message", "Blaming words: say what happens next instead.")
    bo.click("#rcc-save-rule")
    bo.wait_for_selector("#rcc-error:not([hidden])")
    text = bo.inner_text("#rcc-error")
    assert "Someone saved first" in text and "v2 by Ada Admin" in text
    assert f"{RULE}: severity" in text
    assert _version(bo) == 1
    bo.click("#rcc-reload")
    bo.wait_for_function("() => window.replyCoachConsole.state.version === 2")
    assert bo.input_value("#rcc-f-severity") == "error"  # Ada's change, now on screen

    # Versions: who and what; a rollback is a new version.
    ada.click('[data-tab="versions"]')
    ada.wait_for_selector('#rcc-versions tr[data-version="2"]')
    assert "Ada Admin (#7)" in ada.inner_text('#rcc-versions tr[data-version="2"]')
    ada.click('#rcc-versions tr[data-version="2"] button:has-text("View")')
    assert "+  severity: error" in ada.inner_text("#rcc-diff")
    ada.click('[data-rollback="1"]')
    ada.wait_for_function("() => window.replyCoachConsole.state.version === 3")
    ada.wait_for_selector('#rcc-versions tr[data-version="3"]')
    assert "Rollback to v1" in ada.inner_text('#rcc-versions tr[data-version="3"]')
    ada.click('[data-tab="rules"]')
    _edit(ada, RULE)
    assert ada.input_value("#rcc-f-severity") == "warning"
    ctx_a.close()
    ctx_b.close()


def test_an_agent_reads_the_rules_but_cannot_write(browser: Any, prod_console: str) -> None:
    ctx, al = _page(browser)
    _land(al, prod_console, 9)
    assert "read-only" in al.inner_text("#rcc-role")
    assert "Only Zendesk admins" in al.inner_text("#rcc-readonly")
    _edit(al, RULE)
    assert al.is_disabled("#rcc-save-rule") and al.is_disabled("#rcc-retire")
    assert al.is_disabled(f'[data-rule-switch="{RULE}"]')
    al.fill("#rcc-sample", DRAFT)  # trying is reading: allowed
    al.wait_for_selector(f'#rcc-rule-preview mark[data-rule="{RULE}"]')
    # Even a hand-made request from the page is refused by the server.
    status = al.evaluate(
        """() => window.replyCoachConsole.post('/rules/blame-you-should-have/enabled',
             {base: 1, enabled: false}).then(() => 200, e => e.status)"""
    )
    assert status == 403
    assert _version(al) == 1
    ctx.close()


@pytest.mark.parametrize("width", [1024, 1440])
def test_every_console_tab_fits_the_nav_bar_pane(
    browser: Any, dev_console: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.on("pageerror", lambda exc: PAGE_ERRORS.append(str(exc)))
    page.goto(f"{dev_console}/admin#rules")
    _ready(page)
    _edit(page, RULE)  # the editor beside the list is the widest layout
    for tab in ("rules", "vocabulary", "try", "transfer", "versions"):
        page.click(f'[data-tab="{tab}"]')
        page.wait_for_selector(f"#tab-{tab}:not([hidden]) > *")
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{tab} is {overflow}px wider than the pane at {width}px"
        # Garden's type (14px from its variables): the bundled CSS is there and applied.
        font = page.evaluate("() => getComputedStyle(document.body).fontSize")
        assert font == "14px"
    context.close()


def test_the_console_links_to_the_macro_report_with_its_session(
    browser: Any, dev_console: str
) -> None:
    context, page = _page(browser)
    page.goto(f"{dev_console}/admin#rules")
    _ready(page)
    page.click("#rcc-macros-link")
    page.wait_for_url("**/admin/macros**")
    # the token travels in the fragment (never sent to a server) and the page takes it
    assert page.evaluate("() => location.pathname") == "/admin/macros"
    page.wait_for_selector("#mp-start")
    assert "Macro coach" in page.inner_text("h1")
    page.wait_for_function("() => !location.hash.includes('session=')")  # not left in the URL
    context.close()
