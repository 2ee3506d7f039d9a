"""The quality benchmark as a regression test: it fails when coaching quality drops.

The self-written set (bench/quality_cases.jsonl, written for this test) must meet the
issue's targets; the development sets in ../shared/data must stay at or above the
floors recorded in bench/quality.py. Missing data is a failure, never a skip.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from bench import quality


@pytest.fixture(scope="module")
def dev_figures() -> dict[str, Any]:
    folder = quality.data_dir(os.environ.get("COACH_QUALITY_DATA"))
    if folder is None:
        pytest.fail(
            "the quality test needs ../shared/data (real-replies-dev, email-cases-dev) beside "
            "the repository, or COACH_QUALITY_DATA pointing at it"
        )
    return quality.run(folder)


def test_self_written_cases_meet_the_targets() -> None:
    figures = quality.run(None)
    assert quality.misses(figures, quality.OWN_TARGETS) == [], figures["own"]["failures"]


def test_dev_sets_do_not_fall_below_their_floors(dev_figures: dict[str, Any]) -> None:
    assert quality.misses(dev_figures, quality.FLOORS) == []


def test_the_score_separates_excellent_from_bad_replies(dev_figures: dict[str, Any]) -> None:
    medians = dev_figures["cases"]["median"]
    assert medians["excellent"] - medians["bad"] >= 20
    assert medians["excellent"] > medians["good"] > medians["bad"]


def test_misses_names_each_unmet_bound() -> None:
    figures = {"own": {"met": 0.5, "false_alarms": 0.0, "median": {"excellent": 95, "bad": 70}}}
    missed = quality.misses(figures, quality.OWN_TARGETS)
    assert [m.split(" = ")[0] for m in missed] == ["own.met", "own.median.bad"]
