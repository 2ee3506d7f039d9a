"""Grammar: the optional lane, answered by a LanguageTool server.

The HTTP exchange goes through ``language_tool_python`` (3.4.0):
``LanguageTool(language, remote_server=url)`` asks the server's ``/v2/languages``
once, then ``.check(text)`` posts ``/v2/check`` and returns ``Match`` objects.
Each match becomes a ``Finding`` (category "grammar", rule id
``lt-<LanguageTool rule id>``) with up to three one-click replacements. What
the library does about offsets and answers, and what we do about it (the
exchange itself, its deadline and back-off: ``languagetool.py``):

* Offsets. LanguageTool counts UTF-16 code units (Java strings). ``Match``
  corrects ``offset`` for characters outside the BMP (emoji) but not
  ``error_length``, and it keeps the text it corrected for in class attributes
  (``Match.PREVIOUS_MATCHES_TEXT``/``FOUR_BYTES_POSITIONS``) that concurrent
  checks overwrite. So we never send such characters: each one is sent as
  ``STAND_IN`` (U+FFFC OBJECT REPLACEMENT CHARACTER, one UTF-16 unit). The text
  sent then has the same length in UTF-16 units as ``Draft.text`` has in Python
  characters, offsets and lengths are ``Draft.text`` indices as they are, and
  the library's correction has nothing to correct, whatever thread ran last
  (no other code in the app uses the library).
  A replacement that contains the stand-in gets the original characters back
  (in order) or is dropped.
* Answers. The library does not look at the HTTP status: a body that is not
  JSON raises ``LanguageToolError`` (so an HTTP 500 page reads as "not
  LanguageTool's answer"), and a non-200 answer whose JSON has a ``matches``
  list would be taken as results. One malformed match fails the whole answer
  (``Match`` needs ``rule.issueType``, ``context`` and ``replacements``), and
  ``Match`` keeps neither the rule's description nor ``shortMessage``, so the
  "why" is ours (``WHY``). Its messages are NFKC-normalized.

No server configured, a server that is down, slow or answers nonsense: the
result is status "n/a" with a reason the review shows as is — never an exception.
Draft text and the server URL (which may carry credentials) are never logged
or echoed into reasons.
"""

from __future__ import annotations

from dataclasses import dataclass

import language_tool_python

from plugin.coach import identifiers, languagetool, lexicon
from plugin.coach.draft import WORD, Draft
from plugin.coach.model import Edit, Finding, Severity, Status, Suggestion
from plugin.coach.rules import RulePack

OFF_REASON = "Grammar check is off: no LanguageTool server is configured (set LANGUAGETOOL_URL)."
MAX_SUGGESTIONS = 3
STAND_IN = "\ufffc"  # sent in place of each character outside the BMP

# LanguageTool's rule.issueType values: the ITS 2.0 localization-quality issue
# types, as listed in LanguageTool's ITSIssueType enum
# (languagetool-core/src/main/java/org/languagetool/rules/ITSIssueType.java).
# Warning: the reader would notice, or it changes the meaning; info: polish.
ISSUE_SEVERITY: dict[str, Severity] = {
    "terminology": "info",
    "mistranslation": "warning",
    "omission": "warning",
    "untranslated": "warning",
    "addition": "warning",
    "duplication": "warning",  # "the the"
    "inconsistency": "warning",
    "grammar": "warning",
    "legal": "warning",
    "register": "info",
    "locale-specific-content": "info",
    "locale-violation": "info",  # e.g. British spelling in an en-US check
    "style": "info",
    "characters": "info",
    "misspelling": "warning",
    "typographical": "info",  # quotes, dashes, spacing around punctuation
    "formatting": "info",
    "inconsistent-entities": "warning",
    "numbers": "warning",
    "markup": "info",
    "pattern-problem": "info",
    "whitespace": "info",
    "internationalization": "info",
    "length": "info",
    "non-conformance": "info",
    "uncategorized": "info",
    "other": "info",
}

# Fallback when a server omits issueType: LanguageTool's predefined category ids
# (languagetool-core/src/main/java/org/languagetool/rules/Categories.java).
CATEGORY_SEVERITY: dict[str, Severity] = {
    "CASING": "info",
    "COMPOUNDING": "info",
    "GRAMMAR": "warning",
    "TYPOS": "warning",
    "PUNCTUATION": "info",
    "TYPOGRAPHY": "info",
    "CONFUSED_WORDS": "warning",
    "REPETITIONS": "warning",
    "REDUNDANCY": "info",
    "REPETITIONS_STYLE": "info",
    "STYLE": "info",
    "PLAIN_ENGLISH": "info",
    "GENDER_NEUTRALITY": "info",
    "SEMANTICS": "warning",
    "COLLOQUIALISMS": "info",
    "REGIONALISMS": "info",
    "FALSE_FRIENDS": "warning",
    "WIKIPEDIA": "info",
    "MISC": "info",
}


# Ours, since Match drops the rule's description: by LanguageTool category.
WHY: dict[str, str] = {
    "TYPOS": "Typos make a careful answer look careless.",
    "GRAMMAR": "A grammar slip makes the customer reread, and can blur what you promised.",
    "CONFUSED_WORDS": "A confused word can say something you did not mean.",
    "SEMANTICS": "This may not say what you mean.",
    "FALSE_FRIENDS": "A false friend can say something you did not mean.",
    "REPETITIONS": "A repeated word reads as a slip.",
    "PUNCTUATION": "Punctuation slips make a reply look hurried.",
    "TYPOGRAPHY": "Spacing and typography slips make a reply look hurried.",
    "CASING": "Capitalization slips make a reply look hurried.",
}
DEFAULT_WHY = "LanguageTool suggests this makes the reply read better."


@dataclass(frozen=True, slots=True)
class GrammarResult:
    status: Status
    reason: str
    findings: tuple[Finding, ...] = ()


def check(
    draft: Draft,
    url: str,
    timeout: float,
    *,
    pack: RulePack | None = None,
    language: str = "en-US",
) -> GrammarResult:
    """Check ``draft`` with the LanguageTool server at ``url`` (base URL, e.g. http://lt:8081).

    ``timeout`` (seconds) bounds the whole wait, reaching the server included.
    ``pack`` (optional) keeps LanguageTool from calling its glossary and
    allowlist words misspellings. Never raises for server trouble: returns
    status "n/a".
    """
    if not url.strip():
        return GrammarResult("n/a", OFF_REASON)
    sent = "".join(STAND_IN if ord(c) > 0xFFFF else c for c in draft.text)
    try:
        matches = languagetool.check(url, language, sent, timeout)
    except languagetool.Unavailable as e:
        return _unavailable(e.reason)
    findings = _findings(draft, sent, matches, pack)
    if not findings:
        return GrammarResult("pass", "LanguageTool found no grammar or spelling issues.")
    n = len(findings)
    return GrammarResult(
        "warn", f"LanguageTool found {n} issue{'s' if n != 1 else ''}.", tuple(findings)
    )


def severity(issue_type: str | None, category: str | None) -> Severity:
    """Our severity for a LanguageTool match (issue type first, then category)."""
    if issue_type and issue_type in ISSUE_SEVERITY:
        return ISSUE_SEVERITY[issue_type]
    return CATEGORY_SEVERITY.get(category or "", "info")


def _unavailable(detail: str) -> GrammarResult:
    return GrammarResult(
        "n/a", f"Grammar check unavailable: {detail}. The rest of the review is complete."
    )


def _findings(
    draft: Draft, sent: str, matches: list[language_tool_python.Match], pack: RulePack | None
) -> list[Finding]:
    """Matches on ``sent`` (``draft.text`` with stand-ins, same indices) as findings."""
    text = draft.text
    ignore = (
        pack.allowlist | {w for e in pack.glossary for w in e.term.lower().split()}
        if pack is not None
        else frozenset()
    )
    found: list[Finding] = []
    for m in matches:
        start, end = m.offset, m.offset + m.error_length
        if start < 0 or end <= start or end > len(text) or draft.is_protected(start, end):
            continue
        if _touches_identifier(text, start, end):
            continue  # a host, code, version or plan name is right as typed
        if m.rule_issue_type == "misspelling" or m.category == "TYPOS":
            word = text[start:end].lower()
            # glossary and allowlist words are not typos; spelling.py already
            # reports the words it can fix, so they are not reported twice;
            # a capitalised unknown word is a name ("Aoife" is not "Alice")
            if word in ignore or lexicon.corrections(word) or _is_name(text, start, end):
                continue
        values = [
            v
            for v in (_restore(r, text, sent, start, end) for r in m.replacements)
            if v is not None
        ]
        found.append(
            Finding(
                rule_id=f"lt-{m.rule_id}",
                category="grammar",
                severity=severity(m.rule_issue_type, m.category),
                start=start,
                end=end,
                message=m.message or "LanguageTool flagged this.",
                why=WHY.get(m.category, DEFAULT_WHY),
                suggestions=tuple(
                    Suggestion(f"Use “{v}”" if v else "Delete", (Edit(start, end, v),))
                    for v in values[:MAX_SUGGESTIONS]
                ),
            )
        )
    return found


def _touches_identifier(text: str, start: int, end: int) -> bool:
    """True when the match covers any part of an identifier (mail.acme.internal, DC-250)."""
    first, low = start, max(0, start - identifiers.TOKEN_REACH)
    while first > low and not text[first - 1].isspace():
        first -= 1
    return any(
        identifiers.is_identifier(text, w.start(), w.end()) for w in WORD.finditer(text, first, end)
    )


def _is_name(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    return word[:1].isupper() or identifiers.foreign(word) or identifiers.names_line(text, start)


def _restore(value: str, text: str, sent: str, start: int, end: int) -> str | None:
    """``value`` with stand-ins turned back into the characters they replaced in the span.

    None when it has stand-ins the span cannot account for (one-click edits
    must not write U+FFFC into the reply).
    """
    if text == sent or STAND_IN not in value:
        return value
    originals = [text[i] for i in range(start, end) if sent[i] == STAND_IN]
    if value.count(STAND_IN) != len(originals):
        return None
    it = iter(originals)
    return "".join(next(it) if c == STAND_IN else c for c in value)
