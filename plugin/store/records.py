"""Plain values the store hands out (no ORM objects leave a session)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from plugin.store.models import AuditEntry, PackVersion


@dataclass(frozen=True)
class Author:
    """Who saved: a Zendesk user id and name (None id = Reply Coach itself)."""

    id: int | None
    name: str


SYSTEM = Author(None, "Reply Coach")


def aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every time we store is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class VersionInfo:
    number: int
    parent: int | None
    restored_from: int | None
    author: Author
    created_at: datetime
    action: str
    summary: dict[str, Any]

    @classmethod
    def of(cls, row: PackVersion) -> VersionInfo:
        return cls(
            number=row.number,
            parent=row.parent_number,
            restored_from=row.restored_from,
            author=Author(row.author_id, row.author_name),
            created_at=aware(row.created_at),
            action=row.action,
            summary=json.loads(row.summary),
        )


@dataclass(frozen=True)
class Snapshot:
    """A whole version: the account pack (text and parsed) and every scope's layer."""

    info: VersionInfo
    pack_yaml: str
    pack: dict[str, Any]
    layers: dict[str, dict[str, Any]] = field(default_factory=dict)  # scope key -> layer
    labels: dict[str, str] = field(default_factory=dict)  # scope key -> display name


@dataclass(frozen=True)
class AuditRecord:
    at: datetime
    actor: Author
    action: str
    version: int | None
    detail: dict[str, Any]

    @classmethod
    def of(cls, row: AuditEntry) -> AuditRecord:
        return cls(
            at=aware(row.at),
            actor=Author(row.actor_id, row.actor_name),
            action=row.action,
            version=row.version_number,
            detail=json.loads(row.detail),
        )
