"""What a console edit does to a version: a new account pack and/or new scope layers.

Every function takes the snapshot the admin was looking at (their base version) and
returns the arguments of ``PackStore.save``; the store validates the result as strictly
as the YAML loader and refuses a stale base. At the account scope a rule, the glossary
and the allowlist live in the pack itself (so an export is the pack the CLI reads);
switches and thresholds live in the ``account`` layer. Any other scope's changes are a
layer over the account: only the fields that differ from what it inherits.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from plugin.store.packs import effective_of
from plugin.store.records import Snapshot
from plugin.store.scopes import ScopeRef
from plugin.web.admin import settings_edit
from plugin.web.admin.access import ConsoleError

ACCOUNT = "account"


@dataclass
class Change:
    """Keyword arguments for ``PackStore.save`` (besides base and author)."""

    pack: dict[str, Any] | None = None
    layers: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)


def scope_key(raw: object) -> str:
    if not isinstance(raw, str) or not raw:
        return ACCOUNT
    try:
        return ScopeRef.parse(raw).key
    except ValueError as err:
        raise ConsoleError(400, "invalid_field", f"scope: {err}", "scope") from None


def _layer(snap: Snapshot, key: str) -> dict[str, Any]:
    return copy.deepcopy(snap.layers.get(key, {}))


def _tidy(layer: dict[str, Any]) -> dict[str, Any] | None:
    """Empty parts dropped; an empty layer is None (the store clears it)."""
    out = {k: v for k, v in layer.items() if v not in ([], {}, None)}
    return out or None


def inherited_rules(snap: Snapshot, key: str) -> dict[str, dict[str, Any]]:
    """The rules a scope inherits (the account pack and the account layer), by id."""
    refs = [] if key == ACCOUNT else [ScopeRef(ACCOUNT)]
    base = copy.deepcopy(snap)
    if key != ACCOUNT:
        # Disabled rules still exist; only the switches differ.
        base.layers.get(ACCOUNT, {}).pop("disable", None)
    else:
        base.layers.pop(ACCOUNT, None)
    doc = effective_of(base, refs).document
    return {r["id"]: r for r in doc.get("rules", [])}


def save_rule(snap: Snapshot, key: str, rule: Mapping[str, Any], new: bool) -> Change:
    rule_id = rule.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise ConsoleError(400, "invalid_field", "rule.id: a rule needs an id", "rule.id")
    rule = {k: v for k, v in rule.items() if v not in (None, "", [])}
    inherited = inherited_rules(snap, key)
    exists = rule_id in inherited or any(
        r["id"] == rule_id for r in snap.layers.get(key, {}).get("rules", [])
    )
    if new and exists:
        raise ConsoleError(
            409, "duplicate_id", f"rule.id: a rule {rule_id!r} exists already", "rule.id"
        )
    if not new and not exists:
        raise ConsoleError(404, "not_found", f"rule.id: no rule {rule_id!r} to edit", "rule.id")
    if key == ACCOUNT:
        pack = copy.deepcopy(snap.pack)
        rules = pack.setdefault("rules", [])
        for i, old in enumerate(rules):
            if old.get("id") == rule_id:
                rules[i] = dict(rule)
                break
        else:
            rules.append(dict(rule))
        return Change(pack=pack)
    layer = _layer(snap, key)
    own = [r for r in layer.get("rules", []) if r["id"] != rule_id]
    base = inherited.get(rule_id)
    if base is None:  # a rule of this scope only
        own.append(dict(rule))
    else:
        override: dict[str, Any] = {"id": rule_id}
        for name in sorted(set(base) | set(rule)):
            if name != "id" and base.get(name) != rule.get(name):
                override[name] = rule.get(name)  # None removes an inherited field
        if len(override) > 1:
            own.append(override)
    layer["rules"] = own
    return Change(layers={key: _tidy(layer)})


def set_enabled(snap: Snapshot, key: str, rule_id: str, enabled: bool) -> Change:
    layer = _layer(snap, key)
    disable = [r for r in layer.get("disable", []) if r != rule_id]
    enable = [r for r in layer.get("enable", []) if r != rule_id]
    if not enabled:
        disable.append(rule_id)
    elif key != ACCOUNT and rule_id in snap.layers.get(ACCOUNT, {}).get("disable", []):
        enable.append(rule_id)  # switched off for the account, back on here
    layer["disable"], layer["enable"] = disable, enable
    return Change(layers={key: _tidy(layer)})


def retire_rule(snap: Snapshot, rule_id: str) -> Change:
    """``status: retired`` where the rule is defined; its id is never given out again."""
    pack = copy.deepcopy(snap.pack)
    for rule in pack.get("rules", []):
        if rule.get("id") == rule_id:
            rule["status"] = "retired"
            return Change(pack=pack)
    for key, layer in snap.layers.items():
        for rule in layer.get("rules", []):
            if rule["id"] == rule_id and rule_id not in inherited_rules(snap, key):
                changed = _layer(snap, key)
                for own in changed["rules"]:
                    if own["id"] == rule_id:
                        own["status"] = "retired"
                return Change(layers={key: changed})
    raise ConsoleError(404, "not_found", f"no rule {rule_id!r} to retire", "rule.id")


def save_vocabulary(
    snap: Snapshot,
    key: str,
    glossary: list[dict[str, str]],
    allowlist: list[str],
    settings: dict[str, Any],
) -> Change:
    """Glossary, allowlist and settings of one scope (what it adds over what it inherits).

    Thresholds given replace the scope's own; the moods and categories given replace
    theirs, kept only where they differ from what the scope inherits. The account's
    settings go in its pack's ``settings`` block, so an export carries them."""
    layer = _layer(snap, key)
    own = settings_edit.own_settings(snap, key)
    block: dict[str, Any] = {k: v for k, v in settings.items() if k not in settings_edit.NESTED}
    if any(k in settings for k in settings_edit.NESTED):
        block |= settings_edit.diff_against(settings, settings_edit.inherited(snap, key), own)
    else:
        block |= {k: own[k] for k in settings_edit.NESTED if k in own}
    if key != ACCOUNT:
        layer["settings"] = block
        layer["glossary"], layer["allowlist"] = glossary, allowlist
        return Change(layers={key: _tidy(layer)})
    pack = copy.deepcopy(snap.pack)
    for name, value in (("glossary", glossary), ("allowlist", allowlist), ("settings", block)):
        if value:
            pack[name] = value
        else:
            pack.pop(name, None)
    layer.pop("settings", None)  # older versions kept the account's thresholds here
    return Change(pack=pack, layers={key: _tidy(layer)})
