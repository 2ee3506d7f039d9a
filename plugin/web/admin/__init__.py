"""The admin console: a second location (``nav_bar``) of the same Zendesk app.

- ``pages``: ``POST /admin`` is Zendesk's signed-URL landing (like the sidebar's);
  ``GET /admin`` answers in development mode on loopback only.
- ``reads`` and ``writes``: the JSON API under ``/admin/api/v1`` (session token as for
  the sidebar; every write also needs the CSRF header and a Zendesk admin).
- ``edits`` (what an edit does to a version), ``views`` (effective set with provenance),
  ``trial`` (Try it through the same coaching core), ``access`` (roles, CSRF).
"""

from __future__ import annotations

from flask import Blueprint, Flask, Response, jsonify

from plugin.config import Config
from plugin.store.errors import Conflict, PackInvalid, StoreError
from plugin.web.admin.access import ConsoleError

pages_bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates")
# Its own blueprint, so the landing's rate limit never counts the page's scripts.
assets_bp = Blueprint(
    "admin_assets", __name__, static_folder="static", static_url_path="/admin/static"
)
api_bp = Blueprint("admin_api", __name__, url_prefix="/admin/api/v1")


def _json_error(
    status: int, code: str, message: str, field: str | None = None, **extra: object
) -> tuple[Response, int]:
    body: dict[str, object] = {"code": code, "message": message}
    if field:
        body["field"] = field
    body.update(extra)
    return jsonify({"error": body}), status


@api_bp.errorhandler(ConsoleError)
def _console_error(err: ConsoleError) -> tuple[Response, int]:
    return _json_error(err.status, err.code, err.message, err.field, **err.extra)


@api_bp.errorhandler(StoreError)
def _store_error(err: StoreError) -> tuple[Response, int]:
    data = err.to_dict()
    if isinstance(err, PackInvalid):
        first = err.problems[0] if err.problems else None
        field = first.field if first else None
        if first and first.rule and field:
            field = f"rules.{first.rule}.{field}"
        return _json_error(422, "pack_invalid", str(err), field, problems=data["problems"])
    if isinstance(err, Conflict):
        extra = {k: data[k] for k in ("base", "head", "changes")}
        return _json_error(409, "conflict", str(err), "base", **extra)
    code = "not_found" if err.status == 404 else "store_error"
    return _json_error(err.status, code, str(err))


def init_app(app: Flask, cfg: Config) -> None:
    from plugin.web.admin import access, pages, reads, writes  # noqa: F401 (routes)

    access.init_app(app, cfg)
    app.register_blueprint(pages_bp)
    app.register_blueprint(assets_bp)
    app.register_blueprint(api_bp)
