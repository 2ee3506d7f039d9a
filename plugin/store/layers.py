"""Scope overrides ("layers") and the effective pack they make, with provenance.

A layer is a small JSON document a scope adds over the account pack:

    rules:     [{id, <fields>}]  an existing id: the fields given replace the inherited
                                 ones (null removes one); a new id: a whole new rule
    disable:   [rule ids]        switched off in this scope (and the ones under it)
    enable:    [rule ids]        switched back on
    glossary:  [{term, plain}]   added, or replacing the inherited entry for the term
    allowlist: [words]           added
    settings:  {target_grade, max_sentence_words, rare_word_zipf,
                mood_moves: {mood: [moves]}, category_severity: {category: severity}}
                                 (pack_settings.py; a mood or category given replaces
                                 the inherited one, the rest is inherited)

The merge yields a document in the CLI schema (so the core validates and compiles it
like any pack, its ``settings`` block included) and, for every value, the scope it
comes from: ``settings.target_grade``, ``settings.mood_moves.angry``,
``settings.category_severity.tone``. The account pack's own ``settings`` block is the
account's (an export carries it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from plugin.coach import pack_settings
from plugin.store.errors import Problem

LAYER_KEYS = ("rules", "disable", "enable", "glossary", "allowlist", "settings")
# name -> (type, low, high): the coaching thresholds an admin may set per scope.
SETTINGS: dict[str, tuple[type, float, float]] = pack_settings.THRESHOLDS
NESTED = ("mood_moves", "category_severity")  # settings merged key by key


@dataclass
class Effective:
    """The merged pack (CLI schema), the settings, and the scope of every value."""

    document: dict[str, Any]
    settings: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)
    disabled: dict[str, str] = field(default_factory=dict)  # rule id -> scope that disabled it
    scopes: tuple[str, ...] = ("account",)  # layers applied, least specific first


def check_layer(layer: object, scope: str) -> list[Problem]:
    """Shape problems of one layer (the merged result is validated by the core after)."""
    if not isinstance(layer, Mapping):
        return [Problem("overrides must be a mapping", scope=scope)]
    problems = [
        Problem(f"unknown key {k!r}; use {list(LAYER_KEYS)}", field=str(k), scope=scope)
        for k in layer
        if k not in LAYER_KEYS
    ]
    rules = layer.get("rules", [])
    if not isinstance(rules, list) or not all(
        isinstance(r, Mapping) and isinstance(r.get("id"), str) for r in rules
    ):
        problems.append(
            Problem("'rules' must be a list of rules with an 'id'", field="rules", scope=scope)
        )
    for name in ("disable", "enable", "allowlist"):
        value = layer.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(
                Problem(f"'{name}' must be a list of non-empty strings", field=name, scope=scope)
            )
    glossary = layer.get("glossary", [])
    if not isinstance(glossary, list) or not all(
        isinstance(e, Mapping)
        and isinstance(e.get("term"), str)
        and isinstance(e.get("plain"), str)
        for e in glossary
    ):
        problems.append(
            Problem("'glossary' entries need 'term' and 'plain'", field="glossary", scope=scope)
        )
    problems += _settings_problems(layer.get("settings", {}), scope)
    return problems


def _settings_problems(settings: object, scope: str) -> list[Problem]:
    return [
        Problem(message, field=path, scope=scope)
        for path, message in pack_settings.problems(settings)
    ]


def merge_settings(
    into: dict[str, Any], settings: Mapping[str, Any], scope: str, prov: dict[str, str]
) -> None:
    """``settings`` of ``scope`` over ``into``; a mood or category replaces its own entry."""
    for name, value in settings.items():
        if name in NESTED and isinstance(value, Mapping):
            merged = into.setdefault(name, {})
            for key, item in value.items():
                merged[key] = list(item) if isinstance(item, list) else item
                prov[f"settings.{name}.{key}"] = scope
        else:
            into[name] = value
            prov[f"settings.{name}"] = scope


def merge(pack: Mapping[str, Any], layers: Sequence[tuple[str, Mapping[str, Any]]]) -> Effective:
    """Apply ``layers`` ((scope key, layer), least specific first) over the account pack."""
    prov: dict[str, str] = {}
    rules: dict[str, dict[str, Any]] = {}
    for rule in pack.get("rules") or ():
        rules[rule["id"]] = dict(rule)
        prov.update({f"rules.{rule['id']}.{k}": "account" for k in rule if k != "id"})
    glossary = {e["term"].casefold(): dict(e) for e in pack.get("glossary") or ()}
    prov.update({f"glossary.{t}": "account" for t in glossary})
    allow = list(pack.get("allowlist") or ())
    prov.update({f"allowlist.{w.lower()}": "account" for w in allow})
    settings: dict[str, Any] = {}
    merge_settings(settings, pack.get("settings") or {}, "account", prov)
    disabled: dict[str, str] = {}
    for scope, layer in layers:
        for override in layer.get("rules", ()):
            rid = override["id"]
            target = rules.setdefault(rid, {"id": rid})
            for name, value in override.items():
                if name == "id":
                    continue
                if value is None:
                    target.pop(name, None)
                else:
                    target[name] = value
                prov[f"rules.{rid}.{name}"] = scope
        for rid in layer.get("disable", ()):
            disabled[rid] = scope
            prov[f"rules.{rid}.enabled"] = scope
        for rid in layer.get("enable", ()):
            disabled.pop(rid, None)
            prov[f"rules.{rid}.enabled"] = scope
        for entry in layer.get("glossary", ()):
            glossary[entry["term"].casefold()] = {"term": entry["term"], "plain": entry["plain"]}
            prov[f"glossary.{entry['term'].casefold()}"] = scope
        for word in layer.get("allowlist", ()):
            if word.lower() not in {w.lower() for w in allow}:
                allow.append(word)
            prov[f"allowlist.{word.lower()}"] = scope
        merge_settings(settings, layer.get("settings") or {}, scope, prov)
    document = {k: pack[k] for k in ("version", "locale") if k in pack}
    document["rules"] = [r for rid, r in rules.items() if rid not in disabled]
    if glossary:
        document["glossary"] = list(glossary.values())
    if allow:
        document["allowlist"] = allow
    if settings:
        document["settings"] = settings
    applied = tuple(dict.fromkeys(("account", *(s for s, _ in layers))))
    return Effective(document, settings, prov, disabled, applied)


def unknown_ids(pack: Mapping[str, Any], layer: Mapping[str, Any], scope: str) -> list[Problem]:
    """``disable``/``enable`` naming a rule that neither the pack nor the layer defines."""
    known = {r["id"] for r in pack.get("rules") or ()} | {r["id"] for r in layer.get("rules", ())}
    return [
        Problem("no rule has this id", rule=rid, field=name, scope=scope)
        for name in ("disable", "enable")
        for rid in layer.get(name, ())
        if rid not in known
    ]
