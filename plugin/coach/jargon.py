"""Jargon: glossary terms, unexplained acronyms and rare words.

Three checks over the same ``Draft``, none of which ever flags a protected span
(the customer's name, placeholders, URLs, quoted text) or an allowlisted word:

- ``jargon-term`` (warning): a term from the pack's glossary ("escalated to T2"),
  with a one-click replacement by its plain alternative.
- ``unexplained-acronym`` (warning): 2–6 capitals/digits, not defined anywhere in
  the draft ("Service Level Agreement (SLA)" or "SLA (service level agreement)"),
  not in the allowlist and not common in everyday English (wordfreq).
- ``rare-word`` (info): a word wordfreq rarely sees (Zipf below
  ``Settings.rare_word_zipf``) — see https://github.com/rspeer/wordfreq for the
  Zipf scale: 3 is about once per million words, 2 once per 10 million.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from plugin.coach import lexicon
from plugin.coach.draft import WORD, Draft, Span
from plugin.coach.lexicon import wordset
from plugin.coach.model import Edit, Finding, Settings, Suggestion
from plugin.coach.rules import GlossaryEntry, RulePack

# An acronym whose lowercase form wordfreq sees this often is everyday English
# (PDF 3.84, URL 3.86, USB 3.98, USA 4.79, OK 5.14); below it, jargon to a
# customer (API 3.68, ETA 3.37, T2 3.31, DNS 3.24, SLA 2.83).
COMMON_ACRONYM_ZIPF = 3.8
# Everyday acronyms a customer knows although wordfreq ranks them below that
# (FAQ 3.27, SMS 3.66, VIP 3.76); an account adds its own through the allowlist.
COMMON_ACRONYMS = wordset("FAQ SMS VIP ATM PIN GPS TV PC UK EU US CEO FYI PS AM PM")

_STOPWORDS = wordset("of and for the to a an in on at by with or & -")
_DETERMINERS = wordset("our the your a an this my their its")


@dataclass(frozen=True, slots=True)
class _Glossary:
    """A compiled glossary: terms indexed by their first word, longest term first.

    Matching costs one dict lookup per draft word however long the glossary is.
    """

    by_first: dict[str, tuple[tuple[int, str, GlossaryEntry], ...]]  # (words, key, entry)
    keys: frozenset[str]  # normalised lowercase terms
    words: frozenset[str]  # every lowercase word of every term


_compiled: dict[int, tuple[object, _Glossary]] = {}


def warm() -> None:
    """Load wordfreq's English frequency list now (it loads on first lookup)."""
    lexicon.zipf("warm")


def analyze(draft: Draft, pack: RulePack, settings: Settings) -> tuple[Finding, ...]:
    """Glossary terms, unexplained acronyms and rare words in ``draft``, in reading order."""
    glossary = _glossary(pack)
    findings, covered = _terms(draft, glossary)
    findings += _words(draft, pack, glossary, covered, settings.rare_word_zipf)
    findings.sort(key=lambda f: f.start)
    return tuple(findings)


def _terms(draft: Draft, glossary: _Glossary) -> tuple[list[Finding], list[Span]]:
    """Every glossary term in the draft, and the spans the terms cover."""
    findings: list[Finding] = []
    covered: list[Span] = []
    by_first = glossary.by_first
    defined: frozenset[str] | None = None
    words = draft.words
    for i in [i for i, low in enumerate(draft.lowered) if low in by_first]:
        if covered and words[i].start < covered[-1].end:
            continue  # inside the previous term
        hit = _term_at(draft, i, glossary)
        if hit is None:
            continue
        end, entry = hit
        covered.append(Span(words[i].start, end))
        if defined is None:
            defined = _defined_acronyms(draft.text)
        finding = _term_finding(draft, words[i].start, end, entry, defined)
        if finding is not None:
            findings.append(finding)
    return findings, covered


def _words(
    draft: Draft, pack: RulePack, glossary: _Glossary, covered: list[Span], threshold: float
) -> list[Finding]:
    """Unexplained acronyms and rare words outside glossary terms, first occurrence only."""
    allow = pack.allowlist
    text = draft.text
    findings: list[Finding] = []
    defined: frozenset[str] | None = None
    seen: set[str] = set()
    spans = iter(covered)
    term = next(spans, None)
    for w, lower in zip(draft.words, draft.lowered, strict=True):
        if lower in seen:
            continue
        while term is not None and term.end <= w.start:
            term = next(spans, None)
        if term is not None and term.start <= w.start:
            continue  # part of a glossary term, reported as such
        core = _acronym_core(w.text)
        if core:
            seen.add(lower)
            if defined is None:
                defined = _defined_acronyms(text)
            if not (
                core in defined
                or _is_common_acronym(core, allow)
                or core.lower() in glossary.keys
                or draft.is_protected(w.start, w.end)
                or _shouting(text, w.start, w.end)
            ):
                findings.append(_acronym_finding(w.start, w.start + len(core), core))
            continue
        # rare words: cheapest tests first — nearly every word leaves at the zipf test
        if len(lower) < 4 or not lower.isalpha():
            continue
        seen.add(lower)
        if lexicon.zipf(lower) >= threshold or w.text.isupper():
            continue
        if (
            lower in allow
            or lower in glossary.words
            or (w.text[0].isupper() and not lexicon.starts_sentence(text, w.start))
            or draft.is_protected(w.start, w.end)
            or lexicon.corrections(lower)  # a likely typo: spelling.py reports it with a fix
        ):
            continue
        findings.append(
            Finding(
                rule_id="rare-word",
                category="jargon",
                severity="info",
                start=w.start,
                end=w.end,
                message=f"“{w.text}” is a rare word; a more everyday one may be clearer.",
                why="Everyday words are read faster and misread less, especially by "
                "customers reading in a second language.",
            )
        )
    return findings


def _acronym_finding(start: int, end: int, core: str) -> Finding:
    return Finding(
        rule_id="unexplained-acronym",
        category="jargon",
        severity="warning",
        start=start,
        end=end,
        message=f"“{core}” is not explained. Spell it out the first time, "
        f"e.g. “full name ({core})”, or use a plain phrase.",
        why="Customers don't share your team's shorthand; an unexplained acronym "
        "makes them guess or ask again.",
    )


# -- glossary ------------------------------------------------------------------------


def _glossary(pack: RulePack) -> _Glossary:
    """The pack's glossary compiled once per glossary object (packs are immutable)."""
    entries = pack.glossary
    cached = _compiled.get(id(entries))
    if cached is not None and cached[0] is entries:
        return cached[1]
    index: dict[str, list[tuple[int, str, GlossaryEntry]]] = {}
    keys: set[str] = set()
    for e in entries:
        tokens = WORD.findall(e.term.lower())
        if not tokens:
            continue
        key = _norm(e.term)
        keys.add(key)
        index.setdefault(tokens[0], []).append((len(tokens), key, e))
    by_first = {k: tuple(sorted(v, key=lambda t: -t[0])) for k, v in index.items()}
    words = frozenset(w for k in keys for w in WORD.findall(k))
    compiled = _Glossary(by_first, frozenset(keys), words)
    if len(_compiled) > 16:  # packs change rarely; never let stale ones pile up
        _compiled.clear()
    _compiled[id(entries)] = (entries, compiled)
    return compiled


def _norm(term: str) -> str:
    return " ".join(term.lower().split())


def _term_at(draft: Draft, i: int, glossary: _Glossary) -> tuple[int, GlossaryEntry] | None:
    """The longest glossary term starting at word ``i``: (end offset, entry)."""
    candidates = glossary.by_first[draft.lowered[i]]
    words = draft.words
    for n, key, entry in candidates:
        if i + n > len(words):
            continue
        end = words[i + n - 1].end
        if n == 1 or _norm(draft.text[words[i].start : end]) == key:
            return end, entry
    return None


def _term_finding(
    draft: Draft, start: int, end: int, entry: GlossaryEntry, defined: frozenset[str]
) -> Finding | None:
    text = draft.text
    matched = text[start:end]
    if matched in defined or draft.is_protected(start, end):
        return None
    plain = entry.plain.strip()
    edit_start = start
    replacement = _fit_case(plain, matched, lexicon.starts_sentence(text, start))
    # "our SLA" -> "our response-time promise", not "our our response-time promise"
    first = plain.split(maxsplit=1)[0].lower() if plain else ""
    before = re.search(r"(\w+)\s+$", text[max(0, start - 20) : start])
    if first in _DETERMINERS and before and before.group(1).lower() in _DETERMINERS:
        edit_start = start - len(before.group(0))
        replacement = _fit_case(plain, before.group(1), lexicon.starts_sentence(text, edit_start))
    # "our T2 team" -> "our specialist team", not "our specialist team team"
    edit_end = end
    last = plain.rsplit(maxsplit=1)[-1].lower() if plain else ""
    after = re.match(r"\s+(\w+)", text[end : end + 30])
    if last and after and after.group(1).lower() == last:
        edit_end = end + after.end()
    suggestions: tuple[Suggestion, ...] = ()
    if plain and not draft.is_protected(edit_start, edit_end):
        edit = Edit(edit_start, edit_end, replacement)
        suggestions = (Suggestion(f"Say “{replacement}”", (edit,)),)
    return Finding(
        rule_id="jargon-term",
        category="jargon",
        severity="warning",
        start=start,
        end=end,
        message=f"“{matched}” is internal jargon; say “{plain}”.",
        why="Internal terms make the customer decode the reply instead of acting on it.",
        suggestions=suggestions,
    )


def _fit_case(plain: str, matched: str, sentence_start: bool) -> str:
    """Capitalise the plain alternative where the original was capitalised as a word."""
    if not plain:
        return plain
    capitalised = matched[:1].isupper() and not matched.isupper()
    if sentence_start or capitalised:
        return plain[0].upper() + plain[1:]
    return plain


# -- acronyms ------------------------------------------------------------------------


@lru_cache(maxsize=65_536)  # called for every word of every draft; pure per word
def _acronym_core(word: str) -> str:
    """ "SLA" for "SLA", "SLAs" or "SLA's"; "" when ``word`` is no acronym (2-6 capitals/digits)."""
    core = word
    if not word.isupper():
        if word.endswith(("'s", "’s")):
            core = word[:-2]
        elif word.endswith("s") and len(word) > 2:
            core = word[:-1]
        if not core.isupper():
            return ""
    return core if 2 <= len(core) <= 6 and core.isalnum() else ""


def _is_common_acronym(core: str, allow: frozenset[str]) -> bool:
    return (
        core in COMMON_ACRONYMS
        or core.lower() in allow
        or lexicon.zipf(core.lower()) >= COMMON_ACRONYM_ZIPF
    )


def _defined_acronyms(text: str) -> frozenset[str]:
    """Acronyms the draft explains: "Long Form (LF)" or "LF (long form)"."""
    if "(" not in text:
        return frozenset()
    defined: set[str] = set()
    for m in re.finditer(r"\(\s*([A-Z][A-Z0-9]{1,5})s?\s*\)", text):  # Long Form (LF)
        before = re.findall(r"[\w’'&-]+", text[max(0, m.start() - 120) : m.start()])
        if _initials_match(m.group(1).lower(), before):
            defined.add(m.group(1))
    for m in re.finditer(r"\b([A-Z][A-Z0-9]{1,5})s?\s*\(([^()]{3,120})\)", text):  # LF (long form)
        if len(re.findall(r"[\w’'-]+", m.group(2))) >= 2:  # any explanation of 2+ words
            defined.add(m.group(1))
    return frozenset(defined)


def _initials_match(letters: str, words: list[str]) -> bool:
    """True when the words just before an acronym spell it ("Explanation of Benefits")."""
    i = len(letters) - 1
    for word in reversed(words):
        if i < 0:
            break
        if word[0].lower() == letters[i]:
            i -= 1
        elif word.lower() not in _STOPWORDS:
            return False
    return i < 0


def _shouting(text: str, start: int, end: int) -> bool:
    """Part of a run of capitalised words ("PLEASE NOTE THAT"), not an acronym."""
    before = re.search(r"([A-Za-z]{3,})\W+$", text[max(0, start - 30) : start])
    after = re.match(r"\W+([A-Za-z]{3,})", text[end : end + 30])
    neighbours = [x.group(1) for x in (before, after) if x]
    return sum(1 for w in neighbours if w.isupper()) >= 1 and all(
        lexicon.zipf(w.lower()) >= COMMON_ACRONYM_ZIPF for w in neighbours if w.isupper()
    )
