"""Hypothesis strategies derived from the published OpenAPI document.

``body_from_schema`` reads the request schema (JSON Schema, as pydantic writes it) and
draws bodies that fit it; the other strategies break it on purpose: wrong types,
unknown fields, huge and deeply nested values, malformed bytes. Text is drawn from
everything a reply or a Zendesk field may hold: any Unicode (controls, bidi marks,
emoji, lone surrogates through JSON escapes), HTML and template fragments, and long
prose up to past the size limits.
"""

from __future__ import annotations

import json
import random
from typing import Any

from hypothesis import strategies as st

Schema = dict[str, Any]

_PROSE = (
    "we are so sorry you should have read the guide cannot do anything it's company policy "
    "refund order #4411 thanks Hi Maria , . ! ? !!! THIRD time escalated T2 per SLA "
    "€19.50 ending in 4242 https://help.example.com/a?b=1 ana@example.com I'll update you "
    "by Friday Regards, — Sam"
)
WORDS = _PROSE.split()
FRAGMENTS = [
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "<div>",
    "</div>",
    "<li>",
    "</li>",
    "<ol>",
    "<b>",
    "</b>",
    '<a href="https://x.io">',
    "</a>",
    '<p title="a>b">',
    "<p title='a>b'>",
    '<a title="open',
    "<!--",
    "-->",
    "<![CDATA[",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "&amp;",
    "&#x27;",
    "&#39;",
    "&nbsp;",
    "&bogus;",
    "&#99999999;",
    "{{ticket.requester.name}}",
    "{%",
    "%}",
    "{{",
    '"',
    "'",
    "<",
    ">",
    "\r\n",
    "\n",
    "\t",
    "\u00a0",
    "\u202e",
    "\u2066",
    "\u200f",
    "\u200b",
    "\ufeff",
    "😀",
    "👩‍👩‍👧",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "日本語",
    "עברית",
    "\x00",
    "\x1b",
]

# Short values that broke, or could break, a field: blank, bidi, markup, templates.
EDGES = [
    "",
    " ",
    "\t",
    "\u00a0",
    "\u3000",
    "\u202e",
    "\u2066\u2069",
    "<b></b>",
    "@",
    "a@b.c",
    'X" onmouseover="alert(1)',
    "'><svg onload=alert(1)>",
    "{{ticket.requester.email}}",
    "\ud800",
    "\udfff x",
    "-",
    "0",
    "Ω" * 200,
]


def _prose(seed: int, length: int) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < length:
        piece = rng.choice(FRAGMENTS) if rng.random() < 0.1 else rng.choice(WORDS) + " "
        parts.append(piece)
        size += len(piece)
    return "".join(parts)[:length]


def texts(max_size: int | None = None) -> st.SearchStrategy[str]:
    """Text of every kind a client may send, up to ``max_size`` (None: past the limits)."""
    small = max_size if max_size is not None else 400
    choices: list[st.SearchStrategy[str]] = [
        st.text(max_size=small),
        st.sampled_from(EDGES),
        st.text(alphabet=" \t\n\u00a0\u2003\u3000", min_size=1, max_size=4),  # blank
        st.text(alphabet=" \t\u00a0\u202e\u200b\u2066<>\"'", max_size=min(small, 6)),
        st.lists(st.sampled_from(FRAGMENTS + WORDS), max_size=min(small, 60)).map(" ".join),
        st.lists(
            st.one_of(
                st.sampled_from(WORDS), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
            ),
            max_size=min(small, 20),
        ).map(" ".join),
    ]
    if max_size is None:  # long prose and HTML: under, at and past the 20,000/10,000 limits
        sizes = st.sampled_from([2_000, 9_999, 10_001, 19_999, 20_000, 20_001, 60_000])
        choices.append(st.builds(_prose, st.integers(0, 2**32), sizes))
    return st.one_of(*choices).map(lambda t: t if max_size is None else t[:max_size])


def _resolve(schema: Schema, doc: Schema) -> Schema:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    name = ref.rsplit("/", 1)[1]
    resolved: Schema = doc["components"]["schemas"][name]
    return resolved


def from_schema(schema: Schema, doc: Schema) -> st.SearchStrategy[Any]:
    """Values that fit ``schema`` (the subset of JSON Schema pydantic writes)."""
    schema = _resolve(schema, doc)
    if "anyOf" in schema:
        return st.one_of(*(from_schema(s, doc) for s in schema["anyOf"]))
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "const" in schema:
        return st.just(schema["const"])
    kind = schema.get("type")
    if kind == "string":
        return texts(schema.get("maxLength"))
    if kind == "integer":
        return st.integers(schema.get("minimum"), schema.get("maximum"))
    if kind == "number":
        return st.floats(schema.get("minimum"), schema.get("maximum"), allow_nan=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {}), doc), max_size=5)
    if kind == "object":
        props = schema.get("properties", {})
        required = set(schema.get("required", []))
        return st.fixed_dictionaries(
            {k: from_schema(v, doc) for k, v in props.items() if k in required},
            optional={k: from_schema(v, doc) for k, v in props.items() if k not in required},
        )
    return json_values()


def json_values() -> st.SearchStrategy[Any]:
    """Any JSON value, NaN and huge integers included: what a wrong type looks like."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=2**63, max_value=2**200),
        st.floats(allow_nan=True, allow_infinity=True),
        texts(60),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(texts(10), inner, max_size=4)
        ),
        max_leaves=12,
    )


@st.composite
def broken_bodies(draw: st.DrawFn, schema: Schema, doc: Schema) -> Any:
    """A body that fits the schema but for one field of the wrong type, or extra keys."""
    body: dict[str, Any] = draw(from_schema(schema, doc))
    fields = list(_resolve(schema, doc)["properties"]) + ["unknown", "__proto__"]
    body[draw(st.sampled_from(fields))] = draw(json_values())
    if draw(st.booleans()):
        body.pop("draft", None)
    return body


def encode(body: Any, ascii_only: bool) -> bytes:
    """JSON bytes; non-ASCII output carries lone surrogates as they are (not UTF-8)."""
    text = json.dumps(body, ensure_ascii=ascii_only, allow_nan=True)
    return text.encode("utf-8", "surrogatepass")


def nested(depth: int, opener: str) -> bytes:
    closer = {"[": "]", "{": "}"}[opener]
    inner = (opener + '"k":') * depth if opener == "{" else opener * depth
    return ('{"draft": "Hi there.", "x": ' + inner + "1" + closer * depth + "}").encode()


def raw_bodies() -> st.SearchStrategy[bytes]:
    """Bytes that are not a valid body: random, truncated, nested, not an object."""
    return st.one_of(
        st.binary(max_size=200),
        st.builds(nested, st.integers(1, 60_000), st.sampled_from(["[", "{"])),
        st.builds(
            lambda b, cut: b[:cut],
            st.just(b'{"draft": "You should have read it.", "format": "html"}'),
            st.integers(0, 50),
        ),
        st.sampled_from(
            [b"[]", b"null", b'"draft"', b"1e999", b"NaN", b"", b"{}", b"\xef\xbb\xbf{}"]
        ),
        st.builds(
            lambda n: b'{"draft": "Hi", "ticket_id": ' + b"9" * n + b"}", st.integers(1, 9000)
        ),
    )
