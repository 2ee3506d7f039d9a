"""Who may read which ticket's context: session bindings and Zendesk's own ticket access.

Zendesk's signed-URL token names the account and installation, not (as documented)
the agent, and nothing it signs names the ticket. So a session is narrowed as far as
the platform allows:

- one session serves one ticket: the first ticket it asks about binds it, for its
  lifetime (``TicketBindings``; shared through Redis when ``REDIS_URL`` is set);
- the requester asked about must be that ticket's requester;
- when a verified token did name the agent, the agent must be able to see the ticket
  under Zendesk's rules (role and ticket restriction, read through the API).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any, Protocol

import redis
from cachetools import TTLCache
from zenpy import Zenpy

from plugin.config import Config
from plugin.zendesk.cache import KEY_PREFIX

log = logging.getLogger(__name__)


class NoContext(Exception):  # noqa: N818 - a verdict, not a failure
    """The caller may not have this ticket's context (told apart from "unknown" nowhere)."""


@dataclass(frozen=True, slots=True)
class Caller:
    """A verified sidebar session: its id, and the Zendesk user when a token named one."""

    session_id: str
    user_id: int | None = None


@dataclass(frozen=True, slots=True)
class TicketFacts:
    ticket_id: int
    subject: str | None
    channel: str | None
    priority: str | None
    requester_id: int | None
    group_id: int | None = None
    assignee_id: int | None = None
    organization_id: int | None = None


@dataclass(frozen=True, slots=True)
class AgentFacts:
    """What Zendesk's ticket access depends on, for one user."""

    user_id: int
    role: str  # end-user | agent | admin
    restriction: str | None  # None (all tickets) | groups | assigned | organization | requested
    organization_id: int | None
    group_ids: tuple[int, ...]
    suspended: bool = False


def may_see(agent: AgentFacts, ticket: TicketFacts) -> bool:
    """Zendesk's ticket access for agents, conservatively: unknown cases are refused."""
    if agent.suspended:
        return False
    if agent.role == "admin":
        return True
    if agent.role != "agent":
        return False  # end users do not open the agent sidebar
    if agent.restriction is None:
        return True
    if agent.restriction == "assigned":
        return ticket.assignee_id == agent.user_id
    if agent.restriction == "groups":
        return ticket.assignee_id == agent.user_id or ticket.group_id in agent.group_ids
    if agent.restriction == "organization":
        return agent.organization_id is not None and ticket.organization_id == agent.organization_id
    if agent.restriction == "requested":
        return ticket.requester_id == agent.user_id
    return False


def fetch_agent(client: Zenpy, user_id: int) -> AgentFacts:
    user = client.users(id=user_id).to_dict()
    restriction = user.get("ticket_restriction") or None
    groups: tuple[int, ...] = ()
    if restriction == "groups":
        groups = tuple(
            int(m.group_id) for m in client.users.group_memberships(user_id) if m.group_id
        )
    return AgentFacts(
        user_id=user_id,
        role=str(user.get("role") or ""),
        restriction=restriction,
        organization_id=user.get("organization_id"),
        group_ids=groups,
        suspended=bool(user.get("suspended")),
    )


def ticket_facts(data: dict[str, Any]) -> TicketFacts:
    return TicketFacts(
        ticket_id=int(data["id"]),
        subject=data.get("subject"),
        channel=(data.get("via") or {}).get("channel"),
        priority=data.get("priority"),
        requester_id=data.get("requester_id"),
        group_id=data.get("group_id"),
        assignee_id=data.get("assignee_id"),
        organization_id=data.get("organization_id"),
    )


# --- one ticket per session ---------------------------------------------------------


class TicketBindings(Protocol):
    def bind(self, session_id: str, ticket_id: int) -> bool:
        """True when the session serves ``ticket_id`` (bound now or before); else False."""
        ...


class MemoryBindings:
    """Per-process bindings: with several workers and no Redis, one per worker."""

    def __init__(self, ttl: float, maxsize: int = 100_000) -> None:
        self._data: TTLCache[str, int] = TTLCache(maxsize=maxsize, ttl=ttl)
        self._lock = threading.Lock()

    def bind(self, session_id: str, ticket_id: int) -> bool:
        with self._lock:
            bound = self._data.setdefault(session_id, ticket_id)
        return bound == ticket_id


class RedisBindings:
    """Bindings shared by every worker; a Redis outage refuses context (fails closed)."""

    def __init__(self, url: str, ttl: float, client: redis.Redis | None = None) -> None:
        self._redis = client or redis.Redis.from_url(
            url, socket_timeout=0.2, socket_connect_timeout=0.2
        )
        self._ttl_ms = max(1, int(ttl * 1000))

    def bind(self, session_id: str, ticket_id: int) -> bool:
        key = f"{KEY_PREFIX}binding:{session_id}"
        try:
            self._redis.set(key, str(ticket_id), nx=True, px=self._ttl_ms)
            bound = self._redis.get(key)
        except redis.RedisError as exc:
            log.warning("session binding unavailable: %s", type(exc).__name__)
            return False
        if isinstance(bound, bytes):
            bound = bound.decode()
        return bound is not None and str(bound) == str(ticket_id)


def make_bindings(config: Config) -> TicketBindings:
    # A binding outlives any session that could use it (lifetime plus clock leeway).
    ttl = config.session_ttl + 60
    if config.redis_url:
        return RedisBindings(config.redis_url, ttl)
    return MemoryBindings(ttl)
