"""Jargon: glossary terms, unexplained acronyms and rare words — as this reader sees them.

Three checks over the same ``Draft``, none of which ever flags a protected span
(the customer's name, placeholders, URLs, quoted text), an allowlisted word, an
identifier (codes, hosts, versions, sizes, plan names: ``identifiers.py``), a
name or sign-off, or a term the customer used in their own message (``reader.py``):

- ``jargon-term`` (warning): a term from the pack's glossary ("escalated to T2"),
  with a one-click replacement by its plain alternative (``terms.py``).
- ``unexplained-acronym`` (warning): 2–6 capitals, not defined anywhere in
  the draft ("Service Level Agreement (SLA)" or "SLA (service level agreement)"),
  not in the allowlist and not common in everyday English (wordfreq); none for a
  customer who writes technically themselves.
- ``rare-word`` (info): a word wordfreq rarely sees (Zipf below
  ``Settings.rare_word_zipf``) and that is not built from everyday parts
  (``rare.py``) — see https://github.com/rspeer/wordfreq for the Zipf scale: 3 is
  about once per million words, 2 once per 10 million.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import compress, count
from math import inf

from plugin.coach import identifiers, lexicon
from plugin.coach.draft import Draft, Span, Word
from plugin.coach.jargon import acronyms, rare, terms
from plugin.coach.model import Finding, Settings
from plugin.coach.reader import Reader, is_common_acronym, read
from plugin.coach.rules import RulePack
from plugin.coach.word_memo import WordMemo


def warm() -> None:
    """Load wordfreq's English frequency list now (it loads on first lookup)."""
    lexicon.zipf("warm")


def analyze(
    draft: Draft, pack: RulePack, settings: Settings, customer: str = ""
) -> tuple[Finding, ...]:
    """Glossary terms, unexplained acronyms and rare words in ``draft``, in reading order.

    ``customer`` is the customer's message: what they wrote is no jargon to them.
    """
    glossary = terms.compiled(pack)
    reader = read(customer)
    defined = acronyms.defined(draft.text)
    findings, covered = terms.find(draft, glossary, reader, defined)
    findings += _words(draft, pack, glossary, covered, settings.rare_word_zipf, reader, defined)
    findings.sort(key=lambda f: f.start)
    return tuple(findings)


def _words(
    draft: Draft,
    pack: RulePack,
    glossary: terms.Glossary,
    covered: list[Span],
    threshold: float,
    reader: Reader,
    defined: frozenset[str],
) -> list[Finding]:
    """Unexplained acronyms and rare words outside glossary terms, first occurrence only.

    Nearly every word is too short or too common to flag: a memoised rank per word text,
    compared with the threshold in C, picks the few worth a look; the rest only matter
    as earlier occurrences, and ``_seen_before`` finds those when a picked word asks.
    """
    allow = pack.allowlist
    text = draft.text
    findings: list[Finding] = []
    seen: set[str] = set()
    words, lowered = draft.words, draft.lowered
    zipf = lexicon.zipf
    picked: Iterable[int] = range(len(words))  # a threshold of inf or nan: every word
    if -inf < threshold < inf:
        picked = compress(count(), map(_picks(threshold).__getitem__, draft.word_texts))
    scanned: dict[str, int] = {}  # how far each lowercase word's occurrences were scanned
    ends = [t.end for t in covered]  # sorted and disjoint, as terms.find leaves them
    for i in picked:
        w, lower = words[i], lowered[i]
        if lower in seen:
            continue
        if _seen_before(words, lowered, i, scanned.get(lower, 0), covered, ends):
            seen.add(lower)
            continue
        scanned[lower] = i + 1
        if _in_term(covered, ends, w.start):
            continue  # part of a glossary term, reported as such
        # An acronym starts with a capital or digit: most words skip the test.
        core = "" if w.text[0].islower() else acronyms.core(w.text)
        if core:
            seen.add(lower)
            if not (
                core in defined
                or is_common_acronym(core, allow)
                or core.lower() in glossary.keys
                or reader.technical
                or reader.knows(core)
                or draft.is_protected(w.start, w.end)
                or acronyms.shouting(text, w.start, w.end)
                or identifiers.is_identifier(text, w.start, w.end)
                or identifiers.names_line(text, w.start)
                or identifiers.ui_label(draft, w.start, w.end)
            ):
                findings.append(acronyms.finding(w.start, w.start + len(core), core))
            continue
        # rare words: cheapest tests first — nearly every word leaves at the zipf test
        if len(lower) < 4 or not lower.isalpha():
            continue
        seen.add(lower)
        if zipf(lower) >= threshold or w.text.isupper():
            continue
        if not _rare(draft, w.start, w.end, lower, threshold, allow, glossary, reader):
            continue
        findings.append(rare.finding(w.start, w.end, w.text))
    return findings


_picks_by_threshold: dict[float, WordMemo[bool]] = {}


def _picks(threshold: float) -> WordMemo[bool]:
    """Per word text, for one threshold: may the word be an acronym or a rare word?"""
    picks = _picks_by_threshold.get(threshold)
    if picks is None:
        if len(_picks_by_threshold) > 8:  # thresholds are settings: a handful at most
            _picks_by_threshold.clear()
        picks = _picks_by_threshold[threshold] = WordMemo(lambda word: _rank(word) < threshold)
    return picks


def _rank(word: str) -> float:
    """-inf for a word that may be an acronym, inf for one no check flags (short, not
    alphabetic, all capitals), else its Zipf frequency: picked when below the threshold."""
    if not word[0].islower() and acronyms.core(word):
        return -inf
    lower = word.lower()
    if len(lower) < 4 or not lower.isalpha() or word.isupper():
        return inf
    return lexicon.zipf(lower)


def _seen_before(
    words: tuple[Word, ...],
    lowered: tuple[str, ...],
    i: int,
    start: int,
    covered: list[Span],
    ends: list[int],
) -> bool:
    """True when a word before ``i`` (from ``start``) in the same lowercase is already
    reported or ruled out: an acronym, or a long alphabetic word, outside glossary terms."""
    lower = lowered[i]
    long_word = len(lower) >= 4 and lower.isalpha()
    j = start
    while True:
        try:
            j = lowered.index(lower, j, i)
        except ValueError:
            return False
        word = words[j].text
        counts = long_word or (not word[0].islower() and acronyms.core(word) != "")
        if counts and not _in_term(covered, ends, words[j].start):
            return True
        j += 1


def _in_term(covered: list[Span], ends: list[int], pos: int) -> bool:
    k = bisect_right(ends, pos)
    return k < len(covered) and covered[k].start <= pos


def _rare(
    draft: Draft,
    start: int,
    end: int,
    lower: str,
    threshold: float,
    allow: frozenset[str],
    glossary: terms.Glossary,
    reader: Reader,
) -> bool:
    """A word below the frequency threshold that is none of the exceptions."""
    text = draft.text
    word = text[start:end]
    capitalised = word[0].isupper()
    return not (
        lower in allow
        or lower in glossary.words
        or identifiers.foreign(word)
        # a name: capitalised mid-sentence, or a capitalised word no dictionary knows
        or (capitalised and not lexicon.starts_sentence(text, start))
        or (capitalised and lower not in lexicon.spellchecker())
        or draft.is_protected(start, end)
        or reader.knows(lower)
        or rare.familiar(lower, threshold)
        or identifiers.is_identifier(text, start, end)
        or (capitalised and identifiers.names_line(text, start))
        or lexicon.corrections(lower)  # a likely typo: spelling.py reports it with a fix
    )
