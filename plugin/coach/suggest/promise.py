"""Does the draft leave something open, or has it solved the customer's problem?

A next step with a time ("I'll send you an update by {time}") is a promise: it is
offered only when the draft leaves something open — the agent is still looking
into it, or asks the customer for something. A draft that reports the fix, or
simply answers, gets an open door instead. Phrases are matched on the folded
text (lowercase, straight apostrophes).
"""

from __future__ import annotations

import re

# The agent still has work to do, or waits on the customer.
_OPEN = re.compile(
    r"\b(?:look(?:ing)? into|investigat\w*|check(?:ing)? with|escalat\w*|pass(?:ed|ing)? (?:it |this )?on"
    r"|will be in touch|get back to you|follow(?:ing)? up|i'll update|we'll update|keep you (?:posted|updated)"
    r"|once (?:we|i|the|it|this)|as soon as|waiting (?:for|on)|pending|in progress"
    r"|(?:dm|direct message|message) (?:us|me)|send (?:us|me)|reply with|could you|can you|would you"
    r"|please (?:send|provide|confirm|share|let us know (?:your|which|what|the))|let (?:us|me) know (?:your|which|what|the|when))\b"
)
# The agent reports a fix, or the problem is gone.
_SOLVED = re.compile(
    r"\b(?:(?:i|we)(?:'ve| have) (?:now )?(?:refunded|fixed|resolved|processed|sorted|cancelled|canceled"
    r"|reset|restored|credited|issued|sent|updated|corrected|unlocked|reactivated|reopened|rebooked"
    r"|replaced|removed|changed|approved|waived|applied|booked|arranged|added|extended)"
    r"|(?:has|have) been (?:refunded|fixed|resolved|processed|sorted|cancelled|canceled|reset|restored"
    r"|credited|issued|sent|updated|corrected|unlocked|reactivated|approved|removed|changed|applied)"
    r"|is (?:now )?(?:fixed|resolved|working again|back up|sorted)|(?:should|will) now (?:work|see|be able)"
    r"|you(?:'re| are) all set|all sorted|you can now)\b"
)
# A question back at the end of a sentence ("Which device are you on?") also leaves it open,
# but the open door ("Is there anything else...?") does not.
_OPEN_DOOR_QUESTION = re.compile(r"anything else|any other questions|any questions")


def leaves_open(folded: str) -> bool:
    """True when the draft (folded text) leaves the customer's problem open."""
    if _OPEN.search(folded):
        return True
    for question in re.finditer(r"[^.!?\n]*\?", folded):
        if not _OPEN_DOOR_QUESTION.search(question.group()):
            return True
    return False


def solved(folded: str) -> bool:
    """True when the draft reports the problem fixed and leaves nothing open."""
    return _SOLVED.search(folded) is not None and not leaves_open(folded)
