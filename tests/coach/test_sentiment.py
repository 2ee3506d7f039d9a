"""The cheaper vader score is vader's score, word for word."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.coach import lexicon
from plugin.coach.mood_cues import cues
from plugin.coach.sentiment import scorer

# Words that steer vader's rules: negations ("no ... or"), boosters ("just enough"),
# "but", "kind of", "least", idioms ("the bomb", "yeah right", "to die for"), capitals,
# emoticons and emoji, plus plain words it does not score.
_WORDS = sorted(
    lexicon.wordset(
        "good bad great terrible love hate no not never isn't without doubt so this very "
        "VERY extremely kind of sort but BUT least at the a it is my order parcel broke "
        "happy sad angry AWFUL :) :( ;-) 😀 😡 ❤️ café help please thanks or nor just "
        "enough bomb yeah right to die for kiss death beating heart bus stop"
    )
)
_PUNCT = ["", "", ",", ".", "!", "?", "!!", "?!", "..."]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "I am not happy at all, but thanks for trying!!",
        "This is kind of bad. NOT GOOD at all.",
        "Without doubt the best :) but the worst ❤️ too",
        "no problem, never so good, at least it works??",
        "😡😡 the app broke again",
    ],
)
def test_scores_as_vader_does(text: str) -> None:
    analyzer = cues().sentiment
    assert scorer(analyzer)(text) == analyzer.polarity_scores(text)["compound"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_WORDS), st.sampled_from(_PUNCT), st.booleans()), max_size=30
    )
)
def test_any_mix_of_words_scores_as_vader_does(words: list[tuple[str, str, bool]]) -> None:
    text = " ".join((w.upper() if loud else w) + p for w, p, loud in words)
    for analyzer in (lexicon.vader(), cues().sentiment):
        assert scorer(analyzer)(text) == analyzer.polarity_scores(text)["compound"]
