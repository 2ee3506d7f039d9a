"""The customer's side of the context: a Zendesk user and their tickets, as the core's types.

Plain functions over zenpy's dicts (and one organization lookup), no caching or
threads: ``context.py`` decides when they run.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import islice
from typing import Any

from zenpy import Zenpy
from zenpy.lib.exception import RecordNotFoundException

from plugin.coach.hints import resolve_zone
from plugin.coach.model import CustomerContext, PastTicket

RECENT_DAYS = 30
MAX_TICKETS_SCANNED = 100  # one cursor page; enough for "recent" without paging a whale
MAX_RECENT_TICKETS = 20


def fetch_requester(client: Zenpy, requester_id: int, now: datetime) -> CustomerContext:
    """The requester's context: name, locale, zone, tags, organization, recent tickets, rating."""
    user = client.users(id=requester_id).to_dict()
    tickets = [
        t.to_dict() for t in islice(client.users.requested(requester_id), MAX_TICKETS_SCANNED)
    ]
    rating = _latest_rating(tickets)
    return CustomerContext(
        name=user.get("name"),
        first_name=_first_name(user.get("name")),
        locale=user.get("locale"),
        time_zone=_zone(user.get("iana_time_zone"), user.get("time_zone")),
        tags=tuple(user.get("tags") or ()),
        organization=_organization_name(client, user.get("organization_id")),
        recent_tickets=_recent(tickets, now),
        last_rating=rating[0] if rating else None,
        last_rating_ticket_id=rating[1] if rating else None,
        last_rating_at=rating[2] if rating else None,
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
