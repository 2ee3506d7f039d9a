"""Context only for what the caller may see: the API over real HTTP against recorded Zendesk.

A sidebar session serves one ticket (the first it asks about), reads that ticket's own
requester, and, when Zendesk named the agent, only a ticket the agent can see. Unknown
and forbidden ids answer the same way.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest
from flask import Flask
from recording_server import Customer, RecordingServer, compose_customer, load_object
from signing_keys import PUBLIC_PEM

from plugin import create_app
from plugin.zendesk.auth import issue_session, verify_session
from plugin.zendesk.context import NOTE_NO_CONTEXT

DRAFT = "Hello,\n\nThanks for writing in. I've checked your order and I'll send an update today.\n"
OTHER_TICKET, OTHER_REQUESTER = 502, 8002
AGENT, GROUP = 9100, 4400
PERSONAL = ("María", "García", "Globex", "Refund still missing")


@pytest.fixture
def live_customer(zendesk: RecordingServer) -> Customer:
    customer = compose_customer(zendesk, datetime.now(UTC))
    # Another customer's ticket on the same account, in another group, assigned elsewhere.
    ticket = load_object("ticket") | {
        "id": OTHER_TICKET,
        "subject": "Invoice copy",
        "requester_id": OTHER_REQUESTER,
        "group_id": GROUP + 1,
        "assignee_id": 1,
        "organization_id": None,
    }
    zendesk.json(f"/api/v2/tickets/{OTHER_TICKET}.json", {"ticket": ticket})
    user = load_object("user") | {"id": OTHER_REQUESTER, "name": "Olaf Other", "tags": []}
    zendesk.json(f"/api/v2/users/{OTHER_REQUESTER}.json", {"user": user})
    zendesk.json(
        f"/api/v2/users/{OTHER_REQUESTER}/tickets/requested.json?include=None&page[size]=100",
        {"tickets": [], "meta": {"has_more": False}, "links": {"next": None}},
    )
    return customer


@pytest.fixture
def prod_app(zendesk: RecordingServer) -> Flask:
    return create_app(
        {
            "dev": False,
            "secret_key": "a-long-enough-secret-for-hs256-sessions!",
            "zendesk_subdomain": "acme",
            "zendesk_email": "agent@example.com",
            "zendesk_api_token": "test-token",
            "zendesk_app_public_key": PUBLIC_PEM,
            "zendesk_app_installation_id": "42",
            "zendesk_budget_seconds": 2.0,
        }
    )


def session(app: Flask, user_id: str | None = None) -> str:
    cfg = app.extensions["coach_config"]
    return issue_session(cfg, subdomain="acme", installation_id="42", user_id=user_id)


def check(app: Flask, token: str, **ids: int) -> dict[str, Any]:
    res = app.test_client().post(
        "/api/v1/check",
        json={"draft": DRAFT, "customer_message": "Where is it?", **ids},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert res.status_code == 200, res.get_data(as_text=True)
    body: dict[str, Any] = res.get_json()
    return body


def context_part(review: dict[str, Any]) -> tuple[Any, ...]:
    """What a review says about the customer (everything but the draft's own findings)."""
    return (review["hints"], review["notes"], review["categories"]["personalization"])


def test_one_session_serves_only_the_first_ticket_it_asked_about(
    prod_app: Flask, live_customer: Customer, zendesk: RecordingServer
) -> None:
    token = session(prod_app)
    first = check(prod_app, token, ticket_id=live_customer.ticket_id)
    assert first["hints"] and first["notes"] == []

    other = check(prod_app, token, ticket_id=OTHER_TICKET)
    assert (other["hints"], other["notes"]) == ([], [NOTE_NO_CONTEXT])
    assert "Olaf" not in str(other)
    assert not zendesk.hits(f"/api/v2/tickets/{OTHER_TICKET}.json")  # not even asked
    # The bound ticket keeps working for its session; a new session may open the other.
    assert check(prod_app, token, ticket_id=live_customer.ticket_id)["hints"]
    assert check(prod_app, session(prod_app), ticket_id=OTHER_TICKET)["notes"] == []


def test_unknown_and_forbidden_ids_answer_identically(
    prod_app: Flask, live_customer: Customer
) -> None:
    bound = session(prod_app)
    check(prod_app, bound, ticket_id=live_customer.ticket_id)
    forbidden = check(prod_app, bound, ticket_id=OTHER_TICKET)
    unknown = check(prod_app, session(prod_app), ticket_id=999_999)
    wrong_requester = check(
        prod_app, session(prod_app), ticket_id=OTHER_TICKET, requester_id=live_customer.user_id
    )
    assert context_part(forbidden) == context_part(unknown) == context_part(wrong_requester)
    assert unknown["notes"] == [NOTE_NO_CONTEXT]


def test_a_requester_is_read_only_through_its_own_ticket(
    prod_app: Flask, live_customer: Customer, zendesk: RecordingServer
) -> None:
    alone = check(prod_app, session(prod_app), requester_id=live_customer.user_id)
    mismatched = check(
        prod_app, session(prod_app), ticket_id=OTHER_TICKET, requester_id=live_customer.user_id
    )
    for review in (alone, mismatched):
        assert review["hints"] == [] and review["notes"] == [NOTE_NO_CONTEXT]
        assert not any(word in str(review) for word in PERSONAL)
    assert not zendesk.hits(f"/api/v2/users/{live_customer.user_id}")
    matching = check(
        prod_app,
        session(prod_app),
        ticket_id=live_customer.ticket_id,
        requester_id=live_customer.user_id,
    )
    assert {"greet_first_name", "vip"} <= {h["id"] for h in matching["hints"]}


def test_sessions_are_unique_even_within_one_second(prod_app: Flask) -> None:
    cfg = prod_app.extensions["coach_config"]
    tokens = {session(prod_app) for _ in range(20)}
    assert len(tokens) == 20
    assert len({verify_session(t, cfg).session_id for t in tokens}) == 20


def _agent(zendesk: RecordingServer, restriction: str | None, role: str = "agent") -> None:
    user = load_object("user") | {
        "id": AGENT,
        "role": role,
        "ticket_restriction": restriction,
        "organization_id": None,
        "suspended": False,
    }
    zendesk.json(f"/api/v2/users/{AGENT}.json", {"user": user})
    membership = {"id": 1, "user_id": AGENT, "group_id": GROUP, "default": True}
    zendesk.json(
        f"/api/v2/users/{AGENT}/group_memberships.json?include=None&page[size]=100",
        {"group_memberships": [membership], "meta": {"has_more": False}, "links": {"next": None}},
    )


def _in_group(zendesk: RecordingServer, ticket_id: int, group: int) -> None:
    path = f"/api/v2/tickets/{ticket_id}.json"
    body = copy.deepcopy(load_object("ticket")) | {
        "id": ticket_id,
        "requester_id": OTHER_REQUESTER,
        "group_id": group,
        "assignee_id": 1,
    }
    zendesk.json(path, {"ticket": body})


@pytest.mark.parametrize(
    ("restriction", "role", "group", "sees"),
    [
        (None, "agent", GROUP + 1, True),  # an unrestricted agent sees every ticket
        ("groups", "agent", GROUP, True),
        ("groups", "agent", GROUP + 1, False),
        ("assigned", "agent", GROUP, False),
        (None, "admin", GROUP + 1, True),
        (None, "end-user", GROUP, False),
    ],
)
def test_a_named_agent_gets_context_only_for_tickets_zendesk_lets_them_see(
    prod_app: Flask,
    live_customer: Customer,
    zendesk: RecordingServer,
    restriction: str | None,
    role: str,
    group: int,
    sees: bool,
) -> None:
    _agent(zendesk, restriction, role)
    _in_group(zendesk, OTHER_TICKET, group)
    token = session(prod_app, str(AGENT))
    review = check(prod_app, token, ticket_id=OTHER_TICKET)
    assert (review["notes"] == []) is sees
    assert ("Olaf" in str(review["hints"])) is sees
    if not sees:
        assert review["notes"] == [NOTE_NO_CONTEXT]
        assert not zendesk.hits(f"/api/v2/users/{OTHER_REQUESTER}.json")
    # Asked again, the cached facts give the same verdict without asking Zendesk.
    calls = len(zendesk.hits())
    assert context_part(check(prod_app, token, ticket_id=OTHER_TICKET)) == context_part(review)
    assert len(zendesk.hits()) == calls
