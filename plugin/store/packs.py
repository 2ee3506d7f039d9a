"""The pack service: seed, save, import, export, roll back, and the effective pack of a scope.

    store = PackStore(Database.connect(url))
    v1 = store.seed("acme")                                    # the shipped en.yaml
    v2 = store.save("acme", base=1, author=Author(42, "Ana"),
                    layers={"brand:360": {"rules": [{"id": "x", "severity": "error"}]}})
    eff = store.effective("acme", ScopeQuery(brand="360"))     # document + provenance

Every write is one transaction that adds one immutable version and an audit entry.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import IntegrityError

from plugin.coach.rules import DEFAULT_PACK
from plugin.store import layers, packdoc, saving
from plugin.store.db import Database
from plugin.store.errors import Conflict, NotFound, PackInvalid, Problem, StoreError
from plugin.store.models import Account, AuditEntry, PackVersion, RetiredRule
from plugin.store.records import SYSTEM, AuditRecord, Author, Snapshot, VersionInfo
from plugin.store.scopes import ScopeQuery, ScopeRef

_ACCOUNT_ID = select(Account.id).where(Account.subdomain == bindparam("subdomain"))
_HEAD = select(func.max(PackVersion.number)).where(
    PackVersion.account_id == bindparam("account_id")
)


@dataclass(frozen=True)
class EffectivePack:
    """What coaches a check in one scope, as of one version."""

    version: int
    document: dict[str, Any]  # CLI `--rules` schema
    settings: dict[str, Any]  # thresholds, mood_moves, category_severity (pack_settings)
    provenance: dict[str, str]  # "rules.<id>.<field>" | "glossary.<term>" | ... -> scope key
    disabled: dict[str, str]
    scopes: tuple[str, ...]  # the layers applied, least specific first


class PackStore:
    def __init__(self, db: Database, seed_pack: str | Path = DEFAULT_PACK) -> None:
        self.db = db
        self.seed_pack = Path(seed_pack)
        self._account_ids: dict[str, int] = {}

    # ---- writing -----------------------------------------------------------

    def seed(self, account: str, author: Author = SYSTEM) -> VersionInfo:
        """Version 1 from the shipped YAML pack, once; later calls return the newest version."""
        if self.head_number(account):
            return self.snapshot(account).info
        text = self.seed_pack.read_text(encoding="utf-8")
        try:
            made = self._write(account, 0, saving.Draft(text, {}, {}, "seed", author))
        except Conflict:  # already seeded (maybe by another worker just now)
            made = None
        return made or self.snapshot(account).info

    def save(
        self,
        account: str,
        *,
        base: int,
        author: Author,
        pack: Mapping[str, Any] | None = None,
        pack_yaml: str | None = None,
        layers: Mapping[str, Mapping[str, Any] | None] | None = None,
        labels: Mapping[str, str] | None = None,
        action: str = "save",
    ) -> VersionInfo:
        """A new version from ``base``: the account pack replaced (as a dict or YAML text)
        and/or some scopes' layers replaced (None or {} clears one). Raises Conflict when
        ``base`` is not the newest version, PackInvalid listing every problem."""
        _check_author(author)
        current = self.snapshot(account, base) if base else None
        text = pack_yaml if pack_yaml is not None else None
        if text is None and pack is not None:
            text = packdoc.dump(pack)
        if text is None:
            if current is None:
                raise NotFound(f"account {account!r} has no pack yet: seed or import one")
            text = current.pack_yaml
        merged = dict(current.layers) if current else {}
        for key, layer in (layers or {}).items():
            try:
                norm = ScopeRef.parse(key).key
            except ValueError as err:
                raise PackInvalid([Problem(str(err), scope=key)]) from None
            if layer:
                merged[norm] = _plain(layer)
            else:
                merged.pop(norm, None)
        draft = saving.Draft(text, merged, dict(labels or {}), action, author)
        return self._write(account, base, draft) or self.snapshot(account).info

    def import_yaml(self, account: str, text: str, *, base: int, author: Author) -> VersionInfo:
        """Replace the account pack with a YAML pack in the CLI schema, stored as given."""
        return self.save(account, base=base, author=author, pack_yaml=text, action="import")

    def rollback(self, account: str, *, to: int, base: int, author: Author) -> VersionInfo:
        """A new version holding version ``to``'s pack and layers (history is never rewritten)."""
        _check_author(author)
        target = self.snapshot(account, to)
        draft = saving.Draft(
            target.pack_yaml, target.layers, {}, "rollback", author, restored_from=to
        )
        return self._write(account, base, draft) or self.snapshot(account).info

    def record(self, account: str, actor: Author, action: str, detail: Mapping[str, Any]) -> None:
        """An audit entry for another feature (e.g. a macro written back); no draft text."""
        with self.db.sessions.begin() as session:
            acct = saving.account(session, account)
            session.add(
                AuditEntry(
                    account_id=acct.id,
                    actor_id=actor.id,
                    actor_name=actor.name,
                    action=action,
                    detail=json.dumps(dict(detail), sort_keys=True),
                )
            )

    def _write(self, account: str, base: int, draft: saving.Draft) -> VersionInfo | None:
        try:
            with self.db.sessions.begin() as session:
                return saving.commit(session, account, base, draft)
        except IntegrityError:  # a save on the same base committed first
            with self.db.sessions() as session:
                acct = saving.account(session, account)
                head = saving.head_number(session, acct.id)
                raise Conflict(base, head, saving.changes_since(session, acct.id, base)) from None

    # ---- reading -----------------------------------------------------------

    def head_number(self, account: str) -> int:
        """The newest version number (0 = none): one indexed Core query (~0.05 ms on SQLite),
        cheap enough to ask on every check."""
        acct_id = self._account_ids.get(account)
        with self.db.engine.connect() as conn:
            if acct_id is None:
                found = conn.execute(_ACCOUNT_ID, {"subdomain": account}).scalar()
                if found is None:
                    return 0
                acct_id = self._account_ids[account] = int(found)  # accounts are never renamed
            return int(conn.execute(_HEAD, {"account_id": acct_id}).scalar() or 0)

    def snapshot(self, account: str, number: int | None = None) -> Snapshot:
        with self.db.sessions() as session:
            acct = session.scalar(select(Account).where(Account.subdomain == account))
            query = select(PackVersion).where(PackVersion.account_id == (acct.id if acct else -1))
            if number is None:
                row = session.scalar(query.order_by(PackVersion.number.desc()).limit(1))
            else:
                row = session.scalar(query.where(PackVersion.number == number))
            if row is None:
                what = f"version {number}" if number else "a pack"
                raise NotFound(f"account {account!r} has no {what}")
            labels = {ScopeRef(x.scope.kind, x.scope.ref).key: x.scope.label for x in row.layers}
            pack = packdoc.parse_yaml(row.pack_yaml)[0]
            return Snapshot(VersionInfo.of(row), row.pack_yaml, pack, saving.layers_of(row), labels)

    def history(self, account: str, limit: int = 50) -> list[VersionInfo]:
        with self.db.sessions() as session:
            rows = session.scalars(
                select(PackVersion)
                .join(Account)
                .where(Account.subdomain == account)
                .order_by(PackVersion.number.desc())
                .limit(limit)
            )
            return [VersionInfo.of(r) for r in rows]

    def export_yaml(
        self, account: str, number: int | None = None, where: ScopeQuery | None = None
    ) -> str:
        """The account pack exactly as saved (an import of it round-trips byte for byte),
        or with ``where`` the effective pack of that scope, in the same schema."""
        snap = self.snapshot(account, number)
        if where is None:
            return snap.pack_yaml
        return packdoc.dump(effective_of(snap, where).document)

    def retired(self, account: str) -> dict[str, int]:
        """Rule ids never to be reused -> the version that retired them."""
        with self.db.sessions() as session:
            rows = session.scalars(
                select(RetiredRule).join(Account).where(Account.subdomain == account)
            )
            return {r.rule_id: r.version_number for r in rows}

    def audit(self, account: str, limit: int = 100) -> list[AuditRecord]:
        with self.db.sessions() as session:
            rows = session.scalars(
                select(AuditEntry)
                .join(Account)
                .where(Account.subdomain == account)
                .order_by(AuditEntry.id.desc())
                .limit(limit)
            )
            return [AuditRecord.of(r) for r in rows]

    def effective(
        self, account: str, where: ScopeQuery | Sequence[ScopeRef] = (), number: int | None = None
    ) -> EffectivePack:
        return effective_of(self.snapshot(account, number), where)


def effective_of(snap: Snapshot, where: ScopeQuery | Sequence[ScopeRef]) -> EffectivePack:
    """Merge the layers of the scopes in ``where`` (that have one) over the account pack."""
    refs = where.refs() if isinstance(where, ScopeQuery) else (ScopeRef("account"), *where)
    applied = [
        (ref.key, snap.layers[ref.key])
        for ref in sorted(set(refs), key=lambda r: r.rank)
        if ref.key in snap.layers
    ]
    eff = layers.merge(snap.pack, applied)
    return EffectivePack(
        snap.info.number, eff.document, eff.settings, eff.provenance, eff.disabled, eff.scopes
    )


def _check_author(author: Author) -> None:
    if not author.name.strip():
        raise StoreError("a save needs its author's name")


def _plain(layer: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON-safe copy (what is stored is exactly what is compared next time)."""
    copied: dict[str, Any] = json.loads(json.dumps(dict(layer)))
    return copied
