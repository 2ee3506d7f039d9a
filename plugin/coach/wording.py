"""Example wording for a missing move, fitted to the draft and placed sensibly.

A suggestion uses the customer's first name and the problem they named when
known (``Mood.problem`` as a clause, ``Mood.topic`` as a noun phrase, each in
the slot that fits it), and goes where a reader expects the move: the
greeting first, validation and apology right after it, next steps before the
closing, the open door before the sign-off.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache, reduce

from plugin.coach import exact
from plugin.coach.draft import Draft
from plugin.coach.layout import Layout
from plugin.coach.model import Edit, Finding, Severity, Suggestion
from plugin.coach.rule_schema import reply_start
from plugin.coach.rules import RulePack

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

# Wordings per move, best first. ``{problem}`` takes the customer's problem as a clause
# ("I'm sorry that {problem}." → "I'm sorry that your order #4411 still has not
# arrived."), ``{topic}`` as a noun phrase ("an update on {topic}" → "an update on
# your order #4411"); the first wording whose slots are known, that shows its move and
# trips no anti-pattern, is offered. The last wording of each move has no slot.
_WORDINGS: dict[str, tuple[str, ...]] = {
    "thanks": ("Thanks for letting us know about {topic}.", "Thanks for reaching out about this."),
    "acknowledge": (
        "I can see that {problem}.",
        "I've read through everything you described about {topic}.",
        "I've read through everything you described.",
    ),
    "validate": (
        "I can see how frustrating it is that {problem}.",
        "I can imagine how frustrating this has been.",
    ),
    "apologize": (
        "I'm sorry that {problem}.",
        "I'm sorry for the trouble with {topic}.",
        "I'm sorry this has caused you so much trouble.",
    ),
    "ownership": (
        "I'll look into {topic} myself and see it through.",
        "I'll look into this myself and see it through.",
    ),
    "next_steps": (
        "I'll send you an update on {topic} within 24 hours.",
        "I'll send you an update within 24 hours.",
    ),
    "reassure": ("We'll get this sorted out for you.",),
    "closing": ("If there's anything else I can help with, just let me know.",),
}
# The problem is restated once: by the first of these moves the draft lacks, and by none
# if the draft restates it. Acknowledgement first: its other wordings are "we read your
# message" fillers, which acknowledge nothing, while an apology without the problem still
# names the topic ("I'm sorry for the trouble with your refund").
_RESTATES = ("acknowledge", "apologize", "validate")

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

# A topic in the customer's words ("my order"); Mood.topic is already in the agent's voice,
# where "our" means the company's ("our site"), so only the singular is turned.
_FIRST_PERSON = {"my": "your", "me": "you", "mine": "yours"}
_DETERMINERS = frozenset(
    [
        "the",
        "your",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "some",
        "any",
        "each",
        "every",
    ]
)


def fit_topic(topic: str | None) -> str | None:
    """The customer's problem as a noun phrase for the agent's mouth.

    "my order" becomes "your order"; a bare "damaged package" gets "the".
    """
    if not topic or not topic.strip():
        return None
    words = topic.strip().rstrip(".!?,;:").split()
    if not words:
        return None
    words = [_FIRST_PERSON.get(w.lower(), w) for w in words]
    head = words[0]
    bare = not (head[0].isupper() or head[0].isdigit() or head.endswith("ing"))
    if bare and head.lower() not in _DETERMINERS:
        words.insert(0, "the")
    return " ".join(words)


def sentence_for(move: str, topic: str | None, problem: str | None = None) -> str:
    """The best wording for ``move`` whose slots are known (see ``_WORDINGS``)."""
    return next(_candidates(move, topic, problem))


def _candidates(move: str, topic: str | None, problem: str | None) -> Iterator[str]:
    fill = {"{topic}": topic, "{problem}": problem.rstrip(" .!?") if problem else None}
    for template in _WORDINGS[move]:
        slots = [k for k in fill if k in template]
        if all(fill[k] for k in slots):
            yield reduce(lambda t, k: t.replace(k, fill[k] or ""), slots, template)


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
) -> list[Finding]:
    """A ``missing-<move>`` finding per move, each with an insertion that fits."""
    missing = tuple(missing)
    restates = restating_move(missing, present)
    findings: list[Finding] = []
    for move in missing:
        severity, message, why = _MESSAGES[move]
        edit: Edit | None = None
        ok = False
        for wording in _wordings(move, topic, problem if move == restates else None):
            edit = _insertion(draft, layout, move, name, wording, closing_start)
            ok = (
                edit is not None
                and _evidences(pack, move, edit.replacement)
                and exact.keeps_the_rest(draft, pack, (edit,))
            )
            if ok or edit is None:
                break
        suggestions = (
            (Suggestion(f"Add: “{edit.replacement.strip()}”", (edit,)),) if ok and edit else ()
        )
        pos = edit.start if edit else 0
        findings.append(
            Finding(
                f"missing-{move}", CATEGORY[move], severity, pos, pos, message, why, suggestions
            )
        )
    return findings


def _wordings(move: str, topic: str | None, problem: str | None) -> Iterator[str]:
    if move in ("greeting", "personalization"):
        yield ""
    else:
        yield from _candidates(move, topic, problem)


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


def _insertion(
    draft: Draft,
    layout: Layout,
    move: str,
    name: str | None,
    wording: str,
    closing_start: int | None,
) -> Edit | None:
    text = draft.text
    if move in ("greeting", "personalization"):
        if layout.greeting_start is not None:
            return None  # the greeting exists; its own findings suggest the name
        if move == "personalization" and not name:
            return None
        pos = reply_start(text)
        edit = Edit(pos, pos, f"Hi {name},\n\n" if name else "Hello,\n\n")
    elif move in ("thanks", "acknowledge", "validate", "apologize"):
        edit = insert_sentence(text, layout.body_start, wording)
    elif move in ("ownership", "next_steps", "reassure"):
        edit = _after_body(draft, layout, wording, closing_start)
    else:  # closing
        edit = _before_signoff(text, layout, wording)
    return edit


def insert_sentence(text: str, pos: int, sentence: str) -> Edit:
    """An edit putting ``sentence`` before the sentence at ``pos`` (or after the text)."""
    if pos >= len(text.rstrip()):
        end = len(text.rstrip())
        return Edit(end, end, f"\n\n{sentence}" if end else sentence)
    return Edit(pos, pos, f"{sentence} ")


def _after_body(draft: Draft, layout: Layout, sentence: str, closing_start: int | None) -> Edit:
    tails = [p for p in (layout.signoff, closing_start) if p is not None and p > layout.body_start]
    tail = min(tails, default=len(draft.text))
    body = [s for s in draft.sentences if layout.body_start <= s.start and s.end <= tail]
    # after the last sentence of prose: not inside a list of steps, nor between a list
    # and the line that introduces it ("Here's how:")
    ends = [
        s.end
        for s in body
        if not draft.in_list_item(s.start) and not draft.text[s.start : s.end].endswith(":")
    ]
    if not ends:
        return insert_sentence(draft.text, layout.body_start, sentence)
    end = ends[-1]
    joiner = ". " if draft.text[end - 1].isalnum() else " "
    return Edit(end, end, f"{joiner}{sentence}")


def _before_signoff(text: str, layout: Layout, sentence: str) -> Edit:
    if layout.signoff is not None:
        return Edit(layout.signoff, layout.signoff, f"{sentence}\n\n")
    end = len(text.rstrip())
    return Edit(end, end, f"\n\n{sentence}" if end else sentence)


# The same few wordings are checked on every re-check of a draft: remember the verdicts.
@lru_cache(maxsize=1024)
def _evidences(pack: RulePack, move: str, wording: str) -> bool:
    """The inserted words must show the move and trip no anti-pattern."""
    found = pack.find(wording.strip())
    shows = any(m.rule.kind == "move" and m.rule.move == move for m in found)
    if move == "personalization":
        shows = any(m.rule.move == "greeting" for m in found)
    return shows and not any(m.rule.kind == "avoid" for m in found)
