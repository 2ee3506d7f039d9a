"""Every suggestion the macro lint offers keeps every placeholder and Liquid tag byte for
byte, and adds no sentence inside a Liquid block: on every recorded macro, and on
generated macros full of placeholders."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from macro_fixtures import REPLIES, macro
from macro_server import recorded_macros

from plugin.coach.edits import apply
from plugin.coach.model import Edit
from plugin.coach.review import Coach
from plugin.coach.rules import load_pack
from plugin.macros.lint import lint_macro
from plugin.macros.liquid import blocks, placeholders, tokens
from plugin.macros.writeback import plan
from plugin.zendesk.macros import parse_macro

COACH = Coach(load_pack())


def _sources(m: Any) -> dict[str, str]:
    return {"comment_value": m.text or "", "comment_value_html": m.html or ""}


def _assert_placeholders_kept(raw: dict[str, Any]) -> int:
    """Apply each offered suggestion alone; return how many were checked."""
    m = parse_macro(raw)
    report = lint_macro(COACH, m)
    checked = 0
    for body in report.bodies:
        source = _sources(m)[body.field]
        before = [source[s:e] for s, e in tokens(source)]
        inside = list(blocks(source))
        for f in body.findings:
            for s in f["suggestions"]:
                if f["end"] <= f["start"]:  # an added sentence: never inside a branch
                    assert not any(bs < e["start"] < be for e in s["edits"] for bs, be in inside), (
                        f["rule_id"],
                        source,
                    )
                after = apply(source, [Edit(**e) for e in s["edits"]])
                pos = 0  # each placeholder and Liquid tag, in order, byte for byte
                for kept in before:
                    pos = after.find(kept, pos)
                    assert pos >= 0, (s["label"], kept, after)
                    pos += len(kept)
                assert len(placeholders(after)) >= len(tokens(source))
                checked += 1
    return checked


def test_every_recorded_macro_keeps_its_placeholders() -> None:
    raws = recorded_macros() + [macro(n) for n in range(len(REPLIES))]
    assert any("{{" in str(r["actions"]) for r in raws)
    assert sum(_assert_placeholders_kept(r) for r in raws) > 0


PLACEHOLDER = st.sampled_from(
    [
        "{{ticket.requester.first_name}}",
        "{{ticket.requester.name}}",
        "{{current_user.first_name}}",
        "{{ ticket.id }}",
        "{{dc.refund_policy}}",
        "{{ticket.requester.first_name | capitalize}}",
        "{% if ticket.requester.first_name %}Hi {{ticket.requester.first_name}}"
        "{% else %}Hi{% endif %}",
        "{% unless ticket.organization %}you{% endunless %}",
        "{% if ticket.via == 'web' %}Unfortunately you should have read the manual.{% endif %}",
        "{% case ticket.priority %}{% when 'urgent' %}We cannot do that ASAP.{% endcase %}",
        "{% for c in ticket.comments %}{{c.author.name}}{% endfor %}",
    ]
)
WORDS = st.sampled_from(
    [
        "Hello,",
        "Dear customer,",
        "Unfortunately",
        "you should have",
        "read the manual.",
        "We cannot do that",
        "as per our policy.",
        "Please be advised that",
        "your refund",
        "will be processed",
        "Thanks for waiting.",
        "I will update you tomorrow.",
        "Sorry about that!",
        "\n\n",
        "Regards,",
        "the API key",
        "utilize",
        "ASAP",
    ]
)
PIECES = st.lists(st.one_of(PLACEHOLDER, WORDS), min_size=2, max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PIECES, st.booleans())
def test_generated_macros_keep_every_placeholder(pieces: list[str], as_html: bool) -> None:
    text = " ".join(pieces)
    if as_html:
        actions = [{"field": "comment_value_html", "value": f"<p>{text}</p>"}]
    else:
        actions = [{"field": "comment_value", "value": ["channel:all", text]}]
    _assert_placeholders_kept(macro(7, actions=actions))


# The first fixture reply already thanks, owns the fix and leaves the door open: the
# coach rightly has nothing to suggest there, so only its placeholders are checked.
@pytest.mark.parametrize("reply", REPLIES[1:])
def test_fixture_replies_offer_suggestions_that_are_checked(reply: str) -> None:
    assert (
        _assert_placeholders_kept(macro(1, actions=[{"field": "comment_value", "value": reply}]))
        >= 1
    )


def test_a_well_written_fixture_reply_keeps_its_placeholders() -> None:
    _assert_placeholders_kept(macro(1, actions=[{"field": "comment_value", "value": REPLIES[0]}]))


def _compatible(report: dict[str, Any]) -> list[str]:
    """A greedy set of offered suggestions whose edits do not overlap, one per finding."""
    taken: list[tuple[str, int, int]] = []
    chosen = []
    for body in report["bodies"]:
        for f in body["findings"]:
            for s in f["suggestions"][:1]:
                spans = [(body["field"], e["start"], e["end"]) for e in s["edits"]]
                clash = any(
                    fa == fb and a < d and c < b or (fa == fb and a == b == c == d)
                    for fa, a, b in spans
                    for fb, c, d in taken
                )
                if not clash:
                    taken.extend(spans)
                    chosen.append(s["id"])
    return chosen


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PIECES)
def test_a_write_back_of_many_fixes_at_once_keeps_every_placeholder(pieces: list[str]) -> None:
    text = " ".join(pieces)
    m = parse_macro(macro(8, actions=[{"field": "comment_value", "value": text}]))
    chosen = _compatible(lint_macro(COACH, m).to_dict())
    if not chosen:
        return
    result = plan(COACH, m, chosen)  # raises PlanError if a placeholder would change
    after = result.after_actions[0]["value"]
    pos = 0
    for s, e in tokens(text):
        pos = after.find(text[s:e], pos)
        assert pos >= 0
        pos += e - s
