"""Targets, the printed table and the cProfile summary for ``bench.run``."""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plugin.coach.review import CheckRequest, Coach

# issue #3 point 15
TARGET_MEDIAN_MS = 1.5
TARGET_P99_MS = 5.0
TARGET_RULE_RATIO = 1.2
TARGET_PROSELINT_SPEEDUP = 2.0
_REPO = str(Path(__file__).resolve().parent.parent) + "/"
# Functions whose cumulative time is "that analyzer" in the pipeline.
_ENTRY_POINTS = frozenset({"analyze", "parse", "find", "categorize", "overall_score", "to_source"})


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    lane = results["fast_lane"]["first_sight"]
    rows = [
        ("fast lane median (ms)", "<=", TARGET_MEDIAN_MS, lane["median"]),
        ("fast lane p99 (ms)", "<=", TARGET_P99_MS, lane["p99"]),
        (
            "10k-rule / 100-rule (ratio of medians)",
            "<=",
            TARGET_RULE_RATIO,
            results["fast_lane"]["ratio_10k_vs_100"]["of_medians"],
        ),
    ]
    if "proselint" in results:
        speed = results["proselint"]["speedup"]["of_medians"]
        rows.append(
            ("speed-up vs proselint (ratio of medians)", ">=", TARGET_PROSELINT_SPEEDUP, speed)
        )
    return [
        {
            "target": name,
            "goal": f"{op} {goal}",
            "measured": measured,
            "met": measured <= goal if op == "<=" else measured >= goal,
        }
        for name, op, goal, measured in rows
    ]


def table(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        f"Reply Coach fast lane — {m['date']}, {m['cpus']} CPUs, python {m['python']}, "
        f"load {_load(m['loadavg_before'])} → {_load(m['loadavg_after'])}",
        f"corpus: {results['corpus']['drafts']} drafts, median "
        f"{results['corpus']['words']['median']:.0f} words; {results['corpus']['source']}",
        "",
        "one-time loads (ms, excluded from per-draft timings):",
    ]
    for name, value in results["one_time_ms"].items():
        if isinstance(value, dict):
            lines.append(
                f"  {name:<26} {value['rules']:>6} rules {value['phrases']:>6} phrases  "
                f"compile {value['compile_pack_ms']:9.1f}  load_pack (YAML+compile) "
                f"{value['load_pack_ms']:9.1f}"
            )
        else:
            lines.append(f"  {name:<26} {value:9.1f}")
    lines += [
        "",
        f"per draft (ms)        {'median':>8} {'p90':>8} {'p99':>8} {'mean':>8} {'max':>8}",
    ]
    blocks = [("", {"FIRST SIGHT review": results["fast_lane"]["first_sight"]})]
    blocks += [("", results["fast_lane"]["summary"])]
    blocks += [(f"{k}:", results[k]["summary"]) for k in ("proselint", "http") if k in results]
    if "proselint" in results:
        blocks.insert(
            -1 if "http" in results else len(blocks),
            ("mixed:", results["proselint"]["interleaved"]["summary"]),
        )
    for prefix, block in blocks:
        for name, s in block.items():
            label = f"{prefix}{name}"
            lines.append(
                f"  {label:<20} {s['median']:8.3f} {s['p90']:8.3f} {s['p99']:8.3f} "
                f"{s['mean']:8.3f} {s['max']:8.3f}"
            )
    lines += ["", "stages inside Coach.review (ms, from Review.timings):"]
    for stage, s in results["stages_ms"].items():
        lines.append(
            f"  {stage:<20} {s['median']:8.3f} {s['p90']:8.3f} {s['p99']:8.3f} {s['mean']:8.3f}"
        )
    styles = ", ".join(f"{k} {v:.0f}" for k, v in results["score_by_style"].items())
    lines += [f"  mean score by reply style: {styles}"]
    lines += ["", "ratios (same run; interleaved per draft unless marked alone):"]
    lines.append(f"  10k / 100 rules        {_ratio(results['fast_lane']['ratio_10k_vs_100'])}")
    lines.append(
        f"  parse / review         {_ratio(results['fast_lane']['parse_share_of_review'])}"
    )
    if "proselint" in results:
        lines.append(f"  proselint / review     {_ratio(results['proselint']['speedup'])}  (alone)")
        mixed = results["proselint"]["interleaved"]["speedup"]
        lines.append(f"  … interleaved          {_ratio(mixed)}  (each right after the other)")
    if "http" in results:
        lines.append(f"  http / review          {_ratio(results['http']['ratio_http_vs_review'])}")
    lines.append(f"  100 vs 10k findings    {results['same_findings_100_vs_10k']}")
    lines += ["", "targets:"]
    for t in results["targets"]:
        mark = "met " if t["met"] else "MISSED"
        lines.append(f"  [{mark}] {t['target']:<42} goal {t['goal']:<7} measured {t['measured']}")
    lines += ["", "profile: analyzer entry points by cumulative time (one cProfile pass):"]
    for e in results["profile"]["entry_points"]:
        lines.append(f"  {e['cumtime_ms_per_draft']:8.3f} ms/draft  {e['function']}")
    lines += ["profile: what grows from the 100- to the 10k-rule pack (cumulative):"]
    for e in results["profile"].get("scaling_growth", [])[:8]:
        lines.append(
            f"  {e['growth_ms_per_draft']:+8.3f} ms/draft  calls {e['calls_small']:>8} → "
            f"{e['calls_large']:>8}  {e['function']}"
        )
    lines += ["profile: top functions by own time:"]
    for e in results["profile"]["by_tottime"][:15]:
        lines.append(
            f"  {e['tottime_ms_per_draft']:8.3f} ms/draft own {e['cumtime_ms_per_draft']:8.3f} cum"
            f"  {e['calls']:>8} calls  {e['function']}"
        )
    return "\n".join(lines)


def _load(avg: Sequence[float]) -> str:
    return "/".join(f"{x:.2f}" for x in avg)


def _ratio(r: dict[str, float]) -> str:
    return (
        f"{r['of_medians']:.3f}× of medians, {r['of_means']:.3f}× of means, "
        f"{r['median_per_draft']:.3f}× median per draft"
    )


def profile(coach: Coach, requests: Sequence[CheckRequest], top: int) -> dict[str, Any]:
    """cProfile one pass over all drafts; costs are per draft (profiler overhead included)."""
    raw = _profiled(coach, requests)
    per = 1000 / len(requests)
    rows = [
        {
            "function": f"{_short(file)}:{line}({func})",
            "calls": calls,
            "tottime_ms_per_draft": round(tt * per, 4),
            "cumtime_ms_per_draft": round(ct * per, 4),
            "_entry": func in _ENTRY_POINTS and file.startswith(_REPO + "plugin/coach/"),
        }
        for (file, line, func), (_, calls, tt, ct, _) in raw.items()
    ]
    entry = sorted((r for r in rows if r["_entry"]), key=lambda r: -r["cumtime_ms_per_draft"])
    own = sorted(rows, key=lambda r: -r["tottime_ms_per_draft"])[:top]
    cum = sorted(
        (r for r in rows if r["function"].startswith("plugin/")),
        key=lambda r: -r["cumtime_ms_per_draft"],
    )[:top]
    for r in rows:
        del r["_entry"]
    return {"entry_points": entry, "by_tottime": own, "plugin_by_cumtime": cum}


def scaling_diff(
    small: Coach, large: Coach, requests: Sequence[CheckRequest], top: int = 10
) -> list[dict[str, Any]]:
    """Functions whose cumulative time grows most from the small to the large pack.

    Whatever shows up here iterates over the rules per draft instead of using
    the compiled matcher; that is what makes the 10k/100 ratio exceed 1.
    """
    costs = [_cumtimes(coach, requests) for coach in (small, large)]
    per = 1000 / len(requests)
    rows = [
        {
            "function": name,
            "growth_ms_per_draft": round((costs[1].get(name, (0.0, 0))[0] - c) * per, 4),
            "calls_small": n,
            "calls_large": costs[1].get(name, (0.0, 0))[1],
        }
        for name, (c, n) in costs[0].items()
    ]
    return sorted(rows, key=lambda r: -r["growth_ms_per_draft"])[:top]


def _profiled(
    coach: Coach, requests: Sequence[CheckRequest]
) -> dict[tuple[str, int, str], tuple[Any, ...]]:
    """cProfile's raw table for one pass of ``coach.review`` over ``requests``."""
    prof = cProfile.Profile()
    prof.enable()
    for req in requests:
        coach.review(req)
    prof.disable()
    raw: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    return raw


def _cumtimes(coach: Coach, requests: Sequence[CheckRequest]) -> dict[str, tuple[float, int]]:
    raw = _profiled(coach, requests)
    return {f"{_short(f)}:{line}({fn})": (v[3], v[1]) for (f, line, fn), v in raw.items()}


def _short(file: str) -> str:
    if file.startswith(_REPO):
        return file[len(_REPO) :]
    marker = "site-packages/"
    return file.split(marker, 1)[1] if marker in file else file
