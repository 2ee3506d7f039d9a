"""A lint report: worst first, filtered by tag, category and group, exported as CSV or JSON.

Reports are plain dicts (``MacroReport.to_dict()``), the shape stored by the jobs and
served by the API, so the CLI, the store and the web answer with the same data.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

CSV_COLUMNS = (
    "macro_id",
    "title",
    "active",
    "categories",
    "group_ids",
    "score",
    "tags",
    "status",
    "error",
    "findings",
    "top_findings",
)
_STATUS_ORDER = {"error": 0, "ok": 1, "no_reply": 2}


def worst_first(reports: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Errors first (they need a look), then lowest score, then no reply text; ties by title."""
    return sorted(
        reports,
        key=lambda r: (
            _STATUS_ORDER.get(r["status"], 3),
            r["score"] if r["score"] is not None else 101,
            r["title"].lower(),
            r["macro_id"],
        ),
    )


def matches(
    report: dict[str, Any],
    *,
    tag: str | None = None,
    category: str | None = None,
    group: int | None = None,
    only_active: bool = False,
) -> bool:
    if only_active and not report["active"]:
        return False
    if tag and tag not in report["tags"]:
        return False
    if category and category.lower() not in (c.lower() for c in report["categories"]):
        return False
    return not (group is not None and group not in report["group_ids"])


def select(reports: Iterable[dict[str, Any]], **filters: Any) -> list[dict[str, Any]]:
    return worst_first(r for r in reports if matches(r, **filters))


def facets(reports: Iterable[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """How many macros carry each tag, category and group (for the filters' choices)."""
    out: dict[str, dict[str, int]] = {"tags": {}, "categories": {}, "groups": {}}
    for r in reports:
        for key, values in (
            ("tags", r["tags"]),
            ("categories", r["categories"]),
            ("groups", [str(g) for g in r["group_ids"]]),
        ):
            for v in dict.fromkeys(values):
                out[key][v] = out[key].get(v, 0) + 1
    return {k: dict(sorted(v.items())) for k, v in out.items()}


def _findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for b in report.get("bodies", ()) for f in b["findings"]]


def to_csv(reports: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in reports:
        found = _findings(r)
        writer.writerow(
            [
                r["macro_id"],
                r["title"],
                "yes" if r["active"] else "no",
                " > ".join(r["categories"]),
                " ".join(str(g) for g in r["group_ids"]),
                "" if r["score"] is None else r["score"],
                "; ".join(r["tags"]),
                r["status"],
                r["error"],
                len(found),
                " | ".join(f["message"] for f in found[:3]),
            ]
        )
    return out.getvalue()


def to_json(reports: Iterable[dict[str, Any]], meta: dict[str, Any] | None = None) -> str:
    return json.dumps({**(meta or {}), "macros": list(reports)}, ensure_ascii=False, indent=2)
