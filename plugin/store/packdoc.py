"""Pack documents in the CLI's ``--rules`` YAML schema: parse with lines, validate, dump.

Validation is the core's own (``rule_schema.parse_rules`` per rule, then
``rules.compile_pack``), run rule by rule so an import reports every broken rule at
once, each with the rule id, the field and the YAML line, and the pack is refused
whole. Text that validates is stored as given, so export returns it byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from plugin.coach import pack_settings
from plugin.coach.rule_schema import RulePackError, parse_glossary, parse_rules, strings
from plugin.coach.rules import RulePack, compile_pack
from plugin.store.errors import PackInvalid, Problem

PACK_KEYS = ("version", "locale", "rules", "glossary", "allowlist", "settings")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_WHERE = re.compile(r"^rule (?:'(?P<id>[^']*)'|#(?P<n>\d+)): (?P<problem>.*)$", re.S)
# The field a core error message is about, from its wording (rule_schema.py).
_FIELD_PATTERNS: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (re.compile(r"^'([\w.]+)' must"), None),
    (re.compile(r"^unknown keys \['([^']+)'"), None),
    (re.compile(r"^unknown placeholder"), "replacement"),
    (re.compile(r"^unknown (\w+) "), None),
    (re.compile(r"^missing '(\w+)'"), None),
    (re.compile(r"^kind 'move' needs"), "move"),
    (re.compile(r"^bad regex"), "patterns"),
    (re.compile(r"^needs at least one phrase"), "phrases"),
    (re.compile(r"^needs at least one bad"), "examples"),
    (re.compile(r"^duplicate id"), "id"),
)


@dataclass
class Lines:
    """1-based YAML lines of a pack's parts (empty for a pack that came as a dict)."""

    top: dict[str, int] = field(default_factory=dict)
    rules: dict[int, int] = field(default_factory=dict)  # rule index -> line
    fields: dict[tuple[int, str], int] = field(default_factory=dict)  # (index, field) -> line
    glossary: dict[int, int] = field(default_factory=dict)
    settings: dict[str, int] = field(default_factory=dict)  # "settings.mood_moves.angry" -> line

    def of_rule(self, index: int | None, name: str | None) -> int | None:
        if index is None:
            return None
        if name is not None:
            for key in (name, name.split(".")[0]):
                if (index, key) in self.fields:
                    return self.fields[index, key]
        return self.rules.get(index)


def parse_yaml(text: str) -> tuple[Any, Lines]:
    """The document and where its parts are; a YAML syntax error is a Problem with its line."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(e, "problem", None) or str(e)
        raise PackInvalid([Problem(f"invalid YAML: {problem}", line=line)]) from None
    finally:
        loader.dispose()
    return data, _lines(node)


def _lines(node: yaml.Node | None) -> Lines:
    lines = Lines()
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key, value in node.value:
        lines.top[str(key.value)] = key.start_mark.line + 1
        if key.value == "rules" and isinstance(value, yaml.SequenceNode):
            for i, item in enumerate(value.value):
                lines.rules[i] = item.start_mark.line + 1
                if isinstance(item, yaml.MappingNode):
                    for k, v in item.value:
                        lines.fields[i, str(k.value)] = k.start_mark.line + 1
                        if isinstance(v, yaml.MappingNode):  # examples: {bad, good}
                            for k2, _ in v.value:
                                name = f"{k.value}.{k2.value}"
                                lines.fields[i, name] = k2.start_mark.line + 1
        elif key.value == "settings":
            lines.settings = pack_settings.line_map(value)
            lines.settings["settings"] = key.start_mark.line + 1
        elif key.value == "glossary" and isinstance(value, yaml.SequenceNode):
            for i, item in enumerate(value.value):
                lines.glossary[i] = item.start_mark.line + 1
    return lines


def field_of(problem: str) -> str | None:
    """Which rule field a core validation message names."""
    for pattern, name in _FIELD_PATTERNS:
        m = pattern.match(problem)
        if m:
            return name if name is not None else m.group(1)
    return None


def _rule_problem(err: RulePackError, source: str, index: int, lines: Lines) -> Problem:
    text = str(err).removeprefix(f"{source}: ")
    m = _WHERE.match(text)
    if m is None:
        return Problem(text, line=lines.rules.get(index))
    problem = m.group("problem")
    name = field_of(problem)
    rule = m.group("id") or f"#{index + 1}"
    return Problem(problem, rule=rule, field=name, line=lines.of_rule(index, name))


def check(
    data: object,
    lines: Lines | None = None,
    *,
    reserved: Collection[str] = (),
    source: str = "pack",
) -> list[Problem]:
    """Every problem of a parsed pack (empty = valid); ``reserved`` = retired rule ids."""
    lines = lines or Lines()
    if not isinstance(data, Mapping):
        return [Problem("a rule pack must be a mapping with 'rules'")]
    problems = [
        Problem(f"unknown top-level key {key!r}", field=str(key), line=lines.top.get(str(key)))
        for key in data
        if key not in PACK_KEYS
    ]
    raw = data.get("rules")
    if not isinstance(raw, list):
        problems.append(
            Problem("'rules' must be a list", field="rules", line=lines.top.get("rules"))
        )
        raw = []
    seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        try:
            (rule,) = parse_rules([item], source, False)
        except RulePackError as err:
            problems.append(_rule_problem(err, source, index, lines))
            continue
        line = lines.of_rule(index, "id")
        if rule.id in seen:
            first = lines.rules.get(seen[rule.id])
            also = f" (first at line {first})" if first else ""
            problems.append(Problem(f"duplicate id{also}", rule=rule.id, field="id", line=line))
        elif rule.status == "active" and rule.id in reserved:
            message = "this id belonged to a retired rule and is never reused: choose a new id"
            problems.append(Problem(message, rule=rule.id, field="id", line=line))
        seen.setdefault(rule.id, index)
    problems += _glossary_problems(data.get("glossary"), lines, source)
    problems += [
        Problem(message, field=path, line=pack_settings.line_of(lines.settings, path))
        for path, message in pack_settings.problems(data.get("settings"))
    ]
    try:
        strings(data.get("allowlist"), source, "allowlist")
    except RulePackError:
        message = "'allowlist' must be a list of non-empty strings"
        problems.append(Problem(message, field="allowlist", line=lines.top.get("allowlist")))
    return problems


def _glossary_problems(raw: object, lines: Lines, source: str) -> list[Problem]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        return [
            Problem("'glossary' must be a list", field="glossary", line=lines.top.get("glossary"))
        ]
    problems = []
    for index, entry in enumerate(raw):
        try:
            parse_glossary([entry], source)
        except RulePackError:
            message = f"glossary entry #{index + 1} needs 'term' and 'plain'"
            problems.append(Problem(message, field="glossary", line=lines.glossary.get(index)))
    return problems


def validate(
    data: object,
    lines: Lines | None = None,
    *,
    reserved: Collection[str] = (),
    source: str = "pack",
) -> RulePack:
    """The compiled pack, or PackInvalid listing every problem (nothing half-accepted)."""
    problems = check(data, lines, reserved=reserved, source=source)
    if problems:
        raise PackInvalid(problems)
    try:
        return compile_pack(data, source)
    except RulePackError as err:  # a check the per-rule pass cannot see
        raise PackInvalid([Problem(str(err).removeprefix(f"{source}: "))]) from None


def load_text(text: str, *, reserved: Collection[str] = ()) -> tuple[dict[str, Any], RulePack]:
    """Parse and validate YAML pack text: (document, compiled pack) or PackInvalid."""
    data, lines = parse_yaml(text)
    pack = validate(data, lines, reserved=reserved)
    assert isinstance(data, dict)  # validate() refuses anything else
    return data, pack


def dump(document: Mapping[str, Any]) -> str:
    """A pack document as YAML the CLI's ``--rules`` reads (keys in schema order)."""
    ordered = {k: document[k] for k in PACK_KEYS if k in document}
    text: str = yaml.safe_dump(
        ordered, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    return text


def active_ids(document: Mapping[str, Any]) -> set[str]:
    return {
        r["id"]
        for r in document.get("rules") or ()
        if isinstance(r, Mapping) and r.get("status", "active") == "active"
    }


def all_ids(document: Mapping[str, Any]) -> set[str]:
    return {r["id"] for r in document.get("rules") or () if isinstance(r, Mapping) and "id" in r}
