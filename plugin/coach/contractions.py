"""Contractions typed without their apostrophe ("doesnt", "im"), mended before the
customer's problem is read and quoted back (``topic.voice``, ``problem``)."""

from __future__ import annotations

from plugin.coach.folded import Folded
from plugin.coach.regex_starts import led

# Contractions typed without the apostrophe; "wont", "were", "its" are words, so not here.
_BARE_CONTRACTIONS = {
    "cant": "can't",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "hadnt": "hadn't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "im": "I'm",
    "ive": "I've",
}
_BARE_CONTRACTION = Folded(led(r"\b(?:" + "|".join(_BARE_CONTRACTIONS) + r")\b"))
_BARE = frozenset(_BARE_CONTRACTIONS)


def mend_contractions(text: str, words: list[str] | None = None) -> tuple[str, list[int]]:
    """ "doesnt" -> "doesn't", "im" -> "I'm" (customers type fast), and where each mended
    word starts in ``text``: every mend adds exactly one character, the apostrophe.

    ``words``, when given, are ``text``'s TOKEN words lowercased: in ASCII text a bare
    contraction is a whole run of word characters, so it is one of them or a part of one
    between apostrophes ("cant'"); a text with none has nothing to mend.
    """
    if words is not None and text.isascii() and _BARE.isdisjoint("'".join(words).split("'")):
        return text, []
    spans = _BARE_CONTRACTION.spans(text)
    if not spans:
        return text, []
    parts: list[str] = []
    mended: list[int] = []
    last = 0
    for start, end in spans:
        # the pattern matches in any case, so "haſnt" (long s) matches; its lowercase is
        # no table key, and such a word is left as typed
        fixed = _BARE_CONTRACTIONS.get(text[start:end].lower())
        if fixed is not None:
            parts += (text[last:start], fixed)
            mended.append(start)
            last = end
    parts.append(text[last:])
    return "".join(parts), mended
