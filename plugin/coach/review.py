"""The coaching pipeline: one draft in, one ``Review`` out.

``Coach`` holds what is loaded once (the compiled rule pack, settings); every
call parses the draft once and hands the same ``Draft`` to each analyzer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from time import perf_counter

from plugin.coach import (
    calibrate,
    channel,
    cheer,
    deflect,
    empathy,
    jargon,
    mood_window,
    needs,
    readability,
    shouting,
    spelling,
)
from plugin.coach.draft import Draft, DraftError, Format, parse
from plugin.coach.empathy import EmpathyResult
from plugin.coach.hints import hints as customer_hints
from plugin.coach.model import (
    MAX_FINDINGS,
    MOVE_CATEGORY,
    CommentType,
    CustomerContext,
    Finding,
    Hint,
    MoveHit,
    Review,
    Settings,
    Suggestion,
    category_key,
)
from plugin.coach.rules import RulePack
from plugin.coach.score import categorize, points_lost, total, with_severities
from plugin.coach.suggest.inserting import insert_sentence
from plugin.coach.suggest.placement import source_edit
from plugin.coach.suggest.vet import vet as vet_suggestions


class DraftTooLong(DraftError):
    """The draft is over the size limit; carries the limit for the error message."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(f"draft is {length} characters; the limit is {limit}")
        self.length = length
        self.limit = limit


@dataclass(frozen=True)
class CheckRequest:
    draft: str
    format: Format = "text"
    customer_message: str = ""
    context: CustomerContext | None = None
    now: datetime | None = None
    channel: str | None = None  # Zendesk via channel ("email", "whatsapp", ...); None = infer
    comment_type: CommentType = "public"  # an internal note is not coached for empathy


@dataclass(frozen=True)
class Coach:
    pack: RulePack
    settings: Settings = Settings()

    def parse(self, request: CheckRequest) -> Draft:
        """Validate and parse; raises DraftError (or DraftTooLong) with a clear message."""
        if not request.draft or not request.draft.strip():
            raise DraftError("draft is empty: paste or type the reply to coach")
        if len(request.draft) > self.settings.max_draft_chars:
            raise DraftTooLong(len(request.draft), self.settings.max_draft_chars)
        ctx = request.context
        names = tuple(n for n in ((ctx.name, ctx.first_name) if ctx else ()) if n)
        draft = parse(request.draft, request.format, names)
        if not draft.text.strip():
            raise DraftError("draft has no text once markup is removed")
        return draft

    def review(self, request: CheckRequest) -> Review:
        timings: dict[str, float] = {}
        clock = perf_counter()

        def lap(name: str) -> None:
            nonlocal clock
            now = perf_counter()
            timings[name] = round((now - clock) * 1000, 3)
            clock = now

        draft = self.parse(request)
        lap("parse")
        notes: list[str] = []
        customer = None
        if request.customer_message:
            customer, cut = mood_window.read(request.customer_message)
            notes += [cut] if cut else []
        lap("mood")
        via = request.channel or (request.context.channel if request.context else None)
        chan = channel.resolve(via, draft.text)
        internal = request.comment_type == "internal"
        shouts: list[Finding] = []
        if internal:  # a note to colleagues: no empathy, tone, jargon or personal coaching
            found = EmpathyResult((), (), (), ())
        else:
            asked = self.settings.moves_for(customer.label) if customer else frozenset()
            found = empathy.analyze(
                draft, self.pack, customer, request.context, request.customer_message, asked
            )
            found = needs.adjust(found, draft, customer, chan, asked)
            more = calibrate.every_excess(draft, self.pack, found.findings, found.matches)
            if more:
                found = dataclasses.replace(found, findings=(*found.findings, *more))
            shouts = [
                *deflect.analyze(draft, found, customer, request.customer_message, chan.register),
                *shouting.in_draft(draft, self.pack.allowlist),
                *cheer.analyze(draft, customer),
            ]
        lap("empathy")
        read = readability.analyze(draft, self.settings)
        lap("readability")
        words = (
            ()
            if internal
            else jargon.analyze(draft, self.pack, self.settings, request.customer_message)
        )
        lap("jargon")
        spelled = spelling.analyze(draft, self.pack)
        lap("spelling")
        hints = (
            placed_hints(
                draft,
                found.body_start,
                customer_hints(request.context, request.now or datetime.now(UTC)),
            )
            if request.context and not internal
            else ()
        )
        reported = [*found.findings, *shouts, *read.findings, *words, *spelled]
        off: frozenset[str] = frozenset()
        if self.settings.category_severity:  # the account's per-category severities
            reported, off = with_severities(reported, self.settings.category_severity)
        plain = vet_suggestions(
            draft,
            reported,
            customer,
            found.moves,
            limit=MAX_FINDINGS + 1,
        )
        # Past MAX_FINDINGS the rest are left unmapped: no reply has that many, and
        # a draft made to have thousands would cost a mapping each.
        findings = tuple(islice(to_source(draft, plain), MAX_FINDINGS + 1))
        if len(findings) > MAX_FINDINGS:
            findings = findings[:MAX_FINDINGS]
            notes.append(f"Only the first {MAX_FINDINGS} findings are shown.")
        categories = points_lost(
            categorize(draft, found, findings, request.context, hints, chan, internal, off),
            findings,
        )
        lap("score")
        moves = tuple(
            MoveHit(m.move, *draft.to_source(m.start, m.end), m.rule_id) for m in found.moves
        )
        return Review(
            score=total(categories),
            categories=categories,
            moves=moves,
            missing_moves=(
                tuple(m for m in found.missing if MOVE_CATEGORY.get(m) not in off)
                if off
                else found.missing
            ),
            findings=findings,
            readability=dict(read.stats),
            hints=hints,
            customer_mood=customer,
            timings=timings,
            notes=tuple(notes),
            channel=chan.name,
            register=chan.register,
            register_inferred=chan.inferred,
            comment_type=request.comment_type,
        )


# Hints whose wording is a sentence to add; the greeting hint is served by the
# greeting findings, and a wording with a "<slot>" needs the agent's own words.
_NOT_PLACED = frozenset({"greet_first_name"})


def placed_hints(draft: Draft, body_start: int, hints: Iterable[Hint]) -> tuple[Hint, ...]:
    """Hints with their wording placed at the start of the body, as a one-click edit."""
    placed = []
    for h in hints:
        if h.wording and h.id not in _NOT_PLACED and "<" not in h.wording:
            edit = source_edit(draft, insert_sentence(draft.text, body_start, h.wording))
            h = dataclasses.replace(h, suggestion=Suggestion(f"Add: “{h.wording}”", (edit,)))
        placed.append(h)
    return tuple(placed)


def to_source(draft: Draft, findings: Iterable[Finding]) -> Iterable[Finding]:
    """Findings with offsets and edits mapped onto the input as sent.

    A finding touching a protected span is dropped here too, as a last guard.
    Findings come out in reading order.
    """
    keep = [
        f
        for f in findings
        if f.rule_id.startswith("missing-") or not draft.is_protected(f.start, f.end)
    ]
    # Plain text as sent (no HTML, no CRLF): every offset and edit maps to itself.
    same = draft.format == "text" and draft._starts is None
    for f in sorted(keep, key=lambda f: (f.start, f.end, f.rule_id)):
        start, end = (f.start, f.end) if same else draft.to_source(f.start, f.end)
        suggestions = tuple(
            s
            if same and type(s.edits) is tuple
            else Suggestion(s.label, tuple(source_edit(draft, e) for e in s.edits))
            for s in f.suggestions
            if not any(e.start != e.end and draft.is_protected(e.start, e.end) for e in s.edits)
        )
        # Built directly: dataclasses.replace costs several times more per finding.
        category = category_key(f.category)  # analyzers may still use an earlier name
        yield Finding(f.rule_id, category, f.severity, start, end, f.message, f.why, suggestions)
