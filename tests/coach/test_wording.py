"""Fitted wording: the customer's problem goes into the slot that fits it.

``Mood.topic`` is a noun phrase ("an update on your order #4411"), ``Mood.problem``
a clause ("I'm sorry that your order #4411 still has not arrived"). The table of
customer messages below is read by the real mood analyzer; every fitted sentence
must use the right slot, which a finite verb right after "about"/"on"/"with"
would betray ("an update on your order still has not arrived").
"""

from __future__ import annotations

import re

import pytest

from plugin.coach import mood as mood_analyzer
from plugin.coach import wording
from plugin.coach.draft import parse
from plugin.coach.empathy import analyze
from plugin.coach.lexicon import wordset
from plugin.coach.model import CustomerContext, Finding, Mood
from plugin.coach.rules import load_pack

PACK = load_pack()

MESSAGES = [
    "This is the THIRD time I am writing!!! My order #4411 still has not arrived and nobody "
    "answers. I want a refund today or I cancel.",
    "I was charged twice for March!",
    "Hello team,\nI'm locked out and I can't log in.",
    "You sent me the wrong size.",
    "The app crashes when I open my photos.",
    "I ordered a blender from your shop two weeks ago, and it still hasn't arrived even though "
    "the tracking says delivered.",
    "Where is my refund??? It's been three weeks.",
    "The login page won't load on Chrome since yesterday's update.",
    "I returned the kettle two weeks ago and still haven't got my money back.",
    "My card shows two payments of £336.49 for order #A-61588!!! Why did this happen??",
    "THE INVOICE FOR JUNE 1 HAS THE WRONG COMPANY NAME. Where can I download invoices??",
    "The package for order 30466-98 was supposed to be here on Wednesday and it's not.",
    "You billed me $372.95 twice this month. Please refund the extra charge. Thanks.",
    "I'm trying to cancel but the button is missing. Please confirm once it's done.",
    "Nothing works since Friday!!! What is going on??",
    "I get error ERR-881 when I try to save. Is there a workaround? I've wasted hours on this.",
    "Please cancel my annual subscription before the next renewal.",
    "Your site has been down all morning!!! When will it be back??",
    "I'm really disappointed. The refund of £45 you promised never showed up.",
    "The app keeps logging me out every time I switch screens, it's driving me crazy.",
    "Second email about this, still no answer. Worst service I have EVER had!!!",
    "I ordered a smart plug but received something else. Can you send the right one?",
]

COLD = "Hello,\n\nYour request has been processed.\n\nRegards,\nAlex"
ROBOTIC = "Hello,\n\nWe apologize for any inconvenience. Your request has been processed.\n\nAlex"

# A finite verb or auxiliary: after "about"/"on"/"with" it means a clause sits in a
# noun-phrase slot.
_FINITE = wordset(
    "is are was were has have had does do did will would can could keeps shows says came "
    "arrived crashes works failed broke stopped won't can't doesn't didn't hasn't haven't "
    "isn't wasn't never still"
)
_NOUN_SLOT = re.compile(r"\b(?:about|on|with|into)\s+(.+?)(?:\s+within\b|\s+myself\b|[.!?]|$)")


def fitted(message: str) -> list[str]:
    """Every wording the coach would add or substitute for this customer."""
    m = mood_analyzer.analyze(message)
    upset = Mood("angry", -0.7, m.cues, m.topic, m.problem)  # every move is expected
    out: list[str] = []
    for draft in (COLD, ROBOTIC):
        result = analyze(parse(draft), PACK, upset, None)
        for f in result.findings:
            if f.rule_id.startswith("missing-") or f.rule_id == "robotic-inconvenience":
                out += [e.replacement.strip() for s in f.suggestions for e in s.edits]
    return out


@pytest.mark.parametrize("message", MESSAGES)
def test_noun_slots_hold_noun_phrases(message: str) -> None:
    for sentence in fitted(message):
        for slot in _NOUN_SLOT.findall(sentence):
            words = {w.lower().strip(",") for w in slot.split()}
            finite = words & _FINITE or {w for w in words if w.endswith("n't")}
            assert not finite, f"clause in a noun slot: {sentence!r} ({message!r})"


@pytest.mark.parametrize("message", MESSAGES)
def test_problem_is_restated_once_and_whole(message: str) -> None:
    problem = mood_analyzer.analyze(message).problem
    if problem is None:
        return
    cold = [s for s in fitted(message) if problem in s]
    assert len(cold) <= 2  # once per draft (COLD and ROBOTIC)
    for s in cold:
        assert re.match(
            r"(?:I'm sorry that|I can see that|I can see how frustrating it is that) ", s
        )
        assert s.endswith(f"{problem}.")


def _missing(result_findings: tuple[Finding, ...], move: str) -> str:
    f = next(f for f in result_findings if f.rule_id == f"missing-{move}")
    return f.suggestions[0].edits[0].replacement.strip()


OPEN = "Hello,\n\nYour case is in progress with the warehouse.\n\nRegards,\nAlex"
ASKING = "Hello,\n\nCould you send me a photo of the label?\n\nRegards,\nAlex"


def test_slots_per_move() -> None:
    m = Mood(
        "angry",
        -0.7,
        topic="your order #4411",
        problem="your order #4411 still has not arrived",
    )
    result = analyze(parse(OPEN), PACK, m, None)
    # the acknowledgement restates the problem, so the others don't repeat it
    assert _missing(result.findings, "acknowledge") == (
        "I can see that your order #4411 still has not arrived."
    )
    assert _missing(result.findings, "apologize") == (
        "I'm sorry for the trouble with your order #4411."
    )
    assert _missing(result.findings, "validate") == "I can imagine how frustrating this has been."
    assert _missing(result.findings, "ownership") == (
        "I'll look into your order #4411 myself and see it through."
    )
    # a deadline is the agent's to give: a slot, never a made-up "24 hours"
    assert _missing(result.findings, "next_steps") == (
        "I'll send you an update on your order #4411 by {time}."
    )


def test_a_draft_waiting_on_the_customer_promises_only_what_follows_their_answer() -> None:
    from plugin.coach.suggest.vet import _layout

    draft = parse(ASKING)
    m = Mood("angry", -0.7, topic="your order #4411", problem="your order #4411 is late")
    (f,) = wording.missing_findings(
        draft, PACK, _layout(draft), ["next_steps"], None, "your order #4411", None, mood=m
    )
    assert f.suggestions[0].edits[0].replacement.strip() == (
        "As soon as I hear back from you, I'll get back to you by {time}."
    )


def test_a_solved_draft_is_promised_nothing() -> None:
    m = Mood("angry", -0.7, topic="your order #4411", problem="your order #4411 is late")
    result = analyze(parse(COLD), PACK, m, None)
    for move in ("next_steps", "ownership"):
        f = next(f for f in result.findings if f.rule_id == f"missing-{move}")
        assert not f.suggestions, move


def test_a_draft_that_restates_the_problem_gets_no_second_restatement() -> None:
    m = Mood("angry", -0.7, topic="your order #4411", problem="your order #4411 has not arrived")
    draft = "Hello,\n\nYour order #4411 has not arrived yet, I checked.\n\nRegards,\nAlex"
    result = analyze(parse(draft), PACK, m, None)
    assert "acknowledge" not in result.missing
    assert _missing(result.findings, "apologize") == (
        "I'm sorry for the trouble with your order #4411."
    )


def test_acknowledge_gets_the_problem_when_the_apology_is_there() -> None:
    m = Mood("frustrated", -0.4, topic="the double charge", problem="you were charged twice")
    draft = "Hello,\n\nI'm so sorry. I've refunded it.\n\nRegards,\nAlex"
    result = analyze(parse(draft), PACK, m, None)
    assert _missing(result.findings, "acknowledge") == "I can see that you were charged twice."


@pytest.mark.parametrize(
    ("topic", "problem", "move", "expected"),
    [
        (None, None, "apologize", "I'm sorry about this."),
        ("your refund", None, "apologize", "I'm sorry for the trouble with your refund."),
        (None, "the export fails", "apologize", "I'm sorry that the export fails."),
        (None, "nothing works", "apologize", "I'm sorry about this."),
        (
            None,
            "the export fails.",
            "validate",
            "I can see how frustrating it is that the export fails.",
        ),
        (None, None, "next_steps", "I'll send you an update by {time}."),
        (None, "the export fails", "next_steps", "I'll send you an update by {time}."),
        (None, None, "acknowledge", None),  # a filler restates nothing: no wording
        (
            "the export button",
            None,
            "thanks",
            "Thanks for letting us know about the export button.",
        ),
        ("the link", None, "thanks", "Thanks for getting in touch about this."),
    ],
)
def test_wording_falls_back_to_what_is_known(
    topic: str | None, problem: str | None, move: str, expected: str | None
) -> None:
    register = "upset" if move == "validate" else "plain"
    assert wording.sentence_for(move, topic, problem, register) == expected


def test_restating_move_prefers_the_acknowledgement() -> None:
    assert wording.restating_move(["acknowledge", "validate", "apologize"], ()) == "acknowledge"
    assert wording.restating_move(["validate", "apologize"], ()) == "apologize"
    assert wording.restating_move(["validate"], ()) == "validate"
    assert wording.restating_move(["apologize"], ("acknowledge",)) is None


def test_fitted_wording_uses_the_first_name_and_topic_together() -> None:
    m = mood_analyzer.analyze("My order #4411 still has not arrived!!!")
    result = analyze(parse("Your order is on its way."), PACK, m, CustomerContext(first_name="Ana"))
    greeting = next(f for f in result.findings if f.rule_id == "missing-greeting")
    assert greeting.suggestions[0].edits[0].replacement == "Hi Ana,\n\n"
    labels = [s.label for f in result.findings for s in f.suggestions]
    assert "Add: “I can see that your order #4411 still has not arrived.”" in labels


@pytest.mark.parametrize(
    ("draft", "fmt", "expected"),
    [
        (
            "Hi Sam,\n\nHere's how to reset it:\n1. Open the app\n2. Tap Forgot password"
            "\n\nBest,\nAlex",
            "text",
            "Hi Sam,\n\nI'll look into your login myself and see it through. Here's how to "
            "reset it:\n1. Open the app\n2. Tap Forgot password\n\nBest,\nAlex",
        ),
        (
            "<p>Hi Sam,</p><p>Here is how to reset it.</p><ol><li>Open the app</li>"
            "<li>Tap <b>Forgot password</b></li></ol><p>Best,<br>Alex</p>",
            "html",
            "<p>Hi Sam,</p><p>Here is how to reset it. I&#x27;ll look into your login myself "
            "and see it through.</p><ol><li>Open the app</li><li>Tap <b>Forgot password</b></li>"
            "</ol><p>Best,<br>Alex</p>",
        ),
    ],
)
def test_a_sentence_for_the_end_of_the_body_goes_after_the_prose_not_into_a_list(
    draft: str, fmt: str, expected: str
) -> None:
    from plugin.coach.edits import apply
    from plugin.coach.review import CheckRequest, Coach

    review = Coach(PACK).review(CheckRequest(draft, fmt, "My login is broken and nobody helps!!!"))  # type: ignore[arg-type]
    owned = next(f for f in review.findings if f.rule_id == "missing-ownership")
    assert apply(draft, owned.suggestions[0].edits) == expected
