"""Rewrites of an anti-pattern's matched span that read well in place.

Keeps the sentence-start capital ("Simply click" -> "Click"), takes the comma
and space that only served a deleted phrase, and deletes a sentence that a
deletion would leave empty. ``exact.keeps_the_rest`` then checks each result.
"""

from __future__ import annotations

import re

from plugin.coach.draft import Draft
from plugin.coach.model import Edit
from plugin.coach.rules import PLACEHOLDERS, RuleMatch

_TERMINAL = re.compile(r"[.!?…]+$")
_PLACEHOLDER = re.compile(r"\{(" + "|".join(sorted(PLACEHOLDERS)) + r")\}")


def _fill(template: str, fill: dict[str, str | None]) -> str | None:
    missing = [k for k in _PLACEHOLDER.findall(template) if not fill.get(k)]
    if missing:
        return None
    return _PLACEHOLDER.sub(lambda k: fill[k.group(1)] or "", template)


def _sentence_start(draft: Draft, pos: int) -> bool:
    for span in draft.sentences:
        if span.start <= pos < span.end:
            return not draft.text[span.start : pos].strip(" \"'“‘([")
    return True


def fit_case(original: str, replacement: str, at_sentence_start: bool) -> str:
    """Capitalise like the text it replaces: sentence starts stay capitalised."""
    if not replacement or re.match(r"I\b", replacement):
        return replacement
    proper_i = re.match(r"I\b", original) is not None
    if at_sentence_start or (original[:1].isupper() and not proper_i):
        return replacement[0].upper() + replacement[1:]
    return replacement[0].lower() + replacement[1:]


def replacement_edit(
    draft: Draft, m: RuleMatch, template: str, fill: dict[str, str | None]
) -> Edit | None:
    filled = _fill(template, fill)
    if filled is None:
        return None
    if not filled:
        return _delete_edit(draft, m)
    text = draft.text
    replacement = fit_case(text[m.start : m.end], filled, _sentence_start(draft, m.start))
    end = m.end
    if replacement.endswith(",") and text[end : end + 1] == ",":
        end += 1  # "We regret to inform you," -> "Unfortunately," not "Unfortunately,,"
    return Edit(m.start, end, replacement)


def _delete_edit(draft: Draft, m: RuleMatch) -> Edit:
    """Remove the phrase and the punctuation and space that only served it."""
    text, start, end = draft.text, m.start, m.end
    next_char = text[end : end + 1]
    if text[start - 2 : start] == ", " and (next_char == "," or next_char in ".!?"):
        # "This is, obviously, broken" / "It's broken, obviously."
        return Edit(start - 2, end + (next_char == ","), "")
    after = end + 1 if next_char == "," else end
    while after < len(text) and text[after] == " ":
        after += 1
    sentence = next((s for s in draft.sentences if s.start <= start < s.end), None)
    at_start = _sentence_start(draft, start)
    if sentence is not None and at_start and not text[after : sentence.end].strip(" .!?…,;:"):
        return _delete_sentence(draft.text, sentence.start, sentence.end)
    if at_start and after < len(text) and text[after].isalpha():
        return Edit(start, after + 1, text[after].upper())  # "Simply click" -> "Click"
    if after == end and start > 0 and text[start - 1] == " ":
        return Edit(start - 1, end, "")  # "reset it simply." -> "reset it."
    return Edit(start, after, "")


def _delete_sentence(text: str, start: int, end: int) -> Edit:
    """Delete a whole sentence with the white space that separated it."""
    follow = end
    while follow < len(text) and text[follow] == " ":
        follow += 1
    if follow > end or start == 0 and follow == len(text):
        return Edit(start, follow, "")
    if start > 0 and text[start - 1] == " ":
        return Edit(start - 1, end, "")
    while follow < len(text) and text[follow] == "\n":
        follow += 1
    return Edit(start, follow, "")


def append_edit(draft: Draft, m: RuleMatch, append: str) -> Edit | None:
    sentence = next((s for s in draft.sentences if s.start <= m.start < s.end), None)
    if sentence is None:
        return None
    body = draft.text[sentence.start : sentence.end]
    end = sentence.start + len(_TERMINAL.sub("", body))
    return Edit(end, sentence.end, append)
