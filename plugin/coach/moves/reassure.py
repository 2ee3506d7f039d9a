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
from plugin.coach.moves.tokens import Tokens

_PATTERNS = (
    # "you won't be out of pocket", "you don't need to send anything", "you won't get calls"
    r"you (?:won't|will not|don't|do not|shouldn't|should not) (?:need to|have to|be|get|"
    r"receive|lose|owe|pay)\b(?! able)",
    r"(?:you're|you are) not (?:out of pocket|liable|responsible|at fault|in trouble)",
    r"(?:there's|there is) no need to",
    # "nothing was deleted", "nothing else can go through", "nothing to pay upfront"
    r"nothing (?:else )?(?:was|is|has been|will be|can be|can|to|would be)(?: \w+)? "
    r"(?:deleted|lost|taken|charged|pay|go through|changed|removed|owed)\b",
    # "your no-claims discount is protected", "it's safe to accept"
    r"(?:is|are|'s|remains?|stays?) (?:still |fully |completely )?(?:protected|safe|unaffected"
    r"|secure)\b(?! by| with)",
    r"(?:isn't|is not|aren't|are not|won't be|will not be|hasn't been|haven't been) "
    r"(?:\w+ )?affected",
    r"no (?:further |more )?(?:payments?|charges?|fees?|court action|action|letters|calls) "
    r"will be",
    r"(?:there will be|there's|there is) no (?:payment|charge|fee|cost|extra cost|penalty)",
    r"(?:we|i) (?:won't|will not|'ll never|will never) (?:cut|charge|close|cancel|disconnect|"
    r"suspend|chase)",
    r"(?:carry|carries) over|(?:stay|stays) on file|rest assured",
)
_REASSURE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
_SHOUTED = re.compile(r"\b(?:NOT|DON'T|WON'T|NEVER|NO)\b")


def reassure(t: Tokens) -> Iterator[MoveHit]:
    draft = t.draft
    words = draft.words
    lo = words[t.first].start if t.first < len(words) else len(draft.text)
    for m in _REASSURE.finditer(draft.folded, lo):
        s, e = m.start(), m.end()
        if s and draft.folded[s - 1].isalnum() and draft.folded[s] != "'":
            continue
        if _SHOUTED.search(draft.text, s, e) or draft.is_protected(s, s + 1):
            continue
        yield MoveHit("reassure", s, e, "reassure-grammar")
