"""Macros for the tests, in the recorded macro's shape, with reply texts of our own."""

from __future__ import annotations

from typing import Any

from recording_server import load_object

REPLIES = (
    "Hi {{ticket.requester.first_name}},\n\nThanks for writing in. I have reset the link "
    "for you, so you can sign in again now. If it still fails, reply here and I will look "
    "at it with you.\n\nBest,\n{{current_user.first_name}}",
    "Your request has been received. It will be processed in accordance with policy.",
    "{% if ticket.requester.first_name %}Hi {{ticket.requester.first_name}},{% else %}Hello,"
    "{% endif %}\n\nWe shipped your parcel today. Track it here: {{dc.tracking_help}}",
)


def macro(n: int, **kw: Any) -> dict[str, Any]:
    m = load_object("macro")
    m.update(
        id=900_000 + n,
        url=f"https://acme.zendesk.com/api/v2/macros/{900_000 + n}.json",
        title=f"Billing::Refunds::Reply {n}",
        active=n % 5 != 0,
        restriction={"type": "Group", "id": 42, "ids": [42]} if n % 3 == 0 else None,
        actions=[
            {"field": "status", "value": "pending"},
            {"field": "comment_value", "value": REPLIES[n % len(REPLIES)]},
        ],
    )
    m.update(kw)
    return m


def macros(count: int) -> list[dict[str, Any]]:
    return [macro(n) for n in range(count)]
