"""What the console shows: the effective set of a scope, and where each value comes from."""

from __future__ import annotations

import copy
import difflib
import json
from collections.abc import Sequence
from typing import Any

from plugin.coach.model import CATEGORIES, MOVES, Settings
from plugin.coach.rule_schema import KINDS, SEVERITIES
from plugin.store import packdoc
from plugin.store.layers import SETTINGS
from plugin.store.packs import PackStore, effective_of
from plugin.store.records import Snapshot, VersionInfo
from plugin.store.scopes import KINDS as SCOPE_KINDS
from plugin.store.scopes import ScopeQuery, ScopeRef
from plugin.web.admin import settings_edit
from plugin.web.admin.edits import ACCOUNT


def _refs(key: str) -> list[ScopeRef]:
    return [] if key == ACCOUNT else [ScopeRef.parse(key)]


Where = ScopeQuery | Sequence[ScopeRef]


LABELS = {
    "target_grade": "Target reading grade",
    "max_sentence_words": "Longest sentence (words)",
    "rare_word_zipf": "Rare-word threshold (Zipf frequency)",
}


def effective_view(snap: Snapshot, key: str | Where) -> dict[str, Any]:
    """Every rule of the scope's effective pack (disabled and retired ones too), the
    glossary, allowlist and settings, each value with the scope it comes from; ``key``
    is one scope, or a check's combined brand + group + channel (``ScopeQuery``)."""
    where = _refs(key) if isinstance(key, str) else key
    eff = effective_of(snap, where)
    # The same merge without the switches: disabled rules are listed, marked off.
    unswitched = copy.deepcopy(snap)
    for layer in unswitched.layers.values():
        layer.pop("disable", None)
        layer.pop("enable", None)
    everything = effective_of(unswitched, where).document.get("rules", [])
    prov = eff.provenance
    rules = []
    for rule in everything:
        rid = rule["id"]
        fields = {name: prov.get(f"rules.{rid}.{name}", ACCOUNT) for name in rule if name != "id"}
        rules.append(
            {
                **rule,
                "enabled": rid not in eff.disabled,
                "enabled_from": prov.get(f"rules.{rid}.enabled", ACCOUNT),
                "from": fields,
            }
        )
    glossary = [
        {**e, "from": prov.get(f"glossary.{e['term'].casefold()}", ACCOUNT)}
        for e in eff.document.get("glossary", [])
    ]
    allowlist = [
        {"word": w, "from": prov.get(f"allowlist.{w.lower()}", ACCOUNT)}
        for w in eff.document.get("allowlist", [])
    ]
    defaults = Settings()
    settings = {
        name: {
            "value": eff.settings.get(name, getattr(defaults, name)),
            "from": prov.get(f"settings.{name}", "default"),
            "min": low,
            "max": high,
            "integer": kind is int,
            "label": LABELS.get(name, name),
        }
        for name, (kind, low, high) in SETTINGS.items()
    }
    return {
        "rules": rules,
        "glossary": glossary,
        "allowlist": allowlist,
        "settings": settings,
        "scopes": list(eff.scopes),
        **settings_edit.grid(eff.settings, prov),
    }


def own_layer(snap: Snapshot, key: str) -> dict[str, Any]:
    """What the scope itself sets (the account's glossary and allowlist are in the pack)."""
    layer = copy.deepcopy(snap.layers.get(key, {}))
    if key == ACCOUNT:
        layer["glossary"] = snap.pack.get("glossary", [])
        layer["allowlist"] = snap.pack.get("allowlist", [])
    layer["settings"] = settings_edit.own_settings(snap, key)
    return layer


def scopes_of(snap: Snapshot) -> list[dict[str, str]]:
    keys = sorted(set(snap.layers) | {ACCOUNT}, key=lambda k: (ScopeRef.parse(k).rank, k))
    return [{"key": k, "label": snap.labels.get(k, "")} for k in keys]


def version_dict(info: VersionInfo) -> dict[str, Any]:
    return {
        "number": info.number,
        "parent": info.parent,
        "restored_from": info.restored_from,
        "author": {"id": info.author.id, "name": info.author.name},
        "created_at": info.created_at.isoformat(),
        "action": info.action,
        "summary": info.summary,
        "text": info.summary.get("text", ""),
    }


def state(store: PackStore, account: str, snap: Snapshot, key: str) -> dict[str, Any]:
    return {
        "version": snap.info.number,
        "latest": version_dict(snap.info),
        "scope": key,
        "scope_kinds": list(SCOPE_KINDS),
        "choices": {
            "categories": list(CATEGORIES),
            "kinds": sorted(KINDS),
            "moves": list(MOVES),
            "severities": [s for s in ("info", "warning", "error") if s in SEVERITIES],
        },
        "scopes": scopes_of(snap),
        "effective": effective_view(snap, key),
        "own": own_layer(snap, key),
        "inherited": settings_edit.inherited_grid(snap, key),
        "retired": store.retired(account),
    }


def text_diff(old: Snapshot | None, new: Snapshot) -> str:
    """A unified diff of the pack and the scope overrides against the parent version
    (both written the same way, so formatting and comments never show as changes)."""

    def lines(snap: Snapshot | None) -> list[str]:
        if snap is None:
            return []
        layers = json.dumps(snap.layers, indent=2, sort_keys=True) if snap.layers else ""
        overrides = ["# scope overrides", *layers.splitlines()] if layers else []
        return [*packdoc.dump(snap.pack).splitlines(), *overrides]

    name_old = f"v{old.info.number}" if old else "empty"
    out = difflib.unified_diff(
        lines(old), lines(new), name_old, f"v{new.info.number}", n=2, lineterm=""
    )
    return "\n".join(out)
