"""Word lists for the move grammars: what an agent does, what a customer can do.

Verbs are listed once, in their base form; ``forms`` adds "-s", "-ed" and "-ing"
(and the irregular forms below), so "check", "checked", "checking" all count.
A verb that is an action only with a particle ("look into", "follow up", "take a
look") lists the particles it needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from plugin.coach.lexicon import wordset

_IRREGULAR: Mapping[str, tuple[str, ...]] = {
    "send": ("sent",),
    "resend": ("resent",),
    "re-send": ("re-sent",),
    "take": ("took", "taken"),
    "dig": ("dug", "digging"),
    "ring": ("rang", "rung"),
    "speak": ("spoke", "spoken"),
    "see": ("saw", "seen"),
    "find": ("found",),
    "make": ("made",),
    "go": ("went", "gone"),
    "put": ("putting",),
    "set": ("setting",),
    "freeze": ("froze", "frozen"),
    "keep": ("kept",),
    "get": ("got", "gotten", "getting"),
    "have": ("had", "having"),
    "give": ("gave", "given"),
    "submit": ("submitted", "submitting"),
    "log": ("logged", "logging"),
    "flag": ("flagged", "flagging"),
    "ship": ("shipped", "shipping"),
    "chat": ("chatted", "chatting"),
    "dm": ("dm'd", "dmed", "dming", "dm'ing"),
    "pop": ("popped", "popping"),
    "drop": ("dropped", "dropping"),
    "shoot": ("shot",),
    "hold": ("held",),
    "pay": ("paid",),
    "read": (),
    "write": ("wrote", "written", "writing"),
    "forward": ("forwarded", "forwarding"),
    "tell": ("told",),
    "hop": ("hopped", "hopping"),
    "plug": ("plugged", "plugging"),
    "unplug": ("unplugged", "unplugging"),
    "meet": ("met",),
    "leave": ("left",),
}


def forms(verbs: Iterable[str]) -> frozenset[str]:
    """Each verb with its "-s", "-ed" and "-ing" forms (spelling rules of thumb)."""
    out: set[str] = set()
    for verb in verbs:
        out.add(verb)
        out.update(_IRREGULAR.get(verb, ()))
        if verb.endswith(("s", "x", "ch", "sh")):
            out.add(verb + "es")
        elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
            out.add(verb[:-1] + "ies")
        else:
            out.add(verb + "s")
        if verb in _IRREGULAR and any(f.endswith("ing") for f in _IRREGULAR[verb]):
            continue
        if verb.endswith("e") and not verb.endswith("ee"):
            out.update((verb + "d", verb[:-1] + "ing"))
        elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
            out.update((verb[:-1] + "ied", verb + "ing"))
        else:
            if not any(f.endswith(("ed", "t", "n")) for f in _IRREGULAR.get(verb, ())):
                out.add(verb + "ed")
            out.add(verb + "ing")
            if verb.endswith("l") and verb[-2:-1] in "aeiou" and verb[-3:-2] not in "aeiou":
                out.update((verb + "led", verb + "ling"))  # British "cancelled"
    return frozenset(out)


def _with_particles(table: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """{"look": "into at"} -> every form of "look" needing "into" or "at" next."""
    return {f: wordset(p) for verb, p in table.items() for f in forms([verb])}


# ---- what the agent does (ownership) ----------------------------------------------

# A first-person subject followed by one of these reports or commits to an action.
# Not here on purpose: help, assist, support (vague: "so we can help you better").
AGENT_ACTIONS = forms(
    wordset(
        """check investigate review escalate pass share forward raise flag log report refund
    rebook reschedule book send resend re-send issue process credit cancel arrange add
    remove replace reset restore unlock reactivate reopen update change fix correct waive
    extend apply contact call ring email message reply respond chase handle sort monitor
    pull locate query analyze analyse void freeze dispute block record submit file
    expedite upgrade voice express recognize recognise research inspect examine reimburse
    compensate dispatch ship schedule organise organize notify attach enclose double-check
    prioritise prioritize push amend adjust reverse approve transfer rectify
    resolve dig confirm verify escalate mark tag unblock downgrade renew reissue
    re-issue order trace provide"""
    )
)
# Verbs that are an action only with what follows ("look into", not "look forward").
AGENT_PHRASAL = _with_particles(
    {
        "look": "into in at over through",
        "take": "a care over another",
        "have": "a",
        "follow": "up",
        "keep": "an",
        "find": "out your the a",
        "figure": "out",
        "work": "on to with hard",
        "make": "sure",
        "go": "through over",
        "walk": "you through",
        "put": "in through",
        "set": "up",
        "get": "this that your the our it",
        "see": "what why",
        "ask": "our the my a someone them him her",
        "reach": "out",
        "speak": "to with",
        "talk": "to with",
    }
)
# Words between the subject and the verb that keep the clause first-person and
# affirmative: "we'd definitely like to", "I've just gone ahead and".
AGENT_AUX = wordset(
    """will would shall can could may might must have has had am is are be been being
    do does did 'll 've 'm 're 'd to like love want wanted need needs happy glad pleased
    delighted more than sure going able also just already now then still actually
    definitely certainly absolutely personally gladly happily immediately quickly
    further gone went go ahead and currently right away today first try trying"""
)
# What "get this ..." must come to for an action: "get this fixed", "get our team on it"
GET_DONE = wordset(
    """fixed sorted resolved replaced refunded sent corrected changed updated cancelled
    canceled booked rebooked reinstated restored unlocked credited processed escalated
    moving on started working covered back"""
)
# "how can we fix things?", "when we called", "something we can handle": no commitment
SUBORDINATE = wordset("how what why when whether unless something anything")
# "working very hard on", "look really closely into"
INTENSIFIERS = wordset("very really so hard closely quickly properly")
FIRST_PERSON = wordset("i we i'll i've i'm i'd we'll we've we're we'd let's lets")
# "let me check", "let us look into it", "allow me to pull up"
LET = wordset("let allow")

# ---- what the customer can do (next steps) ----------------------------------------

CUSTOMER_BASE = wordset(
    """dm send reach contact call chat visit click tap select choose head follow try
    restart reboot reset update install reinstall uninstall clear delete remove open sign
    log use refer submit fill attach return bring message email tweet shoot ring phone
    text verify read enable disable switch unplug plug power press enter type link connect
    disconnect download upload save join meet hop pop drop pre-order order book rebook pay
    toggle turn reply respond write forward scroll navigate browse search report apply
    show access change edit manage view learn recover renew redeem activate re-enter
    resubmit complete run perform double-check allow stay"""
)
CUSTOMER_ACTIONS = forms(CUSTOMER_BASE)
_CUSTOMER_PHRASAL_TABLE = {
    "check": "out your the that this our if whether for in with back here",
    "take": "a",
    "have": "a",
    "make": "sure",
    "keep": "an",
    "go": "to into ahead through",
    "give": "us me it this that these them",
    "see": "here our this the these",
    "look": "at for out through into",
    "get": "in back",
    "find": "the your it them this",
    "wait": "until for",
    "let": "a",
}
CUSTOMER_PHRASAL = _with_particles(_CUSTOMER_PHRASAL_TABLE)
# An imperative or "you can ..." takes the base form: "you'd have *seen* this" is no step.
CUSTOMER_PHRASAL_BASE = frozenset(_CUSTOMER_PHRASAL_TABLE)
# What may stand before an imperative at a clause start: "Please just DM us".
IMPERATIVE_LEAD = wordset(
    """please pls plz kindly just simply also then first now so next and or alternatively
    meanwhile otherwise do"""
)
# A request for details is a step when it names where to send them ("share the
# details here: <link>", "DM us your order number"); "Which OS?" alone is not.
INFO_VERBS = forms(wordset("share provide tell confirm give include"))
# The agent saying when they will be back in touch is what happens next.
NOTIFY = forms(wordset("respond reply send email call ring message update contact notify text"))
NOTIFY_PHRASAL = _with_particles({"get": "back", "follow": "up", "reach": "out", "keep": "you"})
# Open-door conditions: "DM us with any questions" offers contact, it sets no task.
OPEN_DOOR_CUES = wordset("questions question concerns anything")
# "Can you DM us?", "Would you mind sending...", "Could you please try..."
ASK_YOU = wordset("can could would will")
ASK_FILLERS = wordset("you u please pls kindly mind be able to just also quickly first")
# "We'd recommend checking", "I suggest that you call"
ADVICE = forms(wordset("recommend suggest advise encourage urge"))
# "you can reach them here", "you'll need to contact", "you may wish to"
YOU = wordset("you you'll you'd")
YOU_MODALS = wordset(
    """can could may might should will would need needs have has to also always still
    then first just want wish 'll 'd simply easily"""
)
# Cues that a request for details names its channel: "share the details here: <link>"
CHANNEL = wordset("dm dms pm messages message here link via email inbox form")
# "hopefully it gets resolved asap": a hope is not a plan
HOPE = wordset("hopefully hope fingers")
WHEN = wordset(
    """today tonight tomorrow monday tuesday wednesday thursday friday saturday sunday
    morning afternoon evening within by later hour hours minutes week weekend days next
    midnight"""
)
FUTURE = wordset(
    "will 'll should shall i'll we'll you'll it'll they'll that'll he'll she'll there'll"
)
