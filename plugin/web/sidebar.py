"""The pages: the Zendesk sidebar (signed-URL landing), the local playground, the vendored SDK.

- ``POST /sidebar``: Zendesk's first load of a server-side app with signed URLs. The
  form field ``token`` is the only trust anchor: it is verified, then a short-lived
  session token is embedded in the page for the sidebar's API calls.
- ``GET /sidebar`` and ``GET /``: development mode, loopback callers only (the browser
  harness and the paste-a-draft playground).
- The ZAF SDK is bundled from npm into ``static/vendor/zaf_sdk.min.js`` at install
  (``npm run build:sdk``) and served as a static file, never from a CDN.
"""

from __future__ import annotations

import re

from flask import Blueprint, Response, abort, render_template, request

from plugin.config import Config
from plugin.web.security import config, dev_local

bp = Blueprint("sidebar", __name__)

# A Zendesk subdomain goes into a response header: accept only what a subdomain can be.
_SUBDOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")

# Everything the pages load comes from this origin; no inline script or style.
_BASE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'"
)
# The browser harness is a parent page on another loopback port.
_DEV_FRAME_ANCESTORS = "'self' http://127.0.0.1:* http://localhost:*"


def _page(html: str, status: int, frame_ancestors: str) -> Response:
    resp = Response(html, status=status, mimetype="text/html")
    resp.headers["Content-Security-Policy"] = f"{_BASE_CSP}; frame-ancestors {frame_ancestors}"
    resp.headers["Cache-Control"] = "no-store"  # the page may embed a session token
    resp.headers["Referrer-Policy"] = "no-referrer"
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp


def _refused(status: int = 401) -> Response:
    """A small error page that says nothing about why verification failed.

    It may be framed by the configured account only, so the agent sees it in Zendesk.
    """
    html = render_template("error.html", title="Reply Coach could not start")
    subdomain = config().zendesk_subdomain.lower()
    ancestors = f"https://{subdomain}.zendesk.com" if _SUBDOMAIN.match(subdomain) else "'none'"
    return _page(html, status, ancestors)


def _sidebar(session_token: str, mode: str, frame_ancestors: str) -> Response:
    html = render_template("sidebar.html", session_token=session_token, mode=mode)
    return _page(html, 200, frame_ancestors)


def signed_landing(location: str) -> tuple[str, str] | None:
    """Zendesk's signed-URL first load of ``location``: verify the JWT and return a fresh
    session with the frame ancestor, or None when it must be refused. Each page lands
    with its own location's token only (a nav_bar token does not open the sidebar)."""
    from plugin.zendesk.auth import AuthError, landing_session, verify_zendesk_token

    cfg = config()
    token = request.form.get("token", "")
    if not token:
        return None
    try:
        claims = verify_zendesk_token(token, cfg)
    except AuthError:
        return None
    context = claims.get("context") or {}
    if (context.get("product"), context.get("location")) != ("support", location):
        return None
    # The verifier pinned aud and iss to the configured installation and account.
    subdomain, installation_id = cfg.zendesk_subdomain.lower(), cfg.zendesk_app_installation_id
    if not _SUBDOMAIN.match(subdomain) or not installation_id:
        return None
    # The same landing token always yields the same session (a replay gets no second one).
    return landing_session(cfg, token, claims), f"https://{subdomain}.zendesk.com"


@bp.post("/sidebar")
def sidebar_signed() -> Response:
    """Zendesk's signed-URL first load: verify the JWT, embed a fresh session."""
    landed = signed_landing("ticket_sidebar")
    return _refused() if landed is None else _sidebar(landed[0], "zendesk", landed[1])


@bp.get("/sidebar")
def sidebar_dev() -> Response:
    """The sidebar for the browser harness: development mode on loopback only."""
    if not dev_local():
        abort(404)
    return _sidebar(_dev_session(config()), "dev", _DEV_FRAME_ANCESTORS)


def _dev_session(cfg: Config) -> str:
    """A real session token when a secret is set; else none (dev loopback needs none)."""
    if not cfg.secret_key:
        return ""
    from plugin.zendesk.auth import issue_session

    return issue_session(
        cfg,
        subdomain=cfg.zendesk_subdomain or "dev",
        installation_id=cfg.zendesk_app_installation_id or "0",
        user_id=None,
    )


@bp.get("/")
def playground() -> Response:
    """Paste-a-draft playground: development mode on loopback only."""
    if not dev_local():
        abort(404)
    return _page(render_template("playground.html"), 200, "'none'")
