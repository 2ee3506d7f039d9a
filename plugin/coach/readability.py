"""Readability: textstat's grade for the whole draft, hard sentences, passive voice
(``passive.py``).

Whole-draft numbers are textstat's Flesch-Kincaid grade and Flesch reading
ease, computed over the draft minus protected spans (quoted customer text,
placeholders, URLs, names), which the agent did not write and cannot simplify.

textstat's numbers are counted in ``textstat_counts.py``, exactly as textstat
counts them but without its per-text caching and repeated passes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from plugin.coach import lexicon
from plugin.coach.draft import Draft, Span
from plugin.coach.lexicon import TOKEN
from plugin.coach.model import Edit, Finding, Settings, Suggestion
from plugin.coach.passive import find as find_passive
from plugin.coach.textstat_counts import (
    _counts,
    _scores,
    _syllables,
    _textstat_words,
)

# A sentence this long or longer can be "hard" by grade alone; shorter ones are
# left alone — the Flesch-Kincaid grade of a 6-word sentence swings wildly.
HARD_MIN_WORDS = 12
# How far above the target grade one sentence may read before it is flagged.
HARD_GRADE_MARGIN = 4.0
_WORD_MARGIN = 3
# A hard sentence also holds this many hard words: three or more syllables and not
# everyday (wordfreq Zipf below DIFFICULT_ZIPF: "reconfiguration", "necessitates").
# The grade of one sentence swings with a few long but common words ("restaurant",
# "delivery"), which no reader stumbles on.
MIN_DIFFICULT_WORDS = 2
DIFFICULT_ZIPF = 4.0
DIFFICULT_SYLLABLES = 3
# A sentence over the limit is an idea (info) up to this multiple of it, a warning
# beyond: a 28-word sentence in an email reads fine, a 40-word one rarely does.
LONG_WARNING_FACTOR = 1.5
# Both halves of a split must keep at least this many words, so a split never
# leaves a fragment.
MIN_SPLIT_WORDS = 5


# -- safe sentence splits --------------------------------------------------------
# Only where an independent clause follows: after "; " always; after ", and/but/so"
# only when a subject starts the next clause (so a list "a, b, and c" is never split).
_SUBJECT = (
    r"(?:I|I'm|I've|I'll|we|we've|we'll|we're|you|you'll|you're|they|it|it's"
    r"|he|she|this|that|there|the|our|your|my|their|its)\b"
)
_SPLIT = re.compile(
    r";[ \t]+(?=\S)"
    r"|,[ \t]+(?:(?P<drop>and)|(?P<keep>but|so))[ \t]+(?=" + _SUBJECT + ")",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ReadabilityResult:
    stats: dict[str, float | int]
    findings: tuple[Finding, ...]


def warm() -> None:
    """Load cmudict and pyphen (textstat loads them lazily on first use)."""
    _syllables("warm")
    _syllables("xyzzyq")  # not in cmudict: loads pyphen's hyphenation patterns


def analyze(draft: Draft, settings: Settings) -> ReadabilityResult:
    """Grade the draft and flag long or hard sentences and passive voice."""
    own = _own_words(draft)
    findings: list[Finding] = []
    hard = 0
    starts = draft.word_starts
    shortest = min(HARD_MIN_WORDS, settings.max_sentence_words + 1) - _WORD_MARGIN
    # The whole draft's counts are those of the sentences counted here plus those of
    # the text between them, when no white-space chunk crosses a sentence's edge: each
    # chunk is then split off and looked up once.
    rest: list[str] = []
    aligned, counted_words, counted_syllables, at = True, 0, 0, 0
    for span in draft.sentences:
        # Most support sentences are short: skip textstat's tokenizer for those. The
        # draft's word count is an upper bound of textstat's, less a margin for symbols.
        if bisect_left(starts, span.end) - bisect_left(starts, span.start) < shortest:
            continue
        text = own[span.start : span.end]
        n, syllables = _counts(text)
        if aligned and _chunk_edges(own, span):
            rest.append(own[at : span.start])
            counted_words += n
            counted_syllables += syllables
            at = span.end
        else:
            aligned = False  # a chunk crosses an edge: count the whole text instead
        if n == 0 or (
            n <= settings.max_sentence_words
            and (
                n < HARD_MIN_WORDS
                or 0.39 * n + 11.8 * syllables / n - 15.59
                < settings.target_grade + HARD_GRADE_MARGIN
            )
        ):
            continue  # neither long nor hard: ``_sentence_finding`` would say None
        finding = _sentence_finding(draft, span, text, settings, (n, syllables))
        if finding is not None:
            hard += 1
            findings.append(finding)
    counts = None
    if aligned:
        rest.append(own[at:])
        n, syllables = _counts(" ".join(rest))
        counts = n + counted_words, syllables + counted_syllables
    grade, ease, words, sentences = _scores(own, counts)
    stats: dict[str, float | int] = {
        "flesch_kincaid_grade": round(grade, 2),
        "flesch_reading_ease": round(ease, 2),
        "words": words,
        "sentences": sentences,
        "avg_sentence_length": round(words / sentences, 2) if sentences else 0.0,
    }
    passive = find_passive(draft)
    findings.extend(passive)
    stats["target_grade"] = settings.target_grade
    stats["hard_sentences"] = hard
    stats["passive_voice"] = len(passive)
    return ReadabilityResult(stats=stats, findings=tuple(findings))


def _chunk_edges(text: str, span: Span) -> bool:
    """True when ``span`` starts and ends where white-space chunks of ``text`` do."""
    start, end = span.start, span.end
    return (start == 0 or text[start - 1].isspace() or text[start].isspace()) and (
        end == len(text) or text[end].isspace() or text[end - 1].isspace()
    )


# -- sentences ---------------------------------------------------------------------


_NOT_NEWLINE = re.compile(r"[^\n]")


def _own_words(draft: Draft) -> str:
    """``draft.text`` with protected spans blanked (same length, so offsets still hold).

    Quoted customer text, placeholders, URLs and names are not the agent's words.
    """
    if not draft.protected:
        return draft.text
    text = draft.text
    parts: list[str] = []
    pos = 0
    for start, end in draft.protected:
        parts.append(text[pos:start])
        # most spans hold no line break: blanked in one step
        if text.find("\n", start, end) < 0:
            parts.append(" " * (end - start))
        else:
            parts.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _sentence_finding(
    draft: Draft, span: Span, text: str, settings: Settings, counts: tuple[int, int]
) -> Finding | None:
    """``counts``: ``_counts(text)``, textstat's words and syllables of the sentence."""
    n, syllables = counts
    if n == 0:
        return None
    grade = 0.39 * n + 11.8 * syllables / n - 15.59
    long = n > settings.max_sentence_words
    if not long and (
        n < HARD_MIN_WORDS
        or grade < settings.target_grade + HARD_GRADE_MARGIN
        or _difficult_words(_textstat_words(text)) < MIN_DIFFICULT_WORDS
    ):
        return None
    start, end = _visible_part(draft, span)
    if end <= start:
        return None
    if long:
        return Finding(
            rule_id="long-sentence",
            category="readability",
            severity="warning" if n > settings.max_sentence_words * LONG_WARNING_FACTOR else "info",
            start=start,
            end=end,
            message=f"This sentence has {n} words; aim for {settings.max_sentence_words} or fewer.",
            why="Long sentences are hard to follow, above all for an upset customer "
            "or one reading in a second language.",
            suggestions=_split(draft, span),
        )
    return Finding(
        rule_id="hard-sentence",
        category="readability",
        severity="warning",
        start=start,
        end=end,
        message=f"This sentence reads at about grade {grade:.0f}; "
        f"the target is grade {settings.target_grade:g}. Use shorter, everyday words.",
        why="Plain words and short sentences let the customer act on the answer "
        "without re-reading it.",
        suggestions=_split(draft, span),
    )
    return None


def _difficult_words(words: list[str]) -> int:
    return sum(
        1
        for w in words
        if w.isalpha() and _syllables(w) >= DIFFICULT_SYLLABLES and lexicon.zipf(w) < DIFFICULT_ZIPF
    )


def _visible_part(draft: Draft, span: Span) -> tuple[int, int]:
    """The sentence, or its longest unprotected stretch when it contains a protected span.

    Findings may never overlap a protected span, so a sentence holding an order
    number is highlighted up to (or after) the number rather than not at all.
    """
    if not draft.is_protected(span.start, span.end):
        return span.start, span.end
    best = (0, 0)
    pos = span.start
    for p in (*draft.protected, Span(span.end, span.end)):
        if p.end <= pos:
            continue
        s, e = pos, min(p.start, span.end)
        while s < e and not draft.text[s].isalnum():
            s += 1
        while e > s and not draft.text[e - 1].isalnum():
            e -= 1
        if e - s > best[1] - best[0]:
            best = (s, e)
        pos = max(pos, p.end)
        if pos >= span.end:
            break
    return best


def _split(draft: Draft, span: Span) -> tuple[Suggestion, ...]:
    """One "split here" suggestion at the safe break nearest the middle, if any."""
    text = draft.text[span.start : span.end]
    starts: list[int] = []  # each token's start, found at the first break (most have none)
    best: tuple[int, Edit] | None = None
    for m in _SPLIT.finditer(text):
        if not starts:
            starts = [t.start() for t in TOKEN.finditer(text)]
        # tokens before the break: it starts on "," or ";", which no token crosses
        total, left = len(starts), bisect_left(starts, m.start())
        if left < MIN_SPLIT_WORDS or total - left - (1 if m.group("drop") else 0) < MIN_SPLIT_WORDS:
            continue
        nxt = span.start + m.end()  # first letter of the next clause
        if m.group("keep"):
            conj = m.group("keep")
            replacement = ". " + conj[0].upper() + conj[1:] + " "
            edit = Edit(span.start + m.start(), nxt, replacement)
        else:
            first = draft.text[nxt]
            cap = (
                first.upper() if first.isalpha() and not draft.is_protected(nxt, nxt + 1) else None
            )
            edit = (
                Edit(span.start + m.start(), nxt + 1, ". " + cap)
                if cap is not None
                else Edit(span.start + m.start(), nxt, ". ")
            )
        if draft.is_protected(edit.start, edit.end):
            continue
        balance = abs(total - 2 * left)
        if best is None or balance < best[0]:
            best = (balance, edit)
    if best is None:
        return ()
    return (Suggestion("Split into two sentences", (best[1],)),)
