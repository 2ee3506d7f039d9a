"""Every kind of rule mistake the core's validation finds is tied to its field and line."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from plugin.store import packdoc

BASE: dict[str, Any] = {
    "id": "sample-rule",
    "category": "tone",
    "kind": "avoid",
    "phrases": ["as i already said"],
    "message": "Sounds impatient.",
}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "maybe"}, "kind"),
        ({"category": "vibes"}, "category"),
        ({"kind": "move"}, "move"),
        ({"move": "hug"}, "move"),
        ({"message": " "}, "message"),
        ({"why": 3}, "why"),
        ({"phrases": "", "patterns": None}, "phrases"),
        ({"phrases": [1]}, "phrases"),
        ({"patterns": ["[a-"]}, "patterns"),
        ({"replacement": "see {ticket}"}, "replacement"),
        ({"append": ["x"]}, "append"),
        ({"requires_name": "yes"}, "requires_name"),
        ({"context_words": 99}, "context_words"),
        ({"examples": {"bad": [""]}}, "examples.bad"),
        ({"examples": ["x"]}, "examples"),
        ({"scope": "closing"}, "scope"),
        ({"status": "paused"}, "status"),
        ({"severity": "high"}, "severity"),
        ({"tags": ["x"]}, "tags"),
    ],
)
def test_each_mistake_names_its_field_and_line(change: dict[str, Any], field: str) -> None:
    rule = {**BASE, **change}
    rule = {k: v for k, v in rule.items() if v is not None}
    text = yaml.safe_dump({"rules": [BASE | {"id": "fine-rule"}, rule]}, sort_keys=False)
    data, lines = packdoc.parse_yaml(text)
    (problem,) = packdoc.check(data, lines)
    assert (problem.rule, problem.field) == ("sample-rule", field)
    assert problem.line is not None
    line = text.splitlines()[problem.line - 1]
    # the field's own line, or the rule's first line when the field is missing
    assert line.lstrip("- ").startswith(field.split(".")[-1] + ":") or line == "- id: sample-rule"


def test_a_rule_without_a_valid_id_is_named_by_position() -> None:
    data, lines = packdoc.parse_yaml("rules:\n  - kind: avoid\n    message: hi\n")
    (problem,) = packdoc.check(data, lines)
    assert (problem.rule, problem.field, problem.line) == ("#1", "id", 2)


def test_dump_is_read_back_identically() -> None:
    doc = {"version": 2, "locale": "en", "rules": [BASE], "allowlist": ["zorbly"]}
    text = packdoc.dump(doc)
    assert yaml.safe_load(text) == doc
    assert packdoc.dump(yaml.safe_load(text)) == text
    assert packdoc.load_text(text)[1].rules[0].id == "sample-rule"
