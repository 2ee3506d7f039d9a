"""Suggestions an agent can send without reading twice (issue #10), in our own words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.coach.draft import parse
from plugin.coach.edits import apply
from plugin.coach.model import Cue, Edit, Mood
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.rules import load_pack
from plugin.coach.suggest import checks, fitting, placement, promise, slots
from plugin.coach.suggest.register import register_of
from plugin.coach.suggest.vet import _layout

PACK = load_pack()
COACH = Coach(PACK)


@pytest.mark.parametrize(
    "topic",
    [
        "your late husband",
        "my mum",
        "the your account",
        "€25",
        "the refund for the",
        "the largest attachment",
        "the link",
        "@acme help",
        "our account",
    ],
)
def test_topics_that_read_wrong_are_refused(topic: str) -> None:
    assert fitting.fit_topic(topic) is None


@pytest.mark.parametrize(
    ("topic", "fitted"),
    [
        ("my invoice €25", "your invoice"),
        ("order #881", "the order #881"),
        ("the export button", "the export button"),
    ],
)
def test_topics_that_fit(topic: str, fitted: str) -> None:
    assert fitting.fit_topic(topic) == fitted


@pytest.mark.parametrize(
    "problem",
    [
        "you haven't heard since the 3",
        "it stopped working",
        "with a rude driver at the door",
        "you can't open any of this",
        "you don't know",
    ],
)
def test_problems_that_read_wrong_are_refused(problem: str) -> None:
    assert fitting.fit_problem(problem) is None


def _mood(kind: str | None, label: str = "frustrated") -> Mood:
    cues = (Cue(kind, 0, 4, "word"),) if kind else ()
    return Mood(label, -0.5, cues)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "label", "register"),
    [
        ("bereavement", "frustrated", "bereavement"),
        ("money", "neutral", "money"),
        ("distress", "neutral", "worried"),
        (None, "angry", "upset"),
        (None, "calm", "plain"),
    ],
)
def test_register_follows_the_situation_first(kind: str | None, label: str, register: str) -> None:
    assert register_of(_mood(kind, label)).name == register


CHEERFUL = ("have a great", "happy to help", "hope this helps", "thanks for reaching out")


@pytest.mark.parametrize("kind", ["bereavement", "health", "money", "safety"])
def test_sensitive_situations_get_no_cheer_and_no_trouble(kind: str) -> None:
    message = "My father passed away and the account is still charging him."
    draft = "Hello,\n\nCould you send me the account number?\n\nRegards,\nSam"
    review = COACH.review(CheckRequest(draft, "text", message))
    mood = review.customer_mood
    assert mood is not None
    from plugin.coach import empathy

    m = Mood("frustrated", -0.5, (Cue(kind, 0, 3, "x"),), mood.topic, mood.problem)
    found = empathy.analyze(parse(draft), PACK, m, None)
    added = [e.replacement.lower() for f in found.findings for s in f.suggestions for e in s.edits]
    assert added
    for text in added:
        assert "trouble with" not in text and "frustrat" not in text
        assert not any(c in text for c in CHEERFUL)


def test_validation_is_not_offered_when_the_draft_already_names_the_feeling() -> None:
    draft = "Hi,\n\nNo wonder you're fed up after a week. Could you send the order number?\n\nSam"
    review = COACH.review(CheckRequest(draft, "text", "Still nothing!!! This is useless."))
    validate = [f for f in review.findings if f.rule_id == "missing-validate"]
    assert all(not f.suggestions for f in validate)


def test_open_and_solved() -> None:
    assert promise.solved("i've refunded the charge. let me know if anything else comes up.")
    assert not promise.solved("i've refunded one charge and i'm looking into the other.")
    assert promise.leaves_open("which browser are you using?")
    assert not promise.leaves_open("is there anything else i can help with?")


def test_a_timed_promise_carries_a_slot_and_an_unfilled_slot_is_an_error() -> None:
    draft = "Hello,\n\nI'm checking with the warehouse about your parcel.\n\nBest,\nSam"
    review = COACH.review(CheckRequest(draft, "text", "My parcel never came and I'm furious!!!"))
    steps = next(f for f in review.findings if f.rule_id == "missing-next_steps")
    (s,) = steps.suggestions
    assert "{time}" in s.edits[0].replacement and "fill in" in s.label
    again = COACH.review(CheckRequest(apply(draft, s.edits), "text", "My parcel never came!!!"))
    assert [f.severity for f in again.findings if f.rule_id == "unfilled-slot"] == ["error"]


@pytest.mark.parametrize(
    "signoff",
    [
        "With warm wishes,\nPriya",
        "Safe travels,\nPriya",
        "{{dc.signature}}",
        "Mahalo,\nKeoni\nThe Island Tours team",
    ],
)
def test_inserts_stay_above_any_sign_off(signoff: str) -> None:
    draft = f"Hello Ana,\n\nWe checked your booking and the seat is confirmed.\n\n{signoff}"
    review = COACH.review(CheckRequest(draft, "text", "Why is my seat not showing??? Awful."))
    end = draft.index(signoff)
    for f in review.findings:
        for s in f.suggestions:
            for e in s.edits:
                if e.start == e.end and f.rule_id != "missing-greeting":
                    assert e.start <= end, (f.rule_id, e)


def test_inserts_stay_out_of_quoted_text_and_inline_markup() -> None:
    html = (
        "<p>Hi Ana,</p><p>Your seat is <strong>confirmed for row 12.</strong></p>"
        "<blockquote>My seat vanished, this is awful!</blockquote>"
    )
    review = COACH.review(CheckRequest(html, "html", "My seat vanished, this is awful!!!"))
    quote = html.index("<blockquote>")
    for f in review.findings:
        for s in f.suggestions:
            for e in s.edits:
                assert e.start <= quote
                assert placement._outside_inline(html, e.start) == e.start


@pytest.mark.parametrize(
    ("text", "edit", "code"),
    [
        ("I can see that the box is late.", Edit(0, 0, "I can see that "), "doubled-words"),
        ("Please read the terms.", Edit(12, 15, "the our"), "determiner-clash"),
        ("We have a update for you.", Edit(0, 0, ""), None),
        (
            "We escalated your case to L3.",
            Edit(3, 12, "passed to a specialist"),
            "object-after-phrase",
        ),
        ("As I said, we do not refund this.", Edit(17, 21, ""), "deletes-a-negation"),
        ("Send the form, so that I can help.", Edit(13, 17, ". So "), "fragment"),
        (
            "We can't refund it. We can't change it either.",
            Edit(19, 19, " Here's what I can do instead: {alternative}."),
            "refusal-after-alternative",
        ),
        ("Thanks,\nSam", Edit(0, 8, ""), "touches-sign-off"),
    ],
)
def test_in_place_checks(text: str, edit: Edit, code: str | None) -> None:
    assert checks.problem(text, edit) == code


_WORDS = st.sampled_from(
    ["order", "refund", "the", "box", "your", "we", "sent", "today", "it", "arrived", "late"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=3, max_size=12), st.sampled_from(["the", "your", "our"]))
def test_a_determiner_before_a_determiner_is_always_refused(words: list[str], det: str) -> None:
    sentence = "We " + " ".join(words) + "."
    pos = sentence.find(" the ")
    if pos < 0:
        return
    edit = Edit(pos + 1, pos + 1, f"{det} ")
    assert checks.problem(sentence, edit) in ("determiner-clash", "doubled-words")


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=2, max_size=10), st.integers(1, 4))
def test_repeating_the_words_before_an_insertion_is_always_refused(
    words: list[str], n: int
) -> None:
    sentence = " ".join(words) + " done."
    head = " ".join(words[: min(n, len(words))])
    edit = Edit(0, 0, head + " ")
    assert checks.problem(sentence, edit) == "doubled-words"


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Your refund is on its way.",
                "Could you send the receipt?",
                "I checked the order.",
                "The box left today.",
            ]
        ),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from(["Best,\nSam", "Cheers,\nSam", "With warm wishes,\nSam", "Take care,\nSam"]),
)
def test_generated_drafts_keep_every_insert_in_the_body(body: list[str], signoff: str) -> None:
    draft = "Hi Ana,\n\n" + " ".join(body) + "\n\n" + signoff
    review = COACH.review(CheckRequest(draft, "text", "Where is my refund??? Useless!!!"))
    d = parse(draft)
    end = placement.body_end(d, _layout(d))
    for f in review.findings:
        for s in f.suggestions:
            for e in s.edits:
                if e.start == e.end and f.rule_id != "missing-greeting":
                    assert e.start <= end + 2, (f.rule_id, draft, e)
                assert checks.problem(draft, e, greeting=f.rule_id.startswith("greeting")) is None


def test_slots_are_found_but_not_zendesk_placeholders() -> None:
    assert [n for _, _, n in slots.slots_in("by {time} for {{ticket.id}}")] == ["time"]


def test_a_restated_passive_is_no_passive_voice_hint() -> None:
    from plugin.coach import passive

    said_back = parse("I can see that your train was cancelled on Monday.")
    assert passive.find(said_back) == []
    own = parse("Your train was cancelled on Monday.")
    assert [f.rule_id for f in passive.find(own)] == ["passive-voice"]


@pytest.mark.parametrize(
    ("word", "fix", "dropped"),
    [
        ("flt", "felt", True),
        ("acct", "act", True),
        ("teh", "the", False),
        ("recieve", "receive", False),
    ],
)
def test_shorthand_gets_no_spelling_fix(word: str, fix: str, dropped: bool) -> None:
    from plugin.coach.suggest.vet import reason_to_drop

    text = f"Please check the {word} today."
    at = text.index(word)
    edit = Edit(at, at + len(word), fix)
    code = reason_to_drop(parse(text), "misspelling", (edit,), (0, len(text)), False, True)
    assert (code == "abbreviation") is dropped


def test_a_rewrite_with_a_slot_says_so_in_its_label() -> None:
    draft = "Hello,\n\nPer our policy, a photo is needed first.\n\nBest,\nSam"
    review = COACH.review(CheckRequest(draft, "text", "My parcel arrived broken!!!"))
    shield = next(f for f in review.findings if f.rule_id == "policy-per-our-policy")
    assert [s.label for s in shield.suggestions] == [
        "Replace with “Because {reason}”, then fill in {reason}"
    ]


@pytest.mark.parametrize(
    "added",
    ["I'll send you the label", "WE'LL UPDATE you", "by {time}", "within 2 days", "all set", ""],
)
def test_the_promise_pretest_agrees_with_the_pattern(added: str) -> None:
    from plugin.coach.suggest import vet

    assert vet._promised(added) == (vet._PROMISE.search(added) is not None)
