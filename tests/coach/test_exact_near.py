"""The exactness check matches only near an edit; it must judge exactly like matching
the whole window around it (the reference path, still used near the reply's start)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugin.coach import exact
from plugin.coach.draft import parse
from plugin.coach.model import Edit
from plugin.coach.rules import load_pack

PACK = load_pack()
PIECES = [
    "Hi there, thanks for writing in.",
    "As I said before, we can't change the plan.",
    "I understand how annoying this must be.",
    "Please calm down so we can continue.",
    "Your feedback has been noted and passed to the relevant team.",
    "It's against our policy, which is not something we can help with.",
    "We cannot refund it, but I can send a voucher today.",
    "The parcel should be sorted soon.",
    "Let me know if there's anything else.",
]
REPLACEMENTS = ["", "we can't", "simply", "as per my last email", "so", "I can help", "."]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=12),
    st.data(),
)
def test_near_matching_judges_like_the_whole_window(pieces: list[str], data: st.DataObject) -> None:
    draft = parse(" ".join(pieces))
    n = len(draft.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, min(n, start + 30)))
    edits = (Edit(start, end, data.draw(st.sampled_from(REPLACEMENTS))),)
    keys = sorted(exact._draft_keys(PACK, draft.text))
    gone = data.draw(st.sampled_from([None, *keys]))
    near = exact.keeps_the_rest(draft, PACK, edits, gone)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(exact, "_after_keys", lambda *_: None)  # the reference: whole window
        exact._window_keeps.cache_clear()
        assert exact.keeps_the_rest(draft, PACK, edits, gone) == near


def test_matches_near_holds_every_match_whose_spread_reaches_the_span() -> None:
    avoid = PACK.avoid_only
    text = " ".join(PIECES * 3)
    everything = avoid.matches(text)
    for lo in range(0, len(text), 97):
        found, _ = avoid.matches_near(text, lo, lo + 5)
        assert found <= everything
        spread = avoid.spread
        assert {
            m
            for m in everything
            if m.start - spread[m.rule.id] <= lo + 5 and m.end + spread[m.rule.id] >= lo
        } <= found
