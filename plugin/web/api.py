"""The JSON API: the fast-lane check and the separate grammar lane."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request
from werkzeug.exceptions import RequestEntityTooLarge

from plugin.coach import grammar
from plugin.coach.draft import DraftError
from plugin.coach.hints import sanitized
from plugin.coach.markup import neutralise_bidi
from plugin.coach.model import CustomerContext
from plugin.coach.review import CheckRequest, Coach, DraftTooLong, to_source
from plugin.coach.serialize import finding_to_dict, review_to_dict
from plugin.store.extension import coach_for
from plugin.store.scopes import ScopeQuery
from plugin.web.errors import ApiError
from plugin.web.schemas import MAX_CUSTOMER_CHARS, CheckBody, parse_check, tail
from plugin.web.security import config, require_session

bp = Blueprint("api", __name__, url_prefix="/api/v1")
bp.before_request(require_session)


def _coach() -> Coach:
    coach: Coach = current_app.extensions["coach"]
    return coach


def _scoped_coach(body: CheckBody, notes: list[str]) -> Coach:
    """The stored pack for the ticket's brand, group and channel, else the file pack."""
    where = ScopeQuery(
        brand=str(body.brand_id) if body.brand_id else None,
        group=str(body.group_id) if body.group_id else None,
        channel=body.channel or None,
    )
    compiled = coach_for(current_app, where)
    if compiled is None:
        return _coach()
    notes.append(
        f"Coached by rule pack version {compiled.version} ({' + '.join(compiled.scopes)})."
    )
    if compiled.note:
        notes.append(compiled.note)
    return compiled.coach


def _read_body() -> bytes:
    raw = request.get_data(cache=False)
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    # A chunked body has no Content-Length: Werkzeug stops reading at the limit and
    # hands back the first part, so a body that filled the limit was cut: too large.
    if request.content_length is None and limit is not None and len(raw) >= limit:
        raise RequestEntityTooLarge()
    return raw


def _body() -> CheckBody:
    raw = _read_body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "invalid_encoding", "body is not valid UTF-8") from None
    try:
        payload = json.loads(text)
    except RecursionError:
        raise ApiError(400, "invalid_json", "body is nested too deeply") from None
    except ValueError as err:  # JSONDecodeError, or an integer of more than 4300 digits
        raise ApiError(400, "invalid_json", f"body is not valid JSON ({err})") from None
    return parse_check(payload)


def _context(body: CheckBody) -> tuple[CustomerContext | None, list[str]]:
    """Customer context from Zendesk when configured; a visible note when not reached.

    Zendesk's fields are cleaned before they can reach a suggestion (markup.py).
    """
    notes: list[str] = []
    service = current_app.extensions.get("context_service")
    ctx: CustomerContext | None = None
    if service is not None and (body.ticket_id or body.requester_id):
        result = service.get(body.ticket_id, body.requester_id)
        ctx = result.context
        if result.note:
            notes.append(result.note)
    if body.customer_name and ctx is None:  # already cleaned: never blank
        ctx = CustomerContext(name=body.customer_name, first_name=body.customer_name.split()[0])
    return (sanitized(ctx) if ctx is not None else None), notes


def _customer_message(body: CheckBody, notes: list[str]) -> tuple[str, int]:
    """The message as coached and how many characters were cut from its front."""
    message, cut = tail(neutralise_bidi(body.customer_message), MAX_CUSTOMER_CHARS)
    if cut:
        notes.append(
            f"The customer's message is {len(body.customer_message)} characters: it is "
            f"coached from the last {len(message)}."
        )
    return message, cut


def _check_request(
    body: CheckBody, ctx: CustomerContext | None, customer_message: str = ""
) -> CheckRequest:
    return CheckRequest(
        draft=body.draft,
        format=body.format,
        customer_message=customer_message,
        context=ctx,
        channel=body.channel,
        comment_type=body.comment_type,
    )


def _raise_for(err: DraftError) -> ApiError:
    if isinstance(err, DraftTooLong):
        return ApiError(413, "draft_too_long", str(err))
    return ApiError(400, "invalid_draft", str(err))


@bp.post("/check")
def check() -> Response:
    body = _body()
    ctx, notes = _context(body)
    message, cut = _customer_message(body, notes)
    coach = _scoped_coach(body, notes)
    try:
        review = coach.review(_check_request(body, ctx, message))
    except DraftError as err:
        raise _raise_for(err) from None
    out: dict[str, Any] = review_to_dict(review, body.draft)
    if cut and out["customer_mood"]:  # cue offsets point into the message as sent
        for cue in out["customer_mood"]["cues"]:
            cue["start"] += cut
            cue["end"] += cut
    cfg = config()
    out["grammar"] = (
        {"status": "pending", "reason": "Grammar is checked in a second call."}
        if cfg.languagetool_url
        else {"status": "n/a", "reason": grammar.OFF_REASON}
    )
    out["notes"] = [*notes, *out.get("notes", [])]  # the core notes its own cuts too
    return jsonify(out)


@bp.post("/grammar")
def check_grammar() -> Response:
    body = _body()
    coach = _scoped_coach(body, [])
    try:
        draft = coach.parse(_check_request(body, None))
    except DraftError as err:
        raise _raise_for(err) from None
    cfg = config()
    result = grammar.check(draft, cfg.languagetool_url, cfg.languagetool_timeout, pack=coach.pack)
    findings = list(to_source(draft, result.findings))
    return jsonify(
        {
            "status": result.status,
            "reason": result.reason,
            "findings": [finding_to_dict(f, body.draft, i) for i, f in enumerate(findings, 1)],
        }
    )
