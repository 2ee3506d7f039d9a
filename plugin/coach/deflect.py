"""Replies that engage with nothing the customer said (a robotic anti-pattern).

Two families, both warnings in the tone category:

- ``cold-turn``: in a chat or social turn, an upset customer gets no apology, no word
  for their feeling, no reassurance, and at most one word of their own message back.
  ``needs`` lets a turn that moves on (a link, a next step) skip the apology; but a
  turn that only moves on, to someone upset, is deaf to the obvious emotion.
- ``generic-redirect``: any reply whose substance could be pasted under any message:
  no acknowledgement or apology, and not one content word shared with the customer
  (a "DM us", a help-centre link, a "tweet us any time" that never names the problem).

A question back to the customer, sympathy said as an exclamation ("Oh no!") or the
agent's own promise ("I'll check the logs") engages with them, so none of these warn.
Both need the customer's message; without it nothing is said.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import itemgetter

from plugin.coach.calibrate import UPSET
from plugin.coach.draft import Draft, Word
from plugin.coach.empathy import EmpathyResult
from plugin.coach.model import Finding, Mood
from plugin.coach.moves.restate import stems
from plugin.coach.moves.words import AGENT_ACTIONS

# Moves that show the reply heard this customer.
_ENGAGED = frozenset({"acknowledge", "apologize", "validate"})
_MIN_CUSTOMER_WORDS = 3  # a message of fewer content words gives nothing to engage with
# Words both sides use without naming anything ("need help", "any issues").
_NOISE = frozenset(stems("need needs want wants work working issue issues problem problems"))
_HEARD = 2  # content words shared with the customer to show the reply read them; one may be chance
# Sympathy said as an exclamation ("Oh no!", "Yikes", "I hear you", "that's awful"): the
# reply has heard the feeling even when it names no move.
_SYMPATHY = re.compile(
    r"\b(?:oh\s+(?:no|dear|man|gosh|my)|uh[\s-]oh|yikes|ugh|eek|whoa|"
    r"i\s+hear\s+you|(?:that|this|it)(?:'s|’s|\s+is|\s+was|\s+sounds)\s+"
    r"(?:(?:so|really|definitely|truly|just)\s+)?(?:an?\s+)?"
    r"(?:insane|horrible|crazy|terrible|awful|frustrating|annoying|not\s+good|no\s+good|"
    r"not\s+ok(?:ay)?|unacceptable|disappointing|upsetting|maddening|rough|tough))\b",
    re.I,
)
_SYMPATHY_WORDS = frozenset(
    re.findall(
        r"\w+",
        "oh uh yikes ugh eek whoa hear insane horrible crazy terrible awful frustrating annoying"
        " good ok okay unacceptable disappointing upsetting maddening rough tough",
    )
)
_WORD = re.compile(r"\w+")
_START, _END = itemgetter(0), itemgetter(1)  # a Word's start and end
# The agent saying what they will do: "I'll ..." ("I will pass this on"), or "we'll" with
# an action of the agent's ("we'll check it", not "we'll continue from there").
_PROMISE = re.compile(r"\bI(?:'ll|’ll|\s+will)\s+(?!be\s+able\b)(?:\w+ly\s+)?\w+", re.I)
_WE_WILL = re.compile(r"\bwe(?:'ll|’ll|\s+will)\s+(?:\w+ly\s+)?([\w-]+)", re.I)


def analyze(
    draft: Draft, found: EmpathyResult, mood: Mood | None, customer: str | None, register: str
) -> list[Finding]:
    """Tone warnings for a reply that ignores what the customer wrote."""
    if not customer or not draft.words:
        return []
    present = {m.move for m in found.moves}
    upset = mood is not None and mood.label in UPSET
    cold = not present & (_ENGAGED | {"reassure"})
    turn_cold = register != "email" and upset and cold
    if not turn_cold and (present & _ENGAGED or not _redirects(draft, present)):
        return []  # neither family can apply: skip the word work
    # Both families need a draft with no other warning, and a redirect one a customer who
    # asked something: cheap tests, so they come before the word work too.
    warned = any(f.severity != "info" and f.category != "readability" for f in found.findings)
    asked = upset or (mood is not None and mood.problem is not None) or "?" in customer
    if warned or not (turn_cold or asked):
        return []
    mine = draft.open_words
    span = _span(draft, mine[bisect_left(mine, found.body_start, key=_START) :])
    if span is None:
        return []
    start, end = span
    own = " ".join(map(itemgetter(2), mine))  # a word's text is its span of the draft
    if _asks(draft) or _sympathy(own) or _promises(own):
        return []  # a question back, sympathy in so many words, or a promise engages
    said = stems(_plain(customer))
    shared = said & stems(own) - _NOISE  # what the reply names of theirs
    heard = len(shared) >= _HEARD
    if turn_cold and not warned and not heard:
        return [
            Finding(
                "cold-turn",
                "tone",
                "warning",
                start,
                end,
                "This customer is upset, and the reply never says so.",
                "A reply that only points somewhere else reads as cold to someone upset: "
                "name the feeling or say sorry before the next step.",
            )
        ]
    if present & _ENGAGED or warned or not _redirects(draft, present):
        return []
    if not asked:  # praise or a passing remark needs no engagement beyond thanks
        return []
    if len(said) < _MIN_CUSTOMER_WORDS or shared:
        return []
    return [
        Finding(
            "generic-redirect",
            "tone",
            "warning",
            start,
            end,
            "The reply could answer any message: it names nothing this customer said.",
            "A stock redirect or link feels like a brush-off; say what you understood "
            "of their problem first.",
        )
    ]


def _sympathy(text: str) -> bool:
    """Sympathy said in so many words (``_SYMPATHY``). Each phrase holds one of
    ``_SYMPATHY_WORDS`` whole: ASCII text without any is not searched (the pattern,
    case-blind, is tried at every position)."""
    if text.isascii() and _SYMPATHY_WORDS.isdisjoint(_WORD.findall(text.lower())):
        return False
    return _SYMPATHY.search(text) is not None


def _promises(text: str) -> bool:
    """The agent commits to an action of their own."""
    if text.isascii() and "ll" not in text.lower():
        return False  # every promise holds "'ll" or "will"
    if _PROMISE.search(text):
        return True
    return any(m.group(1).lower() in AGENT_ACTIONS for m in _WE_WILL.finditer(text))


def _asks(draft: Draft) -> bool:
    """A question of the agent's own (not one inside a link or a quote)."""
    text = draft.text
    at = text.find("?")
    while at >= 0:
        if not draft.is_protected(at, at + 1):
            return True
        at = text.find("?", at + 1)
    return False


def _redirects(draft: Draft, present: set[str]) -> bool:
    """The reply sends the customer somewhere: a next step or a link."""
    return "next_steps" in present or "http" in draft.text or "www." in draft.text


def _plain(text: str) -> str:
    """The customer's words without @handles and links."""
    return " ".join(w for w in text.split() if not w.startswith(("@", "http", "www.")))


def _span(draft: Draft, own: Sequence[Word]) -> tuple[int, int] | None:
    """The reply's first run of the agent's own words (links and handles are not marked):
    up to the first gap between two words that ``draft.is_protected``."""
    if not own:
        return None
    return own[0].start, own[_first_protected_gap(draft, own) - 1].end


def _first_protected_gap(draft: Draft, own: Sequence[Word]) -> int:
    """The first ``k`` whose gap ``[own[k-1].end, own[k].start)`` is protected, else
    ``len(own)``: found a protected span at a time, not a test per word. A gap ``[a, b)``
    is protected when a span ``(s, e)`` has ``s <= max(a, b - 1)`` and ``e > a``
    (``is_protected``); both ends grow with ``k``, so a span's first gap is a bisection."""
    n = len(own)
    for s, e in draft.protected:  # sorted and disjoint
        if e <= own[0].end:
            continue  # ends before every gap
        k = min(
            max(1, bisect_right(own, s, key=_START)),  # the gap's end past s
            bisect_left(own, s, key=_END) + 1,  # or its start at s or later
        )
        if k >= n:
            break  # past the last word: so is every later span
        if own[k - 1].end < e:
            return k
    return n
