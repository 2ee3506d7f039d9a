"""May this Zendesk user manage shared macros? Asked of Zendesk with the app's own credentials.

The user id comes only from a verified token (the session); the role is read through
the API, never taken from the browser. Admins may; an agent whose custom role grants
``macro_access: full`` (manage every shared macro) may; everyone else may not. Verdicts
are cached briefly so a page of calls costs one lookup.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from cachetools import TTLCache

from plugin.config import Config
from plugin.zendesk.client import close_client, make_client

log = logging.getLogger(__name__)

VERDICT_TTL_SECONDS = 60.0


@dataclass(frozen=True)
class MacroRole:
    user_id: int
    name: str
    may_write: bool
    reason: str


def _lookup(config: Config, user_id: int) -> MacroRole:
    client = make_client(config)
    try:
        user = client.users(id=user_id).to_dict()
        name = str(user.get("name") or f"user {user_id}")
        role = str(user.get("role") or "")
        if user.get("suspended") or not user.get("active", True):
            return MacroRole(user_id, name, False, "this Zendesk user is suspended or inactive")
        if role == "admin":
            return MacroRole(user_id, name, True, "Zendesk admin")
        custom = user.get("custom_role_id")
        if role == "agent" and custom:
            data = client.custom_agent_roles(id=int(custom)).to_dict()
            access = (data.get("configuration") or {}).get("macro_access")
            if access == "full":
                return MacroRole(user_id, name, True, "custom role manages shared macros")
        return MacroRole(
            user_id,
            name,
            False,
            "only Zendesk admins (or roles that manage shared macros) may change macros",
        )
    finally:
        close_client(client)


class RoleCheck:
    def __init__(self, config: Config) -> None:
        self._config = config
        self._cache: TTLCache[int, MacroRole] = TTLCache(maxsize=10_000, ttl=VERDICT_TTL_SECONDS)
        self._lock = threading.Lock()

    def macro_role(self, user_id: int) -> MacroRole:
        with self._lock:
            found = self._cache.get(user_id)
        if found is None:
            found = _lookup(self._config, user_id)
            with self._lock:
                self._cache[user_id] = found
        return found
