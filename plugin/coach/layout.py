"""Where the parts of a reply sit: greeting (and the name in it), body, sign-off.

The empathy analyzer uses it to place suggested sentences where a reader expects
them: a greeting first, an apology right after it, next steps before the closing,
an open door before "Best,\\nAlex".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from plugin.coach import handles
from plugin.coach.draft import SIGNOFF, Draft, last_lines
from plugin.coach.rule_schema import reply_start

# Words after "Hi" that address nobody in particular ("Hi there", "Dear customer").
GENERIC_ADDRESSES = frozenset(
    [
        "there",
        "all",
        "everyone",
        "everybody",
        "team",
        "folks",
        "guys",
        "customer",
        "customers",
        "sir",
        "sirs",
        "madam",
        "friend",
        "friends",
        "user",
        "client",
        "member",
        "valued",
        "account",
        "holder",
    ]
)
# Capitalised words that start a sentence rather than name a person ("Hi, Thanks for...").
_NOT_NAMES = frozenset(
    [
        "i",
        "i'm",
        "i've",
        "i'll",
        "i'd",
        "we",
        "we're",
        "we've",
        "we'll",
        "thanks",
        "thank",
        "sorry",
        "just",
        "hope",
        "please",
        "your",
        "you",
        "the",
        "this",
        "that",
        "it",
        "it's",
        "our",
        "my",
        "good",
        "great",
        "happy",
        "quick",
        "following",
        "regarding",
        "re",
    ]
)
_TITLES = frozenset(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "prof", "prof."])
_TOKEN = re.compile(r"\{\{[^}\n]*\}\}|[^\W\d_][\w'’.-]*")


# A NamedTuple: built for every draft (and again by suggestion checks), and a frozen
# dataclass's __init__ sets each field through object.__setattr__.
class Layout(NamedTuple):
    greeting_start: int | None  # the opener word ("Hi"), if the reply opens with one
    opener_end: int | None  # where a name would go: "Hello|,"
    name: str | None  # the name after the opener, e.g. "Maria"
    greeting_end: int | None  # end of opener + name
    body_start: int  # where the body's first sentence starts
    signoff: int | None  # start of the sign-off line ("Best,")


def read(draft: Draft, openers: list[tuple[int, int]], known_name: str | None) -> Layout:
    """The reply's layout; ``openers`` are greeting-move matches at the opening."""
    text = draft.text
    first = reply_start(text)
    opener = next(((s, e) for s, e in openers if s == first), None)
    name, greeting_end = None, None
    if opener is not None:
        name, greeting_end = _name_after(text, opener[1], known_name)
    body_start = _body_start(draft, opener[0] if opener else None)
    return Layout(
        greeting_start=opener[0] if opener else None,
        opener_end=opener[1] if opener else None,
        name=name,
        greeting_end=greeting_end if name else (opener[1] if opener else None),
        body_start=body_start,
        signoff=_signoff(text, body_start),
    )


def _name_after(text: str, pos: int, known: str | None) -> tuple[str | None, int | None]:
    """The name addressed after the opener ("Hi Maria Lopez," -> "Maria Lopez")."""
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    i = pos
    if text[i : i + 1] == ",":  # "Hi, Maria"
        i += 1
    words: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text, i, line_end):
        if text[i : m.start()].strip() or len(words) == 3:
            break  # punctuation between words ends the name
        if not _is_name_word(m.group(), known, first=not words):
            break
        words.append((m.start(), m.end()))
        i = m.end()
    if not words:
        return None, None
    name = text[words[0][0] : words[-1][1]].rstrip(".")
    return name, words[0][0] + len(name)


def _is_name_word(word: str, known: str | None, *, first: bool) -> bool:
    lower = word.lower().replace("’", "'")
    if known and lower == known.lower():
        return True
    if word.startswith("{{"):
        return True
    if lower in GENERIC_ADDRESSES or (first and lower in _NOT_NAMES):
        return False
    return word[0].isupper() or lower in _TITLES


def _body_start(draft: Draft, greeting_start: int | None) -> int:
    if greeting_start is None:
        return draft.sentences[0].start if draft.sentences else 0
    for span in draft.sentences:
        if span.start > greeting_start:
            return span.start
    return len(draft.text)


def _signoff(text: str, body_start: int) -> int | None:
    for start, line in last_lines(text):
        if start >= body_start and SIGNOFF.fullmatch(line):
            return start + len(line) - len(line.lstrip())
    initials = handles.initials_span(text)  # "... ^RM": the agent signs on the last line
    return initials[0] if initials and initials[0] >= body_start else None
