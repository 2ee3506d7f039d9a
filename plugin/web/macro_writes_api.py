"""Writing chosen fixes back to Zendesk: dry run, explicit confirmation, audit, undo.

``preview`` shows the diff of the macro's actions without writing. ``write`` needs
``confirm: true`` and the ``before_sha256`` the preview showed: if the macro changed in
Zendesk since, nothing is written (409). Each write is audited with who, when, which
macro, the before/after hashes and the pack version, and can be undone from its entry
as long as nobody changed the macro after it.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request
from zenpy import Zenpy
from zenpy.lib.exception import APIException, RecordNotFoundException

from plugin.jobs import jobs_store, lint_coach
from plugin.macros.writeback import PlanError, actions_sha256, plan
from plugin.web.errors import ApiError
from plugin.web.macro_access import Actor, app, json_body, require_macro_writer
from plugin.web.security import config, require_session
from plugin.zendesk.macros import Macro, get_macro, make_job_client, put_actions

bp = Blueprint("macro_writes_api", __name__, url_prefix="/api/v1/macros")
bp.before_request(require_session)


def _client() -> Zenpy:
    if not config().zendesk_api_configured:
        raise ApiError(
            503, "zendesk_not_configured", "the Zendesk API is not configured on the server"
        )
    return make_job_client(config())


def _fetch(client: Zenpy, macro_id: int) -> Macro:
    try:
        return get_macro(client, macro_id)
    except RecordNotFoundException:
        raise ApiError(404, "not_found", f"macro {macro_id} was not found in Zendesk") from None
    except (APIException, OSError) as exc:
        raise ApiError(
            502, "zendesk_error", f"Zendesk did not answer ({type(exc).__name__})"
        ) from None


def _chosen(body: dict[str, Any]) -> list[str]:
    chosen = body.get("suggestions")
    if not isinstance(chosen, list) or not chosen or not all(isinstance(c, str) for c in chosen):
        raise ApiError(
            400, "invalid_field", "suggestions must be a non-empty list of suggestion ids"
        )
    return chosen


def _plan(macro: Macro, chosen: list[str]) -> Any:
    coach, _ = lint_coach(app())
    try:
        return plan(coach, macro, chosen)
    except PlanError as err:
        raise ApiError(422, "invalid_suggestions", str(err)) from None


@bp.post("/<int:macro_id>/preview")
def preview(macro_id: int) -> Response:
    require_macro_writer()
    chosen = _chosen(json_body())
    result = _plan(_fetch(_client(), macro_id), chosen)
    return jsonify({"dry_run": True, "plan": result.to_dict()})


def _put(client: Zenpy, macro_id: int, actions: list[dict[str, Any]]) -> Macro:
    try:
        return put_actions(client, macro_id, actions)
    except (APIException, OSError) as exc:
        raise ApiError(
            502,
            "zendesk_error",
            f"Zendesk refused the write ({type(exc).__name__}); nothing was changed here",
        ) from None


def _confirmed(body: dict[str, Any]) -> None:
    if body.get("confirm") is not True:
        raise ApiError(400, "confirmation_required", "nothing written: send confirm: true to write")


def _audit(actor: Actor, macro_id: int, before: list[Any], after: list[Any], **extra: Any) -> Any:
    return jobs_store(app()).record_write(
        actor_id=actor.user_id,
        actor_name=actor.name,
        macro_id=macro_id,
        before_sha256=actions_sha256(before),
        after_sha256=actions_sha256(after),
        pack_version=lint_coach(app())[1],
        before_actions=before,
        after_actions=after,
        **extra,
    )


@bp.post("/<int:macro_id>/write")
def write(macro_id: int) -> tuple[Response, int]:
    actor = require_macro_writer()
    body = json_body()
    _confirmed(body)
    chosen = _chosen(body)
    expected = body.get("before_sha256")
    if not isinstance(expected, str) or len(expected) != 64:
        raise ApiError(400, "invalid_field", "before_sha256 (from the preview) is required")
    client = _client()
    macro = _fetch(client, macro_id)
    if actions_sha256(list(macro.actions)) != expected:
        raise ApiError(
            409, "macro_changed", "the macro changed in Zendesk since the preview; preview again"
        )
    result = _plan(macro, chosen)
    if not result.changed:
        raise ApiError(422, "no_change", "the chosen suggestions change nothing")
    _put(client, macro_id, result.after_actions)
    entry = _audit(
        actor, macro_id, result.before_actions, result.after_actions, suggestions=result.applied
    )
    return jsonify({"written": True, "audit": entry.to_dict()}), 201


@bp.get("/writes")
def writes() -> Response:
    raw = request.args.get("macro_id")
    if raw is not None and not raw.isdigit():
        raise ApiError(400, "invalid_field", "macro_id must be a number")
    found = jobs_store(app()).writes(int(raw) if raw else None)
    return jsonify({"writes": [w.to_dict() for w in found]})


@bp.post("/writes/<int:write_id>/undo")
def undo(write_id: int) -> tuple[Response, int]:
    actor = require_macro_writer()
    _confirmed(json_body())
    store = jobs_store(app())
    entry = store.write(write_id)
    if entry is None:
        raise ApiError(404, "not_found", "no such write")
    if entry.undone_by is not None:
        raise ApiError(409, "already_undone", f"already undone by write {entry.undone_by}")
    client = _client()
    macro = _fetch(client, entry.macro_id)
    if actions_sha256(list(macro.actions)) != entry.after_sha256:
        raise ApiError(
            409,
            "macro_changed",
            "the macro changed after this write; undoing it would overwrite those changes",
        )
    _put(client, entry.macro_id, entry.before_actions)
    undo_entry = _audit(
        actor, entry.macro_id, entry.after_actions, entry.before_actions, undo_of=write_id
    )
    store.mark_undone(write_id, undo_entry.id)
    return jsonify({"undone": True, "audit": undo_entry.to_dict()}), 201
