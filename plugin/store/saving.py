"""One save = one transaction: validate everything, then add one immutable version.

A save names the version it was based on. If another save got there first, the
caller gets a Conflict listing what changed meanwhile; two saves racing on the same
base collide on the (account, number) unique key, so one of them always loses.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from hashlib import sha256
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from plugin.store import diff, layers, packdoc
from plugin.store.errors import Change, Conflict, PackInvalid, Problem
from plugin.store.models import Account, AuditEntry, PackVersion, RetiredRule, Scope, ScopeLayer
from plugin.store.records import Author, VersionInfo
from plugin.store.scopes import ScopeRef


@dataclass(frozen=True)
class Draft:
    """What a new version will hold (the name means a pack in progress, not a reply)."""

    pack_yaml: str
    layers: dict[str, dict[str, Any]]
    labels: dict[str, str]
    action: str
    author: Author
    restored_from: int | None = None


def account(session: Session, subdomain: str) -> Account:
    """The account row, made on first use (two workers racing both get the one row)."""
    found = session.scalar(select(Account).where(Account.subdomain == subdomain))
    if found is not None:
        return found
    try:
        with session.begin_nested():
            row = Account(subdomain=subdomain)
            session.add(row)
        return row
    except IntegrityError:  # another worker made it first
        return session.scalars(select(Account).where(Account.subdomain == subdomain)).one()


def head(session: Session, account_id: int) -> PackVersion | None:
    return session.scalar(
        select(PackVersion)
        .where(PackVersion.account_id == account_id)
        .order_by(PackVersion.number.desc())
        .limit(1)
    )


def head_number(session: Session, account_id: int) -> int:
    found = session.scalar(
        select(func.max(PackVersion.number)).where(PackVersion.account_id == account_id)
    )
    return int(found or 0)


MAX_CHANGES = 50  # a conflict lists at most the newest 50 versions saved meanwhile


def changes_since(session: Session, account_id: int, base: int) -> list[Change]:
    rows = session.scalars(
        select(PackVersion)
        .where(PackVersion.account_id == account_id, PackVersion.number > base)
        .order_by(PackVersion.number.desc())
        .limit(MAX_CHANGES)
    )
    return [
        Change(
            number=info.number,
            author_id=info.author.id,
            author_name=info.author.name,
            created_at=info.created_at.isoformat(),
            action=info.action,
            summary=info.summary,
        )
        for info in reversed([VersionInfo.of(r) for r in rows])
    ]


def layers_of(row: PackVersion | None) -> dict[str, dict[str, Any]]:
    if row is None:
        return {}
    found = {}
    for layer in row.layers:
        key = ScopeRef(layer.scope.kind, layer.scope.ref).key
        found[key] = json.loads(layer.document)
    return found


def _state_ids(pack: Mapping[str, Any], layer_docs: Mapping[str, Any]) -> tuple[set[str], set[str]]:
    """(active ids, ids marked retired) of the pack and every rule a layer adds."""
    active = packdoc.active_ids(pack)
    retired = packdoc.all_ids(pack) - active
    known = packdoc.all_ids(pack)
    for layer in layer_docs.values():
        for rule in layer.get("rules", ()):
            if rule["id"] not in known:
                status = rule.get("status", "active")
                (active if status == "active" else retired).add(rule["id"])
    return active, retired


def validate(draft: Draft, reserved: Mapping[str, int]) -> dict[str, Any]:
    """The parsed account pack, or PackInvalid with every problem of pack and layers."""
    data, lines = packdoc.parse_yaml(draft.pack_yaml)
    check_reserved = () if draft.action == "rollback" else reserved.keys()
    problems = packdoc.check(data, lines, reserved=check_reserved)
    if problems or not isinstance(data, dict):
        raise PackInvalid(problems or [Problem("a rule pack must be a mapping")])
    ordered = sorted(draft.layers.items(), key=lambda kv: ScopeRef.parse(kv[0]).rank)
    for key, layer in ordered:
        shape = layers.check_layer(layer, key) or layers.unknown_ids(data, layer, key)
        if shape:
            problems += shape
            continue
        merged = layers.merge(data, [(key, layer)]).document
        problems += [
            Problem(p.message, p.rule, p.field, None, key)
            for p in packdoc.check(merged, reserved=check_reserved)
        ]
    if not problems and len(ordered) > 1:  # every layer alone is fine: and all together?
        merged = layers.merge(data, ordered).document
        together = "+".join(k for k, _ in ordered)
        problems += [
            Problem(p.message, p.rule, p.field, None, together) for p in packdoc.check(merged)
        ]
    if problems:
        raise PackInvalid(problems)
    return data


def commit(session: Session, subdomain: str, base: int, draft: Draft) -> VersionInfo | None:
    """Add the version (None when it would change nothing). Raises Conflict, PackInvalid."""
    acct = account(session, subdomain)
    current = head(session, acct.id)
    number = current.number if current else 0
    if base != number:
        raise Conflict(base, number, changes_since(session, acct.id, base))
    reserved = {
        r.rule_id: r.version_number
        for r in session.scalars(select(RetiredRule).where(RetiredRule.account_id == acct.id))
    }
    pack = validate(draft, reserved)
    old_layers = layers_of(current)
    if current is not None and current.pack_yaml == draft.pack_yaml and old_layers == draft.layers:
        return None
    old_pack = packdoc.parse_yaml(current.pack_yaml)[0] if current else {}
    summary = diff.summarize(old_pack, old_layers, pack, draft.layers)
    row = PackVersion(
        account_id=acct.id,
        number=number + 1,
        parent_number=current.number if current else None,
        restored_from=draft.restored_from,
        author_id=draft.author.id,
        author_name=draft.author.name,
        action=draft.action,
        pack_yaml=draft.pack_yaml,
        pack_sha256=sha256(draft.pack_yaml.encode()).hexdigest(),
        summary=json.dumps(summary, sort_keys=True),
    )
    for key, layer in draft.layers.items():
        scope = _scope(session, acct.id, ScopeRef.parse(key), draft.labels.get(key))
        row.layers.append(ScopeLayer(scope_id=scope.id, document=json.dumps(layer, sort_keys=True)))
    session.add(row)
    _retire(session, acct.id, number + 1, old_pack, old_layers, pack, draft, reserved)
    session.add(
        AuditEntry(
            account_id=acct.id,
            actor_id=draft.author.id,
            actor_name=draft.author.name,
            action=f"pack.{draft.action}",
            version_number=number + 1,
            detail=json.dumps({"text": summary["text"], "restored_from": draft.restored_from}),
        )
    )
    session.flush()  # the unique (account, number) key speaks here, inside the transaction
    return VersionInfo.of(row)


def _retire(
    session: Session,
    account_id: int,
    number: int,
    old_pack: Mapping[str, Any],
    old_layers: Mapping[str, Any],
    pack: Mapping[str, Any],
    draft: Draft,
    reserved: Mapping[str, int],
) -> None:
    was_active, _ = _state_ids(old_pack, old_layers)
    active, marked = _state_ids(pack, draft.layers)
    for rule_id in sorted((was_active | marked) - active - reserved.keys()):
        session.add(RetiredRule(account_id=account_id, rule_id=rule_id, version_number=number))
    back = sorted(active & reserved.keys())
    if back:  # only a rollback may bring a retired rule back (validate refuses it otherwise)
        session.execute(
            delete(RetiredRule).where(
                RetiredRule.account_id == account_id, RetiredRule.rule_id.in_(back)
            )
        )


def _scope(session: Session, account_id: int, ref: ScopeRef, label: str | None) -> Scope:
    found = session.scalar(
        select(Scope).where(
            Scope.account_id == account_id, Scope.kind == ref.kind, Scope.ref == ref.ref
        )
    )
    if found is None:
        found = Scope(account_id=account_id, kind=ref.kind, ref=ref.ref, label=label or "")
        session.add(found)
        session.flush()
    elif label is not None and label != found.label:
        found.label = label
    return found
