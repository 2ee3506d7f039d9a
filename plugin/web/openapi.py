"""The API described for machines: response models and an OpenAPI 3.1 document.

The document is generated from the same pydantic models that validate requests
(``schemas.CheckBody``) plus the response models below, which the tests hold every
answer to, so it cannot drift from what the API does. ``GET /api/v1/openapi.json`` is
public: it describes the shapes of requests and answers and carries no data.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

from flask import Blueprint, Response, jsonify
from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import models_json_schema

from plugin.coach.model import MoodLabel
from plugin.web.schemas import MAX_CUSTOMER_CHARS, CheckBody

Status = Literal["pass", "warn", "fail", "n/a"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class EditOut(_Out):
    start: int = Field(ge=0, description="Offset into the draft as sent.")
    end: int = Field(ge=0)
    replacement: str = Field(description="Text to put there (escaped HTML for 'html' drafts).")


class SuggestionOut(_Out):
    label: str
    edits: list[EditOut]


class FindingOut(_Out):
    id: str
    rule_id: str
    category: str
    severity: Literal["info", "warning", "error"]
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(description="draft[start:end], quoted back.")
    message: str
    why: str | None
    suggestions: list[SuggestionOut]


class CategoryOut(_Out):
    status: Status
    label: str = Field(description="Display name (AutoQA's where the meaning is the same).")
    reason: str
    points_lost: float = Field(ge=0, le=100, description="What this category took off the score.")


class ChannelOut(_Out):
    name: str | None = Field(description="The Zendesk via channel as sent, or null.")
    # "register" would shadow ABCMeta.register on the model class: aliased
    register_: Literal["email", "chat", "social"] = Field(alias="register")
    inferred: bool = Field(description="True when the register was read from the draft.")


class MoveSpanOut(_Out):
    move: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule_id: str


class HintOut(_Out):
    id: str
    message: str
    why: str
    wording: str | None
    suggestion: SuggestionOut | None


class CueOut(_Out):
    kind: str
    start: int = Field(ge=0, description="Offset into customer_message as sent.")
    end: int = Field(ge=0)
    text: str


class MoodOut(_Out):
    label: MoodLabel  # the core's own labels, so a new one is documented at once
    compound: float = Field(ge=-1, le=1)
    topic: str | None
    problem: str | None
    cues: list[CueOut]


class LaneOut(_Out):
    status: Literal["pass", "warn", "fail", "n/a", "pending"]
    reason: str


class Review(_Out):
    """The answer of ``POST /api/v1/check``."""

    score: int = Field(ge=0, le=100)
    categories: dict[str, CategoryOut]
    channel: ChannelOut
    comment_type: Literal["public", "internal"]
    moves: list[str]
    move_spans: list[MoveSpanOut]
    missing_moves: list[str]
    findings: list[FindingOut]
    readability: dict[str, float | int | str | None]
    hints: list[HintOut]
    customer_mood: MoodOut | None
    timings_ms: dict[str, float]
    grammar: LaneOut
    notes: list[str] = Field(description="Plain-language notes: context not reached, text cut.")


class ObjectionOut(_Out):
    """A fast-lane suggestion LanguageTool objects to: the UI does not offer it."""

    rule_id: str
    start: int = Field(ge=0, description="The finding's start, as in the check's answer.")
    end: int = Field(ge=0)
    label: str = Field(description="The suggestion's label, as in the check's answer.")


class GrammarResult(_Out):
    """The answer of ``POST /api/v1/grammar``."""

    status: Status
    reason: str
    findings: list[FindingOut]
    objections: list[ObjectionOut] = Field(
        default_factory=list,
        description="Suggestions of POST /api/v1/check whose sentence LanguageTool objects to.",
    )


class ErrorDetail(_Out):
    code: str
    message: str


class Error(_Out):
    """Every error of the API, 4xx and 5xx alike."""

    error: ErrorDetail


def _json(ref: str) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": {"$ref": ref}}}}


def _errors(refs: dict[str, str], *statuses: int) -> dict[str, Any]:
    words = {
        400: "Not valid JSON, or a field of the wrong type or size; the message names it.",
        401: "No valid session token.",
        413: "Draft over MAX_DRAFT_CHARS, or the body over its byte limit.",
        429: "Over the session's rate limit; see Retry-After.",
        500: "Unexpected; nothing was stored.",
    }
    return {str(s): {"description": words[s], **_json(refs["Error"])} for s in statuses}


@cache
def document() -> dict[str, Any]:
    """The OpenAPI 3.1 document (JSON Schema 2020-12 is what pydantic writes)."""
    keys, schemas = models_json_schema(
        [
            (CheckBody, "validation"),
            (Review, "serialization"),
            (GrammarResult, "serialization"),
            (Error, "serialization"),
        ],
        ref_template="#/components/schemas/{model}",
    )
    refs = {model.__name__: ref["$ref"] for (model, _), ref in keys.items()}
    lane = "Same body for both lanes; offsets in answers point into `draft` as sent."
    post = {
        "requestBody": {"required": True, **_json(refs["CheckBody"])},
        "description": lane,
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Reply Coach API",
            "version": "1",
            "description": "Coaches a support reply while it is a draft. "
            f"customer_message over {MAX_CUSTOMER_CHARS} characters is coached from its end.",
        },
        "servers": [{"url": "/"}],
        "security": [{"session": []}],
        "paths": {
            "/api/v1/check": {
                "post": {
                    "operationId": "check",
                    "summary": "The fast lane: the full review of a draft.",
                    **post,
                    "responses": {
                        "200": {"description": "The review.", **_json(refs["Review"])},
                        **_errors(refs, 400, 401, 413, 429, 500),
                    },
                }
            },
            "/api/v1/grammar": {
                "post": {
                    "operationId": "grammar",
                    "summary": "The slow lane: grammar through LanguageTool, when configured.",
                    **post,
                    "responses": {
                        "200": {"description": "Grammar findings.", **_json(refs["GrammarResult"])},
                        **_errors(refs, 400, 401, 413, 429, 500),
                    },
                }
            },
            "/api/v1/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This document (public: it describes shapes, not data).",
                    "security": [],
                    "responses": {"200": {"description": "OpenAPI 3.1 document."}},
                }
            },
        },
        "components": {
            "schemas": schemas["$defs"],
            "securitySchemes": {
                "session": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "The session token the sidebar page receives from the "
                    "signed Zendesk landing (development mode: loopback callers need none).",
                }
            },
        },
    }


bp = Blueprint("openapi", __name__, url_prefix="/api/v1")


@bp.get("/openapi.json")
def openapi() -> Response:
    return jsonify(document())
