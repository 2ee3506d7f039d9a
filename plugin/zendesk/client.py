"""Build a zenpy client from ``Config`` with bounded waiting.

zenpy 2.0.57 honours ``429 Retry-After`` by sleeping and retrying, charging each
second to ``ratelimit_budget`` (per client, never refilled) and raising
``RatelimitBudgetExceeded`` once it is spent. So: one client per fetch (a fresh
budget), a small budget, and a response hook that refuses to sleep at all when
Zendesk asks for longer than the budget (waiting 4 s to then fail helps nobody).
"""

from __future__ import annotations

from typing import Any

import requests
from zenpy import Zenpy
from zenpy.lib.exception import RatelimitBudgetExceeded

from plugin.config import Config

TIMEOUT_SECONDS = 3.0  # per HTTP request; the fast lane stops waiting much earlier
RATELIMIT_BUDGET_SECONDS = 3  # zenpy raises once budget - seconds slept < 1


class ZendeskNotConfigured(RuntimeError):
    """No subdomain or credentials: the Zendesk adapter is off."""


def credentials(config: Config) -> dict[str, str]:
    """zenpy's keyword arguments for the configured API credentials (OAuth wins)."""
    if config.zendesk_oauth_token:
        return {"oauth_token": config.zendesk_oauth_token}
    return {"email": config.zendesk_email, "token": config.zendesk_api_token}


def _refuse_long_retry_after(response: requests.Response, *args: Any, **kwargs: Any) -> None:
    if response.status_code != 429:
        return
    try:
        wait = int(response.headers.get("Retry-After", "0"))
    except ValueError:
        wait = RATELIMIT_BUDGET_SECONDS  # unparseable: treat as too long
    if wait > RATELIMIT_BUDGET_SECONDS - 1:
        raise RatelimitBudgetExceeded(f"Zendesk asked to wait {wait}s")


def make_client(config: Config) -> Zenpy:
    """A new zenpy client (email + API token, or OAuth token), caching disabled.

    Raises ``ZendeskNotConfigured`` when the account or credentials are missing.
    """
    if not config.zendesk_api_configured:
        raise ZendeskNotConfigured("Zendesk API is not configured")
    session = requests.Session()
    session.hooks["response"].append(_refuse_long_retry_after)
    creds = credentials(config)
    return Zenpy(
        subdomain=config.zendesk_subdomain,
        session=session,
        timeout=TIMEOUT_SECONDS,
        ratelimit_budget=RATELIMIT_BUDGET_SECONDS,
        disable_cache=True,  # we cache ourselves, with a TTL
        **creds,
    )


def close_client(client: Zenpy) -> None:
    """Release the client's connections (zenpy has no close(); its APIs share one session)."""
    client.users.session.close()
