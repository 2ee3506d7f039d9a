"""What this customer needs on this channel: which missing moves are worth a warning.

The empathy analyzer lists every move the customer's mood calls for and the draft
lacks. This module decides what the agent is told (issue: "no nagging"):

- the register decides what is asked at all: a chat or social reply is a turn in a
  conversation, so no greeting, closing or name is asked for; a short one (one or
  two sentences) is not asked to thank, reassure or restate the problem either;
- a missing move is a warning only when this customer needs it: the account's
  ``Settings.mood_moves`` list, per mood, the moves whose absence is a warning (by
  default apology, validation, ownership, a restatement and a next step when they are
  upset; a next step when they are calm or neutral); a restatement is asked only by
  email (in a conversation their words sit right above the reply), a next step only
  when the draft gives no other way forward (a question back to them, a link to
  follow) and, from a calm or neutral customer, only when they report a problem;
  everything else is an idea (info);
- at most ``MAX_WARNINGS`` missing-move warnings per draft (``SHORT_MAX_WARNINGS``
  for a short chat or social reply), the ones that matter most for this customer
  first; the rest become ideas;
- a word for the customer's feeling covers an apology (a reply that validates need
  not apologise for what was nobody's fault), while "sorry to hear" alone is not yet
  empathy in an email; a chat or social turn moves the conversation one step, so
  there a next step or a fix taken on is enough of a way forward, and an apology is
  asked for only when the turn neither names the feeling, reassures, nor moves the
  conversation on (a cold turn that goes nowhere); and a turn that says sorry or names
  the feeling may leave the next step to the next turn. A turn that only moves on, to
  someone upset, is ``deflect``'s cold turn.
"""

from __future__ import annotations

from plugin.coach.calibrate import UPSET
from plugin.coach.channel import Channel
from plugin.coach.draft import Draft
from plugin.coach.empathy import EmpathyResult
from plugin.coach.model import DEFAULT_MOOD_MOVES, MOVE_CATEGORY, Finding, Mood, Severity

MAX_WARNINGS = 3
SHORT_MAX_WARNINGS = 2
SHORT_SENTENCES = 2  # a chat or social turn of this many sentences or fewer is short
SHORT_WORDS = 45  # ... as long as it stays under this many words
_SUBSTANCE = 3  # words a sentence needs to count as one
# Asked of an email only: a conversation turn neither opens nor closes the conversation.
_LETTER_ONLY = frozenset({"greeting", "closing", "personalization"})
# Not asked of a short turn: there is room for what matters, not for every courtesy.
_NOT_IN_SHORT = frozenset({"acknowledge", "thanks", "reassure"})
# What matters most first, per customer.
_UPSET_ORDER = ("apologize", "validate", "ownership", "next_steps", "acknowledge")
_CALM_ORDER = ("next_steps", "acknowledge", "ownership", "apologize", "validate")
_UPSET_RANK = {move: i for i, move in enumerate(_UPSET_ORDER)}
_CALM_RANK = {move: i for i, move in enumerate(_CALM_ORDER)}
_MISSING = "missing-"
_NAMELESS_GREETING = "greeting-no-name"


def adjust(
    found: EmpathyResult,
    draft: Draft,
    mood: Mood | None,
    channel: Channel,
    asked: frozenset[str] | None = None,
) -> EmpathyResult:
    """``found`` with the expectations and missing-move severities this customer needs;
    ``asked``: the moves the settings ask of this customer's mood (``Settings.moves_for``;
    None = the shipped default)."""
    short = channel.register != "email" and is_short(draft)
    dropped = set(_LETTER_ONLY) if channel.register != "email" else set()
    if short:
        dropped |= _NOT_IN_SHORT
    turn = channel.register != "email"
    absent = set(found.missing)
    present = {m.move for m in found.moves}
    forward = turn and (bool(present & {"next_steps", "ownership"}) or offers_a_way_forward(draft))
    kept: list[Finding] = []
    missing: list[Finding] = []
    for f in found.findings:
        if f.rule_id == _NAMELESS_GREETING and channel.register != "email":
            continue
        if not f.rule_id.startswith(_MISSING):
            kept.append(f)
            continue
        move = f.rule_id[len(_MISSING) :]
        if move in dropped:
            continue
        need = needed(move, mood, draft, channel.register, asked)
        need = need and _pair_needs(move, absent, turn, forward, present)
        severity: Severity = "warning" if need else "info"
        missing.append(_with(f, severity, MOVE_CATEGORY.get(move, f.category)))
    kept += _cap(missing, mood, SHORT_MAX_WARNINGS if short else MAX_WARNINGS)
    kept.sort(key=lambda f: (f.start, f.end, f.rule_id))
    # built directly: dataclasses.replace walks the fields at run time, per draft
    return EmpathyResult(
        found.moves,
        tuple(kept),
        tuple(m for m in found.expected if m not in dropped) if dropped else found.expected,
        tuple(m for m in found.missing if m not in dropped) if dropped else found.missing,
        found.body_start,
        found.matches,
    )


def needed(
    move: str,
    mood: Mood | None,
    draft: Draft,
    register: str,
    asked: frozenset[str] | None = None,
) -> bool:
    """Whether lacking ``move`` is a real miss for this customer (a warning);
    ``asked`` None = the shipped default for the mood."""
    if mood is None:
        return False
    if asked is None:
        asked = frozenset(DEFAULT_MOOD_MOVES.get(mood.label, ()))
    if move not in asked:
        return False
    if move == "acknowledge":  # in a conversation the customer's words sit right above
        return register == "email"
    if move == "next_steps":  # a calm question needs an answer; a reported problem, a step
        problem = mood.label in UPSET or mood.problem is not None
        return problem and not offers_a_way_forward(draft)
    return True


def _pair_needs(move: str, absent: set[str], turn: bool, forward: bool, present: set[str]) -> bool:
    """Whether another move already does this one's job (see the module's notes)."""
    if move == "apologize" and turn:
        # a turn that reassures, or moves the conversation on, is not cold
        return "validate" in absent and "reassure" not in present and not forward
    if move == "apologize":
        return "validate" in absent  # naming the feeling covers an apology
    if turn and move in ("validate", "ownership"):
        return False  # a turn is asked for the apology, and for a next step ...
    if turn and move == "next_steps":
        # ... unless it takes the fix on itself, or meets the feeling: a turn that
        # says sorry or names the feeling may leave the next step to the next turn
        return "ownership" in absent and not present & {"apologize", "validate"}
    return True


def is_short(draft: Draft) -> bool:
    """One or two sentences of substance ("Hi Sam," or a "1/2" marker is none)."""
    if len(draft.words) >= SHORT_WORDS:
        return False
    text = draft.text
    said = [s for s in draft.sentences if len(text[s.start : s.end].split()) >= _SUBSTANCE]
    return len(said) <= SHORT_SENTENCES


def offers_a_way_forward(draft: Draft) -> bool:
    """A question back to the customer or a link to follow is a next step of its own.

    A question mark inside quoted text, a URL or the signature is not the agent asking.
    """
    text = draft.text
    if "http" in text or "www." in text:
        return True
    at = text.find("?")
    while at >= 0:
        if not draft.is_protected(at, at + 1):
            return True
        at = text.find("?", at + 1)
    return False


def _cap(missing: list[Finding], mood: Mood | None, limit: int) -> list[Finding]:
    """Keep the ``limit`` warnings that matter most for this customer; the rest are ideas."""
    rank = _UPSET_RANK if mood is not None and mood.label in UPSET else _CALM_RANK
    last = len(rank)
    # positions, not objects: a finding kept as it was may stand in the list twice
    warned = [i for i, f in enumerate(missing) if f.severity != "info"]
    if len(warned) <= limit:
        return missing  # every warning is kept (as sorting and keeping the first would)
    warned.sort(key=lambda i: rank.get(missing[i].rule_id[len(_MISSING) :], last))
    keep = set(warned[:limit])
    return [
        f if f.severity == "info" or i in keep else _with(f, "info", f.category)
        for i, f in enumerate(missing)
    ]


def _with(f: Finding, severity: Severity, category: str) -> Finding:
    if f.severity == severity and f.category == category:
        return f  # the same finding: no frozen dataclass __init__ (a call per field)
    return Finding(f.rule_id, category, severity, f.start, f.end, f.message, f.why, f.suggestions)
