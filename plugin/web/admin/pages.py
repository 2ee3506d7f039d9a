"""The console page: Zendesk's signed-URL landing, or development mode on loopback."""

from __future__ import annotations

from flask import Response, abort, render_template, request

from plugin.web.admin import pages_bp
from plugin.web.security import config, dev_local
from plugin.web.sidebar import _DEV_FRAME_ANCESTORS, _SUBDOMAIN, _dev_session, _page, _refused

NAV_BAR = ("support", "nav_bar")


def _console(session_token: str, mode: str, frame_ancestors: str) -> Response:
    html = render_template("admin/console.html", session_token=session_token, mode=mode)
    return _page(html, 200, frame_ancestors)


@pages_bp.post("")
def console_signed() -> Response:
    """The nav_bar location's first load: verify Zendesk's JWT, embed a fresh session."""
    from plugin.zendesk.auth import AuthError, landing_session, verify_zendesk_token

    cfg = config()
    token = request.form.get("token", "")
    if not token:
        return _refused()
    try:
        claims = verify_zendesk_token(token, cfg)
    except AuthError:
        return _refused()
    context = claims.get("context") or {}
    if (context.get("product"), context.get("location")) != NAV_BAR:
        return _refused()  # a sidebar token does not open the console
    subdomain = cfg.zendesk_subdomain.lower()
    if not _SUBDOMAIN.match(subdomain) or not cfg.zendesk_app_installation_id:
        return _refused()
    session = landing_session(cfg, token, claims)
    return _console(session, "zendesk", f"https://{subdomain}.zendesk.com")


@pages_bp.get("")
def console_dev() -> Response:
    """Development mode on loopback: the same console, acting as a local admin."""
    if not dev_local():
        abort(404)
    return _console(_dev_session(config()), "dev", _DEV_FRAME_ANCESTORS)
