"""What a store operation refuses, in a shape an API can answer with as JSON (4xx)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any


class StoreError(Exception):
    """Base of the store's refusals; ``status`` is the HTTP status an API should use."""

    status = 400

    def to_dict(self) -> dict[str, Any]:
        return {"error": type(self).__name__, "message": str(self)}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack: which rule, which field, which line of the YAML."""

    message: str
    rule: str | None = None
    field: str | None = None
    line: int | None = None
    scope: str | None = None  # the override layer it is in (None = the account pack)

    def __str__(self) -> str:
        where = [
            f"line {self.line}" if self.line else "",
            f"scope {self.scope}" if self.scope else "",
            f"rule {self.rule!r}" if self.rule else "",
            f"field {self.field!r}" if self.field else "",
        ]
        prefix = ", ".join(w for w in where if w)
        return f"{prefix}: {self.message}" if prefix else self.message


class PackInvalid(StoreError):
    """A pack (or a scope's overrides) that fails validation; nothing was saved."""

    status = 422

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        lines = "; ".join(str(p) for p in self.problems[:5])
        more = f" (and {len(self.problems) - 5} more)" if len(self.problems) > 5 else ""
        super().__init__(f"the pack is invalid: {lines}{more}")

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "problems": [asdict(p) for p in self.problems]}


class NotFound(StoreError):
    status = 404


@dataclass(frozen=True)
class Change:
    """A version saved since the caller's base: who, when, and what it changed."""

    number: int
    author_id: int | None
    author_name: str
    created_at: str  # ISO 8601
    action: str
    summary: dict[str, Any]


class Conflict(StoreError):
    """A save based on a version that is no longer the newest (HTTP 409).

    Carries every version saved in between, so the editor can show what changed.
    """

    status = 409

    def __init__(self, base: int, head: int, changes: Sequence[Change]) -> None:
        self.base, self.head, self.changes = base, head, tuple(changes)
        who = ", ".join(sorted({c.author_name for c in self.changes})) or "someone"
        super().__init__(
            f"version {base} is no longer the newest: {who} saved version {head} meanwhile; "
            "reload, re-apply your change and save again"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            **super().to_dict(),
            "base": self.base,
            "head": self.head,
            "changes": [asdict(c) for c in self.changes],
        }
