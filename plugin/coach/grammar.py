"""Grammar: the optional lane, answered by a LanguageTool server.

LanguageTool's ``POST /v2/check`` (form fields ``text`` and ``language``)
answers ``{"matches": [{"message", "shortMessage", "offset", "length",
"replacements": [{"value"}], "rule": {"id", "description", "issueType",
"category": {"id", "name"}}, ...}]}``; offsets count UTF-16 code units (Java
strings). Each match becomes a ``Finding`` (category "grammar", rule id
``lt-<LanguageTool rule id>``) with up to three one-click replacements.

Why ``requests`` and not ``language_tool_python.LanguageTool(remote_server=url)``
(checked in language_tool_python 3.4.0, ``server.py``): its constructor queries
``/v2/languages`` before the first check, every request uses a hard-coded
300-second timeout (``_TIMEOUT``) with a retry, and ``Match`` keeps the last
text in class attributes (not safe across request threads) and does not
correct match lengths for characters outside the BMP. We need one request,
the caller's timeout, and "n/a" instead of an exception — so we call the
documented HTTP API directly. language_tool_python remains the way to fetch and
run a local LanguageTool server (``LANGUAGETOOL_URL=http://127.0.0.1:8081``).

No server configured, a server that is down, slow or answers nonsense: the
result is status "n/a" with a reason the review shows as is — never an exception.
Draft text and the server URL (which may carry credentials) are never logged
or echoed into reasons.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests

from plugin.coach import lexicon
from plugin.coach.draft import Draft
from plugin.coach.model import Edit, Finding, Severity, Status, Suggestion
from plugin.coach.rules import RulePack

OFF_REASON = "Grammar check is off: no LanguageTool server is configured (set LANGUAGETOOL_URL)."
MAX_SUGGESTIONS = 3

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


@dataclass(frozen=True, slots=True)
class GrammarResult:
    status: Status
    reason: str
    findings: tuple[Finding, ...] = ()


class _BadAnswer(ValueError):
    """The server answered, but not in LanguageTool's /v2/check format."""


def check(
    draft: Draft,
    url: str,
    timeout: float,
    *,
    pack: RulePack | None = None,
    language: str = "en-US",
) -> GrammarResult:
    """Check ``draft`` with the LanguageTool server at ``url`` (base URL, e.g. http://lt:8081).

    ``timeout`` (seconds) bounds connecting and each wait for data. ``pack``
    (optional) keeps LanguageTool from calling its glossary and allowlist
    words misspellings. Never raises for server trouble: returns status "n/a".
    """
    if not url.strip():
        return GrammarResult("n/a", OFF_REASON)
    try:
        with requests.post(
            _endpoint(url),
            data={"text": draft.text, "language": language},
            headers={"Accept": "application/json"},
            timeout=(timeout, timeout),
        ) as response:
            if response.status_code != 200:
                return _unavailable(f"the server answered HTTP {response.status_code}")
            matches = _matches(response)
    except requests.Timeout:
        return _unavailable(f"the server did not answer within {timeout:g} s")
    except requests.RequestException as e:
        return _unavailable(f"the server cannot be reached ({type(e).__name__})")
    except _BadAnswer as e:
        return _unavailable(f"the server's answer is not LanguageTool's format ({e})")
    findings = _findings(draft, matches, pack)
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


def _endpoint(url: str) -> str:
    base = url.strip().rstrip("/")
    if base.endswith("/v2/check"):
        return base
    if base.endswith("/v2"):
        return base + "/check"
    return base + "/v2/check"


def _unavailable(detail: str) -> GrammarResult:
    return GrammarResult(
        "n/a", f"Grammar check unavailable: {detail}. The rest of the review is complete."
    )


def _matches(response: requests.Response) -> list[dict[str, Any]]:
    try:
        payload = response.json()
    except ValueError as e:
        raise _BadAnswer("not JSON") from e
    matches = payload.get("matches") if isinstance(payload, dict) else None
    if not isinstance(matches, list) or not all(isinstance(m, dict) for m in matches):
        raise _BadAnswer("no 'matches' list")
    return matches


def _findings(draft: Draft, matches: list[dict[str, Any]], pack: RulePack | None) -> list[Finding]:
    text = draft.text
    to_py = _utf16_to_python(text)
    ignore = (
        pack.allowlist | {w for e in pack.glossary for w in e.term.lower().split()}
        if pack is not None
        else frozenset()
    )
    found: list[Finding] = []
    for m in matches:
        try:
            rule = m["rule"]
            rule_id = str(rule["id"])
            category = str(rule.get("category", {}).get("id", ""))
            issue = rule.get("issueType")
            offset, length = int(m["offset"]), int(m["length"])
            message = str(m.get("message", "")) or str(m.get("shortMessage", ""))
            values = [str(r["value"]) for r in m.get("replacements", []) if "value" in r]
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # one malformed match must not cost the others
        if offset < 0 or length <= 0 or offset + length >= len(to_py):
            continue
        start, end = to_py[offset], to_py[offset + length]
        if draft.is_protected(start, end):
            continue
        if issue == "misspelling" or category == "TYPOS":
            word = text[start:end].lower()
            # glossary and allowlist words are not typos; spelling.py already
            # reports the words it can fix, so they are not reported twice
            if word in ignore or lexicon.corrections(word):
                continue
        found.append(
            Finding(
                rule_id=f"lt-{rule_id}",
                category="grammar",
                severity=severity(issue if isinstance(issue, str) else None, category),
                start=start,
                end=end,
                message=message,
                why=str(rule.get("description", "")),
                suggestions=tuple(
                    Suggestion(f"Use “{v}”" if v else "Delete", (Edit(start, end, v),))
                    for v in values[:MAX_SUGGESTIONS]
                ),
            )
        )
    return found


def _utf16_to_python(text: str) -> list[int]:
    """Python index for each UTF-16 offset into ``text``, plus one past the end.

    LanguageTool counts a character outside the BMP (most emoji) as two units.
    """
    table: list[int] = []
    for i, ch in enumerate(text):
        table.append(i)
        if ord(ch) > 0xFFFF:
            table.append(i)  # the low surrogate maps to the same character
    table.append(len(text))
    return table
