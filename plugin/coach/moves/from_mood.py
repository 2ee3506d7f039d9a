"""Acknowledgement read from the problem clause the mood analyzer found.

Used when the customer's own message is not at hand (a caller that passes only
the mood): a sentence of the reply that reuses the problem's words restates it.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from plugin.coach import lexicon
from plugin.coach.draft import Draft
from plugin.coach.layout import Layout
from plugin.coach.model import Mood, MoveHit

# Words that say nothing about which problem a sentence is about.
_STOPWORDS = lexicon.wordset(
    "the a an and or but with from that this these those your my our their its his her for "
    "about into onto have has had been was were are is be not still just again some any when "
    "what which you we they it me us them can could will would should does did don't doesn't "
    "didn't hasn't haven't isn't won't can't never since after before there there's it's "
    "you're you've we're we've get got getting every each all also only even yet already "
    "today yesterday week weeks day days time times one two"
)
ACK_MIN_WORDS = 2  # a sentence restates the problem when it reuses this many of its words


def acknowledgements(
    draft: Draft,
    shape: Layout,
    mood: Mood | None,
    pushback: list[tuple[int, int]],
    answers: list[tuple[int, int]],
) -> list[MoveHit]:
    """A sentence that names the customer's problem in their words acknowledges it.

    "Their words" are the content words of the problem clause and topic (stemmed, so
    "hasn't arrived" matches "arrival" no better than it should, but "charged" matches
    "charge"); a sentence reusing ``ACK_MIN_WORDS`` of them restates the problem —
    unless it pushes back (blame, a policy shield, can't-language...): "Per our policy
    we cannot refund this order" names the refund but acknowledges nothing; unless it
    answers (``answers``: spans of steps to take) or asks ("Did you update the app?").
    """
    if mood is None or not (mood.problem or mood.topic):
        return []
    said = " ".join(t for t in (mood.problem, mood.topic) if t)
    tokens = lexicon.TOKEN.findall(lexicon.word_key(said))
    wanted = {_stem(w) for w in tokens if len(w) >= 3 and w not in _STOPWORDS}
    if not wanted:
        return []
    need = min(ACK_MIN_WORDS, len(wanted)) if len(wanted) <= 4 else (len(wanted) + 1) // 2
    sentences = [s for s in draft.sentences if s.start >= shape.body_start]
    if not sentences:
        return []
    ends = [s.end for s in sentences]
    # anti-patterns that are no botched move (a robotic apology still apologises)
    pushback = pushback + answers
    prefixes = {w[:3] for w in wanted}
    words = draft.words
    # a stem is at least 3 letters: no wanted stem starts otherwise ("-": "double-charged")
    candidates = [i for i, low in enumerate(draft.lowered) if low[:3] in prefixes or "-" in low]
    current, hits = -1, set[str]()
    for i in candidates:  # reading order
        start = words[i].start
        k = bisect_right(ends, start)
        if k == len(sentences):
            break
        if start < sentences[k].start:
            continue  # between sentences (the greeting line)
        if k != current:
            current, hits = k, set()
        hits.update(stem for part in draft.lowered[i].split("-") if (stem := _stem(part)) in wanted)
        if len(hits) >= need:
            span = sentences[k]
            asks = "?" in draft.text[span.start : span.end]
            quoted = draft.is_protected(span.start, span.start + 1)  # a quote is whole lines
            if (
                not asks
                and not quoted
                and not any(s < span.end and span.start < e for s, e in pushback)
            ):
                return [MoveHit("acknowledge", span.start, span.end, "acknowledge-topic")]
            hits = set()
    return []


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    """A crude stem: "charged", "charges", "charge" → "charg"; "shown", "showed" → "show"."""
    word = word.replace("’", "'").strip("'")
    for suffix in ("ing", "ed", "es", "s", "e"):
        if len(word) - len(suffix) >= 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    if len(word) > 4 and word.endswith("wn"):
        return word[:-1]
    return word
