"""The register fitted wording speaks in, read from the customer's mood.

A sensitive situation (bereavement, illness, money trouble or fraud, safety)
wins over everything: its wording has no "trouble with", nothing cheerful and
no "frustrating" — "difficult" or "worrying" fits. Then worry (the customer
says they are scared, stranded...), then an upset customer (frustrated or
angry), then the plain register.
"""

from __future__ import annotations

from dataclasses import dataclass

from plugin.coach.model import Mood

# Mood cue kinds (rulepacks/mood_cues.yaml) naming a situation that needs care.
SITUATIONS: dict[str, str] = {
    "bereavement": "bereavement",
    "health": "health",
    "illness": "health",
    "money": "money",
    "hardship": "money",
    "fraud": "money",
    "safety": "safety",
}
_WORRY = frozenset({"distress", "travel_disruption", "worry"})
# Which situation speaks when a message names several: the gravest first.
_ORDER = ("bereavement", "safety", "health", "money")


@dataclass(frozen=True, slots=True)
class Register:
    name: str  # bereavement | health | money | safety | worried | upset | plain

    @property
    def sensitive(self) -> bool:
        return self.name in _ORDER


PLAIN = Register("plain")
# One of each, made once (a frozen dataclass is slow to build).
_REGISTERS = {n: Register(n) for n in (*_ORDER, "worried", "upset")}


def register_of(mood: Mood | None) -> Register:
    """The register for a reply to a customer in ``mood``."""
    if mood is None:
        return PLAIN
    kinds = {c.kind for c in mood.cues}
    found = {SITUATIONS[k] for k in kinds if k in SITUATIONS}
    for name in _ORDER:
        if name in found:
            return _REGISTERS[name]
    if kinds & _WORRY or str(mood.label) == "worried":  # a label of the care cues
        return _REGISTERS["worried"]
    if mood.label in ("frustrated", "angry"):
        return _REGISTERS["upset"]
    return PLAIN
