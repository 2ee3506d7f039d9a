"""The word kinds only skip scans that could credit nothing (``moves.kinds``)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from plugin.coach.draft import parse
from plugin.coach.model import MoveHit
from plugin.coach.moves import courtesy, kinds, reassure, restate
from plugin.coach.moves.tokens import Tokens, read

# Pieces that start, end, split or glue words around the patterns' literals, "|" apart.
_BAR = "|"
_PIECES = (
    "frustrat|ing|worried|fed| up|up|set|nerve|-wrack|concern|thank|s| you|ty|thx|tysm"
    "|appreciate|d|grateful|is| safe|secure|protect|ed| isn't |affected|carr|ies|y over|stay"
    "| on file|rest| assured|we| won't |charge|you| don't need to|no| |  |-|'|’|ʼ|‘|.|,|\n|\t"
    "|x|K|İ|_|2|@sam |Hi |!|there|'s| is| no need to|nothing| was lost| fees| will be| will"
    "|'ll never| never | not | cancel|I|are| out of pocket"
    # whole phrases, so that glue lands right before and after them
    "|That is frustrating|you're fed up|Thanks|thank you|is still safe|isn't affected|rest "
    "assured|carries over|stays on file|there's no need to|there is no fee|nothing was lost"
    "|no fees will be|we won't charge|i'll never cancel|we will not chase|you don't need to"
).split(_BAR)


def _all(t: Tokens) -> list[MoveHit]:
    return [*courtesy.validate(t), *courtesy.thanks(t), *reassure.reassure(t)]


def _unskipped(t: Tokens) -> list[MoveHit]:
    t.kinds = -1  # every kind: each pattern scans
    return _all(t)


@settings(max_examples=1500, deadline=None)
@example("Okʼrest assured, that is all.")  # "ʼ" is a letter in the word, "'" once folded
@example("All-safe: it is safe-ish and it'll stay on file")
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14).map("".join))
def test_skipping_by_word_kind_credits_the_same_moves(text: str) -> None:
    draft = parse(text)
    assert _all(read(draft)) == _unskipped(read(draft))


@pytest.mark.parametrize(
    ("text", "move"),
    [
        ("I know you're fed up with this.", "validate"),
        ("That sounds so nerve-wracking.", "validate"),
        ("Things have been a bit self-worrying, it's frustrating-ly slow.", "validate"),
        ("Mike - thanks!", "thanks"),
        ("Ty!", "thanks"),
        ("Your discount is still protected.", "reassure"),
        ("Your booking isn't affected.", "reassure"),
        ("Rest assured, your points carry over.", "reassure"),
        ("You won't need to pay again.", "reassure"),
        ("There's no need to send it again.", "reassure"),
        ("Nothing was lost.", "reassure"),
        ("No further payments will be taken.", "reassure"),
        ("We will never charge you for it.", "reassure"),
        ("We won't cancel it.", "reassure"),
        ("We will not cancel it.", "reassure"),
    ],
)
def test_words_of_each_kind_still_credit_their_move(text: str, move: str) -> None:
    assert move in {h.move for h in _all(read(parse(text)))}


def test_a_reply_without_those_words_has_no_kind() -> None:
    t = read(parse("Hi Sam, your order shipped today and should arrive on Monday."))
    assert t.kinds == 0
    assert kinds.KINDS["well-fed"] & kinds.FEEL  # a segment after a hyphen counts
    assert not kinds.KINDS["type"] & kinds.THANK  # "ty" only as a whole segment


_WORDS = "parcel|parcels|order|ordered|delivery|delivered|refund|fix|fixed|app|apps|card|late|box|"


@settings(max_examples=400, deadline=None)
@example(["we", "parcel", "order", "refund", "card"], ["card", "refund", "order", "parcels"])
@given(
    st.lists(st.sampled_from((_WORDS + "the|we|. |, |-|Wi-Fi|Ünïcode").split(_BAR)), max_size=30),
    st.lists(st.sampled_from(_WORDS.split(_BAR)), min_size=1, max_size=12),
)
def test_overlap_skipped_by_substrings_credits_the_same(
    reply: list[str], message: list[str]
) -> None:
    t, said = read(parse(" ".join(reply) or "x")), restate.stems(" ".join(message))
    fewer = restate._fewer_than
    try:
        restate._fewer_than = lambda count, keys, text: False  # never skip
        unskipped = list(restate.overlap(t, said, []))
    finally:
        restate._fewer_than = fewer
    assert list(restate.overlap(t, said, [])) == unskipped


_PROMISE_PIECES = (
    "we| i|I| won't| will| not| 'll| never|'ll never| cut| charge| close| chase| |  |'|’|-|.|,"
    "|\n|we won't charge|i will not cancel|we 'll never close|i will never suspend|wo|n't"
).split(_BAR)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PROMISE_PIECES), min_size=1, max_size=12).map("".join))
def test_the_promise_pattern_is_skipped_only_where_it_cannot_match(text: str) -> None:
    folded = parse(text).folded
    if reassure._PROMISE.search(folded):
        assert any(map(folded.__contains__, reassure._PROMISE_MIDDLES))
