"""Timing helpers: per-input medians over repetitions, interleaved variants, summaries.

The machine is shared, so every figure is the median of several repetitions per
input, and variants compared as a ratio run interleaved (A B C, then B C A on
the next repetition, for every input) so a burst of load hits both sides of the
ratio alike.
"""

from __future__ import annotations

import gc
import statistics
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from time import perf_counter_ns
from typing import Any, TypeVar

T = TypeVar("T")
NS_PER_MS = 1_000_000


@contextmanager
def gc_paused() -> Iterator[None]:
    """No collector pauses inside a timing loop; collect before and after instead."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


def once_ms(fn: Callable[[], object]) -> float:
    """Wall time of one call, for one-time loads (never repeated: a second call hits caches)."""
    start = perf_counter_ns()
    fn()
    return (perf_counter_ns() - start) / NS_PER_MS


def per_input_ms(
    variants: Mapping[str, Callable[[T], object]],
    inputs: Sequence[T],
    repeat: int,
    before: Callable[[], object] | None = None,
    prime: Callable[[T], object] | None = None,
) -> dict[str, list[float]]:
    """For each variant, the median (over ``repeat`` runs) ms for every input, in input order.

    ``before`` runs untimed before every timed call, e.g. to clear a per-input
    cache so the variant timed second on an input does not ride on the first.
    ``prime`` runs untimed once per input and repetition before the variants:
    whichever call touches a draft first pays ~0.2 ms more (CPU caches), and
    without a prime that penalty lands on whichever variant happens to go first.
    The order rotates every repetition so no variant always follows another.
    """
    names = list(variants)
    samples: dict[str, list[list[int]]] = {n: [[] for _ in inputs] for n in names}
    for r in range(repeat):
        fns = [(variants[n], samples[n]) for n in _rotated(names, r)]
        with gc_paused():
            for i, item in enumerate(inputs):
                if prime is not None:
                    prime(item)
                for fn, out in fns:
                    out[i].append(_time_one(fn, item, before))
    return _medians_ms(samples)


def per_pass_ms(
    variants: Mapping[str, Callable[[T], object]],
    inputs: Sequence[T],
    repeat: int,
    before: Callable[[], object] | None = None,
) -> dict[str, list[float]]:
    """Like ``per_input_ms``, but each variant runs over *all* inputs in one pass.

    For comparing two different programs: interleaved per input, each runs right
    after the other and pays for what the other left in the CPU caches, which hits
    the one with the larger working set harder; alone in its pass, each runs as it
    would in service. Passes alternate (A B, then B A) so load drift hits both alike.
    """
    names = list(variants)
    samples: dict[str, list[list[int]]] = {n: [[] for _ in inputs] for n in names}
    for r in range(repeat):
        for name in _rotated(names, r):
            fn, out = variants[name], samples[name]
            with gc_paused():
                for i, item in enumerate(inputs):
                    out[i].append(_time_one(fn, item, before))
    return _medians_ms(samples)


def _rotated(names: list[str], r: int) -> list[str]:
    """The order for repetition ``r``: A B C, then B C A, ... so none always goes first."""
    return names[r % len(names) :] + names[: r % len(names)]


def _time_one(fn: Callable[[T], object], item: T, before: Callable[[], object] | None) -> int:
    if before is not None:
        before()
    start = perf_counter_ns()
    fn(item)
    return perf_counter_ns() - start


def _medians_ms(samples: Mapping[str, list[list[int]]]) -> dict[str, list[float]]:
    return {n: [statistics.median(s) / NS_PER_MS for s in per] for n, per in samples.items()}


def warm_up(fns: Sequence[Callable[[T], object]], inputs: Sequence[T]) -> None:
    """Run every function on every input once so caches, lazy loads and JIT-less
    interpreter state (specialised bytecode) are in their steady state."""
    for item in inputs:
        for fn in fns:
            fn(item)


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100) of unsorted ``values``."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def summary(ms: Sequence[float]) -> dict[str, Any]:
    return {
        "n": len(ms),
        "median": round(statistics.median(ms), 4),
        "p90": round(percentile(ms, 90), 4),
        "p99": round(percentile(ms, 99), 4),
        "mean": round(statistics.fmean(ms), 4),
        "max": round(max(ms), 4),
    }


def ratio(numerator: Sequence[float], denominator: Sequence[float]) -> dict[str, float]:
    """Ratios of paired per-input times: of medians, of means, and the median per-input ratio."""
    per_input = [a / b for a, b in zip(numerator, denominator, strict=True) if b > 0]
    return {
        "of_medians": round(statistics.median(numerator) / statistics.median(denominator), 3),
        "of_means": round(statistics.fmean(numerator) / statistics.fmean(denominator), 3),
        "median_per_draft": round(statistics.median(per_input), 3),
    }
