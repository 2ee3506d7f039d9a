"""The console page: Zendesk's signed-URL landing, or development mode on loopback."""

from __future__ import annotations

from flask import Response, abort, render_template

from plugin.web.admin import pages_bp
from plugin.web.security import config, dev_local
from plugin.web.sidebar import (
    _DEV_FRAME_ANCESTORS,
    _dev_session,
    _page,
    _refused,
    signed_landing,
)

NAV_BAR = ("support", "nav_bar")


def _console(session_token: str, mode: str, frame_ancestors: str) -> Response:
    html = render_template("admin/console.html", session_token=session_token, mode=mode)
    return _page(html, 200, frame_ancestors)


@pages_bp.post("")
def console_signed() -> Response:
    """The nav_bar location's first load: verify Zendesk's JWT, embed a fresh session."""
    landed = signed_landing(NAV_BAR[1])
    return _refused() if landed is None else _console(landed[0], "zendesk", landed[1])


@pages_bp.get("")
def console_dev() -> Response:
    """Development mode on loopback: the same console, acting as a local admin."""
    if not dev_local():
        abort(404)
    return _console(_dev_session(config()), "dev", _DEV_FRAME_ANCESTORS)
