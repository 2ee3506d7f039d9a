"""Tables. A pack version is immutable: every save, import or rollback adds one.

No column holds draft text or a customer's message: packs are written by admins, and
the audit log records who did what to which version, never what an agent typed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so migrations can drop them on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Account(Base):
    """A Zendesk account (its subdomain; ``local`` in development)."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subdomain: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Scope(Base):
    """Where a layer of settings applies: the account default, a brand, a group, a channel."""

    __tablename__ = "scopes"
    __table_args__ = (UniqueConstraint("account_id", "kind", "ref", name="uq_scopes_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # account | brand | group | channel
    ref: Mapped[str] = mapped_column(String(100))  # Zendesk id or channel name; "" = account
    label: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PackVersion(Base):
    """One saved state of the account's coaching: its pack and every scope's overrides."""

    __tablename__ = "pack_versions"
    __table_args__ = (UniqueConstraint("account_id", "number", name="uq_pack_versions_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    # 1, 2, 3... per account; the unique key makes two saves on one base collide.
    number: Mapped[int] = mapped_column(Integer)
    parent_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    restored_from: Mapped[int | None] = mapped_column(Integer, nullable=True)  # rollbacks
    author_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # Zendesk user
    author_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    action: Mapped[str] = mapped_column(String(20))  # seed | save | import | rollback
    pack_yaml: Mapped[str] = mapped_column(Text)  # the account pack, CLI `--rules` schema
    pack_sha256: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text, default="{}")  # JSON diff against the parent
    layers: Mapped[list[ScopeLayer]] = relationship(
        back_populates="version", cascade="all, delete-orphan", lazy="selectin"
    )


class ScopeLayer(Base):
    """A scope's overrides as of one version (JSON), e.g. a brand's stricter severity."""

    __tablename__ = "scope_layers"

    version_id: Mapped[int] = mapped_column(
        ForeignKey("pack_versions.id", ondelete="CASCADE"), primary_key=True
    )
    scope_id: Mapped[int] = mapped_column(
        ForeignKey("scopes.id", ondelete="CASCADE"), primary_key=True
    )
    document: Mapped[str] = mapped_column(Text)
    version: Mapped[PackVersion] = relationship(back_populates="layers")
    scope: Mapped[Scope] = relationship(lazy="joined")


class RetiredRule(Base):
    """A rule id that left the pack: reserved for ever, never given to another rule."""

    __tablename__ = "retired_rules"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    rule_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    version_number: Mapped[int] = mapped_column(Integer)
    retired_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AuditEntry(Base):
    """Who did what, when; details name versions, scopes and rule ids only."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_account_at", "account_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    actor_name: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    version_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON


class ImmutableError(RuntimeError):
    """Raised on an attempt to change a saved version: save a new one instead."""


@event.listens_for(PackVersion, "before_update")
@event.listens_for(ScopeLayer, "before_update")
@event.listens_for(AuditEntry, "before_update")
def _refuse_update(_mapper: object, _conn: object, target: object) -> None:
    raise ImmutableError(f"{type(target).__name__} rows are never changed; save a new version")
