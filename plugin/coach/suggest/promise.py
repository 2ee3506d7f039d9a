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
    r"\b(?:look(?:ing)? into|investigat\w*|check(?:ing)? with|escalat\w*"
    r"|pass(?:ed|ing)? (?:it |this )?on|will be in touch|get back to you|follow(?:ing)? up"
    r"|i'll update|we'll update|keep you (?:posted|updated)"
    r"|once (?:we|i|the|it|this)|as soon as|waiting (?:for|on)|pending|in progress"
    r"|(?:dm|direct message|message) (?:us|me)|send (?:us|me)|reply with"
    r"|could you|can you|would you"
    r"|please (?:send|provide|confirm|share|let us know (?:your|which|what|the))"
    r"|let (?:us|me) know (?:your|which|what|the|when))\b"
)
_DONE = (
    r"refunded|fixed|resolved|processed|sorted|cancelled|canceled|reset|restored|credited"
    r"|issued|sent|updated|corrected|unlocked|reactivated|approved|removed|changed|applied"
)
# The agent asks the customer to act first ("DM us your address", "could you send...").
_ASKS = re.compile(
    r"\b(?:(?:dm|direct message|message|email) (?:us|me)|send (?:us|me)|reply with|could you"
    r"|can you|would you|please (?:send|provide|confirm|share|dm|follow|reach out|contact)"
    r"|let (?:us|me) know (?:your|which|what|the|when))\b"
)
# The agent reports a fix, or the problem is gone.
_SOLVED = re.compile(
    rf"\b(?:(?:i|we)(?:'ve| have) (?:now )?(?:{_DONE}|reopened|rebooked|replaced|waived|booked"
    r"|arranged|added|extended)"
    rf"|(?:has|have) been (?:{_DONE})"
    r"|is (?:now )?(?:fixed|resolved|working again|back up|sorted)"
    r"|(?:should|will) now (?:work|see|be able)|you(?:'re| are) all set|all sorted|you can now)\b"
)
# A question back at the end of a sentence ("Which device are you on?") also leaves it open,
# but the open door ("Is there anything else...?") does not.
_OPEN_DOOR_QUESTION = re.compile(
    r"anything else|any other questions|any questions|anything (?:i|we) (?:can|may|could)"
)


# A question mark ends a question, not a link's query ("?id=42").
_QUESTION = re.compile(r"\?(?=[\s\"')]|$)")


def leaves_open(folded: str) -> bool:
    """True when the draft (folded text) leaves the customer's problem open."""
    after = 0  # just past the last question mark that ends a sentence
    for m in _QUESTION.finditer(folded):
        at = m.start()
        # the question starts past the sentence end before it: a stop, "!", a line break
        # or the question before
        start = max(folded.rfind(c, after, at) for c in ".!\n")
        start = after if start < 0 else start + 1
        if not _OPEN_DOOR_QUESTION.search(folded, start, at):
            return True
        after = at + 1
    return _OPEN.search(folded) is not None


def waits_on_customer(folded: str) -> bool:
    """True when the draft asks the customer for something before anything can happen."""
    return _ASKS.search(folded) is not None


def solved(folded: str) -> bool:
    """True when the draft reports the problem fixed and leaves nothing open."""
    return _SOLVED.search(folded) is not None and not leaves_open(folded)
