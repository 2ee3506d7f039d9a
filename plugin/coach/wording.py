"""Example wording for a missing move, fitted to the draft and placed sensibly.

A suggestion uses the customer's first name and the problem they named when
known (``Mood.problem`` as a clause, ``Mood.topic`` as a noun phrase, each in
the slot that fits it), and goes where a reader expects the move: the
greeting first, validation and apology right after it, next steps before the
closing, the open door before the sign-off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from plugin.coach import exact
from plugin.coach.draft import Draft
from plugin.coach.layout import Layout
from plugin.coach.model import Edit, Finding, Mood, Severity, Suggestion
from plugin.coach.rules import RulePack
from plugin.coach.suggest import fitting, placement, promise, stems, wordings
from plugin.coach.suggest.inserting import OPEN_DOOR, insertion
from plugin.coach.suggest.register import register_of

# Category each move reports under (model.CATEGORIES).
CATEGORY: dict[str, str] = {
    "greeting": "greeting",
    "thanks": "empathy",
    "acknowledge": "acknowledgement",
    "validate": "empathy",
    "apologize": "empathy",
    "ownership": "empathy",
    "next_steps": "next_steps",
    "reassure": "empathy",
    "closing": "closing",
    "personalization": "personalization",
}

# The problem is restated once: by the first of these moves the draft lacks, and by none
# if the draft restates it. Acknowledgement first: its other wordings are "we read your
# message" fillers, which acknowledge nothing, while an apology without the problem still
# names the topic ("I'm sorry for the trouble with your refund").
_RESTATES = ("acknowledge", "apologize", "validate")
# Missing moves whose wording depends on what the body already says.
_READS_BODY = frozenset({"validate", "ownership", "closing", "next_steps", "reassure"})
# Moves whose wording commits the team: the label says so.
_PROMISES = frozenset({"ownership", "next_steps", "reassure"})
# The draft already names a feeling (the move grammar may not know this wording):
# a second, canned validation line would only repeat it less well.
_FEELING = re.compile(
    r"\b(?:frustrat|worr|upset|stress|annoy|disappoint|fed up|no wonder|understandabl"
    r"|difficult|hard time|distress|heartbreak|devastat|scar(?:y|ed)|frighten|not ok"
    r"|not okay|not fun|must be|a lot to deal with|sorry for your loss|sorry to hear)"
)
# The agent already says they'll look at it, in words the move grammar may not count.
_LOOKING = re.compile(
    r"\b(?:look(?:ing)? into|take a (?:closer )?look|taking a look|check(?:ing)? (?:on|into)"
    r"|investigat|follow up)"
)
_FEELING_STEMS = stems.stems(_FEELING)
_LOOKING_STEMS = stems.stems(_LOOKING)
_OPEN_DOOR_STEMS = stems.stems(OPEN_DOOR)

_MESSAGES: dict[str, tuple[Severity, str, str]] = {
    "greeting": (
        "info",
        "Start with a greeting, by name if you can.",
        "A greeting with the customer's name tells them a person read their message.",
    ),
    "thanks": (
        "info",
        "Thank the customer.",
        "Thanks for their report or patience frames the customer as a partner.",
    ),
    "acknowledge": (
        "warning",
        "Restate the customer's problem.",
        "Naming the specific problem shows you understood it, so they needn't repeat it.",
    ),
    "validate": (
        "warning",
        "Acknowledge how the customer feels.",
        "The customer is upset; naming the feeling shows their reaction is reasonable.",
    ),
    "apologize": (
        "warning",
        "Apologize for the specific problem.",
        "An upset customer expects a sincere apology that names what went wrong.",
    ),
    "ownership": (
        "warning",
        "Take ownership of the fix.",
        "An upset customer needs to know that someone, you, is responsible for fixing it.",
    ),
    "next_steps": (
        "warning",
        "Say what happens next, and when.",
        "Without a next step and a time frame, the customer has to write again to ask.",
    ),
    "reassure": (
        "info",
        "Reassure the customer.",
        "A clear commitment lowers anxiety and tells the customer they can stop worrying.",
    ),
    "closing": (
        "info",
        "Close with an offer of further help.",
        "An open door at the end shows the conversation isn't being shut down.",
    ),
    "personalization": (
        "info",
        "Use the customer's name.",
        "Addressing the customer by name makes the reply feel written for them.",
    ),
}


def fit_topic(topic: str | None) -> str | None:
    """The customer's problem as a noun phrase for the agent's mouth (``fitting.fit_topic``)."""
    return fitting.fit_topic(topic)


def sentence_for(
    move: str, topic: str | None, problem: str | None = None, register: str = "plain"
) -> str | None:
    """The best wording for ``move`` whose slots are known and fit."""
    return next(_candidates(move, topic, problem, register), None)


def _candidates(
    move: str, topic: str | None, problem: str | None, register: str = "plain"
) -> Iterator[str]:
    fit_topic = fitting.fit_topic(topic) if topic else None
    fit_problem = fitting.fit_problem(problem)
    for template in wordings.wordings(move, register):
        # both slots looked for in the template as written, then filled in this order
        has_topic, has_problem = "{topic}" in template, "{problem}" in template
        if (has_topic and not fit_topic) or (has_problem and not fit_problem):
            continue
        if has_topic and fit_topic:
            template = template.replace("{topic}", fit_topic)
        if has_problem and fit_problem:
            template = template.replace("{problem}", fit_problem)
        yield template


def restating_move(missing: Iterable[str], present: Iterable[str]) -> str | None:
    """The one missing move whose wording may restate the problem, if any."""
    if "acknowledge" in present:
        return None
    wanted = set(missing)
    return next((m for m in _RESTATES if m in wanted), None)


def missing_findings(
    draft: Draft,
    pack: RulePack,
    layout: Layout,
    missing: Iterable[str],
    name: str | None,
    topic: str | None,
    closing_start: int | None,
    problem: str | None = None,
    present: Iterable[str] = (),
    mood: Mood | None = None,
) -> list[Finding]:
    """A ``missing-<move>`` finding per move, each with an insertion that fits.

    The wording speaks in the customer's register (``suggest.register``); a timed
    next step only where the draft leaves something open, an open door otherwise.
    """
    missing = tuple(missing)
    present = tuple(present)
    register = register_of(mood).name
    restates = None if register == "bereavement" else restating_move(missing, present)
    # only these moves read the body (``_wanted``, ``promise``): its end is not looked for
    # when none of them is missing
    reads = not _READS_BODY.isdisjoint(missing)
    body = draft.folded[layout.body_start : placement.body_end(draft, layout)] if reads else ""
    findings: list[Finding] = []
    for move in missing:
        severity, message, why = _MESSAGES[move]
        # the candidate wordings are built only for a move that gets one
        options: Iterable[str] = ()
        if not _wanted(move, body, present, missing):
            pass
        elif move == "next_steps" and not promise.leaves_open(body):
            pass  # nothing left open: no deadline to promise; the open door is the closing's
        elif move == "next_steps" and promise.waits_on_customer(body):
            # the next step is theirs: promise only what follows their answer
            options = (wordings.AFTER_THEIR_ANSWER,)
        elif move in ("ownership", "reassure") and promise.solved(body):
            pass  # "I'll look into it" after the fix is a promise nobody needs
        else:
            options = _wordings(move, topic, problem if move == restates else None, register)
        edit: Edit | None = None
        ok = False
        for wording in options:
            edit = insertion(draft, layout, move, name, wording, closing_start)
            ok = (
                edit is not None
                and (
                    move in ("greeting", "personalization")
                    or _evidences(pack, move, edit.replacement)
                )
                and exact.keeps_the_rest(draft, pack, (edit,))
            )
            if ok or edit is None:
                break
        suggestions = (Suggestion(_label(move, edit.replacement), (edit,)),) if ok and edit else ()
        pos = edit.start if edit else placement.opening(draft, layout)
        findings.append(
            Finding(
                f"missing-{move}", CATEGORY[move], severity, pos, pos, message, why, suggestions
            )
        )
    return findings


def _label(move: str, added: str) -> str:
    added = added.strip()
    if "{" in added:
        return f"Add, then fill in the slot: “{added}”"
    if move in _PROMISES and added != wordings.OPEN_DOOR:
        return f"Add (a promise: only if you'll keep it): “{added}”"
    return f"Add: “{added}”"


def _wanted(move: str, body: str, present: tuple[str, ...], missing: tuple[str, ...]) -> bool:
    """False when the draft already does what the wording would add."""
    if move == "validate":
        return not stems.search(_FEELING, _FEELING_STEMS, body)
    if move == "ownership":  # "we'd like to take a closer look": said, if not as a move
        return not stems.search(_LOOKING, _LOOKING_STEMS, body)
    if move == "closing":
        tail = body[-160:]
        return "closing" not in present and not stems.search(OPEN_DOOR, _OPEN_DOOR_STEMS, tail)
    return True


def _wordings(move: str, topic: str | None, problem: str | None, register: str) -> Iterator[str]:
    if move in ("greeting", "personalization"):
        yield ""
    else:
        yield from _candidates(move, topic, problem, register)


def greeting_name_finding(
    draft: Draft, pack: RulePack, layout: Layout, name: str
) -> Finding | None:
    """The reply greets nobody in particular ("Hello,") though we know the name."""
    if layout.opener_end is None or layout.greeting_start is None or layout.name:
        return None
    pos = layout.opener_end
    edit = Edit(pos, pos, f" {name}")
    if not exact.keeps_the_rest(draft, pack, (edit,)):
        return None
    return Finding(
        "greeting-no-name",
        "greeting",
        "warning",  # we know the name, so a nameless greeting is a real miss
        layout.greeting_start,
        pos,
        f"Greet the customer by name: “{draft.text[layout.greeting_start : pos]} {name}”.",
        "Using the customer's name in the greeting makes the reply feel written for them.",
        (Suggestion(f"Add the name “{name}”", (edit,)),),
    )


# The same few wordings are checked on every re-check of a draft: remember the verdicts.
@lru_cache(maxsize=1024)
def _evidences(pack: RulePack, move: str, wording: str) -> bool:
    """The inserted words must show the move and trip no anti-pattern."""
    found = pack.find(wording.strip().replace("{time}", "Friday"))
    shows = any(m.rule.kind == "move" and m.rule.move == move for m in found)
    if move == "personalization":
        shows = any(m.rule.move == "greeting" for m in found)
    return shows and not any(m.rule.kind == "avoid" for m in found)
