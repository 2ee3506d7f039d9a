"""Request bodies, parsed and validated at the edge (pydantic), never in the core."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from plugin.web.errors import ApiError


class CheckBody(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)

    draft: str
    format: Literal["text", "html"] = "text"
    customer_message: str = ""
    customer_name: str | None = Field(default=None, max_length=200)
    ticket_id: int | None = Field(default=None, ge=1)
    requester_id: int | None = Field(default=None, ge=1)
    locale: str | None = Field(default=None, max_length=20)
    channel: str | None = Field(default=None, max_length=40)  # Zendesk via channel
    comment_type: Literal["public", "internal"] = "public"


def parse_check(payload: object) -> CheckBody:
    """Raises ApiError(400) naming the first bad field in plain words."""
    if not isinstance(payload, dict):
        raise ApiError(400, "invalid_json", "body must be a JSON object with a 'draft' string")
    try:
        return CheckBody.model_validate(payload)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "body"
        if first["type"] == "literal_error" and field == "format":
            raise ApiError(400, "invalid_field", "format must be 'text' or 'html'") from None
        if first["type"] == "literal_error" and field == "comment_type":
            raise ApiError(
                400, "invalid_field", "comment_type must be 'public' or 'internal'"
            ) from None
        raise ApiError(400, "invalid_field", f"{field}: {first['msg']}") from None
