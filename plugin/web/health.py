"""Health checks: the only endpoints that answer without a token."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

from plugin.store.extension import coach_for
from plugin.web.security import config

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    cfg = config()
    compiled = coach_for(current_app)
    return jsonify(
        {
            "status": "ok",
            "rule_pack": current_app.extensions["coach"].pack.version,
            # The account's stored pack when there is one: what checks use.
            "stored_pack": {"version": compiled.version} if compiled else None,
            "grammar": "configured" if cfg.languagetool_url else "off",
            "zendesk": "configured" if cfg.zendesk_api_configured else "off",
        }
    )
