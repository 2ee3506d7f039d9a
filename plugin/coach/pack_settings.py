"""A pack's ``settings:`` block: thresholds, the moves each mood needs, category severities.

    settings:
      target_grade: 8
      max_sentence_words: 25
      rare_word_zipf: 2.5
      mood_moves:            # per mood, the moves whose absence is a warning
        angry: [apologize, validate, ownership, acknowledge, next_steps]
        calm: []             # a mood listed replaces its whole default list
      category_severity:     # every finding in the category gets this severity
        spelling_grammar: error
        jargon: off          # "off": not coached; "default": as each rule says

Everything is optional; what is left out keeps the shipped default. Problems name the
field as a path (``settings.mood_moves.angry[2]``) so the YAML loader and the store can
point at its line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import yaml

from plugin.coach.model import (
    CATEGORIES,
    CATEGORY_NAMES,
    MOODS,
    MOVES,
    CategorySeverity,
    Settings,
    category_key,
)
from plugin.coach.rule_schema import RulePackError

# name -> (type, low, high): the thresholds an account may set.
THRESHOLDS: dict[str, tuple[type, float, float]] = {
    "target_grade": (float, 1, 20),
    "max_sentence_words": (int, 5, 100),
    "rare_word_zipf": (float, 0, 8),
}
SEVERITY_CHOICES = ("default", "off", "info", "warning", "error")  # "default" = no override
NAMES = (*THRESHOLDS, "mood_moves", "category_severity")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def problems(raw: object, prefix: str = "settings") -> list[tuple[str, str]]:
    """(field path, message) for every problem of a settings block (empty = valid)."""
    if raw is None:
        return []
    if not isinstance(raw, Mapping):
        return [(prefix, "must be a mapping of settings")]
    found: list[tuple[str, str]] = []
    for name, value in raw.items():
        path = f"{prefix}.{name}"
        if name in THRESHOLDS:
            found += _threshold(path, name, value)
        elif name == "mood_moves":
            found += _mood_moves(path, value)
        elif name == "category_severity":
            found += _severities(path, value)
        else:
            found.append((path, f"unknown setting; use one of {list(NAMES)}"))
    return found


def _threshold(path: str, name: str, value: object) -> list[tuple[str, str]]:
    kind, low, high = THRESHOLDS[name]
    whole = isinstance(value, int) and not isinstance(value, bool)
    if (whole or (kind is float and isinstance(value, float))) and low <= value <= high:  # type: ignore[operator]
        return []
    noun = "a whole number" if kind is int else "a number"
    return [(path, f"must be {noun} from {low:g} to {high:g}")]


def _mood_moves(path: str, value: object) -> list[tuple[str, str]]:
    if not isinstance(value, Mapping):
        return [(path, "must map each mood to a list of moves")]
    found: list[tuple[str, str]] = []
    for mood, moves in value.items():
        here = f"{path}.{mood}"
        if mood not in MOODS:
            found.append((here, f"unknown mood {mood!r}; use one of {list(MOODS)}"))
            continue
        if not isinstance(moves, list):
            found.append((here, "must be a list of moves (an empty list asks for none)"))
            continue
        seen: set[str] = set()
        for i, move in enumerate(moves):
            if move not in MOVES:
                found.append((f"{here}[{i}]", f"unknown move {move!r}; use one of {list(MOVES)}"))
            elif move in seen:
                found.append((f"{here}[{i}]", f"{move!r} is listed twice"))
            seen.add(str(move))
    return found


def _severities(path: str, value: object) -> list[tuple[str, str]]:
    if not isinstance(value, Mapping):
        return [(path, "must map each category to a severity")]
    found: list[tuple[str, str]] = []
    for category, severity in value.items():
        here = f"{path}.{category}"
        if category not in CATEGORY_NAMES:
            found.append((here, f"unknown category; use one of {list(CATEGORIES)}"))
        elif severity is False:  # YAML 1.1 reads a bare off (or no) as false
            found.append((here, "write 'off' in quotes: YAML reads a bare off as false"))
        elif severity not in SEVERITY_CHOICES:
            found.append((here, f"unknown severity {severity!r}; use one of {SEVERITY_CHOICES}"))
    return found


def parse(raw: object, source: str = "pack") -> dict[str, Any]:
    """The settings block as given, or RulePackError naming the first problem's field."""
    found = problems(raw)
    if found:
        path, message = found[0]
        more = f" (+{len(found) - 1} more)" if len(found) > 1 else ""
        raise RulePackError(f"{source}: {path}: {message}{more}")
    return dict(cast("Mapping[str, Any]", raw or {}))


def apply(base: Settings, values: Mapping[str, Any]) -> Settings:
    """``base`` with (valid) ``values`` over it: a mood listed replaces that mood's
    moves; a category set to "default" goes back to each rule's own severity."""
    typed: dict[str, Any] = {
        name: kind(values[name]) for name, (kind, _, _) in THRESHOLDS.items() if name in values
    }
    moods = values.get("mood_moves")
    if moods:
        kept = {pair for pair in base.mood_moves if pair[0] not in moods}
        typed["mood_moves"] = frozenset(
            kept | {(mood, move) for mood, moves in moods.items() for move in moves}
        )
    severities = values.get("category_severity")
    if severities:
        table: dict[str, CategorySeverity] = dict(base.category_severity)
        for name, severity in severities.items():
            if severity == "default":
                table.pop(category_key(name), None)
            else:
                table[category_key(name)] = severity
        typed["category_severity"] = tuple(sorted(table.items()))
    return replace(base, **typed) if typed else base


def line_map(node: yaml.Node | None, prefix: str = "settings") -> dict[str, int]:
    """1-based YAML line of every path under a settings node (for error messages)."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = f"{prefix}.{key.value}"
            lines[path] = key.start_mark.line + 1
            lines.update(line_map(value, path))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[f"{prefix}[{i}]"] = item.start_mark.line + 1
    return lines


def line_of(lines: Mapping[str, int], path: str) -> int | None:
    """The line of ``path`` or of the nearest enclosing part that has one."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None


def read_file(path: str | Path) -> dict[str, Any]:
    """The settings block of a pack file, validated, every problem with its line.

    Raises RulePackError ("<file>: line 12: settings.mood_moves.angry[2]: unknown move ...").
    """
    loader = _LOADER(Path(path).read_text(encoding="utf-8")) if Path(path).is_file() else None
    if loader is None:
        raise RulePackError(f"{path}: cannot read rule pack")
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as e:
        raise RulePackError(f"{path}: invalid YAML: {e}") from e
    finally:
        loader.dispose()
    pair = None
    if isinstance(root, yaml.MappingNode):
        pair = next(((k, v) for k, v in root.value if k.value == "settings"), None)
    if pair is None or not isinstance(data, Mapping):
        return {}
    raw = data.get("settings")
    lines = line_map(pair[1])
    lines["settings"] = pair[0].start_mark.line + 1
    found = problems(raw)
    if found:
        listed = "; ".join(
            f"line {line_of(lines, p) or '?'}: {p}: {message}" for p, message in found
        )
        raise RulePackError(f"{path}: {listed}")
    return dict(raw or {})
