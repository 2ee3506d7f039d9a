"""What one version changed against another: rule ids and field names, never long text.

The summary is JSON (stored with each version, shown in history and in a conflict):

    {"pack": {"rules": {"added": [...], "removed": [...], "changed": {id: [fields]}},
              "glossary": {...terms...}, "allowlist": {...}, "meta": [version|locale]},
     "scopes": {"brand:360": {"rules": {...}, "disable": {...}, "settings": [...], ...}},
     "text": "pack: 1 rule changed (blame-you-should: severity); brand:360: 1 disabled"}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

Doc = Mapping[str, Any]


def _by(items: Iterable[Any], key: str) -> dict[str, Any]:
    return {str(i[key]): i for i in items if isinstance(i, Mapping) and key in i}


def _keyed(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    added = [k for k in new if k not in old]
    removed = [k for k in old if k not in new]
    changed: dict[str, list[str]] = {}
    for k in new:
        if k in old and old[k] != new[k]:
            a, b = old[k], new[k]
            changed[k] = sorted(f for f in set(a) | set(b) if a.get(f) != b.get(f))
    out: dict[str, Any] = {}
    if added:
        out["added"] = added
    if removed:
        out["removed"] = removed
    if changed:
        out["changed"] = changed
    return out


def _listed(old: Iterable[str], new: Iterable[str]) -> dict[str, list[str]]:
    a, b = list(old), list(new)
    out = {"added": [w for w in b if w not in a], "removed": [w for w in a if w not in b]}
    return {k: v for k, v in out.items() if v}


def _settings(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Changed settings; a mood's or a category's own entry named ("mood_moves.angry")."""
    names: list[str] = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if isinstance(a, Mapping) or isinstance(b, Mapping):
            a = a if isinstance(a, Mapping) else {}
            b = b if isinstance(b, Mapping) else {}
            names += [f"{key}.{k}" for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        else:
            names.append(key)
    return names


def _doc(old: Doc, new: Doc) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rules": _keyed(_by(old.get("rules") or (), "id"), _by(new.get("rules") or (), "id")),
        "glossary": _keyed(
            _by(old.get("glossary") or (), "term"), _by(new.get("glossary") or (), "term")
        ),
        "allowlist": _listed(old.get("allowlist") or (), new.get("allowlist") or ()),
    }
    meta = [k for k in ("version", "locale") if old and old.get(k) != new.get(k)]
    if meta:
        out["meta"] = meta
    for name in ("disable", "enable"):
        out[name] = _listed(old.get(name) or (), new.get(name) or ())
    old_s, new_s = old.get("settings") or {}, new.get("settings") or {}
    out["settings"] = _settings(old_s, new_s)
    return {k: v for k, v in out.items() if v}


def summarize(
    old_pack: Doc, old_layers: Mapping[str, Doc], new_pack: Doc, new_layers: Mapping[str, Doc]
) -> dict[str, Any]:
    """The changes from (old pack, old layers) to (new pack, new layers)."""
    out: dict[str, Any] = {}
    pack = _doc(old_pack, new_pack)
    if pack:
        out["pack"] = pack
    scopes: dict[str, Any] = {}
    for key in sorted(set(old_layers) | set(new_layers)):
        if old_layers.get(key) != new_layers.get(key):
            scopes[key] = _doc(old_layers.get(key) or {}, new_layers.get(key) or {})
            if key not in new_layers:
                scopes[key]["cleared"] = True
    if scopes:
        out["scopes"] = scopes
    out["text"] = describe(out)
    return out


def _part(name: str, d: Mapping[str, Any]) -> list[str]:
    bits = []
    rules = d.get("rules", {})
    noun = "rule" if name == "pack" else "rule override"  # a scope's rules override the pack's
    for verb in ("added", "removed"):
        if rules.get(verb):
            bits.append(f"{len(rules[verb])} {noun}(s) {verb} ({', '.join(rules[verb][:5])})")
    if rules.get("changed"):
        changed = "; ".join(f"{k}: {', '.join(v)}" for k, v in list(rules["changed"].items())[:5])
        bits.append(f"{len(rules['changed'])} {noun}(s) changed ({changed})")
    for key, noun in (("glossary", "glossary term"), ("allowlist", "allowed word")):
        for verb, items in d.get(key, {}).items():
            count = len(items)
            bits.append(f"{count} {noun}(s) {verb}")
    for key, verb in (("disable", "disabled"), ("enable", "enabled")):
        if d.get(key, {}).get("added"):
            bits.append(f"{verb} {', '.join(d[key]['added'][:5])}")
    if d.get("settings"):
        bits.append(f"settings: {', '.join(d['settings'])}")
    if d.get("meta"):
        bits.append(f"{', '.join(d['meta'])} changed")
    if d.get("cleared"):
        bits.append("overrides cleared")
    return [f"{name}: {'; '.join(bits)}"] if bits else []


def describe(summary: Mapping[str, Any]) -> str:
    """One line for history lists and conflict messages."""
    parts = _part("pack", summary.get("pack", {}))
    for key, d in summary.get("scopes", {}).items():
        parts += _part(key, d)
    return " | ".join(parts) or "no change"
