"""Each suggested edit read in its sentence before it is offered.

``problem`` applies one edit to the text around it and compares that stretch with
the original: any defect the edit *adds* fails it — a doubled word or phrase ("I can
see that I can see that"), two determiners in a row ("the our"), "a"/"an" before the
wrong sound, doubled or stray punctuation, a sentence left starting in lowercase, a
span that cuts a word. Replacements must keep the syntax they replace: a phrase
ending in a preposition's object never lands before the verb's own object ("passed
to a specialist your concern"). A deletion never removes a negation or leaves a
sentence starting mid-clause, a split never leaves a fragment ("So that I can..."),
a "here's what I can do" never sits before another refusal, and nothing but a
greeting fix ever touches a sign-off line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import eq

from plugin.coach.draft import SIGNOFF
from plugin.coach.model import Edit

WINDOW = 50  # characters either side of an edit that are re-read

_VOWEL_SOUND_EXCEPTIONS = re.compile(r"(?i:u[bcdfgjklmnpqrstvwxz][aeiou]|eu|one\b|once\b|uni)")
_SILENT_H = re.compile(r"(?i:hour|honest|honou?r|heir)")
_PUNCT_GLITCH = re.compile(
    r"[,;:]\s*[,.;:!?](?!\.)|(?<![.\w])\.\s*\.(?!\.)|[.!?]\s*[,;]|\w\s+[,.;:](?=\s|$)"
)
# Every punctuation glitch holds two marks with only white space between them, or a
# mark after white space: a window without either (nearly all) skips the scan above.
_MAYBE_GLITCH = re.compile(r"[,.;:!?]\s*[,.;:!?]|\s[,.;:]")
_LOWER_START = re.compile(r"[.!?]\s+[a-z]")
_NEGATION = re.compile(r"(?i:\b(?:not|no|never|nothing|none|cannot)\b|n['’]t\b)")
# A sentence part that cannot stand alone as a sentence.
_FRAGMENT_START = re.compile(
    r"(?i:so that|which|who|that|because|as|while|although|though|whereas|and|or|if|when"
    r"|unless|until|since|to)\b"
)
_REFUSAL = re.compile(
    r"(?i:\b(?:can['’]?t|cannot|can not|unable|not able|won['’]t be able|not possible"
    r"|impossible|don['’]t allow|do not allow|don['’]t offer|not allowed)\b)"
)
_OBJECT_START = re.compile(
    r"(?i:(?:the|a|an|your|our|my|their|his|her|its|this|that|it|them|him|us)\b)"
)
_ENDS_IN_PP = re.compile(
    r"(?i:\b(?:to|with|for|from|into|onto)\s+(?:(?:a|an|the|our|your)\s+)?[\w'-]+(?:\s+[\w'-]+)?$)"
)
_CLOSER_LINE = re.compile(r"[ \t]*[^\W\d][^\n,.!?]{0,40},[ \t]*")


def _count(pattern: re.Pattern[str], text: str) -> int:
    return len(pattern.findall(text))  # one list built in C, not a step per match


# A word or a run of up to five said twice in a row ("I can see that I can see that").
# (A look-ahead counts overlapping runs too: "the the the" holds two.) The quantifiers
# are possessive: a word or a gap cut short is followed by more of itself, never by what
# the pattern needs next, so backtracking into one is wasted work (same matches, ~3x faster).
_DOUBLED = re.compile(r"(?i)(?=\b([a-z][\w'’-]*+(?:[ ,]++[a-z][\w'’-]*+){0,4})[ ,]++\1\b)")
_FINE_TWICE = frozenset(["that", "had", "is", "very", "so", "really"])  # "had had", "so so"
_DET = "the|a|an|your|our|my|their|his|her|its"
# Consumes the first determiner and its gap only: the next match may start at the second.
_DET_CLASH = re.compile(rf"(?i)\b(?:the|an?|your|our|my|their|h(?:is|er)|its)\s+(?=(?:{_DET})\b)")


def _doubled(text: str) -> int:
    found = _DOUBLED.findall(text)  # group 1 of each match; nearly always none
    return sum(1 for g in found if g.lower() not in _FINE_TWICE) if found else 0


# The same, case-sensitive, for ASCII text lowered (lower() keeps every ASCII offset, and
# case-insensitive matching of ASCII is plain lowering): ~2x faster than the (?i) scan.
_DET_CLASH_LOWER = re.compile(rf"\b(?:the|an?|your|our|my|their|h(?:is|er)|its)\s+(?=(?:{_DET})\b)")


def _det_clash(text: str) -> int:
    if text.isascii():
        return len(_DET_CLASH_LOWER.findall(text.lower()))
    return _count(_DET_CLASH, text)


_ARTICLE = re.compile(r"\b(a|an|A|An)\s+([A-Za-z][\w'-]*)")


def _article_clash(text: str) -> int:
    bad = 0
    for m in _ARTICLE.finditer(text):
        article, word = m.group(1).lower(), m.group(2)
        if word.isupper() and len(word) > 1:
            continue  # acronyms are read letter by letter ("an FAQ", "a URL")
        vowel = word[0].lower() in "aeiou"
        if (
            article == "a"
            and vowel
            and not _VOWEL_SOUND_EXCEPTIONS.match(word)
            or article == "an"
            and not vowel
            and not _SILENT_H.match(word)
        ):
            bad += 1
    return bad


_DEFECTS: tuple[tuple[str, Callable[[str], int]], ...] = (
    ("doubled-words", _doubled),
    ("determiner-clash", _det_clash),
    ("article-clash", _article_clash),
    ("punctuation", lambda t: _count(_PUNCT_GLITCH, t) if _MAYBE_GLITCH.search(t) else 0),
    ("lowercase-start", lambda t: _count(_LOWER_START, t)),
)

# ASCII text read as its words (runs of \w, lowered): every other character a space.
# Bytes: their translate is a table look-up per character, a str's a dict look-up.
_WORDS = bytes(
    ord(c.lower()) if c.isascii() and (c.isalnum() or c == "_") else 32
    for c in map(chr, range(256))
)
_DETS = [d.encode() for d in _DET.split("|")]
_DET_PAIRS = frozenset((a, b) for a in _DETS for b in _DETS)
# Marks and white space kept apart, all else one letter: a punctuation glitch needs two
# marks with only white space between, or white space before one of ",.;:".
_MARKS = bytes(
    32 if c.isspace() else 44 if c in ",.;:" else 33 if c in "!?" else 120
    for c in map(chr, range(256))
)


def _possible(text: str) -> tuple[bool, ...]:
    """Which of ``_DEFECTS`` ``text`` may hold, from cheap necessary conditions (ASCII
    text only: its words and marks are read in C). A doubled run is a block of words said
    twice in a row: two neighbouring words are the same, or a pair of neighbours comes
    back. A determiner clash is a pair of neighbouring determiners; an article clash
    needs "a" or "an"."""
    if not text.isascii():
        return (True, True, True, True, True)
    raw = text.encode()
    words = raw.translate(_WORDS).split()
    nxt = words[1:]
    pairs = set(zip(words, nxt, strict=False))
    marks = raw.translate(_MARKS)
    two = marks.replace(b" ", b"")  # marks with only white space between are neighbours
    return (
        (len(pairs) < len(nxt) or any(map(eq, words, nxt))) and _said_twice(words),
        not _DET_PAIRS.isdisjoint(pairs),
        b"a" in words or b"an" in words,
        b" ," in marks or b",," in two or b",!" in two or b"!," in two or b"!!" in two,
        True,
    )


def _said_twice(words: list[bytes]) -> bool:
    """Some block of ``words`` comes twice in a row ("i can see i can see"): each pair of
    neighbours that came before is followed up to the block it would open."""
    seen: dict[tuple[bytes, bytes], list[int]] = {}
    for j, pair in enumerate(zip(words, words[1:], strict=False)):
        if pair[0] == pair[1]:
            return True
        for i in seen.get(pair, ()):
            if words[i:j] == words[j : 2 * j - i]:
                return True
        seen.setdefault(pair, []).append(j)
    return False


def problem(text: str, edit: Edit, *, greeting: bool = False) -> str | None:
    """Why ``edit`` would not read right in ``text`` (a short code), or None."""
    start, end, new = edit.start, edit.end, edit.replacement
    if _cuts_word(text, start) or (end != start and _cuts_word(text, end)):
        return "cuts-a-word"
    lo = _edge(text, start - WINDOW, -1)
    hi = _edge(text, end + WINDOW, 1)
    before = text[lo:hi]
    after = text[lo:start] + new + text[end:hi]
    for (code, count), possible in zip(_DEFECTS, _possible(after), strict=True):
        if not possible:
            continue
        n = count(after)
        if n and n > count(before):  # the original is read only when the edit shows one
            return code
    old = text[start:end]
    if old and not greeting and _touches_signoff(old):
        return "touches-sign-off"
    if old and not new.strip(" ,.;:"):
        return _deletion_problem(text, start, end)
    if _SPLITS.match(new) and old.strip(" ,;:—–-") in ("", "and", "but", "so", "or"):
        rest = new.split(maxsplit=1)[1].strip() if len(new.split()) > 1 else ""
        tail = f"{rest} {text[end:].lstrip()[:12]}".strip()
        if _FRAGMENT_START.match(tail) or re.search(r"&\w+$", text[:start]):
            return "fragment"
    if (
        old
        and new
        and _ENDS_IN_PP.search(new.rstrip())
        and _OBJECT_START.match(text[end:].lstrip())
    ):
        return "object-after-phrase"
    if "instead" in new.lower() and _REFUSAL.search(_next_sentence(text, end)):
        return "refusal-after-alternative"
    return None


def _cuts_word(text: str, pos: int) -> bool:
    return 0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum()


_SPACE = re.compile(r"\s")
_UP_TO_LAST_SPACE = re.compile(r"(?s:.*)\s")


def _edge(text: str, pos: int, step: int) -> int:
    """``pos`` moved by ``step`` to white space (or an end of ``text``), unless it is at
    one: the nearest white space searched in C, not one character per step."""
    pos = max(0, min(len(text), pos))
    if pos == 0 or pos == len(text):
        return pos
    if step > 0:
        m = _SPACE.search(text, pos)
        return m.start() if m else len(text)
    m = _UP_TO_LAST_SPACE.match(text, 1, pos + 1)  # the last white space in [1, pos]
    return m.end() - 1 if m else 0


def _touches_signoff(old: str) -> bool:
    for line in old.split("\n"):
        if SIGNOFF.fullmatch(line) and line.strip():
            return True
        if "\n" in old and _CLOSER_LINE.fullmatch(line) and len(line.split()) <= 4:
            return True
    return False


def _deletion_problem(text: str, start: int, end: int) -> str | None:
    if _NEGATION.search(text[start:end]):
        return "deletes-a-negation"  # the sentence would say the opposite
    rest = text[end : end + WINDOW].lstrip(" ,;:")
    if _FRAGMENT_START.match(rest) and not text[:start].rstrip().endswith((",", "and", "but")):
        return "leaves-a-fragment"
    return None


_SPLITS = re.compile(r"[.!?]\s+[A-Z]")  # a replacement that ends one sentence, starts another
_NEXT_SENTENCE = re.compile(r"\s*[^.!?\n]*[.!?]?")


def _next_sentence(text: str, pos: int) -> str:
    m = _NEXT_SENTENCE.match(text, pos)
    return m.group() if m else ""
