"""The stretch of the customer's message the mood step reads: its last few thousand characters.

vaderSentiment's cost grows with the square of the text's length (~30 ms for
4,000 characters, ~13 s for 100 KB), and the sidebar sends the customer's whole
latest comment. The mood of a long message is read from its end — what the
customer wrote last — starting at a sentence (or, failing that, a word)
boundary, so no cue is cut in half. Cue offsets stay offsets into the whole
message.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from plugin.coach import lexicon, mood
from plugin.coach.model import Mood

WINDOW = 3000  # characters read at most (~17 ms of vader on dense complaint text)
# Where a sentence starts: after terminal punctuation and white space, or a line break.
_SENTENCE_START = re.compile(r"[.!?…][\"”')\]]*\s+|\n")
_WORD_START = re.compile(r"\s+")
_WORD_REACH = 64  # a word is shorter than this


def window(message: str) -> int:
    """Where the mood step starts reading ``message``: 0 when it is short enough.

    The window holds ``WINDOW`` characters as vader reads them: it reads an emoji
    as its name ("grinning face"), so an emoji counts as that many. Its start is
    the first sentence start in the first half of the window (so at least half a
    window is read); else the first word start within a word's length; else
    (no white space) the window's edge.
    """
    lo = len(message) - WINDOW if message.isascii() else _weighted_start(message)
    if lo <= 0:
        return 0
    boundary = _SENTENCE_START.search(
        message, lo, lo + (len(message) - lo) // 2
    ) or _WORD_START.search(message, lo, lo + _WORD_REACH)
    return boundary.end() if boundary is not None else lo


def _weighted_start(message: str) -> int:
    """The first index from which the rest of ``message`` weighs at most ``WINDOW``."""
    names = lexicon.vader().emojis
    weight, i = 0, len(message)
    while i > 0:
        weight += len(names.get(message[i - 1], "x"))
        if weight > WINDOW:
            return i
        i -= 1
    return 0


# The sidebar re-sends the same message on every check: it is windowed once.
@lru_cache(maxsize=512)
def read(message: str) -> tuple[Mood, str | None]:
    """The customer's mood from the end of ``message``, and a note when it was cut."""
    start = window(message)
    if start == 0:
        return mood.analyze(message), None
    found = mood.analyze(message[start:])
    cues = tuple(
        dataclasses.replace(c, start=c.start + start, end=c.end + start) for c in found.cues
    )
    note = (
        f"The customer's message is long ({len(message):,} characters): its mood was read "
        f"from the last {len(message) - start:,} characters."
    )
    return dataclasses.replace(found, cues=cues), note
