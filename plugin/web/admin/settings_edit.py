"""The moves each mood needs and the severity per category: shown per scope, saved as a diff.

The console shows the whole mood x move grid and a severity per category as they apply
in a scope; a save keeps only what differs from what the scope inherits (the built-in
defaults, then the account), so an untouched mood or category keeps following the
account when the account changes it later.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from plugin.coach import pack_settings
from plugin.coach.model import CATEGORIES, CATEGORY_LABELS, DEFAULT_MOOD_MOVES, MOODS, MOVES
from plugin.store.packs import effective_of
from plugin.store.records import Snapshot
from plugin.store.scopes import ScopeQuery, ScopeRef
from plugin.web.admin.access import ConsoleError

ACCOUNT = "account"
NESTED = ("mood_moves", "category_severity")


def _full(settings: Mapping[str, Any]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """(every mood's moves, every category's severity) with ``settings`` over the defaults."""
    moods: dict[str, list[str]] = {m: list(DEFAULT_MOOD_MOVES[m]) for m in MOODS}
    moods.update({m: list(v) for m, v in (settings.get("mood_moves") or {}).items()})
    severities = dict.fromkeys(CATEGORIES, "default")
    severities.update(settings.get("category_severity") or {})
    return moods, severities


def grid(settings: Mapping[str, Any], provenance: Mapping[str, str]) -> dict[str, Any]:
    """What the console shows: each mood's moves and each category's severity, with the
    scope each comes from ("default" = built in)."""
    moods, severities = _full(settings)
    return {
        "moods": list(MOODS),
        "moves": list(MOVES),
        "mood_moves": {
            m: {
                "moves": [x for x in MOVES if x in moods[m]],
                "from": provenance.get(f"settings.mood_moves.{m}", "default"),
            }
            for m in MOODS
        },
        "severity_choices": list(pack_settings.SEVERITY_CHOICES),
        "category_severity": {
            c: {
                "value": severities[c],
                "label": CATEGORY_LABELS.get(c, c),
                "from": provenance.get(f"settings.category_severity.{c}", "default"),
            }
            for c in CATEGORIES
        },
    }


def inherited(snap: Snapshot, key: str) -> dict[str, Any]:
    """The settings a scope starts from: nothing for the account, the account's otherwise."""
    if key == ACCOUNT:
        return {}
    return effective_of(snap, [ScopeRef(ACCOUNT)]).settings


def inherited_grid(snap: Snapshot, key: str) -> dict[str, Any]:
    """The grid and severities the scope would have without its own (for "Reset")."""
    if key == ACCOUNT:
        return grid({}, {})
    eff = effective_of(snap, [ScopeRef(ACCOUNT)])
    return grid(eff.settings, eff.provenance)


def own_settings(snap: Snapshot, key: str) -> dict[str, Any]:
    """What the scope itself sets (the account's: its pack block, then its layer)."""
    own: dict[str, Any] = {}
    parts = [snap.pack.get("settings") or {}] if key == ACCOUNT else []
    for part in [*parts, snap.layers.get(key, {}).get("settings") or {}]:
        for name, value in part.items():
            if name in NESTED:
                own.setdefault(name, {}).update(copy.deepcopy(value))
            else:
                own[name] = value
    return own


def checked(raw: Mapping[str, Any]) -> None:
    """ConsoleError 400 naming the first bad field (``settings.mood_moves.angry[2]``)."""
    problems = pack_settings.problems(raw)
    if problems:
        path, message = problems[0]
        raise ConsoleError(400, "invalid_field", f"{path}: {message}", path)


def diff_against(
    posted: Mapping[str, Any], base: Mapping[str, Any], own: Mapping[str, Any]
) -> dict[str, Any]:
    """The nested settings to store: the scope's own entries, with each posted mood or
    category replacing its own, and dropped where it equals what the scope inherits."""
    moods, severities = _full(base)
    out: dict[str, Any] = {}
    stored_moods = dict(own.get("mood_moves") or {})
    for mood, moves in (posted.get("mood_moves") or {}).items():
        if set(moves) == set(moods[mood]):
            stored_moods.pop(mood, None)
        else:
            stored_moods[mood] = [m for m in MOVES if m in moves]
    if stored_moods:
        out["mood_moves"] = {m: stored_moods[m] for m in MOODS if m in stored_moods}
    stored_sev = dict(own.get("category_severity") or {})
    for category, value in (posted.get("category_severity") or {}).items():
        if value == severities[category]:
            stored_sev.pop(category, None)
        else:
            stored_sev[category] = value
    if stored_sev:
        out["category_severity"] = {c: stored_sev[c] for c in CATEGORIES if c in stored_sev}
    return out


def query_of(args: Mapping[str, Any]) -> ScopeQuery:
    """A combined scope from ``brand``, ``group`` and ``channel`` (each optional)."""
    parts: dict[str, str] = {}
    for kind in ("brand", "group", "channel"):
        value = args.get(kind)
        if value is None or value == "":
            continue
        try:
            parts[kind] = ScopeRef(kind, str(value).strip()).ref
        except ValueError as err:
            raise ConsoleError(400, "invalid_field", f"{kind}: {err}", kind) from None
    return ScopeQuery(**parts)


def applied_keys(snap: Snapshot, where: ScopeQuery) -> Sequence[str]:
    """The layers a check with ``where`` merges (least specific first), as the checks do."""
    return [r.key for r in where.refs() if r.key in snap.layers or r.key == ACCOUNT]
