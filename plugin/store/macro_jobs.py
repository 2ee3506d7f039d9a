"""Tables of the macro jobs (issue #12): lint runs, their per-macro results, audited writes.

On the store's ``Base``, so one Alembic chain migrates them (revision 0002). Nothing here
holds customer data: macros are the account's templates, and results carry scores, tags
and findings about them. A write keeps the macro's actions before and after, so it can be
undone from its audit entry (the one row that changes: ``undone_by``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from plugin.store.models import Base, utcnow


class Job(Base):
    __tablename__ = "macro_jobs"
    __table_args__ = (Index("ix_macro_jobs_account_created", "account", "created_at"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    account: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))  # lint
    status: Mapped[str] = mapped_column(String(12))  # queued|running|done|partial|failed
    phase: Mapped[str] = mapped_column(String(20), default="")
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    params: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    pack_version: Mapped[str] = mapped_column(String(64), default="")
    actor_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # Moves with every progress report: a run that stops moving lost its worker.
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class JobResult(Base):
    __tablename__ = "macro_results"

    job_id: Mapped[str] = mapped_column(
        ForeignKey("macro_jobs.id", ondelete="CASCADE"), primary_key=True
    )
    macro_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[str] = mapped_column(String(12))
    report: Mapped[str] = mapped_column(Text)  # JSON: MacroReport.to_dict()


class MacroWrite(Base):
    """One audited write of a macro's actions (or the undo of one)."""

    __tablename__ = "macro_writes"
    __table_args__ = (Index("ix_macro_writes_account_at", "account", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    actor_name: Mapped[str] = mapped_column(String(200))
    macro_id: Mapped[int] = mapped_column(BigInteger)
    before_sha256: Mapped[str] = mapped_column(String(64))
    after_sha256: Mapped[str] = mapped_column(String(64))
    pack_version: Mapped[str] = mapped_column(String(64), default="")
    before_actions: Mapped[str] = mapped_column(Text)  # JSON: the whole action list
    after_actions: Mapped[str] = mapped_column(Text)
    suggestions: Mapped[str] = mapped_column(Text, default="[]")  # JSON: the ids applied
    undo_of: Mapped[int | None] = mapped_column(Integer, nullable=True)
    undone_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
