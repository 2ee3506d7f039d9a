"""Wording per move and register, best first (see ``register.py`` for the registers).

``{problem}`` takes the customer's problem as a clause ("I'm sorry that {problem}."),
``{topic}`` as a noun phrase ("an update on {topic}"); each is filled only when
``fitting`` says it reads right, else the next wording is tried, and the last
wording of each move has no slot. ``{time}`` is a slot the agent fills: a next step
never invents a deadline. Sensitive registers never say "trouble with", nothing
cheerful, and "difficult" or "worrying" where the plain register says
"frustrating"; a bereaved customer's problem is never restated in a template.
"""

from __future__ import annotations

_PLAIN: dict[str, tuple[str, ...]] = {
    "thanks": (
        "Thanks for letting us know about {topic}.",
        "Thanks for getting in touch about this.",
    ),
    # no slot-less line: "I've read your message" restates nothing
    "acknowledge": (
        "I can see that {problem}.",
        "I've read through everything you described about {topic}.",
    ),
    "validate": (
        "I can understand why you'd want {topic} sorted quickly.",
        "I can understand why you'd want this sorted quickly.",
    ),
    "apologize": (
        "I'm sorry that {problem}.",
        "I'm sorry for the trouble with {topic}.",
        "I'm sorry about this.",
    ),
    "ownership": (
        "I'll look into {topic} myself and see it through.",
        "I'll look into this myself and see it through.",
    ),
    "next_steps": (
        "I'll send you an update on {topic} by {time}.",
        "I'll send you an update by {time}.",
    ),
    "reassure": ("We'll get this sorted out for you.",),
    "closing": ("If there's anything else I can help with, just let me know.",),
}
_UPSET: dict[str, tuple[str, ...]] = {
    "apologize": (
        "I'm sorry that {problem}.",
        "I'm sorry for the trouble with {topic}.",
        "I'm sorry this has caused you so much trouble.",
    ),
    "validate": (
        "I can see how frustrating it is that {problem}.",
        "I can imagine how frustrating this has been.",
    ),
}
_WORRIED: dict[str, tuple[str, ...]] = {
    "validate": ("I can imagine how stressful this is.",),
    "apologize": ("I'm sorry that {problem}.", "I'm sorry for the worry this has caused."),
}
# Every sensitive situation; the situations below refine it.
_CARE: dict[str, tuple[str, ...]] = {
    "thanks": ("Thank you for telling us about this.",),
    "acknowledge": ("I can see that {problem}.", "I've read through everything you've told us."),
    "validate": ("I can imagine how worrying this is.",),
    "apologize": ("I'm so sorry you're having to deal with this.",),
    "ownership": (
        "I'll look into {topic} myself and see it through.",
        "I'll take care of this for you myself.",
    ),
    "reassure": ("You don't need to do anything else for now; we'll take care of this.",),
    "closing": ("If there's anything else we can do, just reply here.",),
}
_SITUATION: dict[str, dict[str, tuple[str, ...]]] = {
    "bereavement": {
        "acknowledge": ("I've read through everything you've told us.",),
        "validate": ("I can only imagine how hard this is at such a difficult time.",),
        "apologize": ("I'm so sorry for your loss.",),
        "ownership": ("I'll take care of this for you myself.",),
        "next_steps": ("I'll send you a short note by {time} to say where things stand.",),
    },
    "health": {
        "validate": ("I can only imagine how worrying this is on top of everything else.",),
    },
    "money": {
        "validate": ("It's completely understandable to be worried about this.",),
    },
    "safety": {
        "validate": (
            "It's completely understandable to feel worried, and your safety comes first.",
        ),
    },
}
# A solved or answered draft gets an open door where a timed promise would go.
OPEN_DOOR = "If anything else comes up, just reply here."
# The draft asks the customer for something: the promise starts from their answer.
AFTER_THEIR_ANSWER = "As soon as I hear back from you, I'll get back to you by {time}."
SENSITIVE = frozenset(_SITUATION)


def wordings(move: str, register: str) -> tuple[str, ...]:
    """The wordings for ``move`` in ``register``, best first."""
    if register in SENSITIVE:
        table = _SITUATION[register]
        if move in table:
            return table[move]
        if move in _CARE:
            return _CARE[move]
    elif register == "worried" and move in _WORRIED:
        return _WORRIED[move]
    elif register == "upset" and move in _UPSET:
        return _UPSET[move]
    return _PLAIN[move]
