"""The benchmark corpus is deterministic, so figures from different runs compare."""

from __future__ import annotations

import json
from pathlib import Path

from bench.corpus import Item, generate, write


def test_same_seed_same_corpus() -> None:
    assert list(generate(60, seed=3)) == list(generate(60, seed=3))


def test_prefix_stable_and_seed_matters() -> None:
    assert list(generate(20, seed=3)) == list(generate(40, seed=3))[:20]
    assert list(generate(20, seed=3)) != list(generate(20, seed=4))


def test_lines_fit_the_cli_batch_format(tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    assert write(out, generate(50, seed=7)) == 50
    for line in out.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        assert set(item) == {"id", "draft", "customer_message", "format"}
        assert item["format"] in ("text", "html")
        assert item["draft"].strip() and item["customer_message"].strip()


def test_corpus_is_varied() -> None:
    items: list[Item] = list(generate(400, seed=7))
    assert len({i.draft for i in items}) == 400
    assert len({i.id.split("-")[1] for i in items}) >= 12  # scenarios
    assert {i.format for i in items} == {"text", "html"}
    words = sorted(len(i.draft.split()) for i in items)
    assert words[0] >= 25 and words[-1] >= 250
    assert any("{{ticket.requester.first_name}}" in i.draft for i in items)
