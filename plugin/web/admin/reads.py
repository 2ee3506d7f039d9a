"""Console reads: anyone with a session (agents too) may see the rules and their history."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, jsonify, request

from plugin.store.extension import account_of, coach_for, store_of
from plugin.store.packs import PackStore
from plugin.store.records import Snapshot
from plugin.web.admin import api_bp, settings_edit, trial, views
from plugin.web.admin.access import ConsoleError, csrf_token, current_actor, require_csrf
from plugin.web.admin.edits import scope_key
from plugin.web.security import require_session

api_bp.before_request(require_session)
api_bp.before_request(require_csrf)


def store() -> PackStore:
    return store_of(current_app)


def account() -> str:
    return account_of(current_app)


def head_snapshot() -> Snapshot:
    """The newest version, seeding the account from the shipped pack on first use."""
    st = store()
    if not st.head_number(account()):
        st.seed(account())
    return st.snapshot(account())


def int_arg(name: str, value: Any, low: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ConsoleError(400, "invalid_field", f"{name}: must be a whole number", name)
    try:
        number = int(value)
    except ValueError:
        raise ConsoleError(400, "invalid_field", f"{name}: must be a whole number", name) from None
    if number < low:
        raise ConsoleError(400, "invalid_field", f"{name}: must be at least {low}", name)
    return number


@api_bp.get("/state")
def state() -> Response:
    snap = head_snapshot()
    key = scope_key(request.args.get("scope"))
    out = views.state(store(), account(), snap, key)
    out["actor"] = current_actor().to_dict()
    out["csrf"] = csrf_token()
    out["account"] = account()
    return jsonify(out)


@api_bp.get("/versions")
def versions() -> Response:
    head_snapshot()
    limit = int_arg("limit", request.args.get("limit", "50"), 1)
    return jsonify({"versions": [views.version_dict(v) for v in store().history(account(), limit)]})


@api_bp.get("/versions/<int:number>")
def version(number: int) -> Response:
    snap = store().snapshot(account(), number)
    parent = store().snapshot(account(), snap.info.parent) if snap.info.parent else None
    return jsonify(
        {
            "version": views.version_dict(snap.info),
            "diff": views.text_diff(parent, snap),
            "yaml": snap.pack_yaml,
            "layers": snap.layers,
            "labels": snap.labels,
        }
    )


@api_bp.get("/audit")
def audit() -> Response:
    entries = store().audit(account(), int_arg("limit", request.args.get("limit", "100"), 1))
    return jsonify(
        {
            "entries": [
                {
                    "at": e.at.isoformat(),
                    "actor": {"id": e.actor.id, "name": e.actor.name},
                    "action": e.action,
                    "version": e.version,
                    "detail": e.detail,
                }
                for e in entries
            ]
        }
    )


@api_bp.get("/export")
def export() -> Response:
    number = request.args.get("version")
    raw_scope = request.args.get("scope")
    where = None
    if raw_scope and scope_key(raw_scope) != "account":
        from plugin.store.scopes import ScopeQuery, ScopeRef

        ref = ScopeRef.parse(scope_key(raw_scope))
        where = ScopeQuery(**{ref.kind: ref.ref})
    head_snapshot()
    text = store().export_yaml(
        account(), int_arg("version", number, 1) if number else None, where=where
    )
    resp = Response(text, mimetype="application/yaml")
    name = f"reply-coach-{account()}-v{number or 'latest'}.yaml"
    resp.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return resp


@api_bp.post("/try")
def try_it() -> Response:
    """Sample text through the edited (unsaved) rule or pack: readers may try too."""
    body = json_body()
    text = body.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ConsoleError(400, "invalid_field", "text: paste some sample text", "text")
    if len(text) > 20_000:
        raise ConsoleError(413, "too_large", "text: at most 20000 characters", "text")
    customer = body.get("customer_message", "")
    if not isinstance(customer, str):
        raise ConsoleError(
            400, "invalid_field", "customer_message: must be text", "customer_message"
        )
    rule = body.get("rule")
    if rule is not None and not isinstance(rule, dict):
        raise ConsoleError(400, "invalid_field", "rule: must be an object", "rule")
    pack_yaml = body.get("pack_yaml")
    if pack_yaml is not None and not isinstance(pack_yaml, str):
        raise ConsoleError(400, "invalid_field", "pack_yaml: must be text", "pack_yaml")
    unsaved = _unsaved_settings(body.get("settings"))
    where = body.get("where")
    if where is not None and not isinstance(where, dict):
        raise ConsoleError(400, "invalid_field", "where: must be an object", "where")
    snap = head_snapshot()
    key = scope_key(body.get("scope"))
    query = settings_edit.query_of(where) if where is not None else None
    document, settings = trial.candidate(snap, key, rule, pack_yaml, where=query, settings=unsaved)
    base = current_app.extensions["coach"].settings
    coach = trial.coach_of(document, settings, base)
    focus = str(rule["id"]) if rule and rule.get("id") else None
    channel = query.channel if query is not None else _channel_of(key)
    return jsonify(trial.run(coach, text, customer[-10_000:], focus, channel))


def _channel_of(key: str) -> str | None:
    """The Zendesk channel a single ``channel:…`` scope stands for, else None."""
    kind, _, ref = key.partition(":")
    return ref if kind == "channel" and ref else None


@api_bp.get("/preview")
def preview() -> Response:
    """What a check of a ticket with this brand, group and channel gets: the layers
    merged as a check merges them, each value with the scope it comes from."""
    snap = head_snapshot()
    where = settings_edit.query_of(request.args)
    # What a check of that ticket really runs (compiled once per version and scope, as
    # for checks): it says when the layers do not combine and the account pack applies.
    compiled = coach_for(current_app, where)
    return jsonify(
        {
            "version": snap.info.number,
            "where": {k: getattr(where, k) for k in ("brand", "group", "channel")},
            "applied": list(settings_edit.applied_keys(snap, where)),
            "coached_by": list(compiled.scopes) if compiled else ["file pack"],
            "note": compiled.note if compiled else "",
            "effective": views.effective_view(snap, where),
        }
    )


def _unsaved_settings(raw: object) -> dict[str, Any] | None:
    """The settings form as typed (not saved): blank thresholds inherit."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ConsoleError(400, "invalid_field", "settings: must be an object", "settings")
    given = {k: v for k, v in raw.items() if v is not None and v != ""}
    settings_edit.checked(given)
    return given


def json_body() -> dict[str, Any]:
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        raise ConsoleError(400, "invalid_json", "body must be a JSON object", "body")
    return payload
