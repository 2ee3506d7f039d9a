"""The macro authors' page in real Chromium: run, progress, worst first, fix two, undo."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import WAIT_MS
from macro_page_helpers import (
    COLD,
    COLD_ACTIONS,
    COLD_HTML,
    COLD_ID,
    Reply,
    cold_macro,
    macro_item,
    macros,
    puts,
    serve_app,
    serve_macros,
    shown_scores,
    start_zendesk,
    wait_report,
    zendesk_user,
)

from plugin.macros import liquid
from plugin.macros.writeback import placeholders_kept

SHOTS = os.environ.get("MACRO_SCREENSHOTS")  # a directory: the test saves the page there


def _shot(page: Any, name: str, at: str | None = None) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        if at:
            page.locator(at).first.scroll_into_view_if_needed()
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


# The page asks for the last run (404 before the first) and shows refusals (403): Chromium
# logs each such answer; any other console error or page exception fails the test.
EXPECTED = re.compile(r"^console\.error: Failed to load resource: .* (403|404) ")


@pytest.fixture
def page_factory(browser: Any) -> Iterator[Any]:
    opened: list[tuple[Any, list[str]]] = []

    def make(width: int = 1200, height: int = 900) -> tuple[Any, list[str]]:
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        log: list[str] = []
        page.on(
            "console",
            lambda m: log.append(f"console.{m.type}: {m.text}")
            if m.type in ("error", "warning")
            else None,
        )
        page.on("pageerror", lambda exc: log.append(f"pageerror: {exc}"))
        opened.append((context, log))
        return page, log

    yield make
    errors = [e for _, log in opened for e in log if not EXPECTED.match(e)]
    for context, _ in opened:
        context.close()
    assert errors == [], "browser console errors"


@pytest.fixture
def zendesk(monkeypatch: pytest.MonkeyPatch) -> Any:
    server = start_zendesk(monkeypatch)
    yield server
    server.stop()


def _tokens(text: str) -> list[str]:
    return [text[s:e] for s, e in liquid.tokens(text)]


def test_a_run_fixes_two_suggestions_after_the_diff_and_undoes_it(
    page_factory: Any, zendesk: Any, tmp_path: Path
) -> None:
    served = [*macros(149), cold_macro()]
    targets = serve_macros(zendesk, served)
    slow = zendesk.reply_for("GET", targets[1])  # a slow second page: progress is seen
    zendesk.route("GET", targets[1], Reply(slow.status, slow.body, slow.headers, delay=1.5))
    _, server = serve_app({"dev": True, "secret_key": "s" * 40}, tmp_path)
    try:
        page, _ = page_factory(1200, 900)
        page.goto(f"{server.url}/admin/macros")
        page.wait_for_function("() => window.macroPage !== undefined")
        assert "No lint has run yet" in page.inner_text("#mp-made")
        page.click("#mp-start")
        page.wait_for_selector("#mp-progress:not([hidden])", timeout=WAIT_MS)
        page.wait_for_function(  # the slow second page holds the run in its listing
            "() => /Reading macros from Zendesk: [1-9]/.test("
            "document.querySelector('#mp-progress-text').textContent)",
            timeout=WAIT_MS,
        )
        wait_report(page)
        assert page.is_hidden("#mp-progress")
        made = page.inner_text("#mp-made")
        assert "Report made" in made and "rule pack" in made and "150 macros" in made
        scores = shown_scores(page)
        assert len(scores) >= 10 and scores == sorted(scores)  # worst first
        _shot(page, "macros-report")

        page.select_option("#mp-tag", "cold")
        page.wait_for_function("() => document.querySelector('#mp-count').textContent.length > 0")
        page.wait_for_function(
            "() => [...document.querySelectorAll('#mp-list .mp-macro')].every("
            "li => [...li.querySelectorAll('.mp-tag-chip')].some(c => c.textContent === 'cold'))"
        )
        cold = macro_item(page, COLD_ID)
        cold.wait_for(timeout=WAIT_MS)
        if not cold.locator("details").evaluate("d => d.open"):
            cold.locator("summary").click()
        assert cold.locator("mark.mp-mark").count() >= 2  # findings highlighted in its text
        assert "{{ticket.requester.first_name}}" in cold.locator("pre.mp-text").first.inner_text()

        # Two fixes: one in the plain-text reply, one in the HTML reply.
        bodies = cold.locator("section.mp-body")
        assert bodies.count() == 2
        picked = []
        for b in range(2):
            box = bodies.nth(b).locator("input.mp-pick").first
            box.check()
            picked.append(box.get_attribute("value"))
        assert picked[0].startswith("comment_value:")
        assert picked[1].startswith("comment_value_html:")
        cold.locator("button.mp-preview").click()
        plan = cold.locator(".mp-plan")
        plan.locator(".mp-confirm").wait_for(timeout=WAIT_MS)
        assert plan.locator(".mp-line-add").count() >= 1
        assert plan.locator(".mp-line-del").count() >= 1
        kept = plan.locator("li.mp-kept").all_inner_texts()
        assert kept == ["status unchanged", "set_tags unchanged", "group_id unchanged"]
        titles = plan.locator(".mp-diff-title").all_inner_texts()
        assert titles == ["Plain text reply", "HTML reply"]
        html_diff = plan.locator(".mp-diff").nth(1)
        assert html_diff.locator(".mp-line-del").all_inner_texts() == ["-" + COLD_HTML]
        assert html_diff.locator(".mp-line-add").count() == 1
        assert puts(zendesk) == []  # the dry run wrote nothing
        _shot(page, "macros-diff", ".mp-plan .mp-confirm")

        plan.locator(".mp-confirm").click()
        cold.locator(".mp-written").first.wait_for(timeout=WAIT_MS)
        (sent,) = puts(zendesk)
        actions = sent["actions"]
        assert [a["field"] for a in actions] == [a["field"] for a in COLD_ACTIONS]
        for i in (0, 2, 4):
            assert actions[i] == COLD_ACTIONS[i]  # every other action unchanged
        channel, text = actions[1]["value"]
        assert channel == "channel:all" and text != COLD
        html = actions[3]["value"]
        assert html != COLD_HTML
        # Each placeholder and Liquid tag byte for byte, in order, in both replies.
        assert placeholders_kept(COLD, text) and placeholders_kept(COLD_HTML, html)
        assert _tokens(text)[-5:] == _tokens(COLD)[-5:]

        audit = page.locator("li.mp-audit-item")
        audit.first.wait_for(timeout=WAIT_MS)
        assert "Refused refund" in audit.first.inner_text()
        assert "2 suggestion(s) applied" in audit.first.inner_text()
        audit.first.locator("button.mp-undo").click()
        audit.first.locator("button.mp-undo").click()  # the second click confirms
        page.wait_for_selector("text=Undone by write", timeout=WAIT_MS)
        _shot(page, "macros-audit", "#mp-audit")
        assert len(puts(zendesk)) == 2
        assert puts(zendesk)[1]["actions"] == COLD_ACTIONS  # put back exactly
    finally:
        server.close()


def test_the_report_opens_at_once_next_time(
    page_factory: Any, zendesk: Any, tmp_path: Path
) -> None:
    silent = macros(13)[12] | {"id": 900_500, "title": "Close quietly"}
    silent["actions"] = [{"field": "status", "value": "solved"}]  # no reply text
    serve_macros(zendesk, [*macros(12), silent])
    _, server = serve_app({"dev": True, "secret_key": "s" * 40}, tmp_path)
    try:
        page, _ = page_factory()
        page.goto(f"{server.url}/admin/macros")
        page.click("#mp-start")
        wait_report(page)
        again, _ = page_factory()
        again.goto(f"{server.url}/admin/macros")
        wait_report(again)
        assert again.is_hidden("#mp-progress")
        assert "13 macros" in again.inner_text("#mp-made")
        items = again.locator("#mp-list .mp-macro")
        assert items.count() == 13
        last = items.nth(12)
        assert "Close quietly" in last.inner_text() and "no reply text" in last.inner_text()
        with again.expect_download() as info:
            again.click("#mp-csv")
        csv = Path(info.value.path()).read_text(encoding="utf-8")
        assert csv.startswith("macro_id,title") and csv.count("\n") == 14

        # Macros n % 3 == 0 are restricted to group 42: 0, 3, 6, 9 (12 is the silent one's id).
        again.select_option("#mp-group", "42")
        again.wait_for_function(
            "() => document.querySelectorAll('#mp-list .mp-macro').length === 5"
        )
        assert "5 macros" in again.inner_text("#mp-count")
        again.select_option("#mp-category", "Billing")
        again.wait_for_function(
            "() => document.querySelectorAll('#mp-list .mp-macro').length === 4"
        )
        with again.expect_download() as info:
            again.click("#mp-json")
        exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
        assert exported["count"] == 4 and exported["filters"]["group"] == 42
    finally:
        server.close()


def test_an_agent_reads_the_report_but_every_write_is_refused_with_the_reason(
    page_factory: Any, zendesk: Any, tmp_path: Path
) -> None:
    from signing_keys import PUBLIC_PEM

    from plugin.jobs import jobs_store, lint_coach
    from plugin.macros.lint import lint_macro
    from plugin.zendesk.auth import issue_session
    from plugin.zendesk.macros import parse_macro

    serve_macros(zendesk, [cold_macro()])
    zendesk_user(zendesk, 8101, role="agent", custom_role_id=None)
    prod = {
        "dev": False,
        "secret_key": "5b0e8c1f7a2d4e6b9c3f0a1d8e7b6c5a-macro-page",
        "zendesk_app_installation_id": "360001",
        "zendesk_app_public_key": PUBLIC_PEM,
    }
    app, server = serve_app(prod, tmp_path)
    try:
        with app.app_context():  # an admin's earlier run, stored
            store = jobs_store(app)
            coach, pack = lint_coach(app)
            job = store.create_job("lint", {}, pack, (1, "Ada Admin"))
            store.start(job)
            store.add_results(job, [lint_macro(coach, parse_macro(cold_macro())).to_dict()])
            store.finish(job, "done", 0)
        token = issue_session(
            app.extensions["coach_config"],
            subdomain="acme",
            installation_id="360001",
            user_id="8101",
        )
        page, _ = page_factory()
        page.goto(f"{server.url}/admin/macros#session={token}")
        wait_report(page)
        assert "session=" not in page.url  # the token left the address bar
        assert "Ada Admin" in page.inner_text("#mp-made")
        page.click("#mp-start")
        page.wait_for_selector("#mp-alert:not([hidden])", timeout=WAIT_MS)
        assert "could not start" in page.inner_text("#mp-alert")
        assert "admin" in page.inner_text("#mp-alert")
        cold = macro_item(page, COLD_ID)
        cold.locator("input.mp-pick").first.check()
        cold.locator("button.mp-preview").click()
        refusal = cold.locator(".mp-write-alert")
        refusal.wait_for(state="visible", timeout=WAIT_MS)
        assert "Preview refused" in refusal.inner_text() and "admin" in refusal.inner_text()
        _shot(page, "macros-agent", ".mp-write-alert")
        assert puts(zendesk) == [] and zendesk.hits("/api/v2/users/8101.json")
    finally:
        server.close()
