"""Known support topics from the mood cue file ("the double charge"), searched cheaply.

Each group (topics that come ``first`` and the others) is also compiled as one
pattern matching wherever one of the group's does: a text that matches none (most)
is searched once, not once per topic, and only a match is looked up topic by topic
so the file's order still decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from plugin.coach.folded import Folded
from plugin.coach.regex_starts import led

_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


@dataclass(frozen=True, slots=True)
class TopicCue:
    """A known support topic from the cue file ("the double charge")."""

    pattern: re.Pattern[str]
    topic: str
    first: bool  # wins over the clause's own subject ("my card shows two payments")


class Topics(NamedTuple):
    """The cue file's known topics, in file order, with one pattern per group (``first``
    or not) matching wherever one of the group's does: a text that matches none (most)
    is searched once, not once per topic."""

    cues: tuple[TopicCue, ...]
    first_hint: Folded | None  # None: the group is empty
    other_hint: Folded | None

    @classmethod
    def of(cls, cues: tuple[TopicCue, ...]) -> Topics:
        def any_of(group: list[TopicCue]) -> Folded | None:
            if not group:
                return None
            if any(_BACKREFERENCE.search(c.pattern.pattern) for c in group):
                return Folded("")  # numbered groups would shift: no shortcut
            return Folded(led("|".join(f"(?:{c.pattern.pattern})" for c in group)))

        return cls(
            cues, any_of([c for c in cues if c.first]), any_of([c for c in cues if not c.first])
        )

    def find(self, text: str, first: bool) -> str | None:
        """The first topic of the group (``first`` or not) whose pattern ``text`` matches."""
        hint = self.first_hint if first else self.other_hint
        if hint is None or hint.search(text) is None:
            return None
        return next(
            (c.topic for c in self.cues if c.first == first and c.pattern.search(text)), None
        )
