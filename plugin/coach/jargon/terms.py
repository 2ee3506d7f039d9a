"""Glossary terms: the pack's internal and technical terms, each with its plain alternative.

A term is left alone where it is no jargon to this reader: the customer wrote it
themselves, a technically-writing customer reads a technical term, it names a
screen, menu or link the customer will see, or it is only part of a code or host
name ("api.example.com", "T2-4471").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress, count

from plugin.coach import identifiers, lexicon
from plugin.coach.draft import WORD, Draft, Span
from plugin.coach.lexicon import wordset
from plugin.coach.model import Edit, Finding, Suggestion
from plugin.coach.reader import Reader
from plugin.coach.rules import GlossaryEntry, RulePack

_DETERMINERS = wordset("our the your a an this my their its")
# Settlement-day shorthand: "T+7" is "7 days after the payment".
_T_PLUS = re.compile(r"\bT\+(\d{1,2})\b")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_WORD_AFTER = re.compile(r"\s+(\w+)")


@dataclass(frozen=True, slots=True)
class Glossary:
    """A compiled glossary: terms indexed by their first word, longest term first.

    Matching costs one dict lookup per draft word however long the glossary is.
    """

    by_first: dict[str, tuple[tuple[int, str, GlossaryEntry], ...]]  # (words, key, entry)
    keys: frozenset[str]  # normalised lowercase terms
    words: frozenset[str]  # every lowercase word of every term
    technical: tuple[str, ...] = ()  # the technical terms


_compiled: dict[int, tuple[object, Glossary]] = {}


def compiled(pack: RulePack) -> Glossary:
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
    technical = tuple(e.term for e in entries if e.technical)
    glossary = Glossary(by_first, frozenset(keys), words, technical)
    if len(_compiled) > 16:  # packs change rarely; never let stale ones pile up
        _compiled.clear()
    _compiled[id(entries)] = (entries, glossary)
    return glossary


def find(
    draft: Draft, glossary: Glossary, reader: Reader, defined: frozenset[str]
) -> tuple[list[Finding], list[Span]]:
    """Every glossary term in the draft, and the spans the terms cover."""
    findings: list[Finding] = []
    covered: list[Span] = []
    by_first = glossary.by_first
    technical_reader: bool | None = None
    words = draft.words
    text = draft.text
    for i in compress(count(), map(by_first.__contains__, draft.lowered)):
        if covered and words[i].start < covered[-1].end:
            continue  # inside the previous term
        hit = _term_at(draft, i, glossary)
        if hit is None:
            continue
        end, entry = hit
        start = words[i].start
        covered.append(Span(start, end))
        matched = text[start:end]
        if entry.technical and technical_reader is None:
            technical_reader = reader.writes_technically(glossary.technical)
        if (
            matched in defined
            or draft.is_protected(start, end)
            or reader.knows(matched)
            or (entry.technical and technical_reader)
            or _inside_identifier(text, start, end)
            or _proper_name(text, start, matched, entry)
            or identifiers.in_signoff_tail(text, start)
            or identifiers.ui_label(draft, start, end)
        ):
            continue
        findings.append(_finding(draft, start, end, entry))
    findings += _settlement_days(draft, reader)
    return findings, covered


def _proper_name(text: str, start: int, matched: str, entry: GlossaryEntry) -> bool:
    """ "our Sprint Flex Lease": a lowercase term capitalised mid-sentence is a name."""
    return (
        entry.term[:1].islower()
        and matched[:1].isupper()
        and not matched.isupper()
        and not lexicon.starts_sentence(text, start)
    )


def _inside_identifier(text: str, start: int, end: int) -> bool:
    s, e = identifiers.token_at(text, start, end)
    return (s, e) != (start, end) and identifiers.is_identifier(text, s, e)


def _norm(term: str) -> str:
    return " ".join(term.lower().split())


def _term_at(draft: Draft, i: int, glossary: Glossary) -> tuple[int, GlossaryEntry] | None:
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


def _finding(draft: Draft, start: int, end: int, entry: GlossaryEntry) -> Finding:
    text = draft.text
    matched = text[start:end]
    plain = entry.plain.strip()
    edit_start = start
    replacement = _fit_case(plain, matched, lexicon.starts_sentence(text, start))
    # "our SLA" -> "our response-time promise", not "our our response-time promise"
    first = plain.split(maxsplit=1)[0].lower() if plain else ""
    before = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    if first in _DETERMINERS and before and before.group(1).lower() in _DETERMINERS:
        edit_start = start - len(before.group(0))
        replacement = _fit_case(plain, before.group(1), lexicon.starts_sentence(text, edit_start))
    # "our T2 team" -> "our specialist team", not "our specialist team team"
    edit_end = end
    last = plain.rsplit(maxsplit=1)[-1].lower() if plain else ""
    after = _WORD_AFTER.match(text[end : end + 30])
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


def _settlement_days(draft: Draft, reader: Reader) -> list[Finding]:
    """ "T+7" (payments shorthand) -> "7 days after the payment"."""
    if "T+" not in draft.text:
        return []
    found = []
    for m in _T_PLUS.finditer(draft.text):
        if draft.is_protected(m.start(), m.end()) or reader.knows(m.group()):
            continue
        days = m.group(1)
        plain = f"{days} day{'s' if days != '1' else ''} after the payment"
        found.append(
            Finding(
                rule_id="jargon-term",
                category="jargon",
                severity="warning",
                start=m.start(),
                end=m.end(),
                message=f"“{m.group()}” is payments shorthand; say “{plain}”.",
                why="Internal terms make the customer decode the reply instead of acting on it.",
                suggestions=(Suggestion(f"Say “{plain}”", (Edit(m.start(), m.end(), plain),)),),
            )
        )
    return found


def _fit_case(plain: str, matched: str, sentence_start: bool) -> str:
    """Capitalise the plain alternative where the original was capitalised as a word."""
    if not plain:
        return plain
    capitalised = matched[:1].isupper() and not matched.isupper()
    if sentence_start or capitalised:
        return plain[0].upper() + plain[1:]
    return plain
