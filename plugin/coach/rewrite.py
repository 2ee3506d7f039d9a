"""Rewrites of an anti-pattern's matched span that read well in place.

Keeps the sentence-start capital ("Simply click" -> "Click"), takes the comma
and space that only served a deleted phrase (and a conjunction left dangling at
the sentence start: "We value your business and hope..." -> "Hope..."), and
deletes a sentence that a deletion would leave empty. ``exact.keeps_the_rest``
then checks each result.

Two conventions in the pack's wording:

- a replacement ending in "." is a whole sentence ("Let's explore some options
  to see what we can do."): it is offered only where the match is its whole
  sentence, and takes the sentence's own end punctuation;
- an ``append`` starting with a capital is a sentence of its own, added after
  the matched sentence (" Here's what I can do instead:" for the agent to
  finish); one starting with "," or a lowercase word continues the sentence.
"""

from __future__ import annotations

import re

from plugin.coach import lexicon
from plugin.coach.draft import Draft, Span
from plugin.coach.model import Edit
from plugin.coach.rules import PLACEHOLDERS, RuleMatch

_TERMINAL = re.compile(r"[.!?…]+$")
_DANGLING = re.compile(r"(?:and|but|so|or)\s+(?=[a-z])", re.I)  # left by a deleted start
_OWN_SENTENCE = re.compile(r"\s*[A-Z]")
_PLACEHOLDER = re.compile(r"\{(" + "|".join(sorted(PLACEHOLDERS)) + r")\}")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)\b(?!['’-])")


def _fill(template: str, fill: dict[str, str | None]) -> str | None:
    missing = [k for k in _PLACEHOLDER.findall(template) if not fill.get(k)]
    if missing:
        return None
    return _PLACEHOLDER.sub(lambda k: fill[k.group(1)] or "", template)


def _sentence_start(draft: Draft, pos: int) -> bool:
    span = draft.sentence_at(pos)
    return span is None or not draft.text[span.start : pos].strip(" \"'“‘([")


def fit_case(original: str, replacement: str, at_sentence_start: bool) -> str:
    """Capitalise like the text it replaces: sentence starts stay capitalised."""
    if not replacement or re.match(r"I\b", replacement):
        return replacement
    proper_i = re.match(r"I\b", original) is not None
    if at_sentence_start or (original[:1].isupper() and not proper_i):
        return replacement[0].upper() + replacement[1:]
    return replacement[0].lower() + replacement[1:]


def _sentence_of(draft: Draft, pos: int) -> Span | None:
    return draft.sentence_at(pos)


def replacement_edit(
    draft: Draft, m: RuleMatch, template: str, fill: dict[str, str | None]
) -> Edit | None:
    text = draft.text
    end = m.end
    if "{verb}" in template:  # "you should have read" -> "it helps to read"
        participle = _NEXT_WORD.match(text, m.end)
        base = lexicon.participle_base(participle.group(1)) if participle else None
        if participle is None or base is None:
            return None
        fill = {**fill, "verb": base}
        end = participle.end()
    filled = _fill(template, fill)
    if filled is None:
        return None
    if not filled:
        return _delete_edit(draft, m)
    at_start = _sentence_start(draft, m.start)
    if filled.endswith("."):  # a whole sentence: only for a match that is one
        sentence = _sentence_of(draft, m.start)
        if sentence is None or not at_start or text[end : sentence.end].strip(" .!?…"):
            return None
        filled = filled.rstrip(".")
    replacement = fit_case(text[m.start : m.end], filled, at_start)
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
    sentence = draft.sentence_at(start)
    at_start = _sentence_start(draft, start)
    if sentence is not None and at_start and not text[after : sentence.end].strip(" .!?…,;:"):
        return _delete_sentence(draft.text, sentence.start, sentence.end)
    if at_start:
        dangling = _DANGLING.match(text, after)
        if dangling is not None and sentence is not None and dangling.end() < sentence.end:
            after = dangling.end()  # "We value your business and hope" -> "Hope"
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
    sentence = _sentence_of(draft, m.start)
    if sentence is None:
        return None
    text = draft.text
    body = text[sentence.start : sentence.end]
    end = sentence.start + len(_TERMINAL.sub("", body))
    if not _OWN_SENTENCE.match(append):
        return Edit(end, sentence.end, append)
    # A sentence of its own, after the matched one's end punctuation.
    tail = text[sentence.end : sentence.end + 1]
    added = append.strip() if not tail or tail.isspace() else append.strip() + " "
    stop = "" if sentence.end > end else "."
    return Edit(sentence.end, sentence.end, f"{stop} {added}")
