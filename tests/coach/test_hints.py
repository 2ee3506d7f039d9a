from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from plugin.coach.hints import hints, normalise_subject, resolve_zone
from plugin.coach.model import CustomerContext, Hint, PastTicket

NOW = datetime(2024, 3, 12, 15, 0, tzinfo=UTC)  # a Tuesday, 15:00 UTC


def ctx(**kw: object) -> CustomerContext:
    return CustomerContext(**kw)  # type: ignore[arg-type]


def past(id: int, subject: str, days_ago: float, satisfaction: str | None = None) -> PastTicket:
    return PastTicket(
        id=id, subject=subject, created_at=NOW - timedelta(days=days_ago), satisfaction=satisfaction
    )


def by_id(result: tuple[Hint, ...]) -> dict[str, Hint]:
    return {h.id: h for h in result}


def test_empty_context_gives_no_hints() -> None:
    assert hints(CustomerContext(), NOW) == ()


def test_every_hint_has_a_reason() -> None:
    full = ctx(
        name="Anna Schmidt",
        locale="de",
        time_zone="Europe/Berlin",
        tags=("vip",),
        priority="urgent",
        ticket_id=9,
        ticket_subject="Refund",
        recent_tickets=(past(5, "Refund", 2), past(6, "Re: refund", 1)),
        last_rating="bad",
        last_rating_ticket_id=5,
        last_rating_at=NOW - timedelta(days=1),
    )
    result = hints(full, NOW)
    assert [h.id for h in result] == [
        "priority",
        "bad_rating",
        "repeat_contact",
        "vip",
        "locale",
        "greet_first_name",
    ]
    assert all(h.message and h.why for h in result)


@pytest.mark.parametrize(
    ("kw", "wording"),
    [
        ({"first_name": "Anna", "name": "Anna Schmidt"}, "Hi Anna,"),
        ({"name": "Anna Schmidt"}, "Hi Anna,"),
        ({"name": "  José   María "}, "Hi José,"),
        ({"name": "anna@example.com"}, None),  # Zendesk uses the email when no name is known
        ({"name": "123 Corp"}, None),
        ({}, None),
    ],
)
def test_greet_first_name(kw: dict[str, object], wording: str | None) -> None:
    hint = by_id(hints(ctx(**kw), NOW)).get("greet_first_name")
    assert (hint.wording if hint else None) == wording


@pytest.mark.parametrize(
    ("subject", "tickets", "message"),
    [
        # two earlier tickets on the same subject, "Re:"/"Fwd:" and case ignored
        (
            "Refund missing",
            [past(1, "Re: refund missing", 3), past(2, "FWD: Refund missing!", 1)],
            "Third contact in 7 days about the same issue: acknowledge the repeat.",
        ),
        (
            "Refund missing",
            [past(1, "[#88] AW: Refund  missing", 6)],
            "Second contact in 7 days about the same issue: acknowledge the repeat.",
        ),
        # unrelated subjects need two earlier tickets
        ("Refund missing", [past(1, "Password reset", 2)], None),
        (
            "Refund missing",
            [past(1, "Password reset", 2), past(2, "Invoice", 4)],
            "Third contact in 7 days: acknowledge the repeat.",
        ),
        # outside the 7-day window
        ("Refund missing", [past(1, "Refund missing", 8), past(2, "Refund missing", 30)], None),
        # the current ticket itself does not count
        ("Refund missing", [past(10, "Refund missing", 0.1)], None),
    ],
)
def test_repeat_contact(subject: str, tickets: list[PastTicket], message: str | None) -> None:
    c = ctx(ticket_id=10, ticket_subject=subject, recent_tickets=tuple(tickets))
    hint = by_id(hints(c, NOW)).get("repeat_contact")
    assert (hint.message if hint else None) == message


def test_repeat_contact_names_the_earlier_tickets() -> None:
    c = ctx(
        ticket_id=10,
        ticket_subject="Refund",
        recent_tickets=(past(7, "Re: Refund", 1), past(3, "refund", 2)),
    )
    hint = by_id(hints(c, NOW))["repeat_contact"]
    assert "#3, #7" in hint.why
    assert hint.wording


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("Re: Re: Fwd: Refund missing", "refund missing"),
        ("AW: [#123] Login   broken!!", "login broken"),
        ("SV: Rechnung (#77)", "rechnung"),
        ("Regarding: my order", "regarding my order"),
        ("", ""),
    ],
)
def test_normalise_subject(raw: str, normal: str) -> None:
    assert normalise_subject(raw) == normal


@pytest.mark.parametrize(
    ("rating", "ticket", "days_ago", "message"),
    [
        ("bad", 123, 2, "Last rating was bad on #123 2 days ago."),
        ("bad", 123, 0, "Last rating was bad on #123 today."),
        ("bad", 123, 1, "Last rating was bad on #123 1 day ago."),
        ("bad", None, None, "Last rating was bad."),
        ("bad", 123, 45, None),  # too old to matter
        ("good", 123, 1, None),
        (None, None, None, None),
    ],
)
def test_bad_rating(
    rating: str | None, ticket: int | None, days_ago: int | None, message: str | None
) -> None:
    at = NOW - timedelta(days=days_ago, hours=1) if days_ago is not None else None
    c = ctx(last_rating=rating, last_rating_ticket_id=ticket, last_rating_at=at)
    hint = by_id(hints(c, NOW)).get("bad_rating")
    assert (hint.message if hint else None) == message


@pytest.mark.parametrize(
    ("zone", "utc_time", "message"),
    [
        # 06:10 UTC in March = 23:10 PDT the day before
        (
            "America/Los_Angeles",
            "06:10",
            "It is 23:10 for the customer: say 'tomorrow morning your time'.",
        ),
        (
            "Pacific Time (US & Canada)",
            "06:10",  # Rails name from the legacy field
            "It is 23:10 for the customer: say 'tomorrow morning your time'.",
        ),
        (
            "Asia/Tokyo",
            "18:30",
            "It is 03:30 for the customer: say 'later this morning your time'.",
        ),
        ("Europe/Berlin", "05:45", "It is 06:45 for the customer: say 'later today your time'."),
        ("Europe/Berlin", "12:00", None),  # office hours: nothing to say
        ("Not/AZone", "06:10", None),
        (None, "06:10", None),
    ],
)
def test_local_time(zone: str | None, utc_time: str, message: str | None) -> None:
    hour, minute = map(int, utc_time.split(":"))
    now = NOW.replace(hour=hour, minute=minute)
    hint = by_id(hints(ctx(time_zone=zone), now)).get("local_time")
    assert (hint.message if hint else None) == message


def test_local_time_accepts_naive_now_as_utc() -> None:
    naive = datetime(2024, 3, 12, 6, 10)
    hint = by_id(hints(ctx(time_zone="America/Los_Angeles"), naive))["local_time"]
    assert "23:10" in hint.message


def test_resolve_zone_prefers_iana_and_maps_rails_names() -> None:
    assert resolve_zone("Europe/Berlin") is not None
    assert getattr(resolve_zone("Eastern Time (US & Canada)"), "key", None) == "America/New_York"
    assert resolve_zone("../etc/passwd") is None
    assert resolve_zone("") is None


@pytest.mark.parametrize(
    ("tags", "org", "message"),
    [
        (("vip",), None, "VIP customer (tag 'vip')."),
        (("gold", "VIP_customer"), None, "VIP customer (tag 'VIP_customer')."),
        (("key_account",), None, "VIP customer (tag 'key_account')."),
        ((), "ACME VIP Accounts", "VIP customer (organization 'ACME VIP Accounts')."),
        (("vipassana",), "Vipers Ltd", None),  # substrings are not the word
        ((), None, None),
    ],
)
def test_vip(tags: tuple[str, ...], org: str | None, message: str | None) -> None:
    hint = by_id(hints(ctx(tags=tags, organization=org), NOW)).get("vip")
    assert (hint.message if hint else None) == message


@pytest.mark.parametrize(
    ("priority", "message"),
    [
        ("urgent", "Urgent priority: give a concrete time for the next update."),
        ("high", "High priority: give a concrete time for the next update."),
        ("normal", None),
        ("low", None),
        (None, None),
    ],
)
def test_priority(priority: str | None, message: str | None) -> None:
    hint = by_id(hints(ctx(priority=priority), NOW)).get("priority")
    assert (hint.message if hint else None) == message


@pytest.mark.parametrize(
    ("locale", "message"),
    [
        ("de", "Customer's language is German (de)."),
        ("pt-BR", "Customer's language is Portuguese (pt-BR)."),
        ("xx-YY", "Customer's locale is xx-YY, not English."),
        ("en-US", None),
        ("en-gb", None),
        ("EN", None),
        (None, None),
    ],
)
def test_locale(locale: str | None, message: str | None) -> None:
    hint = by_id(hints(ctx(locale=locale), NOW)).get("locale")
    assert (hint.message if hint else None) == message


def test_deterministic_for_the_same_now() -> None:
    c = ctx(
        name="Ann Lee", time_zone="Asia/Tokyo", recent_tickets=(past(1, "x", 1), past(2, "y", 2))
    )
    assert hints(c, NOW) == hints(c, NOW)
