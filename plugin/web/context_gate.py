"""The Zendesk context service as the API sees it: scoped to the caller's session.

``api.py`` asks ``get(ticket_id, requester_id)``; this adds who is asking, from what
``security.require_session`` verified. The development-mode operator on loopback asks
as the operator (they hold the Zendesk credentials anyway); anyone else without a
verified session gets no context.
"""

from __future__ import annotations

from flask import g

from plugin.zendesk.access import Caller
from plugin.zendesk.context import NO_CONTEXT, ContextResult, ContextService


class SessionScopedContext:
    def __init__(self, service: ContextService) -> None:
        self._service = service

    def get(self, ticket_id: int | None, requester_id: int | None) -> ContextResult:
        session = g.get("session")
        if session is None:
            if g.get("dev_operator"):
                return self._service.get(ticket_id, requester_id, caller=None)
            return NO_CONTEXT
        user = session.user_id
        caller = Caller(
            session_id=session.session_id,
            user_id=int(user) if user and user.isdigit() else None,
        )
        return self._service.get(ticket_id, requester_id, caller=caller)
