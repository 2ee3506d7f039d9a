"""Chosen suggestions → a dry-run diff of a macro's actions → (on confirmation) new actions.

The plan is always computed from the macro as Zendesk has it now, linted afresh, so
the edits' offsets match its text. Only the comment actions change; every other action
is kept as it was, in place. A plan that would change a placeholder is refused.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from plugin.coach.edits import apply
from plugin.coach.model import Edit
from plugin.coach.review import Coach
from plugin.macros import liquid
from plugin.macros.lint import lint_macro


class PlanError(ValueError):
    """The chosen suggestions cannot be applied; the message says which and why."""


@dataclass(frozen=True)
class Plan:
    macro_id: int
    before_actions: list[dict[str, Any]]
    after_actions: list[dict[str, Any]]
    before_sha256: str
    after_sha256: str
    applied: list[str]
    diffs: dict[str, str]  # field -> unified diff of its text

    @property
    def changed(self) -> bool:
        return self.before_sha256 != self.after_sha256

    def to_dict(self) -> dict[str, Any]:
        return {
            "macro_id": self.macro_id,
            "before_sha256": self.before_sha256,
            "after_sha256": self.after_sha256,
            "applied": self.applied,
            "diffs": self.diffs,
            "before_actions": self.before_actions,
            "after_actions": self.after_actions,
            "changed": self.changed,
        }


def actions_sha256(actions: list[dict[str, Any]]) -> str:
    canon = json.dumps(actions, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


def suggestion_ids(report: dict[str, Any]) -> dict[str, tuple[str, list[dict[str, Any]], str]]:
    """Every offered suggestion by id ``field:finding:index`` → (field, edits, label)."""
    out = {}
    for body in report["bodies"]:
        for f in body["findings"]:
            for s in f["suggestions"]:
                out[s["id"]] = (body["field"], s["edits"], s["label"])
    return out


def _new_value(old: Any, text: str) -> Any:
    """A comment value with its text replaced, its form (string or [channel, text]) kept."""
    if isinstance(old, list) and len(old) == 2:
        return [old[0], text]
    return text


def _diff(field: str, before: str, after: str) -> str:
    # One diff line per text line, even when the text has no final newline (an HTML
    # reply is often a single line: its removal and addition must not run together).
    lines = difflib.unified_diff(
        before.splitlines(),
        after.splitlines(),
        fromfile=f"{field} (now)",
        tofile=f"{field} (after)",
        lineterm="",
    )
    return "\n".join(lines) + "\n"


def plan(coach: Coach, macro: Any, chosen: list[str]) -> Plan:
    """The new actions of ``macro`` with the ``chosen`` suggestion ids applied."""
    report = lint_macro(coach, macro).to_dict()
    offered = suggestion_ids(report)
    unknown = [c for c in chosen if c not in offered]
    if unknown:
        raise PlanError(
            "not offered for this macro as it is now: " + ", ".join(unknown) + " (lint it again)"
        )
    sources = {"comment_value": macro.text or "", "comment_value_html": macro.html or ""}
    edits: dict[str, list[Edit]] = {}
    for c in dict.fromkeys(chosen):
        field, raw, _ = offered[c]
        edits.setdefault(field, []).extend(Edit(**e) for e in raw)
    texts: dict[str, str] = {}
    for field, field_edits in edits.items():
        try:
            texts[field] = apply(sources[field], field_edits)
        except ValueError as err:
            raise PlanError(f"chosen suggestions overlap in {field}: pick one ({err})") from None
        if not placeholders_kept(sources[field], texts[field]):
            raise PlanError(f"the result would change a placeholder in {field}")
    before = [copy.deepcopy(a) for a in macro.actions]
    after = copy.deepcopy(before)
    for action in after:
        field = action.get("field")
        if field in texts:
            action["value"] = _new_value(action.get("value"), texts[field])
    return Plan(
        macro_id=macro.id,
        before_actions=before,
        after_actions=after,
        before_sha256=actions_sha256(before),
        after_sha256=actions_sha256(after),
        applied=list(dict.fromkeys(chosen)),
        diffs={f: _diff(f, sources[f], t) for f, t in texts.items()},
    )


def placeholders_kept(before: str, after: str) -> bool:
    """Every placeholder and Liquid tag of ``before`` is in ``after``, in order, unchanged."""
    pos = 0
    for s, e in liquid.tokens(before):
        found = after.find(before[s:e], pos)
        if found < 0:
            return False
        pos = found + (e - s)
    return True
