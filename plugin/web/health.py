"""Health checks: the only endpoints that answer without a token."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

from plugin.web.security import config

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    cfg = config()
    return jsonify(
        {
            "status": "ok",
            "rule_pack": current_app.extensions["coach"].pack.version,
            "grammar": "configured" if cfg.languagetool_url else "off",
            "zendesk": "configured" if cfg.zendesk_api_configured else "off",
        }
    )
