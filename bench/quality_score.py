"""The quality measures of ``bench/quality.py``, on reviews as the JSON API returns them.

Same definitions as the acceptance scorer (``../shared/tools/score_reviews.py``):

- a *tone/empathy warning* is any finding of severity warning or error whose category is
  not about surface (readability, jargon, spelling & grammar);
- labels: per-move F1 over the moves the readers labelled, their mean (macro-F1) and the
  worst; mood accuracy (negative vs not); anti-pattern recall (a tone/empathy warning on
  a reply labelled with an anti-pattern); false alarms (one on a reply labelled warm
  with no anti-pattern);
- cases: every expectation (flags, clean, moves, absent, mood, empathy gates, and for the
  self-written set ``no_alarm``) as a check, the share met, the median score per verdict.
"""

from __future__ import annotations

import statistics
from typing import Any

MOVES = ("greeting", "thanks", "apologize", "validate", "acknowledge", "ownership")
MOVES += ("next_steps", "closing")
SURFACE = ("readab", "jargon", "grammar", "spell", "style", "length")
NEGATIVE = ("negative", "frustrat", "angry", "upset", "annoy", "furious", "irritat", "distress")
NEGATIVE += ("worried", "sad")


def moves(review: dict[str, Any]) -> set[str]:
    return set(review.get("moves") or [])


def negative(review: dict[str, Any]) -> bool:
    label = str((review.get("customer_mood") or {}).get("label", "")).lower()
    return not label.startswith(("not", "non")) and any(k in label for k in NEGATIVE)


def alarm(review: dict[str, Any]) -> bool:
    return any(
        f.get("severity") in ("warning", "error")
        and not any(k in str(f.get("category", "")).lower() for k in SURFACE)
        for f in review.get("findings") or []
    )


def score_labels(
    items: list[dict[str, Any]], labels: dict[str, dict[str, Any]], reviews: list[dict[str, Any]]
) -> dict[str, Any]:
    pairs = [(labels[it["id"]], rv) for it, rv in zip(items, reviews, strict=True)]
    per_move: dict[str, float] = {}
    for m in MOVES:
        tp = sum(1 for lb, rv in pairs if m in lb["moves"] and m in moves(rv))
        fp = sum(1 for lb, rv in pairs if m not in lb["moves"] and m in moves(rv))
        fn = sum(1 for lb, rv in pairs if m in lb["moves"] and m not in moves(rv))
        if tp + fn == 0:
            continue
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn)
        total = precision + recall
        per_move[m] = 2 * precision * recall / total if total else 0.0
    anti = [rv for lb, rv in pairs if lb["anti"]]
    clean = [rv for lb, rv in pairs if not lb["anti"] and lb["tone"] == "warm"]
    return {
        "per_move": per_move,
        "macro_f1": sum(per_move.values()) / len(per_move) if per_move else 0.0,
        "worst_f1": min(per_move.values(), default=0.0),
        "mood": sum((lb["mood"] == "negative") == negative(rv) for lb, rv in pairs) / len(pairs),
        "anti_recall": sum(map(alarm, anti)) / len(anti) if anti else 1.0,
        "false_alarms": sum(map(alarm, clean)) / len(clean) if clean else 0.0,
    }


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and e > a for s, e in spans)


def _case_failures(case: dict[str, Any], review: dict[str, Any]) -> tuple[int, list[str]]:
    draft, cid = case["draft"], case["id"]
    findings = review.get("findings") or []
    flagged = [(f["start"], f["end"]) for f in findings if f["severity"] in ("warning", "error")]
    checks, failed = 0, []
    for phrase in case.get("flags", []):
        checks += 1
        a = draft.find(phrase)
        if not _overlaps(flagged, a, a + len(phrase)):
            failed.append(f"{cid}: not flagged {phrase!r}")
    for phrase in case.get("clean", []):
        checks += 1
        a = draft.find(phrase)
        b = a + len(phrase)
        # a finding about a whole sentence or the whole draft is not about this phrase
        wide = 2 * (b - a) + 20
        narrow = [
            (s, e)
            for s, e in ((f["start"], f["end"]) for f in findings)
            if not (s <= a and e >= b and (e - s >= wide or e - s >= len(draft)))
        ]
        if _overlaps(narrow, a, b):
            failed.append(f"{cid}: wrongly flagged {phrase!r}")
    found = moves(review)
    for m in case.get("moves", []):
        checks += 1
        if m not in found:
            failed.append(f"{cid}: move {m} missed")
    for m in case.get("absent", []):
        checks += 1
        if m in found:
            failed.append(f"{cid}: move {m} wrongly found")
    if "mood" in case:
        checks += 1
        if (case["mood"] == "negative") != negative(review):
            failed.append(f"{cid}: mood read as {(review.get('customer_mood') or {}).get('label')}")
    empathy = ((review.get("categories") or {}).get("empathy") or {}).get("status")
    if case.get("empathy_not_fail"):
        checks += 1
        if empathy == "fail":
            failed.append(f"{cid}: empathy failed a calm, direct answer")
    if case.get("empathy_fail"):
        checks += 1
        if empathy not in ("warn", "fail"):
            failed.append(f"{cid}: empathy {empathy} for a cold reply to an upset customer")
    if case.get("no_alarm"):
        checks += 1
        if alarm(review):
            failed.append(f"{cid}: a tone/empathy warning on a warm, clean reply")
    return checks, failed


def score_cases(cases: list[dict[str, Any]], reviews: list[dict[str, Any]]) -> dict[str, Any]:
    checks, failures = 0, []
    by_verdict: dict[str, list[int]] = {}
    warm = [rv for c, rv in zip(cases, reviews, strict=True) if c.get("no_alarm")]
    for case, review in zip(cases, reviews, strict=True):
        n, failed = _case_failures(case, review)
        checks += n
        failures += failed
        if case.get("verdict") and isinstance(review.get("score"), int):
            by_verdict.setdefault(case["verdict"], []).append(review["score"])
    order = ("excellent", "good", "poor", "bad")
    return {
        "checks": checks,
        "met": (checks - len(failures)) / max(checks, 1),
        "median": {v: statistics.median(by_verdict[v]) for v in order if v in by_verdict},
        "false_alarms": sum(map(alarm, warm)) / len(warm) if warm else 0.0,
        "failures": failures,
    }
