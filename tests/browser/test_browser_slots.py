"""A suggestion with a slot ("{time}"): the label marks it, applying it selects it."""

from __future__ import annotations

from typing import Any

from browser_helpers import click_suggestion, open_playground, wait_checked

DRAFT = "Hello,\n\nYour case is in progress with the warehouse.\n\nBest,\nSam"
CUSTOMER = "My parcel never arrived and nobody answers!!!"


def test_applying_a_slot_suggestion_selects_the_slot(live_server: str, page_factory: Any) -> None:
    page, _ = page_factory(1100)
    open_playground(page, live_server)
    page.fill("#rc-customer", CUSTOMER)
    page.fill("#rc-draft", DRAFT)
    review = wait_checked(page, DRAFT)
    finding = next(f for f in review["findings"] if f["rule_id"] == "missing-next_steps")
    assert "{time}" in finding["suggestions"][0]["edits"][0]["replacement"]
    more = page.locator('button.rc-more[aria-expanded="false"]')
    if more.count():
        more.click()
    button = page.locator(f'.rc-finding[data-finding="{finding["id"]}"] button.rc-apply').first
    assert button.locator("mark.rc-slot").inner_text() == "{time}"
    click_suggestion(page.locator("#rc-panel"), finding, 0)
    page.wait_for_function("() => document.querySelector('#rc-draft').value.includes('{time}')")
    page.wait_for_function(
        "() => { const d = document.querySelector('#rc-draft');"
        " return d.value.slice(d.selectionStart, d.selectionEnd) === '{time}'; }"
    )
    after = wait_checked(page, page.input_value("#rc-draft"), after=1)
    assert any(f["rule_id"] == "unfilled-slot" for f in after["findings"])
