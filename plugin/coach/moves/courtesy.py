"""Thanks, validation, open doors and offered links, read from the agent's own words.

Each pattern starts with a literal, so Python's regex engine scans for it fast;
word edges and exclusions are checked in Python on the few places it stops.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from operator import itemgetter

from plugin.coach.lexicon import wordset
from plugin.coach.model import MoveHit
from plugin.coach.moves import kinds
from plugin.coach.moves import words as W
from plugin.coach.moves.kinds import FEELING as _FEELING
from plugin.coach.moves.tokens import Tokens

# ---- thanks ---------------------------------------------------------------------

# "Thanks - Mike", "Ty", "Thx", "Thank you!", "Appreciate you reaching out",
# "Your patience is appreciated", "grateful for"...
_THANKS = re.compile(r"(?:thank(?:s| you| u)|thx|tysm|ty|appreciate[sd]? |appreciating |grateful)")
_APPRECIATED = re.compile(r"(?:is|are|was|were) (?:\w+ ){0,2}appreciated")
_APPRECIATE_WHAT = wordset("you your you're the it this that all everyone having them how")


def thanks(t: Tokens) -> Iterator[MoveHit]:
    text = t.draft.folded
    lo = _reply_offset(t)
    for m in _THANKS.finditer(text, lo) if t.kinds & kinds.THANK else ():
        s, e = m.start(), m.end()
        if s and (text[s - 1].isalnum() or text[s - 1] == "'"):
            continue
        word = m.group().strip()
        after = text[e : e + 30]
        if word in ("ty", "thx", "tysm", "thanks", "thank you", "thank u") and after[:1].isalnum():
            continue
        if word == "ty" and not re.match(r"\s*(?:[-–—!.,~^*/]|$)", after):
            continue  # "Ty" is a sign-off only when punctuation or the name follows
        if word.startswith(("thank", "thx")) and (
            after.startswith(" to ") or text[max(0, s - 3) : s] == "no "
        ):
            continue  # "thanks to the update", "no thanks"
        if word.startswith("appreciat"):
            nxt = after.split(" ", 1)[0].strip(".,!")
            if nxt not in _APPRECIATE_WHAT or re.match(r"\w+ (?:shared )?concerns?\b", after):
                continue  # "we appreciate your concern" brushes off
        if not t.draft.is_protected(s, e):
            yield MoveHit("thanks", s, e, "thanks-grammar")
    for m in _APPRECIATED.finditer(text, lo) if "appreciated" in text else ():
        if not t.draft.is_protected(m.start(), m.end()):
            yield MoveHit("thanks", m.start(), m.end(), "thanks-grammar")


def _reply_offset(t: Tokens) -> int:
    words = t.draft.words
    return words[t.first].start if t.first < len(words) else len(t.draft.text)


# ---- validation -----------------------------------------------------------------

# "That's frustrating", "must be worrying", "can be stressful", "a worrying thing"
_PREDICATE = re.compile(
    r"(?:'s|is|was|be|been|sounds?|seems?|feels?|are|were|looks?)"
    r"(?: (?:so|really|very|incredibly|truly|such|a|an|quite|pretty|understandably|"
    r"definitely|bit|little|extremely|super|hugely|deeply|completely|totally|"
    r"genuinely|naturally|rightly|never|always|particularly|especially))* $"
)
# "you're frustrated", "you appear to be upset", "I know you're worried"
_YOU_FEEL = re.compile(
    r"(?:you're|you are|you were|you'd be|you must be|you might be|you appear to be|"
    r"you seem|you feel|you've been|left you|leave you|made you|makes you|leaving you)"
    r"(?: (?:so|really|very|understandably|rightly|quite|a bit|feeling|more than|"
    r"incredibly|extremely|pretty|definitely|a little))* $"
)
# "sorry for the frustration", "understand your concerns", "your frustration is valid"
_NOUN_FRAME = re.compile(
    r"(?:(?:sorry|apologi[sz]e|apologies)(?: \w+)? (?:for|about)|understand|"
    r"appreciate how|imagine) (?:the|all the|this|that|your|how much|how|why|what a)"
    r"(?: \w+)? $"
)
_NOT_FEELINGS = frozenset({"concerned", "concerning", "concerns", "concern"})


def validate(t: Tokens) -> Iterator[MoveHit]:
    if not t.kinds & kinds.FEEL:
        return  # no word starts with a feeling stem: most replies
    text = t.draft.folded
    lo = _reply_offset(t)
    for m in _FEELING.finditer(text, lo):
        s, e = m.start(), m.end()
        if s and text[s - 1].isalnum():
            continue
        before = text[max(lo, s - 60) : s]
        word = m.group()
        if before.endswith(("any ", "any of the ")):
            continue  # the hedged "any frustration"
        framed = bool(_NOUN_FRAME.search(before))
        if not framed and word not in _NOT_FEELINGS:
            framed = bool(_PREDICATE.search(before) or _YOU_FEEL.search(before))
        if framed and not t.draft.is_protected(s, e):
            # the frame is part of the move: "That's frustrating", not "frustrating"
            start = max(lo, s - 30)
            yield MoveHit("validate", start + _word_start(text, start, s), e, "validate-grammar")


def _word_start(text: str, start: int, stop: int) -> int:
    cut = text.find(" ", start, stop)
    return cut + 1 - start if cut >= 0 else 0


# ---- closing: open doors with a condition ----------------------------------------

_CONTACT = W.forms(
    wordset(
        "reply call ring phone email message dm text write contact shout tweet chat ping"
        " tell forward"
    )
)
_CONTACT_PHRASAL = {
    "get": frozenset({"in", "back"}),
    "let": frozenset({"me", "us"}),
    "give": frozenset({"us", "me"}),
    "drop": frozenset({"us", "me"}),
    "reach": frozenset({"out"}),
    "come": frozenset({"back"}),
    "send": frozenset({"us", "me"}),
    "feel": frozenset({"free"}),
}
_LEADS = wordset("just please simply then do and so")
_HERE = re.compile(
    r"(?:i'm|we're|i am|we are|we'll be|i'll be) (?:\w+ )?(?:here|around|standing by)"
)
# the first word of every start of _HERE and _HELP_OFFER ("i" of "i am", "i would")
_OFFER_HEADS = frozenset({"i'm", "we're", "i", "we", "we'll", "i'll", "we'd", "i'd"})
_HELP_OFFER = re.compile(
    r"(?:we'd|i'd|we would|i would) (?:\w+ )?(?:like|love|be happy|be glad) to help"
)


def closing(t: Tokens) -> Iterator[MoveHit]:
    """ "If anything looks wrong, just reply here", "Shout if it doesn't show up"."""
    # only the sentences holding an "if", found with tuple.index (most hold none)
    heads: list[int] = []
    norm, k = t.norm, -1
    while True:
        try:
            k = norm.index("if", k + 1)
        except ValueError:
            break
        i = t.sentence_of(k)
        if i >= t.first and (not heads or heads[-1] != i):
            heads.append(i)
    for i in heads:
        stop = t.sentence_end(i)
        if _contact_clause(t, i, stop) is not None and t.creditable(i, stop - 1):
            yield MoveHit("closing", *t.span(i, stop - 1), "closing-grammar")


def _contact_clause(t: Tokens, i: int, stop: int) -> int | None:
    """A clause of the sentence that offers contact, or None."""
    clauses = t.clauses  # a sentence start (``i``) starts a clause too
    for k in clauses[bisect_left(clauses, i) : bisect_left(clauses, stop)]:
        m = k
        while m < stop and t.norm[m] in _LEADS:
            m += 1
        v = t.at(m)
        if v in _CONTACT or t.at(m + 1) in _CONTACT_PHRASAL.get(v, ()):
            return m
        if v not in _OFFER_HEADS:
            continue  # neither pattern can match words that start otherwise
        rest = " ".join(t.norm[m : min(stop, m + 8)])
        if _HERE.match(rest) or _HELP_OFFER.match(rest):
            return m
    return None


# ---- links offered in a sentence --------------------------------------------------

_SIGNATURE_MARKS = "^*~/-–—="
_END = itemgetter(1)
_LINK = re.compile(r"(?:https?://|www\.)")


def links(t: Tokens) -> Iterator[MoveHit]:
    """A link the sentence offers ("steps here: <link>"), not one stuck after "^AB"."""
    text, words = t.draft.folded, t.draft.words
    if "http" not in text and "www." not in text:
        return  # two substring tests: most replies hold no link
    for m in _LINK.finditer(text):
        s = m.start()
        # the last word ending at or before the link (a key per probe: no list of ends)
        k = bisect_right(words, s, key=_END) - 1
        if k < 0 or k < t.first:
            continue
        gap = text[words[k - 1].end if k else 0 : words[k].start]
        if any(map(gap.__contains__, _SIGNATURE_MARKS)) and t.sentence[k]:
            continue  # "^AC https://t.co/..." follows the agent's initials
        if k - t.sentence_of(k) < 1:
            continue  # a bare link with no sentence offering it
        if t.creditable(t.sentence_of(k), k):
            yield MoveHit("next_steps", *t.span(t.sentence_of(k), k), "next-steps-link")
