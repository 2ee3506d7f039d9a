"""Console writes: Zendesk admins only, CSRF-checked, each one transaction on a base version.

Every body names ``base``, the version the admin edited; a save on an older one is
refused with 409 and the versions saved meanwhile (who, when, what changed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Response, current_app, jsonify

from plugin.store.extension import compiled_packs
from plugin.store.layers import SETTINGS
from plugin.store.records import Author, Snapshot, VersionInfo
from plugin.web.admin import api_bp, edits, settings_edit, views
from plugin.web.admin.access import ConsoleError, require_admin
from plugin.web.admin.reads import account, int_arg, json_body, store

_LABEL_MAX = 200


def _author() -> Author:
    actor = require_admin()
    return Author(actor.id, actor.name)


def _base(body: dict[str, Any]) -> int:
    if "base" not in body:
        raise ConsoleError(400, "invalid_field", "base: the version you edited is required", "base")
    return int_arg("base", body["base"], 1)


def _saved(info: VersionInfo) -> Response:
    compiled_packs(current_app).notice(info.number)  # this worker's next check uses it
    return jsonify({"saved": views.version_dict(info), "version": info.number})


def _apply(body: dict[str, Any], change: edits.Change, author: Author, base: int) -> Response:
    info = store().save(
        account(),
        base=base,
        author=author,
        pack=change.pack,
        layers=change.layers,
        labels=change.labels or None,
    )
    return _saved(info)


def _in_scope(
    body: dict[str, Any],
    author: Author,
    base: int,
    change_of: Callable[[Snapshot, str], edits.Change],
) -> Response:
    """Save the change ``change_of`` makes in the body's scope, labelled for the audit."""
    key = edits.scope_key(body.get("scope"))
    change = change_of(store().snapshot(account(), base), key)
    change.labels = _labels(body, key)
    return _apply(body, change, author, base)


def _labels(body: dict[str, Any], key: str) -> dict[str, str]:
    label = body.get("scope_label")
    if label is None or key == edits.ACCOUNT:
        return {}
    if not isinstance(label, str) or len(label) > _LABEL_MAX:
        raise ConsoleError(
            400, "invalid_field", f"scope_label: text of at most {_LABEL_MAX}", "scope_label"
        )
    return {key: label.strip()}


@api_bp.post("/rules")
def save_rule() -> Response:
    """Add (``new: true``) or edit a rule in a scope."""
    author = _author()
    body = json_body()
    base = _base(body)
    rule = body.get("rule")
    if not isinstance(rule, dict):
        raise ConsoleError(400, "invalid_field", "rule: must be an object", "rule")
    new = bool(body.get("new"))
    return _in_scope(
        body, author, base, lambda snap, key: edits.save_rule(snap, key, rule, new=new)
    )


@api_bp.post("/rules/<rule_id>/enabled")
def set_enabled(rule_id: str) -> Response:
    author = _author()
    body = json_body()
    base = _base(body)
    enabled = body.get("enabled")
    if not isinstance(enabled, bool):
        raise ConsoleError(400, "invalid_field", "enabled: must be true or false", "enabled")
    return _in_scope(
        body, author, base, lambda snap, key: edits.set_enabled(snap, key, rule_id, enabled)
    )


@api_bp.post("/rules/<rule_id>/retire")
def retire(rule_id: str) -> Response:
    author = _author()
    body = json_body()
    base = _base(body)
    snap = store().snapshot(account(), base)
    return _apply(body, edits.retire_rule(snap, rule_id), author, base)


def _glossary(raw: object) -> list[dict[str, str]]:
    if not isinstance(raw, list):
        raise ConsoleError(400, "invalid_field", "glossary: must be a list", "glossary")
    out = []
    for i, entry in enumerate(raw):
        term = entry.get("term") if isinstance(entry, dict) else None
        plain = entry.get("plain") if isinstance(entry, dict) else None
        if not isinstance(term, str) or not term.strip():
            field = f"glossary.{i}.term"
            raise ConsoleError(400, "invalid_field", f"{field}: a term is required", field)
        if not isinstance(plain, str) or not plain.strip():
            field = f"glossary.{i}.plain"
            raise ConsoleError(
                400, "invalid_field", f"{field}: a plain alternative is required", field
            )
        out.append({"term": term.strip(), "plain": plain.strip()})
    return out


def _allowlist(raw: object) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(w, str) for w in raw):
        raise ConsoleError(400, "invalid_field", "allowlist: must be a list of words", "allowlist")
    return [w.strip() for w in raw if w.strip()]


def _settings(raw: object) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ConsoleError(400, "invalid_field", "settings: must be an object", "settings")
    out: dict[str, Any] = {}
    for name, value in raw.items():
        field = f"settings.{name}"
        if name in settings_edit.NESTED:
            settings_edit.checked({name: value})  # 400 naming e.g. settings.mood_moves.angry[2]
            out[name] = value
            continue
        if name not in SETTINGS:
            raise ConsoleError(400, "invalid_field", f"{field}: unknown setting", field)
        if value is None or value == "":
            continue  # inherit
        kind, low, high = SETTINGS[name]
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not ok or (kind is int and value != int(value)) or not low <= value <= high:
            noun = "a whole number" if kind is int else "a number"
            message = f"{field}: must be {noun} from {low:g} to {high:g}"
            raise ConsoleError(400, "invalid_field", message, field)
        out[name] = int(value) if kind is int else float(value)
    return out


@api_bp.post("/vocabulary")
def save_vocabulary() -> Response:
    """A scope's glossary, allowlist and thresholds, saved together."""
    author = _author()
    body = json_body()
    base = _base(body)
    edits.scope_key(body.get("scope"))  # a bad scope is named before the other fields
    glossary = _glossary(body.get("glossary", []))
    allowlist = _allowlist(body.get("allowlist", []))
    settings = _settings(body.get("settings", {}))
    return _in_scope(
        body,
        author,
        base,
        lambda snap, key: edits.save_vocabulary(snap, key, glossary, allowlist, settings),
    )


@api_bp.post("/import")
def import_pack() -> Response:
    """Replace the account pack with a YAML pack; refused whole with every problem."""
    author = _author()
    body = json_body()
    base = _base(body)
    text = body.get("yaml")
    if not isinstance(text, str) or not text.strip():
        raise ConsoleError(400, "invalid_field", "yaml: paste or choose a pack file", "yaml")
    return _saved(store().import_yaml(account(), text, base=base, author=author))


@api_bp.post("/rollback")
def rollback() -> Response:
    """A new version holding an older version's pack and overrides."""
    author = _author()
    body = json_body()
    base = _base(body)
    target = int_arg("to", body.get("to"), 1)
    return _saved(store().rollback(account(), to=target, base=base, author=author))
