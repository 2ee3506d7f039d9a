"""Review → JSON-ready dict: the shape the API, the CLI and the UI share."""

from __future__ import annotations

from typing import Any

from plugin.coach.model import Finding, Mood, Review, Suggestion
from plugin.coach.score import label


def finding_to_dict(f: Finding, source: str, index: int) -> dict[str, Any]:
    return {
        "id": f"f{index}",
        "rule_id": f.rule_id,
        "category": f.category,
        "severity": f.severity,
        "start": f.start,
        "end": f.end,
        "text": source[f.start : f.end],
        "message": f.message,
        "why": f.why,
        "suggestions": [
            {
                "label": s.label,
                "edits": [
                    {"start": e.start, "end": e.end, "replacement": e.replacement} for e in s.edits
                ],
            }
            for s in f.suggestions
        ],
    }


def _suggestion(s: Suggestion) -> dict[str, Any]:
    return {
        "label": s.label,
        "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in s.edits],
    }


def mood_to_dict(mood: Mood | None) -> dict[str, Any] | None:
    if mood is None:
        return None
    return {
        "label": mood.label,
        "compound": round(mood.compound, 3),
        "topic": mood.topic,
        "problem": mood.problem,
        "cues": [
            {"kind": c.kind, "start": c.start, "end": c.end, "text": c.text} for c in mood.cues
        ],
    }


def review_to_dict(review: Review, source: str) -> dict[str, Any]:
    """``source`` is the draft as sent: finding texts are quoted from it."""
    return {
        "score": review.score,
        "categories": {
            name: {
                "status": c.status,
                "label": label(name),
                "reason": c.reason,
                "points_lost": c.points_lost,
            }
            for name, c in review.categories.items()
        },
        "channel": {
            "name": review.channel or None,
            "register": review.register,
            "inferred": review.register_inferred,
        },
        "comment_type": review.comment_type,
        "moves": sorted({m.move for m in review.moves}),
        "move_spans": [
            {"move": m.move, "start": m.start, "end": m.end, "rule_id": m.rule_id}
            for m in review.moves
        ],
        "missing_moves": list(review.missing_moves),
        "findings": [finding_to_dict(f, source, i) for i, f in enumerate(review.findings, 1)],
        "readability": review.readability,
        "hints": [
            {
                "id": h.id,
                "message": h.message,
                "why": h.why,
                "wording": h.wording,
                "suggestion": _suggestion(h.suggestion) if h.suggestion else None,
            }
            for h in review.hints
        ],
        "customer_mood": mood_to_dict(review.customer_mood),
        "timings_ms": review.timings,
        "notes": list(review.notes),
    }
