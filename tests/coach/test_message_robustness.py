"""Whatever a customer types, reading their message gives a mood, never an error."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from plugin.coach import mood
from plugin.coach.contractions import mend_contractions
from plugin.coach.model import MOODS
from plugin.coach.review import CheckRequest, Coach, DraftError
from plugin.coach.rules import load_pack

COACH = Coach(pack=load_pack())

# Letters that case-insensitive patterns equate with ASCII ones, next to word pieces
# the message readers look for (contractions, cues, capitals).
_PIECES = st.sampled_from(
    ["ſ", "K", "İ", "ı", "Σ", "nt", "dont", "havent", "im", "I", "ha", "s", "!!!", "?", " ",
     "'", "’", "NOT", "again", "refund", "😒", "\n", "great", "thanks", ".", "x"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
@example("İgreat job, a whole month to answer")  # "İ" lowers to two characters
def test_any_message_reads_as_a_mood(text: str) -> None:
    assert mood.analyze(text).label in MOODS


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_unicode_message_reads_as_a_mood(text: str) -> None:
    assert mood.analyze(text).label in MOODS


def test_a_run_together_word_with_a_long_s_is_left_as_typed() -> None:
    # IGNORECASE reads "ſ" as "s", so "haſnt" looks like "hasnt": it is no known word
    mended, starts = mend_contractions("It haſnt come, and it doesnt work")
    assert mended == "It haſnt come, and it doesn't work"
    assert starts == [mended.index("doesn't")]


_DRAFT_PIECES = st.sampled_from(
    ["Hi ", "İ", "Σ", "ſ", "K", "we can't ", "as I said ", "per our policy ", "sorry ", "!!!",
     "{{ticket.id}} ", "{% if %}", "http://a.b ", "#1234 ", "\n", "Thanks, ", "Sam", ". ", "’"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_DRAFT_PIECES, min_size=1, max_size=25).map("".join), st.text(max_size=60))
def test_any_draft_and_message_get_a_review_or_a_clear_error(draft: str, message: str) -> None:
    try:
        review = COACH.review(CheckRequest(draft=draft, customer_message=message))
    except DraftError:
        assert not draft.strip()  # the only refusal: nothing to coach
        return
    assert 0 <= review.score <= 100
    for f in review.findings:
        assert 0 <= f.start <= f.end <= len(draft)
