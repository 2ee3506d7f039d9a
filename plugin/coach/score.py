"""Deciding what findings cost: category statuses with a one-line reason, and the score.

Analyzers only report; this module alone turns reports into pass/warn/fail and a
0-100 number, so the weighting can change without touching any analyzer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from plugin.coach.draft import Draft
from plugin.coach.model import (
    CATEGORIES,
    CategoryResult,
    CustomerContext,
    Finding,
    Hint,
    MoveHit,
    Status,
)

# Which empathy moves stand as evidence for a category's pass.
_EVIDENCE: dict[str, tuple[str, ...]] = {
    "greeting": ("greeting",),
    "empathy": ("validate", "apologize", "thanks", "reassure", "ownership"),
    "acknowledgement": ("acknowledge",),
    "next_steps": ("next_steps",),
    "closing": ("closing",),
    "personalization": ("personalization",),
}

# Tone and empathy carry a reply (PRODUCT.md: a reply that feels understood);
# spelling and rare words matter less than blame or a missing next step.
_WEIGHTS: dict[str, float] = {
    "greeting": 1.0,
    "empathy": 2.0,
    "acknowledgement": 1.5,
    "tone": 2.0,
    "readability": 1.5,
    "jargon": 1.5,
    "grammar": 1.0,
    "next_steps": 1.5,
    "closing": 1.0,
    "personalization": 1.0,
}
_VALUE: dict[Status, float] = {"pass": 1.0, "warn": 0.6, "fail": 0.15}
_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
# What each finding costs on top of its category's status, so four 70-word sentences
# or five jargon terms weigh more than one; capped so the categories still decide.
_COST = {"error": 5.0, "warning": 2.5}
_MAX_PENALTY = 30.0


class _Moves(Protocol):
    @property
    def moves(self) -> tuple[MoveHit, ...]: ...

    @property
    def expected(self) -> tuple[str, ...]: ...

    @property
    def missing(self) -> tuple[str, ...]: ...


def categorize(
    draft: Draft,
    found: _Moves,
    findings: Sequence[Finding],
    context: CustomerContext | None,
    hints: Sequence[Hint],
) -> dict[str, CategoryResult]:
    by_category: dict[str, list[Finding]] = {c: [] for c in CATEGORIES}
    for f in findings:
        by_category.setdefault(f.category, []).append(f)
    moves_by_name: dict[str, MoveHit] = {}
    for m in found.moves:
        moves_by_name.setdefault(m.move, m)
    result: dict[str, CategoryResult] = {}
    for category in CATEGORIES:
        result[category] = _status(
            category, by_category[category], moves_by_name, found, draft, context, hints
        )
    return result


def _status(
    category: str,
    findings: list[Finding],
    moves: dict[str, MoveHit],
    found: _Moves,
    draft: Draft,
    context: CustomerContext | None,
    hints: Sequence[Hint],
) -> CategoryResult:
    counted = [f for f in findings if f.severity != "info"]
    if counted:
        worst = max(counted, key=lambda f: _SEVERITY_RANK[f.severity])
        status: Status = "fail" if worst.severity == "error" or len(counted) >= 3 else "warn"
        more = f" (+{len(counted) - 1} more)" if len(counted) > 1 else ""
        return CategoryResult(status, worst.message + more)
    evidence = [moves[m] for m in _EVIDENCE.get(category, ()) if m in moves]
    if evidence:
        hit = evidence[0]
        quote = draft.text[hit.start : hit.end].strip()
        if len(quote) > 60:
            quote = quote[:57] + "…"
        return CategoryResult("pass", f"{hit.move.replace('_', ' ')}: “{quote}”")
    if category == "personalization" and context is None and not hints:
        return CategoryResult("n/a", "No customer context: open the draft from a Zendesk ticket.")
    wanted = _EVIDENCE.get(category, ())
    missing = [m for m in wanted if m in found.missing]
    if missing:
        names = ", ".join(m.replace("_", " ") for m in missing)
        return CategoryResult("warn", f"Missing for this customer: {names}.")
    if wanted and not any(m in found.expected for m in wanted):
        return CategoryResult("n/a", "Not needed for this message.")
    if findings:
        return CategoryResult("pass", f"Only minor notes: {findings[0].message}")
    return CategoryResult("pass", _CLEAN.get(category, "Nothing to improve here."))


_CLEAN = {
    "tone": "No blame, dismissal or robotic phrasing found.",
    "readability": "Sentences are short and plain enough.",
    "jargon": "No unexplained jargon or acronyms.",
    "grammar": "No spelling problems found.",
}


def overall_score(categories: dict[str, CategoryResult], findings: Sequence[Finding]) -> int:
    """Weighted mean of category values (n/a excluded), less a small cost per warning/error.

    The per-finding cost keeps two blame phrases worse than one, while the cap and
    the category mean keep ten spelling slips from sinking an empathetic reply.
    """
    total = weight = 0.0
    for name, res in categories.items():
        if res.status == "n/a":
            continue
        w = _WEIGHTS.get(name, 1.0)
        total += w * _VALUE[res.status]
        weight += w
    base = 100.0 * total / weight if weight else 100.0
    penalty = sum(_COST.get(f.severity, 0.0) for f in findings)
    return max(0, min(100, round(base - min(penalty, _MAX_PENALTY))))
