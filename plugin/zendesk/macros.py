"""Macros through zenpy: every page of them, their reply text, and a write-back.

A macro's reply lives in its actions: ``comment_value`` (a string, or a
``[channel, text]`` pair) and ``comment_value_html``. A macro without either is listed
with ``has_reply`` False, never as an error. Its categories are the title's ``::`` path.

Faults (a long lint of thousands of macros meets them): a ``429`` is left to zenpy, which
sleeps its ``Retry-After`` within a budget sized for a background job; ``5xx`` answers,
dropped connections and read timeouts on GETs are retried by urllib3 with exponential
backoff; what still fails is raised to the caller, who keeps what it already has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry
from zenpy import Zenpy

from plugin.config import Config
from plugin.zendesk.client import ZendeskNotConfigured, credentials

JOB_TIMEOUT_SECONDS = 10.0  # per request; a slow page is waited for, a dead one retried
JOB_RATELIMIT_BUDGET = 600  # seconds a whole run may sleep on Retry-After
RETRY_STATUSES = (500, 502, 503, 504)
PAGE_SIZE = 100
BACKOFF_SECONDS = 0.5  # urllib3 doubles it per retry: 0, 1, 2, 4 s
RETRIES = 4


@dataclass(frozen=True)
class Restriction:
    kind: str  # Group | User
    ids: tuple[int, ...]


@dataclass(frozen=True)
class Macro:
    id: int
    title: str
    active: bool
    restriction: Restriction | None
    actions: tuple[dict[str, Any], ...]
    updated_at: str = ""
    description: str = ""
    categories: tuple[str, ...] = field(default=())
    text: str | None = None  # comment_value's text
    html: str | None = None  # comment_value_html

    @property
    def name(self) -> str:
        """The title's last ``::`` segment."""
        return self.title.split("::")[-1].strip()

    @property
    def has_reply(self) -> bool:
        return bool((self.text or "").strip() or (self.html or "").strip())

    @property
    def group_ids(self) -> tuple[int, ...]:
        r = self.restriction
        return r.ids if r is not None and r.kind == "Group" else ()


def comment_text(value: Any) -> str | None:
    """``comment_value`` as text: a string, or the text of a ``[channel, text]`` pair."""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple) and len(value) == 2 and isinstance(value[1], str):
        return value[1]
    return None


def _restriction(raw: Any) -> Restriction | None:
    if not isinstance(raw, dict) or not raw.get("type"):
        return None
    ids = raw.get("ids") or ([raw["id"]] if raw.get("id") is not None else [])
    return Restriction(str(raw["type"]), tuple(int(i) for i in ids))


def parse_macro(data: dict[str, Any]) -> Macro:
    """A Macro from Zendesk's JSON (``GET /api/v2/macros``'s items)."""
    actions = tuple(dict(a) for a in data.get("actions") or () if isinstance(a, dict))
    text = html = None
    for a in actions:
        if a.get("field") == "comment_value":
            text = comment_text(a.get("value"))
        elif a.get("field") == "comment_value_html" and isinstance(a.get("value"), str):
            html = a["value"]
    title = str(data.get("title") or "")
    return Macro(
        id=int(data["id"]),
        title=title,
        active=bool(data.get("active", True)),
        restriction=_restriction(data.get("restriction")),
        actions=actions,
        updated_at=str(data.get("updated_at") or ""),
        description=str(data.get("description") or ""),
        categories=tuple(p.strip() for p in title.split("::")[:-1] if p.strip()),
        text=text,
        html=html,
    )


def make_job_client(
    config: Config,
    *,
    backoff: float | None = None,
    retries: int | None = None,
    timeout: float | None = None,
) -> Zenpy:
    """A zenpy client for background work: patient with 429s, retrying 5xx and timeouts."""
    if not config.zendesk_api_configured:
        raise ZendeskNotConfigured("Zendesk API is not configured")
    retries = RETRIES if retries is None else retries
    retry = Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=BACKOFF_SECONDS if backoff is None else backoff,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET"}),  # a PUT is never repeated behind our back
        respect_retry_after_header=False,  # 429 is zenpy's, with its budget
        raise_on_status=False,  # the last 5xx reaches zenpy, which raises APIException
    )
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    creds = credentials(config)
    return Zenpy(
        subdomain=config.zendesk_subdomain,
        session=session,
        timeout=JOB_TIMEOUT_SECONDS if timeout is None else timeout,
        ratelimit_budget=JOB_RATELIMIT_BUDGET,
        disable_cache=True,
        **creds,
    )


def iter_macros(client: Zenpy) -> Iterator[Macro]:
    """Every macro the credentials can see, active and inactive, following every cursor page.

    zenpy asks for ``page[size]=100`` and follows ``links.next`` while ``meta.has_more``.
    """
    for obj in client.macros():
        yield parse_macro(obj.to_dict())


def fetch_macros(client: Zenpy, on_macro: Callable[[Macro], None] | None = None) -> list[Macro]:
    out = []
    for macro in iter_macros(client):
        out.append(macro)
        if on_macro is not None:
            on_macro(macro)
    return out


def get_macro(client: Zenpy, macro_id: int) -> Macro:
    return parse_macro(client.macros(id=macro_id).to_dict())


def put_actions(client: Zenpy, macro_id: int, actions: list[dict[str, Any]]) -> Macro:
    """``PUT /api/v2/macros/{id}`` with the whole action list (Zendesk replaces it whole)."""
    obj = client.macros(id=macro_id)
    obj.actions = actions
    updated = client.macros.update(obj)
    return parse_macro(updated.to_dict())
