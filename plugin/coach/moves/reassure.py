"""Reassurance: a line that takes a worry away ("nothing was deleted", "your discount
is protected", "you won't be out of pocket", "no payment will be taken").

Read from the folded text with patterns that each start with a literal, so the regex
engine scans for them fast. A "you do NOT need to" in capitals is the agent raising
their voice, not a comfort, so a shouted negation does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from plugin.coach.model import MoveHit
from plugin.coach.moves import kinds
from plugin.coach.moves.tokens import Tokens

# (the word kinds one of which a creditable match must hold, each a set of bits all
# present; the pattern): a pattern runs only when its words occur (``kinds``: a bit
# test, where a scan by a pattern with no literal prefix costs ~10 us a reply). A match
# is credited only at the start of a word segment (``reassure`` below), so its first
# word is a whole segment, as is each word the pattern ends with a space or "'".
_GUARDED: tuple[tuple[tuple[int, ...], re.Pattern[str]], ...] = tuple(
    (needs, re.compile(pattern))
    for needs, pattern in (
        # "you won't be out of pocket", "you don't need to send anything", "you're not liable"
        (
            (kinds.YOU,),
            r"you(?: (?:won't|will not|don't|do not|shouldn't|should not) (?:need to|have to|be|"
            r"get|receive|lose|owe|pay)\b(?! able)|(?:'re| are) not (?:out of pocket|liable|"
            r"responsible|at fault|in trouble))",
        ),
        # "there's no need to", "there will be no payment on 1 June"
        (
            (kinds.THERE | kinds.NO,),
            r"there(?:'s| is) no need to|there(?: will be|'s| is) no (?:payment|charge|fee|cost"
            r"|extra cost|penalty)",
        ),
        # "nothing was deleted", "nothing else can go through", "nothing to pay upfront"
        (
            (kinds.NOTHING,),
            r"nothing (?:else )?(?:was|is|has been|will be|can be|can|to|would be)(?: \w+)? "
            r"(?:deleted|lost|taken|charged|pay|go through|changed|removed|owed)\b",
        ),
        # "no further payments will be taken", "no court action will be taken"
        (
            (kinds.NO | kinds.WILL,),
            r"no (?:further |more )?(?:payments?|charges?|fees?|court action|action|letters|calls)"
            r" will be",
        ),
        # "your no-claims discount is protected", "it's safe to accept"
        (
            (kinds.SAFE,),  # the word itself: "protected", "safe", "unaffected", "secure"
            r"(?:is|are|'s|remains?|stays?) (?:still |fully |completely )?(?:protected|safe|"
            r"unaffected|secure)\b(?! by| with)",
        ),
        # "your hotel booking isn't affected"
        (
            (kinds.AFFECTED,),  # a segment starting "affected"
            r"(?:isn't|is not|aren't|are not|won't be|will not be|hasn't been|haven't been) "
            r"(?:\w+ )?affected",
        ),
        # "we will not cut off your water supply"
        (
            (kinds.WON, kinds.NEVER, kinds.WILL | kinds.NOT),  # won't, (wi)ll never, will not
            r"(?:we|i) (?:won't|will not|'ll never|will never) (?:cut|charge|close|cancel|"
            r"disconnect|suspend|chase)",
        ),
        (
            (kinds.KEPT,),  # "carry", "carries", "stay", "stays", "rest" starting a match
            r"(?:carry|carries) over|(?:stay|stays) on file|rest assured",
        ),
    )
)
# The we/i promise pattern (no literal prefix: tried at every "w" and "i") runs only
# where one of its middles occurs (substring tests in C): its guard passes on "will" and
# "not" anywhere, in ~40 % of replies, and it matches in few.
_PROMISE = _GUARDED[6][1]
_PROMISE_MIDDLES = ("won't ", "will not ", "'ll never ", "will never ")
_SHOUTED = re.compile(r"\b(?:NOT|DON'T|WON'T|NEVER|NO)\b")


def reassure(t: Tokens) -> Iterator[MoveHit]:
    draft = t.draft
    words = draft.words
    lo = words[t.first].start if t.first < len(words) else len(draft.text)
    folded = draft.folded
    found: list[re.Match[str]] = []
    have = t.kinds
    for needs, pattern in _GUARDED:
        for need in needs:  # a loop, not any(): a generator per pattern costs more
            if have & need == need:
                if pattern is not _PROMISE or any(map(folded.__contains__, _PROMISE_MIDDLES)):
                    found += pattern.finditer(folded, lo)
                break
    for m in found:
        s, e = m.start(), m.end()
        if s and folded[s - 1].isalnum() and folded[s] != "'":
            continue
        if _SHOUTED.search(draft.text, s, e) or draft.is_protected(s, s + 1):
            continue
        yield MoveHit("reassure", s, e, "reassure-grammar")
