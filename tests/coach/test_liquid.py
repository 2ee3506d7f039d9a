"""Placeholders and Liquid blocks are protected, found in time linear in the text."""

from __future__ import annotations

import time

from plugin.coach.draft import parse
from plugin.coach.liquid import blocks, placeholders, tokens


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


def test_draft_protects_the_whole_block() -> None:
    text = "{% if ticket.requester.first_name %}Hi there, friend{% else %}Hello{% endif %}\nThanks."
    draft = parse(text)
    inside = text.index("there")
    assert draft.is_protected(inside, inside + 5)
    assert not draft.is_protected(text.index("Thanks"), len(text))


def _seconds(text: str) -> float:
    start = time.perf_counter()
    tokens(text)
    list(blocks(text))
    return time.perf_counter() - start


def test_hostile_openers_cost_linear_time() -> None:
    for unit in (
        "{{",
        "{%",
        "{% if x %}",
        "{% endif %}{% if %}",
        "{% for a %}{% endfor %}{% endif %}",
    ):
        small, big = unit * 2_000, unit * 20_000
        assert _seconds(big) < max(0.05, 20 * _seconds(small))
