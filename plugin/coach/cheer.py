"""Stock pleasantries that jar with this customer's mood.

A cheerful line ("Have a great day!", "Thanks for reaching out!") suits a happy
customer; to someone bereaved, ill, in money trouble, frightened or stranded (a
care cue other than a rush, ``mood.CARE``) it reads as if nobody read what they
wrote. "Thank you for your feedback" answers a complaint as if it were a
suggestion, and "Thanks for your patience" thanks someone who was kept waiting
(a waiting or repeat-contact cue) for a wait they never agreed to.
"""

from __future__ import annotations

import re

from plugin.coach.draft import Draft
from plugin.coach.model import Edit, Finding, Mood, Suggestion
from plugin.coach.mood import CARE

_CHEERFUL = re.compile(
    r"\b(?:have|enjoy)\s+(?:a|the|your)\s+(?:(?:great|lovely|nice|wonderful|fantastic|good|"
    r"brilliant|fab|awesome|super)\s+)?(?:rest\s+of\s+(?:your|the)\s+)?(?:day|trip|weekend|"
    r"evening|one|flight|holiday|stay|journey)\b\s*!*"
    r"|\bthanks?(?:\s+you)?\s+(?:so\s+much\s+)?for\s+(?:reaching\s+out|your\s+message|getting\s+in"
    r"\s+touch|contacting\s+us|your\s+email|writing\s+in|your\s+patience)\s*!+"
    r"|\b(?:happy|glad)\s+to\s+help\s*!+|\bhope\s+(?:this|that)\s+helps\s*!+",
    re.I,
)
_FEEDBACK = re.compile(
    r"\bthanks?(?:\s+you)?\s+(?:so\s+much\s+)?for\s+(?:your|the)\s+feedback\b", re.I
)
_PATIENCE = re.compile(
    r"\bthanks?(?:\s+you)?\s+(?:so\s+much\s+)?for\s+(?:your\s+patience|being\s+(?:so\s+)?patient)"
    r"\b\s*!*",
    re.I,
)
_SENSITIVE = (
    "A cheerful stock line jars with what this customer is going through.",
    "To someone grieving, ill, out of money or stranded, 'Have a great day!' or "
    "'Thanks for reaching out!' reads as if nobody read their message; close quietly.",
)
_COMPLAINT = (
    "\u201cThank you for your feedback\u201d answers a complaint as if it were a suggestion.",
    "The customer reported a failure, not an idea; thank them for telling you and say "
    "what you're doing about it.",
)
_WAIT = (
    "Thanking a customer who was kept waiting for their patience sounds like a script.",
    "They didn't choose to wait; apologise for the wait and say when it ends.",
)
_HARD_PLACE = CARE - {"urgency"}  # a rush alone does not make "Thanks for reaching out!" jar
_UPSET = frozenset({"frustrated", "angry", "worried"})
_WAITED = frozenset({"waiting", "repeat_contact"})


def analyze(draft: Draft, mood: Mood | None) -> list[Finding]:
    """Tone warnings for pleasantries this customer's message makes wrong."""
    if mood is None or mood.label not in _UPSET:
        return []
    kinds = {c.kind for c in mood.cues}
    text = draft.text
    found: list[tuple[re.Match[str], str, tuple[str, str]]] = []
    if kinds & _HARD_PLACE:
        found += [(m, "cheerful-line-sensitive", _SENSITIVE) for m in _CHEERFUL.finditer(text)]
    # Each needs its word ("feedback", "pat(ience|ient)"): a substring test is far cheaper
    # than a scan by a case-blind pattern (the folded text is lowercase, and no other
    # character matches these letters case-blind but a Kelvin sign, which folds to "k").
    folded = draft.folded
    if mood.label in ("frustrated", "angry") and "feedback" in folded:
        found += [(m, "feedback-thanks-to-complaint", _COMPLAINT) for m in _FEEDBACK.finditer(text)]
    if kinds & _WAITED and "pat" in folded:
        found += [(m, "patience-thanks-after-wait", _WAIT) for m in _PATIENCE.finditer(text)]
    out: dict[tuple[int, int], Finding] = {}
    for m, rule_id, (message, why) in found:
        start, end = m.start(), m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if draft.is_protected(start, end) or (start, end) in out:
            continue
        out[(start, end)] = Finding(
            rule_id,
            "tone",
            "warning",
            start,
            end,
            message,
            why,
            (Suggestion("Remove it", (Edit(start, end, ""),)),),
        )
    return list(out.values())
