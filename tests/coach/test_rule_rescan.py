"""Re-matching an edit from the draft's own automaton hits finds exactly what a fresh
scan of the edited text finds, in the same order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.coach.rule_rescan import scan, spliced
from plugin.coach.rules import load_pack

AVOID = load_pack().avoid_only
AUTOMATON = AVOID._matcher.automaton
LONGEST = AVOID._matcher.longest
PARTS = [
    "we can't",
    "as I said",
    "per our policy",
    "unfortunately",
    "nothing we can do",
    "calm down",
    "Sorry",
    "you should have",
    "can",
    "account",
    " ",
    ", ",
    ". ",
    "'",
    "x",
    "Σ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PARTS), max_size=40), st.data())
def test_spliced_hits_equal_a_fresh_scan(parts: list[str], data: st.DataObject) -> None:
    text = "".join(parts)
    n = len(text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    new = "".join(data.draw(st.lists(st.sampled_from(PARTS), max_size=4)))
    after_text = text[:start] + new + text[end:]
    before = scan(AUTOMATON, text)
    after = scan(AUTOMATON, after_text).folded
    m = len(after)
    w_lo = data.draw(st.integers(0, start))
    w_hi = data.draw(st.integers(min(m, start + len(new)), m))
    if not before.local or "Σ" in after_text:
        return  # the caller scans such text whole
    expected = list(AUTOMATON.iter(after, w_lo, w_hi))
    got = spliced(before, AUTOMATON, LONGEST, after, (start, end, len(new)), (w_lo, w_hi))
    assert [(last, key.length) for last, key in got] == [
        (last, key.length) for last, key in expected
    ]
    assert [key for _, key in got] == [key for _, key in expected]


def test_an_edit_far_from_every_phrase_reuses_the_hits_and_finds_the_new_one() -> None:
    text = "Sorry for the wait. " + "All good here. " * 20 + "Thanks."
    before = scan(AUTOMATON, text)
    at = text.index("All good")
    after_text = text[:at] + "As I said, " + text[at:]
    after = scan(AUTOMATON, after_text).folded
    got = spliced(before, AUTOMATON, LONGEST, after, (at, at, 11), (0, len(after)))
    assert got == list(AUTOMATON.iter(after))
    assert any(after[last - key.length + 1 : last + 1] == "as i said" for last, key in got)


def test_edited_matches_equal_matches_near_the_edit() -> None:
    text = "I'm sorry, but as I said we can't refund it. Per our policy, nothing we can do."
    before = AVOID.scan(text)
    for phrase in ("we can't", "Per our policy", "nothing we can do"):
        at = text.index(phrase)
        for new in ("", "we can", "as I said before"):
            after = text[:at] + new + text[at + len(phrase) :]
            edit = (at, at + len(phrase), len(new))
            assert AVOID.matches_edited(before, after, edit) == AVOID.matches_near(
                after, at, at + len(new)
            )


def test_a_phrase_the_edit_completes_comes_in_reading_order() -> None:
    # "we" + " can't": the new "we can't" ends after the old "can" does
    text = "XX can't do that, sadly."
    before = scan(AUTOMATON, text)
    after = scan(AUTOMATON, "we" + text[2:]).folded
    got = spliced(before, AUTOMATON, LONGEST, after, (0, 2, 2), (0, len(after)))
    assert got == list(AUTOMATON.iter(after))
