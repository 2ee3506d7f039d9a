"""Personal-touch hints from what Zendesk tells us about the customer.

Pure: ``hints(ctx, now)`` depends only on its arguments, so the same context and
clock give the same hints (the sidebar and the tests rely on that).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from plugin.coach.markup import clean_external
from plugin.coach.model import CustomerContext, Hint, PastTicket

REPEAT_WINDOW = timedelta(days=7)
BAD_RATING_WINDOW = timedelta(days=30)
URGENT_PRIORITIES = frozenset({"urgent", "high"})
VIP_WORDS = frozenset({"vip", "key_account", "keyaccount", "strategic", "premium"})

# Zendesk's legacy ``time_zone`` holds Rails (ActiveSupport) names; ``iana_time_zone``
# is preferred, this covers the common Rails names when only those are known.
_RAILS_ZONES: dict[str, str] = {
    "Pacific Time (US & Canada)": "America/Los_Angeles",
    "Mountain Time (US & Canada)": "America/Denver",
    "Central Time (US & Canada)": "America/Chicago",
    "Eastern Time (US & Canada)": "America/New_York",
    "Arizona": "America/Phoenix",
    "Alaska": "America/Juneau",
    "Hawaii": "Pacific/Honolulu",
    "Atlantic Time (Canada)": "America/Halifax",
    "Brasilia": "America/Sao_Paulo",
    "UTC": "Etc/UTC",
    "London": "Europe/London",
    "Dublin": "Europe/Dublin",
    "Lisbon": "Europe/Lisbon",
    "Amsterdam": "Europe/Amsterdam",
    "Berlin": "Europe/Berlin",
    "Paris": "Europe/Paris",
    "Madrid": "Europe/Madrid",
    "Rome": "Europe/Rome",
    "Stockholm": "Europe/Stockholm",
    "Warsaw": "Europe/Warsaw",
    "Athens": "Europe/Athens",
    "Moscow": "Europe/Moscow",
    "Mumbai": "Asia/Kolkata",
    "New Delhi": "Asia/Kolkata",
    "Beijing": "Asia/Shanghai",
    "Singapore": "Asia/Singapore",
    "Tokyo": "Asia/Tokyo",
    "Seoul": "Asia/Seoul",
    "Sydney": "Australia/Sydney",
    "Melbourne": "Australia/Melbourne",
    "Auckland": "Pacific/Auckland",
}

_LANGUAGES: dict[str, str] = {
    "de": "German",
    "es": "Spanish",
    "fr": "French",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
    "sv": "Swedish",
    "da": "Danish",
    "fi": "Finnish",
    "no": "Norwegian",
    "nb": "Norwegian",
    "tr": "Turkish",
    "zh": "Chinese",
    "ar": "Arabic",
    "he": "Hebrew",
}

# Reply/forward prefixes in the languages Zendesk mail commonly carries, and ticket refs.
_SUBJECT_PREFIX = re.compile(
    r"^\s*(?:(?:re|fwd?|aw|wg|sv|antw|tr|rv|vs)\s*(?:\[\d+\])?\s*:\s*)+", re.I
)
_TICKET_REF = re.compile(r"\[?#\d+\]?|\(\s*#?\d+\s*\)")
_NON_WORD = re.compile(r"[^\w]+")


def hints(ctx: CustomerContext, now: datetime) -> tuple[Hint, ...]:
    """Hints for this customer at ``now``, most important first."""
    now = _aware(now)
    found = (
        _priority(ctx),
        _bad_rating(ctx, now),
        _repeat_contact(ctx, now),
        _vip(ctx),
        _local_time(ctx, now),
        _locale(ctx),
        _greet_first_name(ctx),
    )
    return tuple(h for h in found if h is not None)


def sanitized(ctx: CustomerContext) -> CustomerContext:
    """``ctx`` with every text field from Zendesk cleaned (``markup.clean_external``):
    no bidirectional controls, tags, quotes or placeholder braces can reach a hint or
    a suggestion, and a blank name is no name."""
    first = clean_external(ctx.first_name)
    return dataclasses.replace(
        ctx,
        name=clean_external(ctx.name),
        first_name=first.split()[0] if first else None,
        locale=clean_external(ctx.locale),
        time_zone=clean_external(ctx.time_zone),
        tags=tuple(t for t in map(clean_external, ctx.tags) if t),
        organization=clean_external(ctx.organization),
        ticket_subject=clean_external(ctx.ticket_subject),
        channel=clean_external(ctx.channel),
        priority=clean_external(ctx.priority),
        recent_tickets=tuple(
            dataclasses.replace(t, subject=clean_external(t.subject) or "")
            for t in ctx.recent_tickets
        ),
    )


def normalise_subject(subject: str) -> str:
    """``"Re: Fwd: [#12] Refund   missing!"`` -> ``"refund missing"``."""
    text = _SUBJECT_PREFIX.sub("", subject)
    text = _TICKET_REF.sub(" ", text)
    text = _SUBJECT_PREFIX.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text.lower()).replace("_", " ").split())


def resolve_zone(name: str | None) -> ZoneInfo | None:
    """An IANA zone from an IANA or Rails name; None when unknown."""
    if not name:
        return None
    for candidate in (name, _RAILS_ZONES.get(name)):
        if candidate:
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _first_name(ctx: CustomerContext) -> str | None:
    if ctx.first_name and ctx.first_name.strip():
        return ctx.first_name.strip()
    if not ctx.name or "@" in ctx.name:
        return None  # Zendesk falls back to the email address as the name
    first = ctx.name.split()[0] if ctx.name.split() else ""
    return first if first[:1].isalpha() else None


def _greet_first_name(ctx: CustomerContext) -> Hint | None:
    first = _first_name(ctx)
    if first is None:
        return None
    return Hint(
        id="greet_first_name",
        message=f"Greet {first} by first name.",
        why="Using the customer's name shows a person, not a queue, is answering.",
        wording=f"Hi {first},",
    )


def _ordinal(n: int) -> str:
    words = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh"}
    if n in words:
        return words[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _recent(tickets: tuple[PastTicket, ...], now: datetime, window: timedelta) -> list[PastTicket]:
    return [t for t in tickets if now - window <= _aware(t.created_at) <= now]


def _repeat_contact(ctx: CustomerContext, now: datetime) -> Hint | None:
    others = [t for t in _recent(ctx.recent_tickets, now, REPEAT_WINDOW) if t.id != ctx.ticket_id]
    subject = normalise_subject(ctx.ticket_subject or "")
    same = [t for t in others if subject and normalise_subject(t.subject) == subject]
    # One earlier ticket on the same subject is already a repeat; unrelated ones need two.
    if same:
        n, about = len(same) + 1, " about the same issue"
        refs = same
    elif len(others) >= 2:
        n, about = len(others) + 1, ""
        refs = others
    else:
        return None
    ids = ", ".join(f"#{t.id}" for t in sorted(refs, key=lambda t: t.id))
    return Hint(
        id="repeat_contact",
        message=f"{_ordinal(n).capitalize()} contact in 7 days{about}: acknowledge the repeat.",
        why=f"Earlier tickets {ids}. Customers who must repeat themselves expect "
        "you to know the history; saying so first lowers frustration.",
        wording="I can see you've been in touch about this before, and I'm sorry "
        "it still isn't sorted. Let's get it fixed this time.",
    )


def _bad_rating(ctx: CustomerContext, now: datetime) -> Hint | None:
    if ctx.last_rating != "bad":
        return None
    when = ""
    if ctx.last_rating_at is not None:
        age = now - _aware(ctx.last_rating_at)
        if age > BAD_RATING_WINDOW:
            return None
        days = max(age.days, 0)
        when = " today" if days == 0 else f" {days} day{'s' if days != 1 else ''} ago"
    on = f" on #{ctx.last_rating_ticket_id}" if ctx.last_rating_ticket_id else ""
    return Hint(
        id="bad_rating",
        message=f"Last rating was bad{on}{when}.",
        why="A recent bad experience colours this one; recognising it rebuilds trust.",
        wording="I saw your last experience with us wasn't what it should have been. "
        "I want to make this one better.",
    )


def _local_time(ctx: CustomerContext, now: datetime) -> Hint | None:
    zone = resolve_zone(ctx.time_zone)
    if zone is None:
        return None
    local = now.astimezone(zone)
    clock = local.strftime("%H:%M")
    if local.hour >= 21:
        phrase, why = "tomorrow morning your time", "evening"
    elif local.hour < 6:
        phrase, why = "later this morning your time", "night"
    elif local.hour < 8:
        phrase, why = "later today your time", "early morning"
    else:
        return None
    return Hint(
        id="local_time",
        message=f"It is {clock} for the customer: say '{phrase}'.",
        why=f"It is {why} in {zone.key}; promise times in the customer's day, not ours.",
        wording=f"We'll update you {phrase}.",
    )


def _tokens(text: str) -> set[str]:
    return set(_NON_WORD.sub(" ", text.lower()).split())


def _vip(ctx: CustomerContext) -> Hint | None:
    tag = next(
        (t for t in ctx.tags if t.lower() in VIP_WORDS or "vip" in _tokens(t.replace("_", " "))),
        None,
    )
    org_vip = ctx.organization is not None and "vip" in _tokens(ctx.organization)
    if tag is None and not org_vip:
        return None
    source = f"tag '{tag}'" if tag else f"organization '{ctx.organization}'"
    return Hint(
        id="vip",
        message=f"VIP customer ({source}).",
        why="Key accounts expect a named owner and a firm next step.",
        wording="I'm looking after this personally and will update you as soon as I know more.",
    )


def _priority(ctx: CustomerContext) -> Hint | None:
    priority = (ctx.priority or "").lower()
    if priority not in URGENT_PRIORITIES:
        return None
    return Hint(
        id="priority",
        message=f"{priority.capitalize()} priority: give a concrete time for the next update.",
        why="On urgent issues, a committed time matters more than a polished explanation.",
        wording="I'll update you by <time> today, even if we're still working on it.",
    )


def _locale(ctx: CustomerContext) -> Hint | None:
    locale = (ctx.locale or "").strip()
    if not locale:
        return None
    code = locale.replace("_", "-").split("-")[0].lower()
    if code == "en":
        return None
    language = _LANGUAGES.get(code)
    return Hint(
        id="locale",
        message=f"Customer's language is {language} ({locale})."
        if language
        else f"Customer's locale is {locale}, not English.",
        why="Short, plain sentences without idioms survive translation and "
        "second-language reading; reply in their language if your team can.",
        wording=None,
    )
