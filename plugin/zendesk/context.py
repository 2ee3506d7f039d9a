"""Build the core's ``CustomerContext`` from Zendesk (through zenpy), fast or not at all.

The fast lane waits at most ``config.zendesk_budget_seconds``. The fetch runs on a
small shared thread pool; if it is late the caller gets a visible note and the
fetch keeps going, filling the cache for the next check. Failures become notes,
never exceptions: hints are a nicety, the review must not depend on them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from itertools import islice
from typing import Any

import requests
from zenpy import Zenpy
from zenpy.lib.exception import RatelimitBudgetExceeded, RecordNotFoundException

from plugin.coach.hints import resolve_zone
from plugin.coach.model import CustomerContext, PastTicket
from plugin.config import Config
from plugin.zendesk.cache import ContextCache, context_from_json, context_to_json, make_cache
from plugin.zendesk.client import close_client, make_client

log = logging.getLogger(__name__)

RECENT_DAYS = 30
MAX_TICKETS_SCANNED = 100  # one cursor page; enough for "recent" without paging a whale
MAX_RECENT_TICKETS = 20

NOTE_NOT_CONFIGURED = "Zendesk is not connected, so customer hints are off."
NOTE_SLOW = "Zendesk is slow right now; customer hints will show on the next check."
NOTE_NOT_FOUND = "Zendesk could not find this ticket or customer."
NOTE_RATE_LIMITED = "Zendesk's rate limit was reached; customer hints are paused for a moment."
NOTE_UNAVAILABLE = "Zendesk could not be reached; customer hints are unavailable."

# Shared by all services in the process: a few concurrent Zendesk fetches at most.
_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="zendesk-context")


@dataclass(frozen=True, slots=True)
class ContextResult:
    context: CustomerContext | None
    note: str | None = None  # shown to the agent when there is no (fresh) context


@dataclass(frozen=True, slots=True)
class _TicketFacts:
    ticket_id: int
    subject: str | None
    channel: str | None
    priority: str | None
    requester_id: int | None


class ContextService:
    def __init__(
        self,
        config: Config,
        cache: ContextCache | None = None,
        client_factory: Callable[[Config], Zenpy] = make_client,
        executor: ThreadPoolExecutor | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._config = config
        self._cache = cache if cache is not None else make_cache(config)
        self._client_factory = client_factory
        self._pool = executor or _POOL
        self._clock = clock
        self._inflight: dict[tuple[int | None, int | None], Future[CustomerContext]] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_config(cls, config: Config) -> ContextService:
        """The service for the app: Redis cache when ``REDIS_URL`` is set, else in-process."""
        return cls(config, cache=make_cache(config))

    def get(self, ticket_id: int | None, requester_id: int | None) -> ContextResult:
        """Context for the ticket and/or requester; never raises."""
        if not self._config.zendesk_api_configured:
            return ContextResult(None, NOTE_NOT_CONFIGURED)
        if ticket_id is None and requester_id is None:
            return ContextResult(None)
        try:
            cached = self._from_cache(ticket_id, requester_id)
            if cached is not None:
                return ContextResult(cached)
            future = self._submit(ticket_id, requester_id)
            return ContextResult(future.result(timeout=self._config.zendesk_budget_seconds))
        except FutureTimeout:
            return ContextResult(None, NOTE_SLOW)
        except Exception as exc:  # noqa: BLE001 - any failure becomes a note
            return ContextResult(None, _note_for(exc))

    # --- cache ------------------------------------------------------------------

    def _key(self, kind: str, id_: int) -> str:
        return f"{self._config.zendesk_subdomain}:{kind}:{id_}"

    def _cached_ticket(self, ticket_id: int) -> _TicketFacts | None:
        data = self._cache.get(self._key("ticket", ticket_id))
        return _TicketFacts(**data) if data is not None else None

    def _cached_requester(self, requester_id: int) -> CustomerContext | None:
        data = self._cache.get(self._key("requester", requester_id))
        return context_from_json(data) if data is not None else None

    def _from_cache(
        self, ticket_id: int | None, requester_id: int | None
    ) -> CustomerContext | None:
        ticket = self._cached_ticket(ticket_id) if ticket_id is not None else None
        if ticket_id is not None and ticket is None:
            return None
        rid = requester_id if requester_id is not None else ticket.requester_id if ticket else None
        requester = self._cached_requester(rid) if rid is not None else CustomerContext()
        return None if requester is None else _merge(requester, ticket)

    # --- fetch ------------------------------------------------------------------

    def _submit(self, ticket_id: int | None, requester_id: int | None) -> Future[CustomerContext]:
        key = (ticket_id, requester_id)
        with self._lock:
            running = self._inflight.get(key)
            if running is not None:
                return running  # the same customer is already being fetched
            future = self._pool.submit(self._load, ticket_id, requester_id)
            self._inflight[key] = future

        def done(f: Future[CustomerContext]) -> None:
            with self._lock:
                self._inflight.pop(key, None)
            if f.exception() is not None:
                _log_failure(f.exception())

        future.add_done_callback(done)
        return future

    def _load(self, ticket_id: int | None, requester_id: int | None) -> CustomerContext:
        client = self._client_factory(self._config)
        try:
            ticket = None
            if ticket_id is not None:
                ticket = self._cached_ticket(ticket_id) or self._fetch_ticket(client, ticket_id)
            rid = (
                requester_id
                if requester_id is not None
                else ticket.requester_id
                if ticket
                else None
            )
            requester = CustomerContext()
            if rid is not None:
                requester = self._cached_requester(rid) or self._fetch_requester(client, rid)
            return _merge(requester, ticket)
        finally:
            close_client(client)

    def _fetch_ticket(self, client: Zenpy, ticket_id: int) -> _TicketFacts:
        data = client.tickets(id=ticket_id).to_dict()
        facts = _TicketFacts(
            ticket_id=int(data["id"]),
            subject=data.get("subject"),
            channel=(data.get("via") or {}).get("channel"),
            priority=data.get("priority"),
            requester_id=data.get("requester_id"),
        )
        self._cache.set(self._key("ticket", ticket_id), {
            "ticket_id": facts.ticket_id, "subject": facts.subject, "channel": facts.channel,
            "priority": facts.priority, "requester_id": facts.requester_id,
        })  # fmt: skip
        return facts

    def _fetch_requester(self, client: Zenpy, requester_id: int) -> CustomerContext:
        user = client.users(id=requester_id).to_dict()
        tickets = [
            t.to_dict() for t in islice(client.users.requested(requester_id), MAX_TICKETS_SCANNED)
        ]
        rating = _latest_rating(tickets)
        ctx = CustomerContext(
            name=user.get("name"),
            first_name=_first_name(user.get("name")),
            locale=user.get("locale"),
            time_zone=_zone(user.get("iana_time_zone"), user.get("time_zone")),
            tags=tuple(user.get("tags") or ()),
            organization=_organization_name(client, user.get("organization_id")),
            recent_tickets=_recent(tickets, self._clock()),
            last_rating=rating[0] if rating else None,
            last_rating_ticket_id=rating[1] if rating else None,
            last_rating_at=rating[2] if rating else None,
        )
        self._cache.set(self._key("requester", requester_id), context_to_json(ctx))
        return ctx


def _merge(requester: CustomerContext, ticket: _TicketFacts | None) -> CustomerContext:
    if ticket is None:
        return requester
    return replace(
        requester,
        ticket_id=ticket.ticket_id,
        ticket_subject=ticket.subject,
        channel=ticket.channel,
        priority=ticket.priority,
    )


def _first_name(name: str | None) -> str | None:
    # Zendesk's {{ticket.requester.first_name}} is the first word of the name.
    if not name or "@" in name or not name.split():
        return None
    return name.split()[0]


def _zone(iana: str | None, legacy: str | None) -> str | None:
    for name in (iana, legacy):
        zone = resolve_zone(name)
        if zone is not None:
            return zone.key
    return iana or legacy


def _organization_name(client: Zenpy, organization_id: int | None) -> str | None:
    if organization_id is None:
        return None
    try:
        name = client.organizations(id=organization_id).name
    except RecordNotFoundException:
        return None  # deleted organization: the rest of the context is still good
    return str(name) if name else None


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _recent(tickets: list[dict[str, Any]], now: datetime) -> tuple[PastTicket, ...]:
    since = now - timedelta(days=RECENT_DAYS)
    recent = []
    for t in tickets:
        created = _parse_time(t.get("created_at"))
        if created is None or created < since:
            continue
        score = (t.get("satisfaction_rating") or {}).get("score")
        recent.append(
            PastTicket(
                id=int(t["id"]),
                subject=t.get("subject") or "",
                created_at=created,
                status=t.get("status") or "",
                satisfaction=score,
            )
        )
    recent.sort(key=lambda p: p.created_at, reverse=True)
    return tuple(recent[:MAX_RECENT_TICKETS])


def _latest_rating(tickets: list[dict[str, Any]]) -> tuple[str, int, datetime | None] | None:
    """(score, ticket id, when) of the newest good/bad rating on the customer's tickets.

    A ticket's ``satisfaction_rating`` carries no timestamp; the ticket's
    ``updated_at`` is the closest cheap stand-in (rating updates the ticket).
    """
    rated = []
    for t in tickets:
        score = (t.get("satisfaction_rating") or {}).get("score")
        if score in ("good", "bad"):
            when = _parse_time(t.get("updated_at")) or _parse_time(t.get("created_at"))
            rated.append((when or datetime.min.replace(tzinfo=UTC), score, int(t["id"]), when))
    if not rated:
        return None
    _, score, ticket_id, when = max(rated, key=lambda r: (r[0], r[2]))
    return score, ticket_id, when


def _status(exc: BaseException) -> int | None:
    response = getattr(exc, "response", None)
    return getattr(response, "status_code", None)


def _note_for(exc: BaseException) -> str:
    if isinstance(exc, RecordNotFoundException):
        return NOTE_NOT_FOUND
    if isinstance(exc, RatelimitBudgetExceeded) or _status(exc) == 429:
        return NOTE_RATE_LIMITED
    return NOTE_UNAVAILABLE


def _log_failure(exc: BaseException | None) -> None:
    # Class and status only: zenpy messages can embed whole response bodies.
    if exc is None or isinstance(exc, RecordNotFoundException):
        return
    kind = "timeout" if isinstance(exc, requests.Timeout) else type(exc).__name__
    log.warning("Zendesk context fetch failed: %s (status %s)", kind, _status(exc))
