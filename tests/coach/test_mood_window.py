"""A long customer message: mood is read from its end, in bounded time, and the review says so."""

from __future__ import annotations

import time

from plugin.coach import lexicon, mood, mood_window
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.rules import load_pack
from plugin.coach.serialize import review_to_dict

REPLY = "Hi Dana,\n\nI'm sorry about the wait. I'll check the order today.\n\nBest,\nKim"


def test_a_short_message_is_read_whole_with_no_note() -> None:
    message = "My invoice is wrong AGAIN!!! Fix it."
    found, note = mood_window.read(message)
    assert note is None
    assert found == mood.analyze(message)


def test_a_long_message_is_read_from_a_sentence_start_near_its_end() -> None:
    earlier = "This is the THIRD time I ask!!! Cancel my account now. " * 400  # ~22,000 chars
    latest = "Thanks, that fixed it and the team was lovely. " * 80  # ~3,800 chars
    message = earlier + latest
    start = mood_window.window(message)
    assert len(message) - start <= mood_window.WINDOW
    assert start >= len(message) - mood_window.WINDOW
    assert message[start - 2 : start] == ". "  # a sentence boundary, nothing cut in half
    found, note = mood_window.read(message)
    assert mood.analyze(earlier[-2000:]).label in {"frustrated", "angry"}
    assert found.label == "calm"  # what the customer wrote last
    assert note is not None and f"{len(message):,}" in note


def test_cue_offsets_point_into_the_whole_message() -> None:
    message = "Fine. " * 1000 + "I have written THREE times and nobody answers!!!"
    found, _ = mood_window.read(message)
    assert found.cues
    for cue in found.cues:
        assert message[cue.start : cue.end] == cue.text
        assert cue.start > len(message) - mood_window.WINDOW


def test_a_message_without_white_space_is_cut_at_the_window() -> None:
    message = "x" * 50_000
    assert mood_window.window(message) == len(message) - mood_window.WINDOW


def test_an_emoji_counts_as_the_name_vader_reads_for_it() -> None:
    lexicon.warm()
    message = "😀" * 2_000  # shorter than the window, but vader reads ~28,000 characters
    start = mood_window.window(message)
    assert start > 0 and len(message) - start <= mood_window.WINDOW // len("grinning face")
    mood.analyze.cache_clear()
    mood_window.read.cache_clear()
    began = time.thread_time()
    found, note = mood_window.read(message)
    assert (time.thread_time() - began) * 1000 < 300  # whole, it took ~1 s
    assert note is not None and found.label == "calm"


def test_a_100_kb_message_costs_what_its_window_costs() -> None:
    lexicon.warm()
    message = "terrible awful refund now " * 4000  # took ~13 s through vader whole
    mood.analyze.cache_clear()
    mood_window.read.cache_clear()
    start = time.thread_time()
    found, note = mood_window.read(message)
    assert (time.thread_time() - start) * 1000 < 300
    assert found.label in {"frustrated", "angry"} and note is not None


def test_the_review_notes_when_the_message_was_cut() -> None:
    lexicon.warm()
    coach = Coach(load_pack(None))
    long_one = coach.review(CheckRequest(REPLY, customer_message="Where is my parcel? " * 500))
    short_one = coach.review(CheckRequest(REPLY, customer_message="Where is my parcel?"))
    assert any("customer's message is long" in n for n in long_one.notes)
    assert short_one.notes == ()
    assert review_to_dict(long_one, REPLY)["notes"] == list(long_one.notes)
    assert review_to_dict(short_one, REPLY)["notes"] == []
