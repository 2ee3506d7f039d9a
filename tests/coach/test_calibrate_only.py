"""The over-apology cut is re-checked with a pack of the apology/empathy rules only:
it must find exactly the matches the whole pack finds for those rules."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.coach import calibrate
from plugin.coach.rules import RuleMatch, load_pack

_PACK = load_pack()
_PIECES = [
    "I'm so sorry",
    "we apologise for the wait",
    "apologies again",
    "I understand how frustrating this is",
    "that sounds stressful",
    "sorry about that",
    "I can't do that",
    "please calm down",
    "thanks for waiting",
    "your order shipped",
    ". ",
    "\n",
    ", ",
    " ",
]


def _keys(matches: set[RuleMatch]) -> set[tuple[int, int, str]]:
    return {(m.start, m.end, m.rule.id) for m in matches}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.booleans())
def test_the_cut_checks_pack_finds_the_whole_packs_matches_of_its_moves(
    pieces: list[str], apology: bool
) -> None:
    moves = calibrate.APOLOGY if apology else calibrate.EMPATHY
    text = "".join(pieces)
    whole = {m for m in _PACK.matches(text) if m.rule.move in moves}
    assert _keys(calibrate._only(_PACK, moves).matches(text)) == _keys(whole)


def test_the_cut_checks_pack_is_compiled_once_per_pack_and_moves() -> None:
    once = calibrate._only(_PACK, calibrate.APOLOGY)
    assert calibrate._only(_PACK, calibrate.APOLOGY) is once
    assert all(r.move in calibrate.APOLOGY for r in once.rules)
