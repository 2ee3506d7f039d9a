"""A macro coached as what it is: a template sent to many customers.

The core reviews each reply body with no customer message, so no mood is guessed
and nothing a mood would demand is asked for. Of what it finds, only what holds for
every customer is kept — tone (robotic phrasing included), jargon, readability, the
greeting, a next step and an open door (the closing) — and the template's own checks
are added: a greeting that names the requester through a placeholder. Suggestions that
would touch or split a placeholder or a Liquid block are never offered.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from plugin.coach.draft import DraftError
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.serialize import review_to_dict
from plugin.macros import liquid
from plugin.macros.template import Template

# Core categories that hold for every customer a macro answers.
KEPT_CATEGORIES = ("greeting", "tone", "readability", "jargon", "next_steps", "closing")
# Weight of each check in a macro's score (a template lives or dies by its tone).
_WEIGHTS = {
    "tone": 3.0,
    "warmth": 2.0,
    "readability": 2.0,
    "jargon": 2.0,
    "greeting_placeholder": 1.0,
    "next_steps": 2.0,
    "closing": 1.0,
}
_VALUE = {"pass": 1.0, "warn": 0.5, "fail": 0.0}
TAGS = (
    "cold",
    "generic",
    "jargon-heavy",
    "hard to read",
    "no greeting placeholder",
    "no next step",
)
# Warm moves: a macro that makes none of them, or is flagged for tone, reads cold.
_WARM = frozenset({"thanks", "acknowledge", "validate", "apologize", "reassure", "ownership"})
GREETING_PLACEHOLDER = "{{ticket.requester.first_name}}"
_REQUESTER = ("ticket.requester.first_name", "ticket.requester.name")
_OPENING_CHARS = 200  # where a greeting stands


@dataclass(frozen=True)
class BodyReport:
    """One reply body of a macro (``comment_value`` or ``comment_value_html``)."""

    field: str
    format: str  # text | html
    text: str  # the body as Zendesk has it (a template, not customer data): findings index it
    sha256: str
    score: int
    categories: dict[str, dict[str, str]]
    findings: list[dict[str, Any]]
    moves: list[str]


@dataclass(frozen=True)
class MacroReport:
    macro_id: int
    title: str
    active: bool
    categories: tuple[str, ...]
    group_ids: tuple[int, ...]
    score: int | None  # None: no reply text (nothing to coach) or an error
    tags: tuple[str, ...] = ()
    bodies: tuple[BodyReport, ...] = ()
    status: str = "ok"  # ok | no_reply | error
    error: str = ""
    checks: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "macro_id": self.macro_id,
            "title": self.title,
            "active": self.active,
            "categories": list(self.categories),
            "group_ids": list(self.group_ids),
            "score": self.score,
            "tags": list(self.tags),
            "status": self.status,
            "error": self.error,
            "checks": dict(self.checks),
            "bodies": [b.__dict__ | {"findings": b.findings} for b in self.bodies],
        }


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def keeps_placeholders(source: str, edits: list[dict[str, Any]]) -> bool:
    """No edit changes or splits a placeholder, nor adds text inside a Liquid block."""
    return Template.of(source).keeps(edits, (0, 0))


def has_greeting_placeholder(source: str) -> bool:
    head = source[:_OPENING_CHARS]
    return any(
        t.strip("{} -").split("|")[0].strip() in _REQUESTER for t in liquid.placeholders(head)
    )


def _greeting_edit(source: str, spans: list[dict[str, Any]]) -> dict[str, Any]:
    """Name the customer in the existing greeting ("Hello," → "Hi {{…}},"), else add one."""
    for m in spans:
        if m["move"] == "greeting" and m["start"] < _OPENING_CHARS:
            edit = {
                "start": m["start"],
                "end": m["end"],
                "replacement": f"Hi {GREETING_PLACEHOLDER}",
            }
            if keeps_placeholders(source, [edit]):
                return edit
    return {"start": 0, "end": 0, "replacement": f"Hi {GREETING_PLACEHOLDER},\n\n"}


def _greeting_finding(source: str, spans: list[dict[str, Any]]) -> dict[str, Any]:
    edit = _greeting_edit(source, spans)
    return {
        "id": "g0",
        "rule_id": "macro-greeting-placeholder",
        "category": "greeting",
        "severity": "warning",
        "start": edit["start"],
        "end": edit["end"],
        "text": source[edit["start"] : edit["end"]],
        "message": "Greet the customer by name: a placeholder fills it in for every ticket.",
        "why": "A macro goes to many customers; a named greeting makes each reply read as "
        "written for them.",
        "suggestions": [
            {
                "label": f"Greet by name: “Hi {GREETING_PLACEHOLDER}”",
                "edits": [edit],
            }
        ],
    }


def _body(coach: Coach, field_name: str, fmt: str, source: str) -> BodyReport:
    review = coach.review(CheckRequest(draft=source, format="html" if fmt == "html" else "text"))
    out = review_to_dict(review, source)
    greeted = has_greeting_placeholder(source)
    template = Template.of(source)
    findings = []
    for f in out["findings"]:
        if f["category"] not in KEPT_CATEGORIES:
            continue
        if f["rule_id"] == "missing-greeting" and (
            greeted or fmt == "text" or "{%" in source[:_OPENING_CHARS]
        ):
            continue  # a Liquid block's greeting counts; a text body gets the placeholder one
        span = (f["start"], f["end"])
        f["suggestions"] = [s for s in f["suggestions"] if template.keeps(s["edits"], span)]
        findings.append(f)
    if not greeted and fmt == "text":
        findings.insert(0, _greeting_finding(source, out["move_spans"]))
    for f in findings:  # ids the write-back is asked with: field:finding:index
        for i, s in enumerate(f["suggestions"]):
            s["id"] = f"{field_name}:{f['id']}:{i}"
    categories = {k: v for k, v in out["categories"].items() if k in KEPT_CATEGORIES}
    return BodyReport(
        field=field_name,
        format=fmt,
        text=source,
        sha256=sha256(source),
        score=0,  # set by lint_macro from the checks
        categories=categories,
        findings=findings,
        moves=out["moves"],
    )


def _checks(body: BodyReport, source: str) -> dict[str, str]:
    cats = body.categories
    return {
        "tone": cats["tone"]["status"],
        "warmth": "pass" if _WARM.intersection(body.moves) else "warn",
        "readability": cats["readability"]["status"],
        "jargon": cats["jargon"]["status"],
        "greeting_placeholder": "pass" if has_greeting_placeholder(source) else "fail",
        "next_steps": cats["next_steps"]["status"],
        "closing": cats["closing"]["status"],
    }


def _score(checks: dict[str, str]) -> int:
    known = [(w, _VALUE[checks[k]]) for k, w in _WEIGHTS.items() if checks[k] in _VALUE]
    total = sum(w for w, _ in known)
    return round(100 * sum(w * v for w, v in known) / total) if total else 100


def _tags(checks: dict[str, str], source: str) -> tuple[str, ...]:
    tags = []
    if checks["tone"] != "pass" or checks["warmth"] != "pass":
        tags.append("cold")
    if not any(p.strip("{} -").startswith("ticket.") for p in liquid.placeholders(source)):
        tags.append("generic")  # nothing in it changes from one customer to the next
    if checks["jargon"] in ("warn", "fail"):
        tags.append("jargon-heavy")
    if checks["readability"] in ("warn", "fail"):
        tags.append("hard to read")
    if checks["greeting_placeholder"] == "fail":
        tags.append("no greeting placeholder")
    if checks["next_steps"] in ("warn", "fail"):
        tags.append("no next step")
    return tuple(tags)


def lint_macro(coach: Coach, macro: Any) -> MacroReport:
    """Coach one macro (a ``plugin.zendesk.macros.Macro`` or alike); never raises for
    its content: an uncoachable body is that macro's error."""
    base: dict[str, Any] = {
        "macro_id": macro.id,
        "title": macro.title,
        "active": macro.active,
        "categories": tuple(macro.categories),
        "group_ids": tuple(macro.group_ids),
    }
    sources = [
        (name, fmt, text)
        for name, fmt, text in (
            ("comment_value", "text", macro.text),
            ("comment_value_html", "html", macro.html),
        )
        if text and text.strip()
    ]
    if not sources:
        return MacroReport(**base, score=None, status="no_reply")
    try:
        bodies = [_body(coach, *s) for s in sources]
    except DraftError as err:
        return MacroReport(**base, score=None, status="error", error=str(err))
    scored = []
    for body, (_, _, source) in zip(bodies, sources, strict=True):
        checks = _checks(body, source)
        scored.append((BodyReport(**{**body.__dict__, "score": _score(checks)}), checks, source))
    primary, checks, source = scored[0]
    return MacroReport(
        **base,
        score=primary.score,
        tags=_tags(checks, source),
        bodies=tuple(b for b, _, _ in scored),
        checks=checks,
    )
