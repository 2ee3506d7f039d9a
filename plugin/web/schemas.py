"""Request bodies, parsed and validated at the edge (pydantic), never in the core."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from plugin.coach.markup import clean_external
from plugin.web.errors import ApiError

# The customer's message has its own limit, apart from the draft's: a longer one is
# coached from its last MAX_CUSTOMER_CHARS characters (the latest words carry the
# mood), so a long message from a customer can never switch the coach off.
MAX_CUSTOMER_CHARS = 10_000
MAX_ID = 2**63 - 1  # Zendesk ids are 64-bit integers
_SPACE = re.compile(r"\s")


def body_limit(max_draft_chars: int) -> int:
    """Bytes a request body may hold: both texts at the worst JSON escaping (an emoji
    as two ``\\uXXXX`` escapes is 12 bytes for one character) plus the small fields."""
    return (max_draft_chars + MAX_CUSTOMER_CHARS) * 12 + 65_536


def _name(value: object) -> object:
    # A blank name (spaces, tabs, U+00A0, only controls or markup) is no name.
    return clean_external(value) if isinstance(value, str) else value


class CheckBody(BaseModel):
    """The body of ``POST /api/v1/check`` and ``POST /api/v1/grammar``."""

    model_config = ConfigDict(extra="ignore", strict=True)

    draft: str = Field(
        description="The reply as typed; offsets in the answer point into this string. "
        "At most MAX_DRAFT_CHARS (20000) characters, else 413."
    )
    format: Literal["text", "html"] = Field(
        default="text", description="'html' for a Zendesk rich-text comment."
    )
    customer_message: str = Field(
        default="",
        description="The customer's latest message. Over "
        f"{MAX_CUSTOMER_CHARS} characters it is coached from its end, and the "
        "answer's notes say so.",
    )
    customer_name: Annotated[str | None, BeforeValidator(_name)] = Field(
        default=None,
        max_length=200,
        description="The customer's name; blank or markup-only names are ignored.",
    )
    ticket_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    requester_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    locale: str | None = Field(default=None, max_length=20)
    channel: str | None = Field(default=None, max_length=40)  # Zendesk via channel
    comment_type: Literal["public", "internal"] = "public"
    brand_id: int | None = Field(
        default=None, ge=1, le=MAX_ID, description="ZAF ticket.brand.id: picks brand overrides."
    )
    group_id: int | None = Field(
        default=None, ge=1, le=MAX_ID, description="ZAF ticket.assignee.group.id: group overrides."
    )


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


def tail(text: str, limit: int) -> tuple[str, int]:
    """The last ``limit`` characters of ``text``, starting at a word; and how many
    characters were cut from the front (0 when it fits)."""
    if len(text) <= limit:
        return text, 0
    cut = len(text) - limit
    if not text[cut - 1].isspace():  # start on a whole word when one is near
        space = _SPACE.search(text, cut, cut + 200)
        if space is not None:
            cut = space.end()
    return text[cut:], cut
