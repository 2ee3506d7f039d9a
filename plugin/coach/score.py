"""Deciding what findings cost: category statuses with a one-line reason, and the score.

Analyzers only report; this module alone turns reports into pass/warn/fail and a
0-100 number, so the weighting can change without touching any analyzer.

The score is 100 less what each category's status costs, so it explains itself: every
point lost is in a category that says why. Tone and empathy carry a reply (PRODUCT.md:
a reply that feels understood), then whether a solution is offered and the problem
understood; spelling, rare words and courtesies cost little. An excellent reply keeps
90 or more with a long sentence or a missing greeting; a reply that blames, shields
behind policy or stays cold to an upset customer falls under 50.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Protocol

from plugin.coach.channel import Channel
from plugin.coach.draft import Draft
from plugin.coach.model import (
    CATEGORIES,
    CATEGORY_LABELS,
    CategoryResult,
    CustomerContext,
    Finding,
    Hint,
    MoveHit,
    Severity,
    category_key,
)

# Which empathy moves stand as evidence for a category's pass.
_EVIDENCE: dict[str, tuple[str, ...]] = {
    "greeting": ("greeting",),
    "empathy": ("validate", "apologize", "reassure", "thanks"),
    "comprehension": ("acknowledge",),
    "solution_offered": ("ownership", "next_steps"),
    "next_steps": ("next_steps",),
    "closing": ("closing",),
    "personalization": ("personalization",),
}
# Points at stake per category: a failed category costs all of them, a warned one a
# share per problem. Tone and empathy decide whether a reply is good; whether a solution
# is offered comes next; the rest is polish.
WEIGHTS: dict[str, float] = {
    "tone": 40.0,
    "empathy": 40.0,
    "solution_offered": 20.0,
    "comprehension": 8.0,
    "next_steps": 6.0,
    "readability": 6.0,
    "jargon": 4.0,
    "spelling_grammar": 4.0,
    "greeting": 3.0,
    "closing": 3.0,
    "personalization": 2.0,
}
PER_PROBLEM = 0.5  # share of a category's points each warning in it costs ...
MAX_WARNED = 0.8  # ... up to this share while the category only warns
IDEA = 0.1  # share an expected move costs when it is only worth an idea here
_RELATIONAL = frozenset({"tone", "empathy"})
_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
_LETTER = frozenset({"greeting", "closing", "personalization"})  # asked of an email only
_NOT_COACHED_IN_NOTES = frozenset(CATEGORIES) - {"readability", "spelling_grammar"}
_MISSING = "missing-"


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
    channel: Channel | None = None,
    internal: bool = False,
    off: frozenset[str] = frozenset(),
) -> dict[str, CategoryResult]:
    """Each category's status; ``off``: categories the account does not coach."""
    by_category: dict[str, list[Finding]] = {}
    for f in findings:
        by_category.setdefault(f.category, []).append(f)
    moves: dict[str, MoveHit] = {}
    for m in found.moves:
        moves.setdefault(m.move, m)
    register = channel.register if channel else "email"
    result: dict[str, CategoryResult] = {}
    for category in CATEGORIES:
        if internal and category in _NOT_COACHED_IN_NOTES:
            result[category] = _INTERNAL
        elif category in off:
            result[category] = _OFF
        elif register != "email" and category in _LETTER and not _has(category, moves):
            result[category] = _not_expected(register)
        else:
            result[category] = _status(
                category, by_category.get(category, _NONE), moves, found, draft, context, hints
            )
    return result


# The results that say the same every time are made once (a frozen dataclass is slow
# to build): the statuses above and below, and one per register not asked for a letter.
_INTERNAL = CategoryResult("n/a", "Internal note: not coached for this.")
_OFF = CategoryResult("n/a", "Turned off in this account's settings.")
_NO_CONTEXT = CategoryResult("n/a", "No customer context: open the draft from a Zendesk ticket.")
_NOT_NEEDED = CategoryResult("n/a", "Not needed for this message.")
_NOT_EXPECTED: dict[str, CategoryResult] = {}
_NONE: list[Finding] = []  # a category without findings (only read)


def _not_expected(register: str) -> CategoryResult:
    found = _NOT_EXPECTED.get(register)
    if found is None:
        found = CategoryResult("n/a", f"Not expected in a {register} reply.")
        if len(_NOT_EXPECTED) < 16:  # registers are a few short names
            _NOT_EXPECTED[register] = found
    return found


def _has(category: str, moves: dict[str, MoveHit]) -> bool:
    return any(m in moves for m in _EVIDENCE.get(category, ()))


def _status(
    category: str,
    findings: list[Finding],
    moves: dict[str, MoveHit],
    found: _Moves,
    draft: Draft,
    context: CustomerContext | None,
    hints: Sequence[Hint],
) -> CategoryResult:
    if findings:
        counted = [f for f in findings if f.severity != "info"]
        if counted:
            return _problem(category, counted)
    wanted = _EVIDENCE.get(category, ())
    for m in wanted:
        hit = moves.get(m)
        if hit is not None:  # the first move that stands as evidence
            quote = draft.text[hit.start : hit.end].strip()
            if len(quote) > 60:
                quote = quote[:57] + "…"
            return CategoryResult("pass", f"{hit.move.replace('_', ' ')}: “{quote}”")
    if category == "personalization" and context is None and not hints:
        return _NO_CONTEXT
    missing = [m for m in wanted if m in found.missing] if wanted else wanted
    if missing:  # expected here, yet only an idea for this customer (no warning)
        idea = next((f for f in findings if f.rule_id.startswith(_MISSING)), None)
        names = ", ".join(m.replace("_", " ") for m in missing)
        return CategoryResult("warn", f"Idea: {idea.message}" if idea else f"Idea: {names}.")
    if wanted and not any(m in found.expected for m in wanted):
        return _NOT_NEEDED
    if findings:
        return CategoryResult("pass", f"Only minor notes: {findings[0].message}")
    return _CLEAN_RESULT.get(category, _NOTHING)


def _severity_rank(f: Finding) -> int:
    return _SEVERITY_RANK[f.severity]


def _problem(category: str, counted: list[Finding]) -> CategoryResult:
    """Warn on a problem; fail on an error or on several."""
    worst = counted[0] if len(counted) == 1 else max(counted, key=_severity_rank)
    # Two problems fail tone or empathy: blame plus a policy shield, or an upset
    # customer given neither an apology nor a word for how they feel.
    fail_at = 2 if category in _RELATIONAL else 3
    failed = worst.severity == "error" or len(counted) >= fail_at
    more = f" (+{len(counted) - 1} more)" if len(counted) > 1 else ""
    return CategoryResult("fail" if failed else "warn", worst.message + more)


_CLEAN = {
    "tone": "No blame, dismissal or robotic phrasing found.",
    "readability": "Sentences are short and plain enough.",
    "jargon": "No unexplained jargon or acronyms.",
    "spelling_grammar": "No spelling problems found.",
}
_CLEAN_RESULT = {c: CategoryResult("pass", reason) for c, reason in _CLEAN.items()}
_NOTHING = CategoryResult("pass", "Nothing to improve here.")


def with_severities(
    findings: Sequence[Finding], overrides: Sequence[tuple[str, str]]
) -> tuple[list[Finding], frozenset[str]]:
    """``findings`` under the account's per-category severities, and the categories
    turned off (their findings dropped). One dict lookup per finding, whatever the pack."""
    table = dict(overrides)
    out: list[Finding] = []
    for f in findings:
        wanted = table.get(category_key(f.category))
        if wanted is None or wanted == f.severity:
            out.append(f)
        elif wanted != "off":
            sev: Severity = (
                "info" if wanted == "info" else "error" if wanted == "error" else "warning"
            )
            out.append(
                Finding(f.rule_id, f.category, sev, f.start, f.end, f.message, f.why, f.suggestions)
            )
    return out, frozenset(c for c, s in table.items() if s == "off")


def points_lost(
    categories: dict[str, CategoryResult], findings: Sequence[Finding]
) -> dict[str, CategoryResult]:
    """Each category with what its status costs: every point off the score has a reason.

    A failed category costs its weight; a warned one ``PER_PROBLEM`` of it per warning
    (up to ``MAX_WARNED``), or ``IDEA`` of it when only ideas keep it from passing;
    pass and n/a cost nothing, so a chat reply is not marked down for the greeting it
    was never asked for.
    """
    problems: dict[str, int] = {}
    for f in findings:
        if f.severity != "info":
            problems[f.category] = problems.get(f.category, 0) + 1
    out: dict[str, CategoryResult] = {}
    for name, res in categories.items():
        if res.status in ("pass", "n/a") and res.points_lost == 0.0:
            out[name] = res  # costs nothing, as it already says: no new result needed
            continue
        weight = WEIGHTS.get(name, 3.0)
        lost = 0.0
        if res.status == "fail":
            lost = weight
        elif res.status == "warn":
            n = problems.get(name, 0)
            lost = weight * (min(MAX_WARNED, PER_PROBLEM * n) if n else IDEA)
        out[name] = CategoryResult(res.status, res.reason, round(lost, 1))
    return out


def overall_score(categories: dict[str, CategoryResult], findings: Sequence[Finding]) -> int:
    """100 less what the categories lose (``points_lost``), within 0..100."""
    return total(points_lost(categories, findings))


_POINTS_LOST: Callable[[CategoryResult], float] = attrgetter("points_lost")


def total(categories: dict[str, CategoryResult]) -> int:
    """The score of categories whose ``points_lost`` is already set."""
    return max(0, min(100, round(100.0 - sum(map(_POINTS_LOST, categories.values())))))


def label(category: str) -> str:
    """The display name of a category ("spelling_grammar" -> "Spelling & grammar")."""
    return CATEGORY_LABELS.get(category, category.replace("_", " ").capitalize())
