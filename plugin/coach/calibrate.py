"""Empathy calibrated to the customer's mood (PRODUCT.md: "Empathy is calibrated").

A frustrated or angry customer needs validation, an apology and ownership; a
calm how-to question needs a clear answer, and piling empathy onto it costs
efficiency. Too many apologies read as grovelling in any mood.

Acknowledgement (restating the customer's problem) is expected when the
customer's message states a specific problem (``Mood.problem``, a clause such as
"your order #4411 still has not arrived") and the customer is frustrated, angry
or neutral:

- upset customers most need to hear that their specific problem was understood,
  so they needn't repeat it (PRODUCT.md, "acknowledge / paraphrase");
- a neutral message that reports a problem ("The export button does nothing")
  deserves a reply that names it, which a direct answer usually does anyway: any
  sentence reusing the problem's words counts (``moves.restate``, or ``moves.from_mood``);
- a calm message is most often a how-to question, where restating adds length,
  not value, so it is not expected there;
- with no problem stated we cannot check or suggest a real restatement, so it is
  not expected either: a bare topic ("Where is my refund?") is a question to
  answer, and a "we read your message" filler line is not acknowledgement.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from plugin.coach import edits, exact
from plugin.coach.draft import Draft, Span
from plugin.coach.model import MOVES, CustomerContext, Edit, Finding, Mood, Suggestion
from plugin.coach.rule_compile import compile_rules
from plugin.coach.rule_match import Matcher
from plugin.coach.rules import RuleMatch, RulePack

_ALWAYS = ("greeting", "next_steps", "closing")
_WHEN_UPSET = ("validate", "apologize", "ownership")
UPSET = frozenset({"worried", "frustrated", "angry"})  # worried: grief, illness, money…
ACKNOWLEDGE = UPSET | {"neutral"}  # moods whose named problem the reply should restate
MAX_APOLOGIES = 2  # a third apology reads as grovelling
MAX_CALM_EMPATHY = 1  # one kind line is enough for a calm question
HEAVY_EXTRA_EMPATHY = 2  # this many lines beyond that make over-empathizing a warning
SHORT_REPLY_WORDS = 150  # over-empathizing is judged on short answers only
_SPARE_WORDS = 8  # a sentence with more words than its empathy phrase + this carries content
EMPATHY = frozenset({"validate", "apologize"})
APOLOGY = frozenset({"apologize"})
_EXCESS = {"over-apologizing": APOLOGY, "over-empathizing": EMPATHY}


def expected(
    mood: Mood | None,
    context: CustomerContext | None,
    detectable: set[str],
    asked: Iterable[str] = (),
) -> tuple[str, ...]:
    """Moves this reply should make, given the customer's mood (None = neutral);
    ``asked`` are the moves the account's settings ask of this mood (needs.py)."""
    wanted = set(_ALWAYS)
    if mood is not None and mood.label in UPSET:
        wanted.update(_WHEN_UPSET)
    # a restatement needs a named problem to restate (see the module's notes)
    wanted.update(m for m in asked if m != "acknowledge" or (mood is not None and mood.problem))
    if mood is not None and mood.label in ACKNOWLEDGE and mood.problem:
        wanted.add("acknowledge")
    if context is not None and context.first_name:
        wanted.add("personalization")
    return tuple(m for m in MOVES if m in wanted and m in detectable)


def spans(matches: Iterable[RuleMatch], moves: frozenset[str]) -> list[tuple[int, int]]:
    """Merged spans of phrases doing one of ``moves`` (a robotic apology counts too)."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted((m.start, m.end) for m in matches if m.rule.move in moves):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def over_apologizing(
    draft: Draft, pack: RulePack, apologies: list[tuple[int, int]], busy: list[tuple[int, int]]
) -> Finding | None:
    """More than two apologies; ``busy`` are spans of other moves a deletion must keep."""
    if len(apologies) <= MAX_APOLOGIES:
        return None
    start, end = apologies[MAX_APOLOGIES]
    return Finding(
        "over-apologizing",
        "tone",
        "warning",
        start,
        end,
        f"{len(apologies)} apologies: one or two sincere ones are enough.",
        "Repeated apologies sound nervous and bury the fix; apologize once, specifically, "
        "then say what you're doing about it.",
        _trim(draft, pack, apologies, busy, MAX_APOLOGIES, APOLOGY, "Remove the extra apologies"),
    )


def over_empathizing(
    draft: Draft,
    pack: RulePack,
    mood: Mood | None,
    empathy: list[tuple[int, int]],
    busy: list[tuple[int, int]],
) -> Finding | None:
    """Too many empathy phrases in a short answer to a calm or neutral customer.

    One kind line suits a how-to question; a customer reporting a problem
    (``Mood.problem``), however calmly, may get an apology and a validation.
    """
    if mood is not None and mood.label in UPSET:
        return None
    keep = MAX_CALM_EMPATHY + (1 if mood is not None and mood.problem else 0)
    if len(empathy) <= keep or len(draft.words) > SHORT_REPLY_WORDS:
        return None
    start, end = empathy[keep]
    extra = len(empathy) - keep
    return Finding(
        "over-empathizing",
        "tone",
        # one line too many is a nudge; a pile of sympathy on a how-to answer is a real miss
        "warning" if extra >= HEAVY_EXTRA_EMPATHY else "info",
        start,
        end,
        f"{len(empathy)} sympathy lines for a calm question; a short, direct answer serves "
        "them best.",
        "Empathy must not cost efficiency: several sympathy lines in a short how-to answer "
        "read as scripted and delay the answer.",
        _trim(
            draft,
            pack,
            empathy,
            busy,
            keep,
            EMPATHY,
            "Keep one empathy line" if keep == 1 else f"Keep {keep} empathy lines",
        ),
    )


def every_excess(
    draft: Draft,
    pack: RulePack,
    findings: Sequence[Finding],
    matches: Sequence[RuleMatch] | None = None,
) -> list[Finding]:
    """Findings for each extra apology or sympathy line after the one a finding marks.

    ``over_apologizing`` and ``over_empathizing`` mark the first line past what is
    enough (with the suggestion that trims them all); the agent should see every
    extra line highlighted, so each later one gets a finding of its own. ``matches``
    are the draft's matches outside protected spans when the caller has them already.
    """
    extra: list[Finding] = []
    for f in findings:
        moves = _EXCESS.get(f.rule_id)
        if moves is None:
            continue
        if matches is None:
            matches = [m for m in pack.find(draft.text) if not draft.is_protected(m.start, m.end)]
        for s, e in spans(matches, moves):
            if s > f.start:
                extra.append(Finding(f.rule_id, f.category, f.severity, s, e, f.message, f.why))
    return extra


def _trim(
    draft: Draft,
    pack: RulePack,
    found: list[tuple[int, int]],
    busy: list[tuple[int, int]],
    keep: int,
    moves: frozenset[str],
    label: str,
) -> tuple[Suggestion, ...]:
    """Delete whole sentences that only express ``moves``, from the end, down to ``keep``."""
    sentences = draft.sentences
    doomed: set[int] = set()
    remaining = len(found)
    phrases, taken = _Spans(found), _Spans(busy)
    for start, _end in reversed(found):
        if remaining <= keep:
            break
        index = draft.sentence_index(start)
        if index is None:
            continue
        if index in doomed:
            remaining -= 1
            continue
        if _removable(draft, sentences[index], phrases, taken):
            doomed.add(index)
            remaining -= 1
    if remaining > keep or not doomed:
        return ()
    deletions = tuple(_deletions(draft, sorted(doomed)))
    if not exact.keeps_the_rest(draft, pack, deletions):
        return ()
    if len(spans(_only(pack, moves).matches(edits.apply(draft.text, deletions)), moves)) > keep:
        return ()  # the cut would not fix it (e.g. a phrase formed across the join)
    return (Suggestion(label, deletions),)


@lru_cache(maxsize=8)
def _only(pack: RulePack, moves: frozenset[str]) -> RulePack:
    """``pack`` matching only the rules doing one of ``moves``, compiled once per pack:
    a rule's matches do not depend on the other rules, and the cut's re-check counts
    only these (a few rules: a fraction of the whole pack's automaton and regexes)."""
    rules = tuple(r for r in pack.rules if r.move in moves)
    return replace(pack, rules=rules, _matcher=Matcher.of(compile_rules(rules)))


class _Spans:
    """Spans sorted by start, for questions asked once per sentence: scanning every
    span for each would be quadratic in a draft made of such sentences."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def overlap(self, start: int, end: int) -> bool:
        """Does a span overlap ``[start, end)``? Only one starting at most the longest
        span's length before ``start`` can reach into it."""
        lo = bisect_left(self.starts, start - self.longest)
        return any(e > start for _, e in self.spans[lo : bisect_left(self.starts, end)])

    def starting_in(self, start: int, end: int) -> list[tuple[int, int]]:
        return self.spans[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def _removable(draft: Draft, sentence: Span, found: _Spans, busy: _Spans) -> bool:
    if draft.is_protected(sentence.start, sentence.end):
        return False
    if busy.overlap(sentence.start, sentence.end):
        return False
    inside = found.starting_in(sentence.start, sentence.end)
    phrase_words = sum(len(draft.text[s:e].split()) for s, e in inside)
    words = len(draft.text[sentence.start : sentence.end].split())
    return words <= phrase_words + _SPARE_WORDS


def _deletions(draft: Draft, doomed: list[int]) -> Iterable[Edit]:
    """One edit per run of adjacent doomed sentences, taking the right white space."""
    sentences, text = draft.sentences, draft.text
    groups: list[list[int]] = []
    for i in doomed:
        if groups and groups[-1][-1] == i - 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        first, last = sentences[group[0]], sentences[group[-1]]
        nxt = sentences[group[-1] + 1] if group[-1] + 1 < len(sentences) else None
        prev = sentences[group[0] - 1] if group[0] > 0 else None
        same_line_next = nxt is not None and "\n" not in text[last.end : nxt.start]
        same_line_prev = prev is not None and "\n" not in text[prev.end : first.start]
        if nxt is not None and (same_line_next or not same_line_prev):
            yield Edit(first.start, nxt.start, "")
        elif prev is not None:
            yield Edit(prev.end, last.end, "")
        else:
            yield Edit(first.start, last.end, "")
