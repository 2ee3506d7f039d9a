"""The write-back plan: only the comment actions change, in their own form; overlaps refused."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

import plugin.macros.writeback as writeback
from plugin.coach.review import Coach
from plugin.coach.rules import load_pack
from plugin.macros.writeback import PlanError, actions_sha256, plan

COACH = Coach(load_pack())
TEXT = "Hello,\n\nYour parcel has been received. {{dc.returns_footer}}"
HTML = "<p>Hello,</p><p>Your parcel has been received.</p>"


@dataclass(frozen=True)
class FakeMacro:
    text: str | None
    html: str | None
    actions: tuple[dict[str, Any], ...]
    id: int = 11
    title: str = "Returns::Received"
    active: bool = True
    categories: tuple[str, ...] = ("Returns",)
    group_ids: tuple[int, ...] = field(default=())


def _macro() -> FakeMacro:
    return FakeMacro(
        TEXT,
        HTML,
        (
            {"field": "priority", "value": "low"},
            {"field": "comment_value", "value": TEXT},
            {"field": "comment_value_html", "value": HTML},
            {"field": "comment_mode_is_public", "value": "true"},
        ),
    )


def test_the_greeting_fix_changes_the_text_action_only() -> None:
    result = plan(COACH, _macro(), ["comment_value:g0:0"])
    before, after = result.before_actions, result.after_actions
    assert [a for i, a in enumerate(after) if i != 1] == [a for i, a in enumerate(before) if i != 1]
    assert after[1]["value"].startswith("Hi {{ticket.requester.first_name}},")
    assert "{{dc.returns_footer}}" in after[1]["value"]
    assert result.before_sha256 == actions_sha256(list(_macro().actions)) != result.after_sha256
    assert set(result.diffs) == {"comment_value"}


def test_a_one_line_body_diffs_as_a_removed_line_and_an_added_line() -> None:
    report = writeback.lint_macro(COACH, _macro()).to_dict()
    (html_body,) = [b for b in report["bodies"] if b["field"] == "comment_value_html"]
    chosen = next(
        f"comment_value_html:{f['id']}:0" for f in html_body["findings"] if f["suggestions"]
    )
    diff = plan(COACH, _macro(), [chosen]).diffs["comment_value_html"]
    removed = [
        line for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")
    ]
    added = [
        line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")
    ]
    assert removed == ["-" + HTML]
    assert len(added) == 1 and added[0] != "+" + HTML and "-<p>" not in added[0]


def test_html_suggestions_change_the_html_action() -> None:
    report = writeback.lint_macro(COACH, _macro()).to_dict()
    html_ids = [
        f"comment_value_html:{f['id']}:0"
        for b in report["bodies"]
        if b["field"] == "comment_value_html"
        for f in b["findings"]
        if f["suggestions"]
    ]
    assert html_ids
    result = plan(COACH, _macro(), html_ids[:1])
    assert result.after_actions[1] == result.before_actions[1]
    assert result.after_actions[2] != result.before_actions[2]
    assert result.after_actions[2]["value"].startswith("<p>")


def test_overlapping_choices_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    real = writeback.lint_macro

    def two_rewrites_of_one_span(coach: Coach, macro: Any) -> Any:
        report = real(coach, macro)
        finding = report.bodies[0].findings[0]
        ids = [f"comment_value:{finding['id']}:{i}" for i in (0, 1)]
        finding["suggestions"] = [
            {"id": ids[0], "label": "a", "edits": [{"start": 0, "end": 5, "replacement": "Hi"}]},
            {"id": ids[1], "label": "b", "edits": [{"start": 2, "end": 5, "replacement": "y"}]},
        ]
        return report

    monkeypatch.setattr(writeback, "lint_macro", two_rewrites_of_one_span)
    first_id = real(COACH, _macro()).bodies[0].findings[0]["id"]
    with pytest.raises(PlanError, match="overlap"):
        plan(COACH, _macro(), [f"comment_value:{first_id}:0", f"comment_value:{first_id}:1"])


def test_a_plan_that_would_change_a_placeholder_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = writeback.lint_macro
    start = TEXT.index("{{dc")

    def breaks_a_placeholder(coach: Coach, macro: Any) -> Any:
        report = real(coach, macro)
        finding = report.bodies[0].findings[0]
        edit = {"start": start + 2, "end": start + 4, "replacement": "DC"}
        finding["suggestions"] = [
            {"id": f"comment_value:{finding['id']}:0", "label": "x", "edits": [edit]}
        ]
        return report

    monkeypatch.setattr(writeback, "lint_macro", breaks_a_placeholder)
    first_id = real(COACH, _macro()).bodies[0].findings[0]["id"]
    with pytest.raises(PlanError, match="placeholder"):
        plan(COACH, _macro(), [f"comment_value:{first_id}:0"])
