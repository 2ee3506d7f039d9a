"""Scopes: the account default, then brand, group and channel overrides, in that order.

A check's scope comes from its ticket (brand, group, channel). Layers apply from the
least to the most specific, so a channel's value beats a group's, a group's beats a
brand's and a brand's beats the account default; provenance says which one won.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("account", "brand", "group", "channel")  # precedence: later wins
_REF = re.compile(r"^[A-Za-z0-9_.:-]{1,100}$")


@dataclass(frozen=True, order=True)
class ScopeRef:
    kind: str
    ref: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown scope kind {self.kind!r}; use one of {list(KINDS)}")
        if self.kind == "account":
            if self.ref:
                raise ValueError("the account scope takes no reference")
        elif not _REF.match(self.ref):
            raise ValueError(f"a {self.kind} scope needs an id (letters, digits, '-_.:')")

    @property
    def key(self) -> str:
        """``account``, ``brand:360``, ``group:12``, ``channel:email``."""
        return self.kind if self.kind == "account" else f"{self.kind}:{self.ref}"

    @property
    def rank(self) -> int:
        return KINDS.index(self.kind)

    @classmethod
    def parse(cls, key: str) -> ScopeRef:
        kind, _, ref = key.partition(":")
        return cls(kind, ref)


ACCOUNT = ScopeRef("account")


@dataclass(frozen=True)
class ScopeQuery:
    """Where a check comes from (ZAF's ticket brand, group and channel), any part unknown."""

    brand: str | None = None
    group: str | None = None
    channel: str | None = None

    def refs(self) -> tuple[ScopeRef, ...]:
        """The scopes that may apply, least specific first."""
        found = [ACCOUNT]
        for kind in ("brand", "group", "channel"):
            value = getattr(self, kind)
            if value is not None and _REF.match(str(value)):
                found.append(ScopeRef(kind, str(value)))
        return tuple(found)
