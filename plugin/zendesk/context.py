"""Build the core's ``CustomerContext`` from Zendesk (through zenpy), fast or not at all.

The fast lane waits at most ``config.zendesk_budget_seconds``. The fetch runs on a
small shared thread pool; if it is late the caller gets a visible note and the
fetch keeps going, filling the cache for the next check. Failures become notes,
never exceptions: hints are a nicety, the review must not depend on them.

A sidebar session (``Caller``) gets context only for the one ticket it is bound to,
for that ticket's requester, and, when Zendesk named the agent, only for a ticket
the agent can see (``access.py``). Unknown and forbidden ids get the same answer.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime

import requests
from zenpy import Zenpy
from zenpy.lib.exception import RatelimitBudgetExceeded, RecordNotFoundException

from plugin.coach.model import CustomerContext
from plugin.config import Config
from plugin.zendesk.access import (
    AgentFacts,
    Caller,
    NoContext,
    TicketBindings,
    TicketFacts,
    fetch_agent,
    make_bindings,
    may_see,
    ticket_facts,
)
from plugin.zendesk.cache import ContextCache, context_from_json, context_to_json, make_cache
from plugin.zendesk.client import close_client, make_client
from plugin.zendesk.customer import fetch_requester

log = logging.getLogger(__name__)

NOTE_NOT_CONFIGURED = "Zendesk is not connected, so customer hints are off."
NOTE_SLOW = "Zendesk is slow right now; customer hints will show on the next check."
# One answer for an unknown ticket and for one this session may not read: ids can't be probed.
NOTE_NO_CONTEXT = "No customer context for this ticket."
NOTE_NOT_FOUND = NOTE_NO_CONTEXT
NOTE_RATE_LIMITED = "Zendesk's rate limit was reached; customer hints are paused for a moment."
NOTE_UNAVAILABLE = "Zendesk could not be reached; customer hints are unavailable."

# Shared by all services in the process: a few concurrent Zendesk fetches at most.
_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="zendesk-context")

# (ticket, requester, agent, scoped): one fetch per distinct question in flight.
_Key = tuple[int | None, int | None, int | None, bool]


@dataclass(frozen=True, slots=True)
class ContextResult:
    context: CustomerContext | None
    note: str | None = None  # shown to the agent when there is no (fresh) context


NO_CONTEXT = ContextResult(None, NOTE_NO_CONTEXT)


class ContextService:
    def __init__(
        self,
        config: Config,
        cache: ContextCache | None = None,
        client_factory: Callable[[Config], Zenpy] = make_client,
        executor: ThreadPoolExecutor | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        bindings: TicketBindings | None = None,
    ) -> None:
        self._config = config
        self._cache = cache if cache is not None else make_cache(config)
        self._client_factory = client_factory
        self._pool = executor or _POOL
        self._clock = clock
        self._bindings = bindings if bindings is not None else make_bindings(config)
        self._inflight: dict[_Key, Future[CustomerContext]] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_config(cls, config: Config) -> ContextService:
        """The service for the app: Redis cache when ``REDIS_URL`` is set, else in-process."""
        return cls(config, cache=make_cache(config), bindings=make_bindings(config))

    def get(
        self, ticket_id: int | None, requester_id: int | None, caller: Caller | None = None
    ) -> ContextResult:
        """Context for the ticket and/or requester; never raises.

        ``caller`` None is the operator (development mode on loopback, the CLI): any id.
        A sidebar session needs a ticket, and only ever gets the first one it asked for.
        """
        if not self._config.zendesk_api_configured:
            return ContextResult(None, NOTE_NOT_CONFIGURED)
        if ticket_id is None and requester_id is None:
            return ContextResult(None)
        if caller is not None and (
            ticket_id is None or not self._bindings.bind(caller.session_id, ticket_id)
        ):
            return NO_CONTEXT
        key: _Key = (ticket_id, requester_id, caller.user_id if caller else None, bool(caller))
        try:
            cached = self._from_cache(key)
            if cached is not None:
                return ContextResult(cached)
            future = self._submit(key)
            return ContextResult(future.result(timeout=self._config.zendesk_budget_seconds))
        except FutureTimeout:
            return ContextResult(None, NOTE_SLOW)
        except Exception as exc:  # noqa: BLE001 - any failure becomes a note
            return ContextResult(None, _note_for(exc))

    # --- cache ------------------------------------------------------------------

    def _key(self, kind: str, id_: int) -> str:
        return f"{self._config.zendesk_subdomain}:{kind}:{id_}"

    def _cached_ticket(self, ticket_id: int) -> TicketFacts | None:
        data = self._cache.get(self._key("ticket", ticket_id))
        try:
            return TicketFacts(**data) if data is not None else None
        except TypeError:
            return None  # written by another version: fetch again

    def _cached_requester(self, requester_id: int) -> CustomerContext | None:
        data = self._cache.get(self._key("requester", requester_id))
        return context_from_json(data) if data is not None else None

    def _cached_agent(self, user_id: int) -> AgentFacts | None:
        data = self._cache.get(self._key("agent", user_id))
        if data is None:
            return None
        try:
            return AgentFacts(**{**data, "group_ids": tuple(data.get("group_ids") or ())})
        except TypeError:
            return None

    def _from_cache(self, key: _Key) -> CustomerContext | None:
        """A cache hit only when every fact the answer depends on is cached; a cached
        verdict against the caller raises NoContext like a fetched one."""
        ticket_id, requester_id, user_id, scoped = key
        ticket = self._cached_ticket(ticket_id) if ticket_id is not None else None
        if ticket_id is not None and ticket is None:
            return None
        if scoped and ticket is not None:
            if requester_id is not None and requester_id != ticket.requester_id:
                return None  # the ticket may have changed hands: ask Zendesk
            if user_id is not None:
                agent = self._cached_agent(user_id)
                if agent is None:
                    return None
                if not may_see(agent, ticket):
                    raise NoContext
        rid = _requester_of(ticket, requester_id, scoped)
        requester = self._cached_requester(rid) if rid is not None else CustomerContext()
        return None if requester is None else _merge(requester, ticket)

    # --- fetch ------------------------------------------------------------------

    def _submit(self, key: _Key) -> Future[CustomerContext]:
        with self._lock:
            running = self._inflight.get(key)
            if running is not None:
                return running  # the same question is already being fetched
            future = self._pool.submit(self._load, key)
            self._inflight[key] = future

        def done(f: Future[CustomerContext]) -> None:
            with self._lock:
                self._inflight.pop(key, None)
            if f.exception() is not None:
                _log_failure(f.exception())

        future.add_done_callback(done)
        return future

    def _load(self, key: _Key) -> CustomerContext:
        ticket_id, requester_id, user_id, scoped = key
        client = self._client_factory(self._config)
        try:
            ticket = None
            if ticket_id is not None:
                ticket = self._cached_ticket(ticket_id) or self._fetch_ticket(client, ticket_id)
            if scoped and ticket is not None:
                if requester_id is not None and requester_id != ticket.requester_id:
                    ticket = self._fetch_ticket(client, ticket.ticket_id)  # fresh, not cached
                    if requester_id != ticket.requester_id:
                        raise NoContext
                if user_id is not None:
                    agent = self._cached_agent(user_id) or self._fetch_agent(client, user_id)
                    if not may_see(agent, ticket):
                        raise NoContext
            rid = _requester_of(ticket, requester_id, scoped)
            requester = CustomerContext()
            if rid is not None:
                requester = self._cached_requester(rid) or self._fetch_requester(client, rid)
            return _merge(requester, ticket)
        finally:
            close_client(client)

    def _fetch_ticket(self, client: Zenpy, ticket_id: int) -> TicketFacts:
        facts = ticket_facts(client.tickets(id=ticket_id).to_dict())
        self._cache.set(self._key("ticket", ticket_id), asdict(facts))
        return facts

    def _fetch_agent(self, client: Zenpy, user_id: int) -> AgentFacts:
        facts = fetch_agent(client, user_id)
        data = asdict(facts)
        data["group_ids"] = list(facts.group_ids)
        self._cache.set(self._key("agent", user_id), data)
        return facts

    def _fetch_requester(self, client: Zenpy, requester_id: int) -> CustomerContext:
        ctx = fetch_requester(client, requester_id, self._clock())
        self._cache.set(self._key("requester", requester_id), context_to_json(ctx))
        return ctx


def _requester_of(ticket: TicketFacts | None, requester_id: int | None, scoped: bool) -> int | None:
    # A session reads the ticket's own requester; the operator may ask for any.
    if scoped or requester_id is None:
        return ticket.requester_id if ticket else None
    return requester_id


def _merge(requester: CustomerContext, ticket: TicketFacts | None) -> CustomerContext:
    if ticket is None:
        return requester
    return replace(
        requester,
        ticket_id=ticket.ticket_id,
        ticket_subject=ticket.subject,
        channel=ticket.channel,
        priority=ticket.priority,
    )


def _status(exc: BaseException) -> int | None:
    response = getattr(exc, "response", None)
    return getattr(response, "status_code", None)


def _note_for(exc: BaseException) -> str:
    if isinstance(exc, (RecordNotFoundException, NoContext)):
        return NOTE_NO_CONTEXT
    if isinstance(exc, RatelimitBudgetExceeded) or _status(exc) == 429:
        return NOTE_RATE_LIMITED
    return NOTE_UNAVAILABLE


def _log_failure(exc: BaseException | None) -> None:
    # Class and status only: zenpy messages can embed whole response bodies.
    if exc is None or isinstance(exc, (RecordNotFoundException, NoContext)):
        return
    kind = "timeout" if isinstance(exc, requests.Timeout) else type(exc).__name__
    log.warning("Zendesk context fetch failed: %s (status %s)", kind, _status(exc))
