"""Macro lint jobs over the API: start a run, follow it, read and export its report.

Reads need a session like every API call; starting a run (which reads every macro with
the app's credentials and stores results) needs a verified macro writer.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from plugin.jobs import jobs_of, lint_coach
from plugin.jobs.store import FINISHED, JobInfo
from plugin.macros import report as reports
from plugin.macros.lint import TAGS
from plugin.web.errors import ApiError
from plugin.web.macro_access import app, json_body, require_macro_writer
from plugin.web.security import config, require_session

# A queued job waits for a worker; a running one reports at least every page. Quiet this
# long, its worker is gone (restart, crash) and a new run may start.
STALE_SECONDS = 600

bp = Blueprint("macros_api", __name__, url_prefix="/api/v1/macros")
bp.before_request(require_session)


def _job(job_id: str) -> JobInfo:
    found = jobs_of(app()).store.job(job_id)
    if found is None:
        raise ApiError(404, "not_found", "no such lint job")
    return found


@bp.post("/lint")
def start_lint() -> tuple[Response, int]:
    actor = require_macro_writer()
    body = json_body()
    only_active = body.get("only_active", False)
    if not isinstance(only_active, bool):
        raise ApiError(400, "invalid_field", "only_active must be true or false")
    if not config().zendesk_api_configured:
        raise ApiError(
            503, "zendesk_not_configured", "the Zendesk API is not configured on the server"
        )
    jobs = jobs_of(app())
    jobs.store.reap_stale("lint", STALE_SECONDS)
    latest = jobs.store.latest("lint")
    if latest is not None and latest.status not in FINISHED:
        return jsonify({"job": latest.to_dict(), "already_running": True}), 202
    _, pack = lint_coach(app())
    job_id = jobs.store.create_job(
        "lint", {"only_active": only_active}, pack, (actor.user_id, actor.name)
    )
    jobs.runner.submit(job_id)
    return jsonify({"job": _job(job_id).to_dict(), "runner": jobs.runner.name}), 202


@bp.get("/lint/latest")
def latest_lint() -> Response:
    jobs = jobs_of(app())
    found = jobs.store.latest("lint")
    if found is None:
        raise ApiError(404, "not_found", "no lint has run yet")
    return jsonify({"job": found.to_dict()})


@bp.get("/lint/<job_id>")
def lint_status(job_id: str) -> Response:
    return jsonify({"job": _job(job_id).to_dict()})


def _filters() -> dict[str, Any]:
    args = request.args
    tag = args.get("tag") or None
    if tag is not None and tag not in TAGS:
        raise ApiError(400, "invalid_field", f"tag must be one of: {', '.join(TAGS)}")
    group = args.get("group") or None
    if group is not None and not group.isdigit():
        raise ApiError(400, "invalid_field", "group must be a Zendesk group id")
    return {
        "tag": tag,
        "category": args.get("category") or None,
        "group": int(group) if group else None,
        "only_active": args.get("only_active") in ("1", "true"),
    }


@bp.get("/lint/<job_id>/report")
def lint_report(job_id: str) -> Response:
    job = _job(job_id)
    filters = _filters()
    fmt = request.args.get("format", "json")
    if fmt not in ("json", "csv"):
        raise ApiError(400, "invalid_field", "format must be json or csv")
    store = jobs_of(app()).store
    everything = store.results(job_id)
    rows = reports.select(everything, **filters)
    name = f"macro-lint-{job_id[:8]}"
    if fmt == "csv":
        return Response(
            reports.to_csv(rows),
            mimetype="text/csv",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    out = jsonify(
        {
            "job": job.to_dict(),
            "filters": filters,
            "facets": reports.facets(everything),
            "count": len(rows),
            "macros": rows,
        }
    )
    if request.args.get("download") in ("1", "true"):
        out.headers["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return out
