"""The gate every suggestion passes before the agent sees it.

``vet`` keeps a suggestion only when each of its edits reads right in place
(``checks``), an insertion lands in the body of the reply (``placement``), its words
suit the customer's register (nothing cheerful, no "trouble with" or "frustrating"
to someone bereaved, ill, defrauded, in hardship or unsafe), and it promises nothing
the draft leaves no room for. A suggestion that fails is dropped; the log names the
rule and the reason code, never the text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from operator import attrgetter

from plugin.coach import layout as layout_mod
from plugin.coach.draft import Draft
from plugin.coach.model import Edit, Finding, Mood, MoveHit, Suggestion
from plugin.coach.rule_schema import reply_start
from plugin.coach.suggest import checks, placement, promise, slots
from plugin.coach.suggest.register import register_of

log = logging.getLogger(__name__)
_READING_ORDER = attrgetter("start", "end", "rule_id")

# Rules whose edits are about the greeting line itself.
_GREETING_RULES = frozenset(
    {"missing-greeting", "missing-personalization", "greeting-no-name", "greeting-generic"}
)
_CHEERFUL = re.compile(
    r"(?i:have a (?:great|lovely|wonderful|good|nice|fantastic) \w+|happy to help|glad to help"
    r"|hope this helps|thanks for reaching out|thank you for reaching out|thanks for your message"
    r"|enjoy (?:the|your)|!\s*$)"
)
_HARSH_FOR_CARE = re.compile(r"(?i:trouble with|frustrat|inconvenience|hassle)")
# Words that make a move; a suggestion adding a move the draft already makes elsewhere
# would stack it ("I'm sorry..." beside the agent's own apology).
_ADDS = {
    "apologize": re.compile(r"(?i:\b(?:sorry|apologi[sz]e|apologies)\b)"),
    "validate": re.compile(
        r"(?i:frustrat|imagine how|understandabl|every right to|how (?:worrying|stressful|hard))"
    ),
}
_PROMISE = re.compile(
    r"(?i:\b(?:i|we)['’]ll (?:send|update|get back|call|email)|\{time\}|within \d)"
)


def vet(
    draft: Draft,
    findings: Iterable[Finding],
    mood: Mood | None,
    moves: Iterable[MoveHit] = (),
    limit: int | None = None,
) -> list[Finding]:
    """``findings`` with every suggestion that fails a check removed, plus an
    ``unfilled-slot`` error for each slot the agent has still to fill. ``moves`` are
    the moves the draft makes: a suggestion never makes one of them a second time.
    Past the first ``limit`` findings in reading order (more than are ever shown) the
    suggestions are dropped unread, so a pathological draft costs no more."""
    findings = sorted(findings, key=_READING_ORDER)
    if limit is not None and len(findings) > limit:
        findings[limit:] = [
            Finding(f.rule_id, f.category, f.severity, f.start, f.end, f.message, f.why)
            for f in findings[limit:]
        ]
    made = [(h.move, h.start, h.end) for h in moves if h.move in _ADDS]
    if not any(f.suggestions for f in findings):
        return findings + slots.unfilled(draft)
    sensitive = register_of(mood).sensitive

    # Only an insertion needs the body's bounds and only a promise needs to know if the
    # draft leaves something open: worked out when a suggestion first asks, once.
    bounds: tuple[int, int] | None = None
    leaves_open: bool | None = None

    def body() -> tuple[int, int]:
        nonlocal bounds
        if bounds is None:
            shape = _body_layout(draft)
            bounds = placement.opening(draft, shape), placement.body_end(draft, shape)
        return bounds

    def open_() -> bool:
        nonlocal leaves_open
        if leaves_open is None:
            lo, hi = body()
            leaves_open = promise.leaves_open(draft.folded[lo:hi])
        return leaves_open

    out: list[Finding] = []
    for f in findings:
        if not f.suggestions:
            out.append(f)
            continue
        kept = tuple(
            _slot_label(s)
            for s in f.suggestions
            if _passes(draft, f.rule_id, s, body, sensitive, open_)
            and not _stacks(f.rule_id, s, made)
        )
        if kept != f.suggestions:  # some dropped, or a label now names its slot
            f = Finding(f.rule_id, f.category, f.severity, f.start, f.end, f.message, f.why, kept)
        out.append(f)
    return out + slots.unfilled(draft)


def _slot_label(s: Suggestion) -> Suggestion:
    """A suggestion with a slot says so in its label: the agent must fill it."""
    if len(s.edits) == 1 and "{" not in s.edits[0].replacement:
        return s  # no slot (nearly all): no list to build
    names = [n for e in s.edits for _, _, n in slots.slots_in(e.replacement)]
    if not names or "fill in" in s.label:
        return s
    listed = ", ".join(f"{{{n}}}" for n in names)
    return Suggestion(f"{s.label}, then fill in {listed}", s.edits)


def _stacks(rule_id: str, s: Suggestion, made: list[tuple[str, int, int]]) -> bool:
    if not made:
        return False  # no move to stack on
    for e in s.edits:
        # a move the edit adds that the draft makes elsewhere: each pattern read only for
        # a move made outside the edit
        if any(
            not (start < e.end and e.start < end) and _ADDS[move].search(e.replacement)
            for move, start, end in made
        ):
            log.debug("suggestion dropped: rule %s (duplicate-move)", rule_id)
            return True
    return False


def _passes(
    draft: Draft,
    rule_id: str,
    s: Suggestion,
    body: Callable[[], tuple[int, int]],
    sensitive: bool,
    open_: Callable[[], bool],
) -> bool:
    reason = _reason(draft, rule_id, s.edits, body, sensitive, open_)
    if reason is not None:
        log.debug("suggestion dropped: rule %s (%s)", rule_id, reason)
        return False
    return True


def reason_to_drop(
    draft: Draft,
    rule_id: str,
    edits: tuple[Edit, ...],
    body: tuple[int, int],
    sensitive: bool,
    open_: bool,
) -> str | None:
    """Why a suggestion made of ``edits`` must not be offered (a code), or None."""
    return _reason(draft, rule_id, edits, lambda: body, sensitive, lambda: open_)


def _reason(
    draft: Draft,
    rule_id: str,
    edits: tuple[Edit, ...],
    body: Callable[[], tuple[int, int]],
    sensitive: bool,
    open_: Callable[[], bool],
) -> str | None:
    greeting = rule_id in _GREETING_RULES
    if rule_id == "misspelling" and any(
        _abbreviation(draft.text[e.start : e.end], e) for e in edits
    ):
        return "abbreviation"
    for e in edits:
        if e.start == e.end and not greeting:
            lo, hi = body()
            if not lo <= e.start <= hi:
                return "outside-body"
        code = checks.problem(draft.text, e, greeting=greeting)
        if code is not None:
            return code
        added = e.replacement
        if sensitive and (_CHEERFUL.search(added.strip()) or _HARSH_FOR_CARE.search(added)):
            return "register"
        if rule_id != "missing-next_steps" and _promised(added) and not open_():
            return "promise-on-answered-draft"
    return None


def _promised(added: str) -> bool:
    """``_PROMISE`` found in ``added``: in ASCII text each of its phrases holds "ll ",
    "{time}" or "within " (lowered), looked for in C before the case-blind pattern."""
    if added.isascii():
        low = added.lower()
        if "ll " not in low and "{time}" not in low and "within " not in low:
            return False
    return _PROMISE.search(added) is not None


_VOWELS = frozenset("aeiouAEIOU")
_SHORT = 4  # "acct", "edu", "flt": shorthand more often than a typo


def _abbreviation(word: str, e: Edit) -> bool:
    """Shorthand, not a typo: no vowel at all ("flt"), or a short word whose "fix" adds or
    drops letters ("acct" -> "act") rather than swapping two ("teh" -> "the")."""
    if not word or not any(c in _VOWELS for c in word):
        return True
    return len(word) <= _SHORT and sorted(word.lower()) != sorted(e.replacement.lower())


def _layout(draft: Draft) -> layout_mod.Layout:
    text = draft.text
    start = len(text) - len(text.lstrip())
    handles = placement._HANDLES.match(text, start)
    first = handles.end() if handles else start
    m = placement.GREETING.match(text, first)
    openers = [(first, m.end())] if m else []
    return layout_mod.read(draft, openers, None)


def _body_layout(draft: Draft) -> layout_mod.Layout:
    """``_layout`` with only what ``opening`` and ``body_end`` read (the body's start and
    the sign-off): the greeting's name is not looked for."""
    text = draft.text
    start = len(text) - len(text.lstrip())
    handles = placement._HANDLES.match(text, start)
    first = handles.end() if handles else start
    greets = first == reply_start(text) and placement.GREETING.match(text, first) is not None
    body_start = layout_mod._body_start(draft, first if greets else None)
    signoff = layout_mod._signoff(text, body_start)
    return layout_mod.Layout(None, None, None, None, body_start, signoff)
