"""Compiled packs cached per version, so a check never compiles.

Each worker process keeps one ``CompiledPacks`` per account. A check asks for the
coach of its scope: at most every ``ttl`` seconds that costs one indexed query for
the newest version number; a new number (saved by any worker) means the next check
compiles that version's pack for its scope once, under a lock, and every later check
of that version and scope reuses it. Scopes with no overrides share the account's.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy.exc import SQLAlchemyError

from plugin.coach import pack_settings
from plugin.coach.model import Settings
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.rules import RulePack, RulePackError, compile_pack
from plugin.store.errors import NotFound
from plugin.store.packs import PackStore, effective_of
from plugin.store.records import Snapshot
from plugin.store.scopes import ScopeQuery, ScopeRef

log = logging.getLogger(__name__)
_QUERIES = 4096  # remembered (version, brand/group/channel) -> compiled pack

# Our own words, run once per compiled pack so its lazily built parts (the
# anti-pattern-only matcher of the exactness check...) exist before a real check.
_WARM = CheckRequest(
    draft="Hi Sam, thanks for the note. You should have read the guide. I have sent it now.",
    customer_message="Still waiting on this!!",
)


@dataclass(frozen=True)
class Compiled:
    version: int
    scopes: tuple[str, ...]  # the layers in it, least specific first ("account", ...)
    pack: RulePack
    settings: Settings
    coach: Coach
    note: str = ""  # why the scope's overrides are not in it, if they are not


class CompiledPacks:
    def __init__(
        self,
        store: PackStore,
        account: str,
        *,
        base: Settings | None = None,
        ttl: float = 1.0,
        keep: int = 32,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store, self.account = store, account
        self.base = base or Settings()
        self.ttl, self.keep, self.clock = ttl, keep, clock
        self._head = 0
        self._checked = float("-inf")
        self._snapshots: dict[int, Snapshot] = {}
        self._compiled: OrderedDict[tuple[int, tuple[str, ...]], Compiled] = OrderedDict()
        self._lock = threading.Lock()
        self._head_lock = threading.Lock()
        self._by_query: dict[tuple[int, ScopeQuery | None], Compiled] = {}
        self.compiles = 0  # how many packs this process compiled (tests, /healthz)

    def head(self) -> int:
        """The newest version number, asked of the database at most every ``ttl`` seconds."""
        now = self.clock()
        if now - self._checked < self.ttl:
            return self._head
        with self._head_lock:  # one query per TTL, however many checks arrive at once
            if now - self._checked < self.ttl:
                return self._head
            try:
                self._head = self.store.head_number(self.account)
            except SQLAlchemyError as err:
                self._checked = now  # a failing database is asked again after the TTL
                if not self._head:
                    raise
                # The version we have keeps coaching through a database blip.
                log.warning("version check failed (%s); still on version %d", err, self._head)
            self._checked = now
        return self._head

    def notice(self, number: int) -> None:
        """This worker just saved ``number``: use it from the next check on."""
        self._head, self._checked = number, self.clock()

    def get(self, where: ScopeQuery | None = None) -> Compiled:
        """The compiled coach of the newest version for a check's scope.

        Raises NotFound when the account has no stored pack (the caller uses the file pack).
        """
        number = self.head()
        hit = self._by_query.get((number, where))
        if hit is not None:  # the usual check: one dict lookup (~1 µs)
            return hit
        if number == 0:
            raise NotFound(f"account {self.account!r} has no stored pack")
        snap = self._snapshots.get(number) or self._snapshot(number)
        refs = (where or ScopeQuery()).refs()
        keys = tuple(r.key for r in refs if r.key in snap.layers)
        found = self._compiled.get((number, keys))
        if found is not None:
            return self._remember(number, where, found)
        with self._lock:
            found = self._compiled.get((number, keys))
            if found is None:
                found = self._compile(snap, keys)
                self._compiled[number, keys] = found
                while len(self._compiled) > self.keep:
                    self._compiled.popitem(last=False)
        return self._remember(number, where, found)

    def _remember(self, number: int, where: ScopeQuery | None, found: Compiled) -> Compiled:
        if len(self._by_query) >= _QUERIES:  # many brands x groups x channels: start over
            self._by_query = {}
        self._by_query[number, where] = found
        return found

    def _snapshot(self, number: int) -> Snapshot:
        snap = self.store.snapshot(self.account, number)
        with self._lock:
            self._snapshots = {n: s for n, s in self._snapshots.items() if n > number - 2}
            self._snapshots[number] = snap
        return snap

    def _compile(self, snap: Snapshot, keys: tuple[str, ...]) -> Compiled:
        try:
            return self._compile_layers(snap, keys)
        except RulePackError as err:
            if not keys:
                raise
            # Every layer was validated alone and all together at save time; a rarer
            # combination that still fails coaches with the account pack, not an error.
            log.warning("scopes %s of version %d do not compile: %s", keys, snap.info.number, err)
            fallback = self._compile_layers(snap, ())
            note = f"the overrides of {'+'.join(keys)} do not combine; the account pack applies"
            return replace(fallback, note=note)

    def _compile_layers(self, snap: Snapshot, keys: tuple[str, ...]) -> Compiled:
        eff = effective_of(snap, [ScopeRef.parse(k) for k in keys])
        label = "+".join(eff.scopes)
        pack = compile_pack(eff.document, f"{self.account} v{snap.info.number} {label}")
        settings = pack_settings.apply(self.base, eff.settings)
        coach = Coach(pack=pack, settings=settings)
        _ = pack.avoid_only  # the exactness check's matcher: compiled here, never by a check
        coach.review(_WARM)
        self.compiles += 1
        return Compiled(snap.info.number, eff.scopes, pack, settings, coach)
