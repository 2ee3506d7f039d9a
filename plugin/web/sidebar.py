"""The pages: the Zendesk sidebar (signed-URL landing), the local playground, the vendored SDK.

- ``POST /sidebar``: Zendesk's first load of a server-side app with signed URLs. The
  form field ``token`` is the only trust anchor: it is verified, then a short-lived
  session token is embedded in the page for the sidebar's API calls.
- ``GET /sidebar`` and ``GET /``: development mode, loopback callers only (the browser
  harness and the paste-a-draft playground).
- ``GET /static/vendor/zaf_sdk.min.js``: the ZAF SDK from ``node_modules`` (never a CDN).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, render_template, request, send_file

from plugin.config import Config
from plugin.web.security import config, dev_local

bp = Blueprint("sidebar", __name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
SDK_PACKAGE = REPO_ROOT / "node_modules" / "zendesk_app_framework_sdk"

# A Zendesk subdomain goes into a response header: accept only what a subdomain can be.
_SUBDOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
# aud = https://{subdomain}.zendesk.com/api/v2/apps/installations/{id}.json (ZENDESK.md §2)
_INSTALLATION = re.compile(r"/apps/installations/(\d+)(?:\.json)?$")

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
    """A small error page that says nothing about why verification failed."""
    html = render_template("error.html", title="Reply Coach could not start")
    return _page(html, status, "'none'")


def _tenant(claims: dict[str, Any]) -> tuple[str, str]:
    """(subdomain, installation_id) from verified claims; ``("", "")`` when absent.

    Prefers explicit keys the verifier may add, else reads ``iss`` and ``aud``.
    """
    subdomain = str(claims.get("subdomain") or "")
    if not subdomain:
        iss = str(claims.get("iss") or "").removeprefix("https://").removeprefix("http://")
        subdomain = iss.removesuffix(".zendesk.com") if iss.endswith(".zendesk.com") else ""
    installation = str(claims.get("installation_id") or "")
    if not installation:
        aud = claims.get("aud")
        auds = aud if isinstance(aud, list) else [aud]
        for value in auds:
            match = _INSTALLATION.search(str(value or ""))
            if match:
                installation = match.group(1)
                break
    return subdomain.lower(), installation


def _user_id(claims: dict[str, Any]) -> str:
    value = claims.get("user_id") or claims.get("sub") or ""
    return str(value)


def _sidebar(session_token: str, mode: str, frame_ancestors: str) -> Response:
    html = render_template("sidebar.html", session_token=session_token, mode=mode)
    return _page(html, 200, frame_ancestors)


@bp.post("/sidebar")
def sidebar_signed() -> Response:
    """Zendesk's signed-URL first load: verify the JWT, embed a fresh session."""
    from plugin.zendesk.auth import AuthError, issue_session, verify_zendesk_token

    cfg = config()
    token = request.form.get("token", "")
    if not token:
        return _refused()
    try:
        claims = verify_zendesk_token(token, cfg)
    except AuthError:
        return _refused()
    subdomain, installation_id = _tenant(claims)
    if not _SUBDOMAIN.match(subdomain) or not installation_id:
        return _refused()
    session = issue_session(
        cfg, subdomain=subdomain, installation_id=installation_id, user_id=_user_id(claims)
    )
    return _sidebar(session, "zendesk", f"https://{subdomain}.zendesk.com")


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

    return issue_session(cfg, subdomain="dev", installation_id="0", user_id="dev")


@bp.get("/")
def playground() -> Response:
    """Paste-a-draft playground: development mode on loopback only."""
    if not dev_local():
        abort(404)
    return _page(render_template("playground.html"), 200, "'none'")


@bp.get("/static/vendor/zaf_sdk.min.js")
def zaf_sdk() -> Response:
    """The ZAF SDK: Config.zaf_sdk_path, else the package's build, else its lib/ bundled."""
    cfg = config()
    built = Path(cfg.zaf_sdk_path) if cfg.zaf_sdk_path else SDK_PACKAGE / "build" / "zaf_sdk.min.js"
    if built.is_file():
        resp = send_file(built, mimetype="text/javascript", max_age=3600)
    else:
        lib = SDK_PACKAGE / "lib"
        index = lib / "index.js"
        if not index.is_file():
            abort(404)
        resp = Response(_bundle(str(lib), index.stat().st_mtime), mimetype="text/javascript")
        resp.cache_control.max_age = 3600
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp


_REQUIRE = re.compile(r"""require\(\s*['"](\.{1,2}/[^'"]+)['"]\s*\)""")


@lru_cache(maxsize=4)
def _bundle(lib_dir: str, _mtime: float) -> str:
    """Wrap the SDK's CommonJS ``lib/`` (what npm ships for 2.0.x) as the ``ZAFClient`` global.

    The npm package has no ``build/`` (its Gruntfile builds one with gluejs); this does
    the same job with a tiny module table, so no bundler or build step is needed.
    """
    root = Path(lib_dir)
    parts = []
    for path in sorted(root.rglob("*.js")):
        key = path.relative_to(root).with_suffix("").as_posix()
        source = path.read_text(encoding="utf-8")
        deps = {}
        for dep in _REQUIRE.findall(source):
            target = (path.parent / dep).resolve().relative_to(root.resolve()).as_posix()
            deps[dep] = target.removesuffix(".js")
        parts.append(
            f"defs[{json.dumps(key)}] = [{json.dumps(deps)}, "
            f"function (module, exports, require) {{\n{source}\n}}];"
        )
    return (
        "/* zendesk_app_framework_sdk lib/, Apache-2.0, bundled by Reply Coach */\n"
        "(function () {\nvar defs = {}, cache = {};\n"
        + "\n".join(parts)
        + "\nfunction load(key) {\n"
        "  if (cache[key]) { return cache[key].exports; }\n"
        "  var def = defs[key], module = { exports: {} };\n"
        "  if (!def) { throw new Error('ZAF SDK bundle: missing module ' + key); }\n"
        "  cache[key] = module;\n"
        "  def[1].call(module.exports, module, module.exports, function (dep) { return load(def[0][dep]); });\n"
        "  return module.exports;\n"
        "}\n"
        "window.ZAFClient = load('index');\n})();\n"
    )
