"""Known topics: one search for the group, the file's order for the answer."""

from __future__ import annotations

import re

from plugin.coach import lexicon
from plugin.coach.known_topics import TopicCue, Topics
from plugin.coach.topic import spoken, voice


def _cue(pattern: str, topic: str, first: bool = False) -> TopicCue:
    return TopicCue(re.compile(pattern, re.I), topic, first)


def test_the_earlier_topic_in_the_file_wins_not_the_earlier_match() -> None:
    topics = Topics.of((_cue(r"\brefund\b", "your refund"), _cue(r"\border\b", "your order")))
    assert topics.find("My order and my refund", first=False) == "your refund"
    assert topics.find("My order", first=False) == "your order"
    assert topics.find("My order", first=True) is None  # no topic comes first
    assert topics.find("Nothing known here", first=False) is None


def test_a_pattern_with_a_backreference_is_searched_on_its_own() -> None:
    topics = Topics.of((_cue(r"\b(\w+) \1\b", "a stutter", first=True), _cue(r"x", "an x")))
    assert topics.find("it it broke", first=True) == "a stutter"
    assert topics.find("it broke", first=True) is None


def test_word_keys_fold_as_word_key_does_per_word() -> None:
    for text in ("Don’t SHOUT at ME", "İstanbul ΟΔΟΣ.Β and ΑΣ'Β", "a_b x''y"):
        folded, words = lexicon.word_keys(text)
        assert folded == lexicon.word_key(text)
        assert words == [lexicon.word_key(w) for w in lexicon.TOKEN.findall(text)]


def test_voice_mends_bare_contractions_and_spoken_keeps_mended_text() -> None:
    assert voice("I cant log in") == "you can't log in"
    assert spoken("I can't log in") == "you can't log in"
