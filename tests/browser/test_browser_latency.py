"""(c) Feedback latency: last keystroke / change event -> findings on screen, debounce included.

Measured in the page with performance.now() (coach.js records it on the frame after the
DOM update). Target is 150 ms; the assertion is a generous bound so a busy machine does
not make the test flaky. The medians are printed and written to /tmp for bench/README.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import COLD_DRAFT, median, open_playground, open_sidebar, wait_checked

RUNS = 9
BOUND_MS = 1000.0
RESULTS = Path("/tmp/reply-coach-latency.json")


def _record(name: str, values: list[float], capsys: pytest.CaptureFixture[str]) -> float:
    med = median(values)
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data[name] = {"median_ms": round(med, 1), "runs_ms": [round(v, 1) for v in values]}
    RESULTS.write_text(json.dumps(data, indent=2))
    with capsys.disabled():
        print(f"\n[latency] {name}: median {med:.1f} ms over {len(values)} runs {data[name]}")
    return med


def test_playground_feedback_latency(
    live_server: str, page_factory: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    page, _ = page_factory(1100)
    open_playground(page, live_server)
    page.fill("#rc-draft", COLD_DRAFT)
    wait_checked(page, COLD_DRAFT)
    page.focus("#rc-draft")
    latencies = []
    for run in range(RUNS):
        before = page.evaluate("() => window.replyCoach.metrics.length")
        page.keyboard.press("End")
        page.keyboard.type(f" Run{run}.", delay=15)  # keystrokes inside the debounce window
        text = page.input_value("#rc-draft")
        wait_checked(page, text, after=before)
        latencies.append(page.evaluate("() => window.replyCoach.metrics.at(-1).latency"))
    assert _record("playground", latencies, capsys) < BOUND_MS


def test_sidebar_feedback_latency(
    live_server: str, harness_server: str, page_factory: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    page, _ = page_factory(1000)
    frame = open_sidebar(page, harness_server, live_server)
    page.evaluate("t => harness.typeDraft(t)", COLD_DRAFT)
    wait_checked(frame, COLD_DRAFT)
    in_page, from_host = [], []
    for run in range(RUNS):
        before = frame.evaluate("() => window.replyCoach.metrics.length")
        # Four change events 15 ms apart, as Zendesk's editor sends while the agent types.
        text = page.evaluate(
            """async ([base, run]) => {
                let t = base;
                for (const ch of ` Run${run}`.slice(0, 4)) {
                    t += ch; harness.typeDraft(t);
                    await new Promise(r => setTimeout(r, 15));
                }
                t += `${run}.`; harness.typeDraft(t);
                return t;
            }""",
            [COLD_DRAFT, run],
        )
        wait_checked(frame, text, after=before)
        metric = frame.evaluate("() => window.replyCoach.metrics.at(-1)")
        fired = page.evaluate("() => harness.state.fired.at(-1).at")
        in_page.append(metric["latency"])
        from_host.append(metric["at"] - fired)  # includes the postMessage hop
    assert _record("sidebar", in_page, capsys) < BOUND_MS
    assert _record("sidebar_from_host_event", from_host, capsys) < BOUND_MS
