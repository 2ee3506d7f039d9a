"""Placeholders, Liquid tags and blocks, found in time linear in the text."""

from __future__ import annotations

import time

import pytest

from plugin.coach.draft import parse
from plugin.macros.liquid import blocks, placeholders, tokens


def test_tokens_cover_placeholders_filters_and_tags() -> None:
    text = "Hi {{ ticket.requester.first_name | capitalize }}, see {{dc.refund_terms}} {% raw %}"
    assert placeholders(text) == [
        "{{ ticket.requester.first_name | capitalize }}",
        "{{dc.refund_terms}}",
        "{% raw %}",
    ]


def test_an_if_block_is_one_span_nested_blocks_included() -> None:
    text = (
        "A {% if a %}x {% for i in list %}{{i}}{% endfor %} y{% else %}z{% endif %} B"
        " {% unless b %}c{% endunless %}"
    )
    spans = sorted(blocks(text))
    outer = text.index("{% if"), text.index("{% endif %}") + len("{% endif %}")
    assert outer in spans
    assert (text.index("{% unless"), len(text)) in spans


def test_a_closer_without_opener_and_an_opener_never_closed_protect_only_themselves() -> None:
    text = "one {% endif %} two {% if x %} three"
    assert list(blocks(text)) == []
    assert len(tokens(text)) == 2


def test_the_draft_protects_every_tag_and_still_coaches_the_branches() -> None:
    text = "{% if ticket.requester.first_name %}Hi there, friend{% else %}Hello{% endif %}\nThanks."
    draft = parse(text)
    for start, end in tokens(text):
        assert draft.is_protected(start, end)
    inside = text.index("there")
    assert not draft.is_protected(inside, inside + 5)  # a branch's prose is coached


HOSTILE = ("{{", "{%", "{% if x %}", "{% endif %}{% if %}", "{% for a %}{% endfor %}{% endif %}")


@pytest.mark.parametrize("unit", HOSTILE)
def test_hostile_openers_cost_linear_time(unit: str) -> None:
    # 300,000 characters: one pass takes a fraction of a second even on a busy machine;
    # rescanning the rest of the text from every opener would take many seconds.
    text = unit * (300_000 // len(unit))
    start = time.perf_counter()
    tokens(text)
    list(blocks(text))
    assert time.perf_counter() - start < 2.0
