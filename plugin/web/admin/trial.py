"""Try it: sample text through the same coaching core, with the edited, unsaved rule or pack.

Nothing is saved and the sample is never logged. Candidate packs are compiled once
and kept by content (a few), so typing more sample text does not recompile.
"""

from __future__ import annotations

import copy
import hashlib
import json
import threading
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from plugin.coach import pack_settings
from plugin.coach.model import Settings
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.serialize import review_to_dict
from plugin.store import layers, packdoc
from plugin.store.errors import PackInvalid
from plugin.store.packs import effective_of
from plugin.store.records import Snapshot
from plugin.store.scopes import ScopeQuery, ScopeRef
from plugin.web.admin.edits import ACCOUNT

_KEEP = 8
_cache: OrderedDict[str, Coach] = OrderedDict()
_lock = threading.Lock()


def candidate(
    snap: Snapshot,
    key: str,
    rule: dict[str, Any] | None = None,
    pack_yaml: str | None = None,
    *,
    where: ScopeQuery | None = None,
    settings: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The document and settings a check in scope ``key`` (or in the combined scope
    ``where``) would use with the edit: a rule, a whole pack, or unsaved ``settings``
    (each mood or category given replaces its entry; thresholds given replace theirs)."""
    if pack_yaml is not None:
        data, lines = packdoc.parse_yaml(pack_yaml)
        problems = packdoc.check(data, lines)
        if problems:
            raise PackInvalid(problems)
        snap = replace(snap, pack=data)
    scope = where if where is not None else [] if key == ACCOUNT else [ScopeRef.parse(key)]
    eff = effective_of(snap, scope)
    document = dict(eff.document)
    merged = copy.deepcopy(eff.settings)
    if settings:
        layers.merge_settings(merged, settings, "unsaved", {})
        document["settings"] = merged
    if rule is not None:
        cleaned = {k: v for k, v in rule.items() if v not in (None, "", [])}
        problems = packdoc.check({"rules": [cleaned]})
        if problems:
            raise PackInvalid(
                [replace(p, rule=p.rule or str(rule.get("id", ""))) for p in problems]
            )
        rules = [r for r in document.get("rules", []) if r["id"] != cleaned.get("id")]
        document["rules"] = [*rules, cleaned]
    return document, merged


def coach_of(document: dict[str, Any], settings: dict[str, Any], base: Settings) -> Coach:
    digest = hashlib.sha256(
        json.dumps([document, settings], sort_keys=True, default=str).encode()
    ).hexdigest()
    with _lock:
        found = _cache.get(digest)
        if found is not None:
            _cache.move_to_end(digest)
            return found
    pack = packdoc.validate(document, source="candidate")  # PackInvalid names every problem
    coach = Coach(pack=pack, settings=pack_settings.apply(base, settings))
    with _lock:
        _cache[digest] = coach
        while len(_cache) > _KEEP:
            _cache.popitem(last=False)
    return coach


def run(
    coach: Coach, text: str, customer_message: str, focus: str | None, channel: str | None = None
) -> dict[str, Any]:
    """The sample coached as a check would coach it: ``channel`` (the scope's Zendesk
    via) also picks the register, so a chat scope is not asked for an email's courtesies."""
    review = coach.review(
        CheckRequest(draft=text, customer_message=customer_message, channel=channel)
    )
    out = review_to_dict(review, text)
    findings = out["findings"]
    # A move rule's hits are move spans, not findings: both are spans the admin can see.
    spans = [
        {
            "rule_id": f["rule_id"],
            "start": f["start"],
            "end": f["end"],
            "severity": f["severity"],
            "message": f["message"],
            "kind": "finding",
        }
        for f in findings
        if f["end"] > f["start"]
    ] + [
        {
            "rule_id": m["rule_id"],
            "start": m["start"],
            "end": m["end"],
            "severity": "move",
            "message": f"Move: {m['move']}",
            "kind": "move",
        }
        for m in out["move_spans"]
    ]
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    return {
        "score": out["score"],
        "mood": (out.get("customer_mood") or {}).get("label"),
        "findings": findings,
        "spans": spans,
        "missing_moves": out["missing_moves"],
        "focus": focus,
        "focus_hits": [s for s in spans if focus and s["rule_id"] == focus],
    }
