"""Spelling: likely typos in the agent's draft, with up to three one-click fixes.

pyspellchecker (its bundled English dictionary) says whether a word is known and
which known words are one edit away; wordfreq keeps everyday words the
dictionary lacks ("app", "colour") from being flagged — see
``lexicon.corrections``. Never flagged: protected spans (the customer's name,
placeholders, URLs, emails, quoted text), glossary terms, allowlisted words,
capitalised words mid-sentence (names, products), all-caps words (acronyms),
identifiers (anything with a digit, a dot or an inner capital: hosts, codes,
versions, sizes; plan names — ``identifiers.py``), names and words in another
alphabet on greeting, sign-off and signature lines, a prefix before a hyphen
("pre-order") and an abbreviation before its dot ("ext. 214").

Each unknown word is decided once per process (``lexicon.corrections`` is
cached), so re-checking a draft while the agent types costs a dict lookup per word.
"""

from __future__ import annotations

from itertools import compress

from plugin.coach import identifiers, lexicon
from plugin.coach.draft import Draft
from plugin.coach.lexicon import wordset
from plugin.coach.model import MAX_FINDINGS, Edit, Finding, Suggestion
from plugin.coach.rules import RulePack
from plugin.coach.word_memo import WordMemo

MIN_LENGTH = 3  # two-letter "typos" are mostly abbreviations
# Prefixes written before a hyphen ("pre-order", "co-signer", "re-send"): no typos.
_PREFIXES = wordset("pre re co non un anti multi post self ex semi sub mid over under")


def warm() -> None:
    """Load pyspellchecker's dictionary and wordfreq's list now."""
    lexicon.spellchecker()
    lexicon.zipf("warm")


def analyze(draft: Draft, pack: RulePack) -> tuple[Finding, ...]:
    """Misspelled words in ``draft`` with suggested corrections."""
    allow = pack.allowlist
    glossary = _glossary_words(pack)
    text = draft.text
    findings: list[Finding] = []
    words = draft.words
    # map() and compress() run the memoised per-word lookup and keep the few words it
    # flags without a Python-level step per word.
    found = list(map(_suspects.__getitem__, draft.word_texts))
    if not any(found):  # most drafts: one pass in C, not two
        return ()
    for w, suspects in zip(compress(words, found), filter(None, found), strict=True):
        for rel, part, fixes in suspects:
            start, end = w.start + rel, w.start + rel + len(part)
            lower = part.lower()
            if lower in allow or lower in glossary:
                continue
            if part[0].isupper() and not (
                start == w.start and lexicon.starts_sentence(text, start)
            ):
                continue  # a name or product mid-sentence
            if draft.is_protected(start, end) or _never_a_typo(text, w.start, w.end, start, part):
                continue
            findings.append(_finding(part, start, end, fixes))
            if len(findings) == MAX_FINDINGS:  # in reading order: the review shows no more
                return tuple(findings)
    return tuple(findings)


def _never_a_typo(text: str, word_start: int, word_end: int, start: int, part: str) -> bool:
    """Identifiers, names, abbreviations: text that is right as typed."""
    if identifiers.foreign(part) or identifiers.is_identifier(text, word_start, word_end):
        return True
    if identifiers.names_line(text, start):
        # "Kia ora Hemi,", "Aroha", "^Bea": names (a word the web never saw, "Thnaks,",
        # is still a slip); "Ngā mihi,": a greeting in another language
        if identifiers.foreign(identifiers.line_of(text, start)):
            return True
        if part[0].isupper() and lexicon.zipf(part.lower()) > 0:
            return True
    # "ext. 214", "approx. 3": an abbreviation, its dot followed by more of the sentence
    if text[word_end : word_end + 1] == ".":
        rest = text[word_end + 1 : word_end + 4].lstrip(" ")
        return rest[:1].isdigit() or rest[:1].islower()
    return False


def _find_suspects(word: str) -> tuple[tuple[int, str, tuple[str, ...]], ...]:
    """The parts of ``word`` that look misspelled: (offset in word, part, fixes).

    Pure per word text, so it is memoised: nearly every word of a reply was seen
    before and costs one dictionary lookup here.
    """
    found: list[tuple[int, str, tuple[str, ...]]] = []
    offset = 0
    # a hyphenated word is checked part by part ("follow-up", "re-send")
    parts = word.replace("’", "'").split("-")
    for i, part in enumerate(parts):
        rel = offset
        offset += len(part) + 1
        if len(part) < MIN_LENGTH or part.isupper():
            continue
        if i < len(parts) - 1 and part.lower() in _PREFIXES:
            continue
        fixes = lexicon.corrections(part.lower())  # () for known and undecidable words
        if fixes:
            found.append((rel, part, fixes))
    return tuple(found)


_suspects = WordMemo(_find_suspects)


def _finding(word: str, start: int, end: int, fixes: tuple[str, ...]) -> Finding:
    fitted = [_fit_case(f, word) for f in fixes]
    return Finding(
        rule_id="misspelling",
        category="grammar",
        severity="warning",
        start=start,
        end=end,
        message=f"“{word}” looks misspelled; did you mean “{fitted[0]}”?",
        why="Typos make a careful answer look careless.",
        suggestions=tuple(Suggestion(f"Use “{f}”", (Edit(start, end, f),)) for f in fitted),
    )


def _fit_case(fix: str, word: str) -> str:
    return fix[0].upper() + fix[1:] if word[:1].isupper() else fix


_glossary_cache: dict[int, tuple[object, frozenset[str]]] = {}


def _glossary_words(pack: RulePack) -> frozenset[str]:
    """Every lowercase word of every glossary term (an internal term is not a typo).

    Built once per glossary object: packs are immutable and recompiled on change.
    """
    entries = pack.glossary
    cached = _glossary_cache.get(id(entries))
    if cached is not None and cached[0] is entries:
        return cached[1]
    words = frozenset(part for e in entries for part in e.term.lower().replace("-", " ").split())
    if len(_glossary_cache) > 16:
        _glossary_cache.clear()
    _glossary_cache[id(entries)] = (entries, words)
    return words
