"""The fast lane's cost grows with the draft, not its square (issue #8).

A draft made of one fragment repeated — the shape every quadratic case had
("x" * 20000, "{{" * 10000, a blame phrase hundreds of times) — is reviewed at
400 characters and at the size limit, 20,000: the second may cost at most
60 times the first (the size grows 50 times). Costs are medians of CPU time
over three first-sight runs (caches of earlier runs forgotten): a shared
machine's load changes wall time, not the work done. The smaller cost is
floored at 0.25 ms, so noise in a tiny figure cannot fail the bound; a
quadratic scan misses it by a factor of 100 or more.
"""

from __future__ import annotations

import statistics
from time import thread_time_ns

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from bench.pathological import first_sight
from bench.pathological_corpus import repeat
from plugin.coach import lexicon
from plugin.coach.draft import DraftError, Format
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.rules import load_pack

SMALL, LARGE = 400, 20_000
MAX_RATIO = 60.0
FLOOR_MS = 0.25
RUNS = 3

# What made a scan quadratic before, mixed with ordinary words and random text.
_ATOMS = st.sampled_from(
    [
        "x", "X", "*", "•", "a", "1", "#", "@", ".", ",", "-", "'", ">", "<", "&", " ", "\n",
        "\r", "\t", "\u00a0", "😀", "İ", "e\u0301", "<a ", '<a title="', "<!--", "<li>", "{{",
        "{%", "}}", "http://", "www.", "a.", "1,", " usd", "order ", "ending in ", "> ", "- ",
        "1. ", "e.g. ", "Mr. ", "(ABC) ", "You should have read the guide. ",
        "There is nothing we can do. ", "Please calm down. ", "I'm so sorry. ", "teh ",
    ]
)  # fmt: skip
_FRAGMENTS = st.lists(st.one_of(_ATOMS, st.text(min_size=1, max_size=6)), min_size=1, max_size=4)


@pytest.fixture(scope="module")
def coach() -> Coach:
    lexicon.warm()
    return Coach(load_pack(None))


def cost_ms(coach: Coach, request: CheckRequest, limit_ms: float | None = None) -> float:
    """Median CPU ms of first-sight reviews; stops early once a run is far over ``limit_ms``."""
    samples = []
    for _ in range(RUNS):
        first_sight(coach)
        start = thread_time_ns()
        coach.review(request)
        samples.append((thread_time_ns() - start) / 1e6)
        if limit_ms is not None and samples[-1] > 5 * limit_ms:
            break  # quadratic: no need to wait for two more runs of it
    return statistics.median(samples)


def check_ratio(coach: Coach, unit: str, fmt: Format) -> None:
    small = CheckRequest(repeat(unit)(SMALL), fmt)
    try:
        coach.parse(small)
    except DraftError:
        assume(False)  # nothing to coach (white space or bare markup)
    base = max(cost_ms(coach, small), FLOOR_MS)
    large = cost_ms(coach, CheckRequest(repeat(unit)(LARGE), fmt), limit_ms=base * MAX_RATIO)
    assert large <= base * MAX_RATIO, f"{large:.1f} ms at {LARGE} vs {base:.2f} ms at {SMALL}"


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(_FRAGMENTS, st.sampled_from(["text", "html"]))
@example(["x"], "text")
@example(["•"], "text")
@example(['<a title="', "x" * 40], "text")
@example(['Hi <a title="', "x" * 40], "html")
@example(["<li>a"], "html")
@example(["{{"], "text")
@example(["You should have read the guide. "], "text")
def test_repeated_fragments_cost_linear_time(
    coach: Coach, fragments: list[str], fmt: Format
) -> None:
    check_ratio(coach, "".join(fragments), fmt)


@pytest.mark.parametrize("unit", ["Please calm down. ", "There is nothing we can do. "])
def test_a_draft_of_hundreds_of_anti_patterns_stays_under_100_ms(coach: Coach, unit: str) -> None:
    request = CheckRequest(repeat(unit)(LARGE))
    assert cost_ms(coach, request) < 100
    review = coach.review(request)
    assert len(review.findings) == 100  # MAX_FINDINGS, in reading order
    assert review.notes == ("Only the first 100 findings are shown.",)
    assert review.findings[0].suggestions  # the first ones still carry a checked rewrite
