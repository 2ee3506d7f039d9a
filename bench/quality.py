"""Quality benchmark: ``.venv/bin/python -m bench.quality [--data DIR] [--write]``.

Coaches every item of the two development sets in ``../shared/data`` (real-replies-dev:
labelled Twitter replies; email-cases-dev: email, chat and messaging cases with a lead's
expectations) and the self-written ``bench/quality_cases.jsonl``, through the same
batch path as ``flask coach check --jsonl`` (``plugin.cli``), and measures what
``../shared/tools/score_reviews.py`` measures: moves per-move F1 and macro-F1, customer
mood accuracy, anti-pattern recall, false alarms (a tone/empathy warning on a reply
labelled warm and clean), the share of expectations met and the median score per
verdict. ``--write`` puts the figures into bench/README.md. The data is read, never
copied: only figures leave this script.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.quality_score import score_cases, score_labels

if TYPE_CHECKING:
    from flask import Flask

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OWN_CASES = HERE / "quality_cases.jsonl"
README = HERE / "README.md"
START, END = "<!-- quality:start -->", "<!-- quality:end -->"
PASS_THROUGH = ("format", "channel", "comment_type")

# The targets (issue #9).
TARGETS: dict[str, tuple[str, float]] = {
    "labels.macro_f1": (">=", 0.85),
    "labels.worst_f1": (">=", 0.70),
    "labels.mood": (">=", 0.85),
    "labels.anti_recall": (">=", 0.80),
    "labels.false_alarms": ("<=", 0.10),
    "cases.met": (">=", 0.95),
    "cases.median.excellent": (">=", 90),
    "cases.median.bad": ("<=", 50),
}

# What the test (tests/bench/test_quality.py) holds the dev sets to: the figures measured
# when it was written, less a small margin, so a later change cannot quietly undo them.
# Raise each to its target once the code reaches it.
FLOORS: dict[str, tuple[str, float]] = {
    # measured 0.92 (worst move 0.73) with the judgement work merged
    "labels.macro_f1": (">=", 0.85),
    "labels.worst_f1": (">=", 0.70),
    "labels.per_move.greeting": (">=", 0.90),
    "labels.per_move.apologize": (">=", 0.90),
    "labels.mood": (">=", 0.85),  # measured 0.89
    # measured 0.82: the anti-pattern families plus cold turns and generic redirects
    # (plugin/coach/deflect.py)
    "labels.anti_recall": (">=", 0.79),
    "labels.false_alarms": ("<=", 0.10),  # measured 0.07
    "cases.met": (">=", 0.95),  # measured 0.97
    "cases.median.excellent": (">=", 90),  # measured 100
    "cases.median.bad": ("<=", 50),  # measured 9
}
# The self-written set (bench/quality_cases.jsonl) meets the targets outright.
OWN_TARGETS: dict[str, tuple[str, float]] = {
    "own.met": (">=", 0.95),
    "own.false_alarms": ("<=", 0.10),
    "own.median.excellent": (">=", 90),
    "own.median.bad": ("<=", 50),
}


def data_dir(explicit: str | Path | None = None) -> Path | None:
    """``../shared/data`` beside the repository (or beside its worktree folder)."""
    candidates = [Path(explicit)] if explicit else []
    candidates += [REPO.parent / "shared" / "data", REPO.parents[1] / "shared" / "data"]
    for path in candidates:
        if (path / "real-replies-dev" / "labels.jsonl").is_file():
            return path
    return None


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@lru_cache(maxsize=1)
def _app() -> Flask:
    from plugin import create_app

    return create_app({"dev": True, "secret_key": "bench-quality-" + "0" * 32})


def coach(items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One review per item, through ``coach check --jsonl`` (as the scorer runs it)."""
    lines = []
    for it in items:
        row = {"id": it["id"], "draft": it["draft"], "customer_message": it["customer_message"]}
        row.update({k: it[k] for k in PASS_THROUGH if it.get(k)})
        lines.append(json.dumps(row))
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch.jsonl"
        batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = _app().test_cli_runner().invoke(args=["coach", "check", "--jsonl", str(batch)])
    out = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    if len(out) != len(items):
        raise RuntimeError(f"the CLI gave {len(out)} reviews for {len(items)} items")
    return out


def every(items: list[dict[str, Any]], step: int) -> list[dict[str, Any]]:
    """A deterministic slice: every ``step``-th item."""
    return items[::step] if step > 1 else items


def run(data: Path | None, step: int = 1) -> dict[str, Any]:
    """Figures for the self-written set and, when ``data`` is given, both dev sets."""
    figures: dict[str, Any] = {}
    own = read_jsonl(OWN_CASES)
    figures["own"] = score_cases(own, coach(own))
    if data is None:
        return figures
    replies = read_jsonl(data / "real-replies-dev" / "replies.jsonl")
    labels = {lb["id"]: lb for lb in read_jsonl(data / "real-replies-dev" / "labels.jsonl")}
    replies = every([r for r in replies if r["id"] in labels], step)
    cases = every(read_jsonl(data / "email-cases-dev" / "cases.jsonl"), step)
    started = time.perf_counter()
    reviewed = coach(replies + cases)
    figures["seconds"] = round(time.perf_counter() - started, 2)
    figures["labels"] = score_labels(replies, labels, reviewed[: len(replies)])
    figures["cases"] = score_cases(cases, reviewed[len(replies) :])
    figures["n"] = {"labels": len(replies), "cases": len(cases)}
    return figures


def lookup(figures: dict[str, Any], key: str) -> float | None:
    value: Any = figures
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return float(value) if isinstance(value, int | float) else None


def misses(figures: dict[str, Any], bounds: dict[str, tuple[str, float]]) -> list[str]:
    """Each bound the figures do not meet, in words."""
    out = []
    for key, (op, bound) in bounds.items():
        value = lookup(figures, key)
        ok = value is not None and (value >= bound if op == ">=" else value <= bound)
        if not ok:
            out.append(f"{key} = {value} (wanted {op} {bound})")
    return out


def table(figures: dict[str, Any]) -> list[str]:
    rows = ["| figure | measured | target |", "|---|---|---|"]
    for key, (op, bound) in TARGETS.items():
        value = lookup(figures, key)
        shown = "—" if value is None else (f"{value:.2f}" if value < 1.5 else f"{value:.0f}")
        rows.append(f"| {key} | {shown} | {op} {bound} |")
    labels = figures.get("labels", {})
    for move, f1 in sorted(labels.get("per_move", {}).items()):
        rows.append(f"| labels.f1.{move} | {f1:.2f} | >= 0.7 |")
    own = figures["own"]
    checks = f"self-written, {own['checks']} checks"
    rows.append(f"| own.met ({checks}) | {own['met']:.2f} | >= 0.95 |")
    rows.append(f"| own.false_alarms | {own['false_alarms']:.2f} | <= 0.10 |")
    medians = ", ".join(f"{v} {m:.0f}" for v, m in own["median"].items())
    rows.append(f"| own.median by verdict | {medians} | excellent >= 90, bad <= 50 |")
    return rows


def write_readme(figures: dict[str, Any], when: str) -> None:
    text = README.read_text(encoding="utf-8")
    body = "\n".join([START, f"Measured {when}.", "", *table(figures), END])
    if START in text and END in text:
        text = text[: text.index(START)] + body + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip() + "\n\n" + body + "\n"
    README.write_text(text, encoding="utf-8")


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--data", help="folder holding real-replies-dev and email-cases-dev")
    ap.add_argument("--every", type=int, default=1, help="take every N-th item (a slice)")
    ap.add_argument("--write", action="store_true", help="write the figures to bench/README.md")
    ap.add_argument("-v", "--verbose", action="store_true", help="list unmet expectations")
    a = ap.parse_args(list(argv) if argv is not None else None)
    folder = data_dir(a.data)
    if folder is None:
        raise SystemExit("no ../shared/data with real-replies-dev and email-cases-dev: --data DIR")
    figures = run(folder, a.every)
    print("\n".join(table(figures)))
    print(f"({figures['n']} items coached in {figures['seconds']} s)")
    if a.verbose:
        for section in ("own", "cases"):
            for line in figures[section]["failures"]:
                print(f"  {section}: {line}")
    left = misses(figures, TARGETS)
    print("targets: " + ("all met" if not left else "not met: " + "; ".join(left)))
    if a.write:
        write_readme(figures, time.strftime("%Y-%m-%d", time.gmtime()))


if __name__ == "__main__":
    main()
