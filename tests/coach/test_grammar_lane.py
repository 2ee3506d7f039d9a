"""The slow lane reads each suggested sentence with LanguageTool and drops those it
objects to; tested against a LanguageTool-speaking HTTP server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fake_languagetool import OBJECT_TO, serve

from plugin.coach import languagetool
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.rules import load_pack
from plugin.coach.suggest import grammar_lane

DRAFT = (
    "Hello,\n\nPer our policy, a photo is needed first. Could you send me a photo of the box?"
    "\n\nBest,\nSam"
)
MESSAGE = "My parcel arrived broken and nobody answers!!!"


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, list[str]]]:
    monkeypatch.setattr(languagetool, "_slots", {})
    with serve() as running:
        yield running


def test_a_suggested_sentence_languagetool_objects_to_is_returned(
    server: tuple[str, list[str]],
) -> None:
    url, seen = server
    findings = Coach(load_pack()).review(CheckRequest(DRAFT, "text", MESSAGE)).findings
    owned = next(f for f in findings if f.rule_id == "missing-ownership")
    assert OBJECT_TO in owned.suggestions[0].edits[0].replacement
    objected = grammar_lane.objections(DRAFT, "text", findings, url, 5.0)
    assert ("missing-ownership", owned.start, owned.end, owned.suggestions[0].label) in objected
    assert {k[0] for k in objected} == {"missing-ownership"}
    # one request, and the slot went as a sample time, never as braces
    assert len(seen) == 1 and "{" not in seen[0] and "it keeps your account safe" in seen[0]


def test_an_error_already_in_the_agents_words_drops_nothing(
    server: tuple[str, list[str]],
) -> None:
    url, _ = server
    draft = "Hello,\n\nWe will see it through. Could you send me a photo?\n\nBest,\nSam"
    findings = Coach(load_pack()).review(CheckRequest(draft, "text", MESSAGE)).findings
    objected = grammar_lane.objections(draft, "text", findings, url, 5.0)
    assert all(k[0] != "missing-next_steps" for k in objected)


def test_no_server_objects_to_nothing() -> None:
    findings = Coach(load_pack()).review(CheckRequest(DRAFT, "text", MESSAGE)).findings
    assert grammar_lane.objections(DRAFT, "text", findings, "", 1.0) == []
    assert grammar_lane.objections(DRAFT, "text", findings, "http://127.0.0.1:9", 0.5) == []
