"""A check with a stored, scoped pack vs the same check with the file pack.

    .venv/bin/python -m bench.store_pack [--n 300] [--repeat 5] [--database-url URL]

The stored pack is the shipped pack seeded into a database (SQLite in a temp dir by
default; PostgreSQL with ``--database-url``) plus overrides for one brand, one group
and one channel that change severities, messages, a glossary term and set a threshold (to
its default) but not what is matched, so both sides do the same work. Per draft, interleaved:

    file        Coach(load_pack()).review(draft)                  (today's path)
    store       CompiledPacks.get(scope).coach.review(draft)      TTL 1 s: the usual case
    store_ttl0  the same with TTL 0: a version-number query on every check (worst case)
    file_after_query  the version query, then the file pack's check: what the query costs
    stored_coach_direct  the stored pack's compiled coach called directly (no lookup)

plus the one-time cost of compiling a new version for a scope and of the version query.
See bench/README.md ("Stored, scoped packs").
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import timeit
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from time import perf_counter_ns
from typing import Any

from bench.corpus import generate
from bench.timing import once_ms, per_input_ms, ratio, summary, warm_up
from plugin.coach import lexicon, mood
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.rules import load_pack
from plugin.store import migrate
from plugin.store.compiled import CompiledPacks
from plugin.store.db import Database
from plugin.store.packs import PackStore
from plugin.store.records import Author
from plugin.store.scopes import ScopeQuery

WHERE = ScopeQuery(brand="360", group="12", channel="email")
LAYERS: dict[str, dict[str, Any]] = {
    "brand:360": {
        "rules": [{"id": "thanks-for", "severity": "warning", "message": "Say thanks, warmly."}],
        "glossary": [{"term": "RMA", "plain": "return number"}],
    },
    "group:12": {"rules": [{"id": "thanks-for", "severity": "error"}]},
    # the default value, set by a scope: provenance and settings are exercised, the work is not
    "channel:email": {"settings": {"max_sentence_words": 25}},
}


def _clear() -> None:
    mood.analyze.cache_clear()  # every timed check is the first of its draft (bench.run)


def _found(coach: Coach, request: CheckRequest) -> list[tuple[str, int, int]]:
    return [(f.rule_id, f.start, f.end) for f in coach.review(request).findings]


def _version_query_ms(store: PackStore, account: str, n: int = 200) -> float:
    times = []
    for _ in range(n):
        start = perf_counter_ns()
        store.head_number(account)
        times.append((perf_counter_ns() - start) / 1e6)
    return round(statistics.median(times), 4)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--database-url", default="")
    args = ap.parse_args(argv)

    lexicon.warm()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"
    db = Database.connect(url)
    migrate.upgrade(db.engine)
    store = PackStore(db)
    account = f"bench-{uuid.uuid4().hex[:8]}"  # its own account: a shared database is left alone
    store.seed(account)
    store.save(account, base=1, author=Author(1, "bench"), layers=LAYERS)
    cached = CompiledPacks(store, account, ttl=1.0)
    fresh = CompiledPacks(store, account, ttl=0.0)
    one_time = {
        "compile_scoped_version_ms": round(once_ms(lambda: cached.get(WHERE)), 1),
        "version_query_ms": _version_query_ms(store, account),
        "lookup_us": round(timeit.timeit(lambda: cached.get(WHERE), number=10_000) * 100, 2),
    }
    fresh.get(WHERE)
    file_coach = Coach(pack=load_pack())
    requests = [
        CheckRequest(
            draft=i.draft,
            format="html" if i.format == "html" else "text",
            customer_message=i.customer_message,
        )
        for i in generate(args.n, seed=7)
    ]
    variants: dict[str, Callable[[CheckRequest], object]] = {
        "file": file_coach.review,
        "store": lambda r: cached.get(WHERE).coach.review(r),
        "store_ttl0": lambda r: fresh.get(WHERE).coach.review(r),
        "file_after_query": lambda r: (store.head_number(account), file_coach.review(r)),
    }
    stored = cached.get(WHERE).coach
    variants["stored_coach_direct"] = stored.review
    warm_up(list(variants.values()), requests[:100])
    differing = sum(_found(file_coach, r) != _found(stored, r) for r in requests)

    def prime(r: CheckRequest) -> None:  # both packs hot, so neither rides on the other
        file_coach.review(r)
        stored.review(r)

    ms = per_input_ms(variants, requests, args.repeat, before=_clear, prime=prime)
    print(f"{db.backend}, {args.n} drafts x {args.repeat}, interleaved per draft")
    print("| per check (ms) | median | p90 | p99 | mean |\n|---|---|---|---|---|")
    for name, values in ms.items():
        s = summary(values)
        print(f"| {name} | {s['median']:.3f} | {s['p90']:.3f} | {s['p99']:.3f} | {s['mean']:.3f} |")
    for name in ("store", "store_ttl0", "file_after_query", "stored_coach_direct"):
        print(f"{name} / file: {ratio(ms[name], ms['file'])}")
    print(f"drafts whose findings (rule, span) differ between the two packs: {differing}")
    print(f"one-time: {one_time}; compiles: {cached.compiles} (ttl 1 s), {fresh.compiles} (ttl 0)")
    db.dispose()


if __name__ == "__main__":
    main()
