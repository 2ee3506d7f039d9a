"""Empathy moves and anti-patterns in a draft, calibrated to the customer's mood.

``analyze`` reports the moves the draft makes (with spans), the anti-patterns it
contains (each with a rewrite of the matched span), and the moves this customer
needs but the draft lacks (each with wording to insert). Every suggestion is
checked before it is offered: applying it removes its finding and creates no
new anti-pattern anywhere.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from plugin.coach import antipattern, calibrate, exact, layout, moves, wording
from plugin.coach.draft import Draft
from plugin.coach.layout import Layout
from plugin.coach.model import (
    MAX_FINDINGS,
    CustomerContext,
    Finding,
    Mood,
    MoveHit,
)
from plugin.coach.moves import from_mood
from plugin.coach.rules import RuleMatch, RulePack, fold

# Anti-pattern findings per draft, in reading order, and how many of them get a
# checked rewrite: far above any real reply (a few), and a bound on the work.
MAX_ANTIPATTERNS = MAX_FINDINGS
MAX_REWRITES = 12


@dataclass(frozen=True, slots=True)
class EmpathyResult:
    moves: tuple[MoveHit, ...]
    findings: tuple[Finding, ...]
    expected: tuple[str, ...]
    missing: tuple[str, ...]
    body_start: int = 0  # where the reply's body begins (after the greeting line)
    # The draft's rule matches outside protected spans, for later stages that need
    # them (``calibrate.every_excess``): matching the draft again would cost a second pass.
    matches: tuple[RuleMatch, ...] = ()


def analyze(
    draft: Draft,
    pack: RulePack,
    mood: Mood | None,
    context: CustomerContext | None,
    customer: str = "",
    asked: Iterable[str] = (),
) -> EmpathyResult:
    """Moves, anti-patterns and calibrated missing-move findings for ``draft``;
    ``customer`` is the message it answers, when known; ``asked`` are the moves the
    account's settings ask of this customer's mood."""
    everything = pack.find(draft.text)
    exact.remember(pack, draft.text, everything)
    # with no protected span nothing is protected: no test per match
    matches = (
        [m for m in everything if not draft.is_protected(m.start, m.end)]
        if draft.protected
        else list(everything)
    )
    known = context.first_name if context and context.first_name else None
    openers = [m for m in everything if m.rule.move == "greeting" and _is_opener(m)]
    shape = layout.read(draft, [(m.start, m.end) for m in openers], known)
    name = known or shape.name
    topic = wording.fit_topic(mood.topic if mood else None)
    problem = mood.problem if mood else None

    # "Hi there" is only generic when we know whom to greet
    avoid = _longest_per_rule(
        [m for m in matches if m.rule.kind == "avoid" and (name or not m.rule.requires_name)]
    )
    moves = _moves(draft, matches, avoid, openers, shape, mood, name, customer)
    fill = {
        "topic": topic,
        "problem": problem.rstrip(" .!?") if problem else None,
        "first_name": name,
    }
    # Each rewrite is re-checked on the text around it; past the budget a finding
    # still says what is wrong, but offers no rewrite (a draft of hundreds of
    # anti-patterns would otherwise cost a check each).
    findings = [
        antipattern.finding(draft, pack, m, fill, checked=i < MAX_REWRITES)
        for i, m in enumerate(avoid[:MAX_ANTIPATTERNS])
    ]

    present = {h.move for h in moves}
    detectable = set(pack.move_names)
    if name:
        detectable.add("personalization")
    expected = calibrate.expected(mood, context, detectable, asked)
    missing = tuple(m for m in expected if m not in present)
    findings += _calibration(draft, pack, matches, avoid, moves, mood)
    findings += _missing(
        draft, pack, shape, missing, avoid, findings, name, (topic, problem), moves, mood
    )
    findings.sort(key=lambda f: (f.start, f.end, f.rule_id))
    return EmpathyResult(
        tuple(moves), tuple(findings), expected, missing, shape.body_start, tuple(matches)
    )


def _is_opener(m: RuleMatch) -> bool:
    return m.rule.kind == "move" and m.rule.move == "greeting" and m.rule.scope == "opening"


def _longest_per_rule(matches: list[RuleMatch]) -> list[RuleMatch]:
    """Overlapping matches of one rule ("please calm down", "calm down") count once.

    A match strictly inside another rule's longer match ("I've already told you" in
    "As I've already told you") is the same problem: the longer rule's rewrite,
    which replaces both, is the one shown.
    """
    kept: list[RuleMatch] = []
    last_end: dict[str, int] = {}
    for m in sorted(matches, key=lambda m: (m.start, -m.end)):
        if m.start >= last_end.get(m.rule.id, -1):
            kept.append(m)
            last_end[m.rule.id] = m.end
    # A match holding m starts at most the longest match's length before it: only
    # those are compared (all pairs would be quadratic in a draft of many matches).
    starts = [m.start for m in kept]
    longest = max((m.end - m.start for m in kept), default=0)
    return [
        m
        for m in kept
        if not any(
            o.rule.id != m.rule.id and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
            for o in kept[bisect_left(starts, m.start - longest) : bisect_right(starts, m.start)]
        )
    ]


# ---- moves -------------------------------------------------------------------


def _moves(
    draft: Draft,
    matches: list[RuleMatch],
    avoid: list[RuleMatch],
    openers: list[RuleMatch],
    shape: Layout,
    mood: Mood | None,
    name: str | None,
    customer: str,
) -> list[MoveHit]:
    # A robotic apology is an anti-pattern, not the move it imitates.
    weak = [(m.start, m.end, m.rule.move) for m in avoid if m.rule.move]
    hits: list[MoveHit] = []
    for m in matches:
        if m.rule.kind != "move" or not m.rule.move or _is_opener(m):
            continue
        if weak and any(s < m.end and m.start < e and mv == m.rule.move for s, e, mv in weak):
            continue
        hits.append(MoveHit(m.rule.move, m.start, m.end, m.rule.id))
    felt = [(h.start, h.end) for h in hits if h.move == "validate"]
    found = moves.detect(draft, customer, felt)
    if weak:  # most drafts botch no move
        found = [h for h in found if not _botched(h, weak)]
    hits += found
    if shape.greeting_start is not None and shape.greeting_end is not None:
        # The name is protected, yet "Hi Maria," is the greeting move itself.
        rule_id = next(m.rule.id for m in openers if m.start == shape.greeting_start)
        hits.append(MoveHit("greeting", shape.greeting_start, shape.greeting_end, rule_id))
    hits += _name_hits(draft, name)
    if not customer:  # without their words, the problem clause read from the mood stands in
        # pushback is no restatement: blame, a policy shield, can't-language...
        pushback = [
            (m.start, m.end) for m in avoid if not m.rule.move and m.rule.severity != "info"
        ]
        # a sentence that tells the customer what to do answers; it does not restate
        answers = [(h.start, h.end) for h in found if h.move == "next_steps"]
        hits += from_mood.acknowledgements(draft, shape, mood, pushback, answers)
    return _merge(hits)


def _botched(hit: MoveHit, weak: list[tuple[int, int, str]]) -> bool:
    return any(s < hit.end and hit.start < e and mv == hit.move for s, e, mv in weak)


def _name_hits(draft: Draft, name: str | None) -> list[MoveHit]:
    if not name:
        return []
    return [
        MoveHit("personalization", m.start(), m.end(), "personalization-name")
        for m in _name_pattern(name).finditer(draft.folded)
    ]


@lru_cache(maxsize=1024)
def _name_pattern(name: str) -> re.Pattern[str]:
    """The customer's name as a whole word, compiled once per name."""
    # A literal first (on the folded text, so case-sensitive): re scans fast for a
    # leading literal, and a leading look-behind or IGNORECASE would defeat that.
    literal = re.escape(fold(name))
    return re.compile(f"{literal}(?!\\w)(?<!\\w{literal})")


def _merge(hits: list[MoveHit]) -> list[MoveHit]:
    """One hit per overlapping run of the same move, keeping the longest's rule id."""
    out: list[MoveHit] = []
    for h in sorted(hits, key=lambda h: (h.move, h.start, -h.end)):
        if out and out[-1].move == h.move and h.start < out[-1].end:
            if h.end > out[-1].end:
                last = out[-1]
                out[-1] = MoveHit(last.move, last.start, h.end, last.rule_id)
            continue
        out.append(h)
    return sorted(out, key=lambda h: (h.start, h.end, h.move))


# ---- calibration and missing moves ------------------------------------------------


def _calibration(
    draft: Draft,
    pack: RulePack,
    matches: list[RuleMatch],
    avoid: list[RuleMatch],
    moves: list[MoveHit],
    mood: Mood | None,
) -> list[Finding]:
    feeling = [m for m in matches if m.rule.move in calibrate.EMPATHY]  # apologies are too
    apologies = calibrate.spans(feeling, calibrate.APOLOGY)
    empathy = calibrate.spans(feeling, calibrate.EMPATHY)
    counted = calibrate.EMPATHY | {"greeting", "personalization"}
    busy = [(h.start, h.end) for h in moves if h.move not in counted]
    busy += [(m.start, m.end) for m in avoid if m.rule.move not in calibrate.EMPATHY]
    found = [
        calibrate.over_apologizing(draft, pack, apologies, busy),
        calibrate.over_empathizing(draft, pack, mood, empathy, busy),
    ]
    return [f for f in found if f is not None]


def _missing(
    draft: Draft,
    pack: RulePack,
    shape: Layout,
    missing: tuple[str, ...],
    avoid: list[RuleMatch],
    findings: list[Finding],
    name: str | None,
    fitted: tuple[str | None, str | None],
    moves: list[MoveHit],
    mood: Mood | None = None,
) -> list[Finding]:
    out: list[Finding] = []
    greeting_flagged = any(f.category == "greeting" for f in findings)
    if name and not greeting_flagged:
        named = wording.greeting_name_finding(draft, pack, shape, name)
        if named is not None:
            out.append(named)
            greeting_flagged = True
    # An anti-pattern that botches a move (a robotic apology) already says what to fix.
    covered = {m.rule.move for m in avoid if m.rule.move}
    if greeting_flagged or "greeting" in missing:
        covered.add("personalization")
    wanted = [m for m in missing if m not in covered]
    closings = [h.start for h in moves if h.move == "closing" and h.start > shape.body_start]
    closing_start = _sentence_start_of(draft, min(closings)) if closings else None
    topic, problem = fitted
    present = {h.move for h in moves}
    return out + wording.missing_findings(
        draft, pack, shape, wanted, name, topic, closing_start, problem, present, mood
    )


def _sentence_start_of(draft: Draft, pos: int) -> int:
    span = draft.sentence_at(pos)
    return span.start if span is not None else pos
