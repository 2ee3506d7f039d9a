"""One JSON error shape for the whole API: ``{"error": {"code", "message"}}``."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_response(status: int, code: str, message: str) -> tuple[Response, int]:
    return jsonify({"error": {"code": code, "message": message}}), status


def init_app(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def _api_error(err: ApiError) -> tuple[Response, int]:
        return error_response(err.status, err.code, err.message)

    @app.errorhandler(HTTPException)
    def _http_error(err: HTTPException) -> tuple[Response, int] | HTTPException:
        if not request.path.startswith("/api/"):
            return err
        status = err.code or 500
        if status == 413:
            limit = app.config["MAX_CONTENT_LENGTH"]
            return error_response(
                413,
                "too_large",
                f"request body is over the {limit}-byte limit: send the draft "
                "(MAX_DRAFT_CHARS) and only the end of a long customer_message",
            )
        code = (err.name or "error").lower().replace(" ", "_")
        return error_response(status, code, err.description or code)

    @app.errorhandler(Exception)
    def _unexpected(err: Exception) -> tuple[Response, int]:
        # Log the type and place only: the request may carry a draft, which is never logged.
        log.error("unexpected %s on %s", type(err).__name__, request.path, exc_info=False)
        return error_response(500, "internal", "unexpected error; nothing was stored")
