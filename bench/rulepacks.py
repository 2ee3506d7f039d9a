"""Synthetic rule packs of N rules for the rule-count scaling benchmark.

    python -m bench.rulepacks --n 10000 --out /tmp/pack-10000.yaml

A pack is the shipped pack (``plugin/coach/rulepacks/en.yaml``: its rules,
glossary and allowlist, so real matches still happen) followed by made-up
multiword literal phrases until it holds N rules. The made-up phrases use a
vocabulary the corpus never uses, so the 100- and 10,000-rule packs find the
same things in the same drafts and the timing ratio measures the matcher, not
extra findings. (``bench.run`` checks that and reports any difference.)
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from plugin.coach.model import MOVES

SHIPPED = Path(__file__).resolve().parent.parent / "plugin" / "coach" / "rulepacks" / "en.yaml"

# Made-up business words, chosen not to occur in bench.corpus output.
_FIRST = (
    "quarterly",
    "vendor",
    "ledger",
    "hyper",
    "omni",
    "synergy",
    "holistic",
    "legacy",
    "bespoke",
    "granular",
    "tiered",
    "agile",
    "siloed",
    "matrix",
    "upstream",
    "lateral",
    "frictionless",
    "bandwidth",
    "paradigm",
    "turnkey",
    "modular",
    "federated",
    "bundled",
    "phased",
    "gated",
    "pivotal",
    "scalable",
    "headless",
    "verbose",
    "canonical",
    "orthogonal",
    "ambient",
)
_MIDDLE = (
    "voucher",
    "onboarding",
    "playbook",
    "runbook",
    "cadence",
    "governance",
    "telemetry",
    "rollout",
    "handoff",
    "throughput",
    "roadmap",
    "alignment",
    "deliverable",
    "stakeholder",
    "taxonomy",
    "rubric",
    "heuristic",
    "backfill",
    "triage",
    "uplift",
    "offboarding",
    "cohort",
    "funnel",
    "workstream",
    "touchpoint",
    "blueprint",
    "baseline",
    "scorecard",
    "charter",
)
_LAST = (
    "reconciliation",
    "matrix",
    "protocol",
    "framework",
    "cycle",
    "cascade",
    "sync",
    "audit",
    "review",
    "window",
    "bucket",
    "pipeline",
    "ladder",
    "lane",
    "sprint",
    "checkpoint",
    "dashboard",
    "rota",
    "queue",
    "registry",
    "mandate",
    "memo",
    "digest",
    "huddle",
)
_LEADS = ("per the", "as per our", "circle back on the", "loop in the", "leverage the", "")
_CATEGORIES = ("tone", "jargon", "readability", "closing", "empathy", "next_steps")


def build(n: int, seed: int = 11, shipped: Path | None = SHIPPED) -> dict[str, Any]:
    """A pack (as parsed YAML) with the shipped rules plus synthetic ones: ``n`` rules in all.

    When the shipped pack already has ``n`` rules or more, no synthetic rule is
    added (the pack is then larger than ``n``; callers report the real count).
    """
    base = _shipped(shipped)
    rules: list[dict[str, Any]] = list(base.get("rules") or [])
    rng = random.Random(seed)
    phrases = _phrase_stream(rng)
    for i in range(max(0, n - len(rules))):
        rules.append(_rule(rng, i, [next(phrases) for _ in range(rng.randint(1, 3))]))
    return {
        "version": f"bench-{n}-{seed}",
        "locale": base.get("locale", "en"),
        "rules": rules,
        "glossary": list(base.get("glossary") or []),
        "allowlist": list(base.get("allowlist") or []),
    }


def _shipped(path: Path | None) -> dict[str, Any]:
    if path is None or not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def _phrase_stream(rng: random.Random) -> Any:
    """Unique made-up phrases: 2–4 words, sometimes after a corporate lead-in."""
    seen: set[str] = set()
    while True:
        words = [rng.choice(_FIRST), rng.choice(_MIDDLE), rng.choice(_LAST)]
        if rng.random() < 0.3:
            words = words[1:]
        lead = rng.choice(_LEADS)
        phrase = f"{lead} {' '.join(words)}".strip()
        if phrase not in seen:
            seen.add(phrase)
            yield phrase


def _rule(rng: random.Random, i: int, phrases: list[str]) -> dict[str, Any]:
    """One synthetic rule in the shipped schema, with examples like a real rule."""
    is_move = rng.random() < 0.15
    rule: dict[str, Any] = {
        "id": f"bench-synthetic-{i:05d}",
        "category": "empathy" if is_move else rng.choice(_CATEGORIES),
        "kind": "move" if is_move else "avoid",
        "move": rng.choice(MOVES) if is_move else None,
        "phrases": phrases,
        "severity": rng.choice(("info", "warning", "warning", "error")),
        "message": f"Synthetic rule {i}: avoid “{phrases[0]}”.",
        "why": "Benchmark filler: measures matcher cost against rule count.",
        "examples": {"bad": [f"We will {phrases[0]} today."], "good": ["We will fix it today."]},
    }
    if not is_move and rng.random() < 0.3:
        rule["replacement"] = ["our plan"]
    return rule


def write(path: Path, data: dict[str, Any]) -> None:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: 10k rules fast
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Write a synthetic rule pack of N rules.")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    data = build(args.n, args.seed)
    write(args.out, data)
    print(f"wrote {len(data['rules'])} rules to {args.out}")


if __name__ == "__main__":
    main()
