"""The macro authors' page: lint every macro, read the worst first, write chosen fixes back.

``GET /admin/macros`` is a static shell: every datum comes from the macro API with the
session token, so the page itself holds no account data.

- Development mode on loopback: the page carries a development session, like the playground.
- Otherwise the admin console (the app's ``nav_bar`` location, signed-URL landing) links
  here with its session in the URL fragment, which never reaches a server or a log; the
  page keeps it for the tab only and strips it from the address bar.
"""

from __future__ import annotations

from flask import Blueprint, Response, render_template

from plugin.web.security import config, dev_local
from plugin.web.sidebar import _DEV_FRAME_ANCESTORS, _SUBDOMAIN, _dev_session, _page

bp = Blueprint("macros_page", __name__)


@bp.get("/admin/macros")
def macros_page() -> Response:
    if dev_local():
        html = render_template("macros.html", session_token=_dev_session(config()), mode="dev")
        return _page(html, 200, _DEV_FRAME_ANCESTORS)
    subdomain = config().zendesk_subdomain.lower()
    ancestors = f"https://{subdomain}.zendesk.com" if _SUBDOMAIN.match(subdomain) else "'none'"
    html = render_template("macros.html", session_token="", mode="zendesk")
    return _page(html, 200, ancestors)
