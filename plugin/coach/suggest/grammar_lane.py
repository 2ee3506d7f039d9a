"""The slow lane's second job: LanguageTool reads every suggested sentence.

Where a LanguageTool server is configured, each suggestion is applied, the sentence
it changes is cut out (slots filled with sample words, so "{time}" reads as a
time), and all of them go to the server in one request beside the same sentences
as they stood before. A suggestion whose sentence draws an objection the original
did not is returned, to be dropped from the sidebar; an error already in the agent's
own words is no reason to drop a fix. Never raises: a server in trouble objects to
nothing (the fast lane's checks have already run).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from plugin.coach import languagetool
from plugin.coach.draft import Format, parse
from plugin.coach.edits import apply
from plugin.coach.model import Finding

Key = tuple[str, int, int, str]  # finding rule id, start, end, suggestion label
_SAMPLE = {
    "{time}": "Friday",
    "{reason}": "it keeps your account safe",
    "{alternative}": "a refund",
    "{next_step}": "I call you on Friday",
}
# Style and typography rules judge the agent's habits, not whether a sentence is English.
_IGNORED = frozenset({"TYPOGRAPHY", "STYLE", "REDUNDANCY", "CASING", "PUNCTUATION"})
_BREAK = "\n\n"


def objections(
    source: str,
    fmt: Format,
    findings: Iterable[Finding],
    url: str,
    timeout: float,
    language: str = "en-US",
) -> list[Key]:
    """The suggestions (by key) whose changed sentence LanguageTool objects to."""
    before_text = parse(source, fmt).text
    pairs: list[tuple[Key, str, str]] = []
    for f in findings:
        for s in f.suggestions:
            after_text = parse(_filled(apply(source, list(s.edits))), fmt).text
            old, new = _changed(before_text, after_text)
            if new:
                pairs.append(((f.rule_id, f.start, f.end, s.label), old, new))
    if not url.strip() or not pairs:
        return []
    texts = [t for _, old, new in pairs for t in (old, new)]
    joined = _BREAK.join(t.replace("\n", " ") for t in texts)
    try:
        matches = languagetool.check(url, language, joined, timeout)
    except languagetool.Unavailable:
        return []
    starts = [0]
    for t in texts:
        starts.append(starts[-1] + len(t) + len(_BREAK))
    counts: list[Counter[str]] = [Counter() for _ in texts]
    for m in matches:
        if m.category in _IGNORED or m.rule_issue_type == "misspelling":
            continue
        i = max(k for k, start in enumerate(starts[:-1]) if start <= m.offset)
        counts[i][m.rule_id] += 1
    out = []
    for n, (key, _, _) in enumerate(pairs):
        old_c, new_c = counts[2 * n], counts[2 * n + 1]
        if any(new_c[r] > old_c[r] for r in new_c):
            out.append(key)
    return out


def _filled(text: str) -> str:
    for slot, words in _SAMPLE.items():
        text = text.replace(slot, words)
    return text


_SENTENCE_EDGE = re.compile(r"[.!?\n]")


def _changed(before: str, after: str) -> tuple[str, str]:
    """The sentence(s) around where ``before`` and ``after`` differ, in each."""
    p = 0
    while p < min(len(before), len(after)) and before[p] == after[p]:
        p += 1
    s = 0
    while s < min(len(before), len(after)) - p and before[-1 - s] == after[-1 - s]:
        s += 1
    return _around(before, p, len(before) - s), _around(after, p, len(after) - s)


def _around(text: str, lo: int, hi: int) -> str:
    starts = [m.end() for m in _SENTENCE_EDGE.finditer(text, 0, max(lo - 1, 0))]
    start = starts[-1] if starts else 0
    end_m = _SENTENCE_EDGE.search(text, max(hi, lo))
    end = end_m.end() if end_m else len(text)
    return text[start:end].strip()
