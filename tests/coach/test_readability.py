from __future__ import annotations

import pytest
import textstat  # type: ignore[import-untyped,unused-ignore]
from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.coach import readability
from plugin.coach.draft import parse
from plugin.coach.edits import apply
from plugin.coach.model import Finding, Settings

DEFAULT = Settings()

LONG_WITH_SEMICOLON = (
    "I have asked the warehouse team to check every shelf for your parcel this morning; "
    "they will send me a full report before the end of the day tomorrow."
)
LONG_WITH_BUT = (
    "We tried to deliver the replacement headphones to your address on Tuesday afternoon, "
    "but the courier could not get into the building because nobody answered the door."
)
LONG_WITH_AND = (
    "I have checked the payment history on your account for the last three months, "
    "and we charged you twice for the March invoice because of a billing error."
)
LONG_LIST = (
    "To finish the setup you need to open the settings page, choose the billing tab, "
    "enter the new card number, confirm the address, and press the blue save button."
)
HARD = (
    "Notwithstanding these organizational considerations, the subsequent administrative "
    "reconfiguration necessitates comprehensive verification of the documentation."
)


def findings(text: str, cfg: Settings = DEFAULT, names: tuple[str, ...] = ()) -> list[Finding]:
    return list(readability.analyze(parse(text, names=names), cfg).findings)


def rule_ids(text: str, cfg: Settings = DEFAULT) -> list[str]:
    return [f.rule_id for f in findings(text, cfg)]


# -- textstat's numbers ------------------------------------------------------------------

SAMPLES = [
    "Thanks for your patience. Your refund is on its way.",
    "Hi Maria,\n\nI'm sorry your order hasn't arrived. I've asked the carrier to check.",
    "The reconfiguration necessitates comprehensive documentation. We'll handle it.",
    "It's done! Isn't that great? You'll get an e-mail at 9:30 tomorrow.",
    "One. Two words. Three little words.",
    "",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_grade_and_ease_are_textstats_own(text: str) -> None:
    grade, ease, words, sentences = readability._scores(text)
    assert grade == textstat.flesch_kincaid_grade(text)
    assert ease == textstat.flesch_reading_ease(text)
    assert words == textstat.lexicon_count(text)
    assert sentences == textstat.sentence_count(text)


_WORDS = st.sampled_from(
    [
        "the",
        "refund",
        "order",
        "arrived",
        "yesterday",
        "unfortunately",
        "I",
        "we",
        "you're",
        "can't",
        "co-operate",
        "information",
        "2024",
        "réservation",
        "ok,",
        "tracking.",
        "really!",
        "why?",
        "'tis",
        "rock'n'roll",
        "'quoted'",
        "-",
        "—",
        "...",
        "?!",
        "A.B.",
        "U.S.",
        "e.g.",
        "3.5",
        "(see",
        "below)",
        "“curly”",
        "don’t",
        "'",
        "#4411",
        "{{ticket.id}}",
    ]
)


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(_WORDS, min_size=0, max_size=40), st.sampled_from([" ", "\n", "  ", "\t"]))
def test_own_counting_never_changes_textstats_numbers(words: list[str], sep: str) -> None:
    text = sep.join(words)
    grade, ease, count, sentences = readability._scores(text)
    assert grade == textstat.flesch_kincaid_grade(text)
    assert ease == textstat.flesch_reading_ease(text)
    assert count == textstat.lexicon_count(text)
    assert sentences == textstat.sentence_count(text)


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.sampled_from(["Ok", "fine", ".", "!", " ", "\n", "\x0b", "\x1c", "-", "é"])))
def test_sentence_count_is_textstats_in_ascii_and_beyond(parts: list[str]) -> None:
    # ASCII text is counted with ASCII classes, whose white space must be str.isspace's
    text = "".join(parts)
    assert readability._scores(text)[3] == textstat.sentence_count(text)


def test_stats_leave_out_quoted_text_placeholders_and_urls() -> None:
    own = "Thanks for writing in. I have sent the new invoice to you."
    text = (
        f"{own} See https://example.com/help/articles/billing-and-invoices-explained\n"
        "{{ticket.requester.first_name}}\n"
        "> On Monday the customer wrote a very long and complicated paragraph "
        "that the agent did not write at all.\n"
    )
    stats = readability.analyze(parse(text), DEFAULT).stats
    assert stats["words"] == textstat.lexicon_count(own + " See")
    assert stats["flesch_kincaid_grade"] == round(textstat.flesch_kincaid_grade(own + " See"), 2)
    assert stats["sentences"] == 2
    assert stats["avg_sentence_length"] == round(stats["words"] / 2, 2)
    assert stats["target_grade"] == 8.0


_LONG_SENTENCE = "We have checked every single part of your account history this week"


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.lists(
        st.sampled_from(
            [
                _LONG_SENTENCE + ".",
                f'"{_LONG_SENTENCE}."',  # the closing quote sits outside the sentence
                f"({_LONG_SENTENCE}!)",
                "Thanks.",
                "Ok!",
                "{{ticket.id}}",
                "-",
            ]
        ),
        max_size=8,
    ),
    st.sampled_from([" ", "\n", "\n\n"]),
)
def test_draft_stats_count_each_chunk_once_as_textstat_does(parts: list[str], sep: str) -> None:
    # long sentences are counted on their own; the draft's totals must still be textstat's
    draft = parse(sep.join(parts))
    own = readability._own_words(draft)
    stats = readability.analyze(draft, DEFAULT).stats
    assert stats["words"] == textstat.lexicon_count(own)
    assert stats["flesch_kincaid_grade"] == round(textstat.flesch_kincaid_grade(own), 2)


# -- long and hard sentences -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LONG_WITH_SEMICOLON, ["long-sentence"]),
        (LONG_LIST, ["long-sentence"]),
        (HARD, ["hard-sentence"]),
        ("Your refund is on its way. You'll see it in three to five days.", []),
        # long words, but too short a sentence for a grade to mean anything
        ("Comprehensive documentation verification necessitated.", []),
    ],
)
def test_long_and_hard_sentences(text: str, expected: list[str]) -> None:
    assert [r for r in rule_ids(text) if r != "passive-voice"] == expected


def test_limits_come_from_settings() -> None:
    assert "long-sentence" not in rule_ids(LONG_WITH_SEMICOLON, Settings(max_sentence_words=40))
    assert "hard-sentence" not in rule_ids(HARD, Settings(target_grade=30))
    short = "Your new card will arrive at your home address within five working days."
    assert rule_ids(short, Settings(max_sentence_words=10)) == ["long-sentence"]


def test_finding_spans_the_sentence_and_says_how_long_it_is() -> None:
    text = "Hi Sam,\n" + LONG_WITH_SEMICOLON + " Thanks!"
    (f,) = [f for f in findings(text) if f.rule_id == "long-sentence"]
    assert text[f.start : f.end] == LONG_WITH_SEMICOLON
    assert f.category == "readability" and f.severity == "info"  # 29 words: a little over
    assert "29 words" in f.message and "25 or fewer" in f.message


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (LONG_WITH_SEMICOLON, "this morning.", "They will send"),
        (LONG_WITH_BUT, "Tuesday afternoon.", "But the courier"),
        (LONG_WITH_AND, "last three months.", "We charged you"),
    ],
)
def test_split_suggestion_makes_two_sentences(text: str, first: str, second: str) -> None:
    (f,) = [f for f in findings(text) if f.rule_id == "long-sentence"]
    (suggestion,) = f.suggestions
    fixed = apply(text, suggestion.edits)
    assert f"{first} {second}" in fixed
    assert "long-sentence" not in rule_ids(fixed)


def test_a_list_is_never_split_into_fragments() -> None:
    (f,) = findings(LONG_LIST)
    assert f.rule_id == "long-sentence" and f.suggestions == ()


def test_protected_spans_are_never_inside_a_finding() -> None:
    text = (
        "I have checked order #4411 with the carrier and the warehouse this morning and they "
        "both say that the parcel left on Monday and should reach you very soon now."
    )
    draft = parse(text)
    (f,) = readability.analyze(draft, DEFAULT).findings
    assert f.rule_id == "long-sentence"
    assert not draft.is_protected(f.start, f.end)
    assert text[f.start : f.end].startswith("with the carrier")


def test_quoted_customer_text_is_not_graded() -> None:
    text = "Thanks, I'll fix it.\n> " + HARD + " " + LONG_LIST
    assert rule_ids(text) == []


# -- passive voice ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The parcel was shipped on Monday.", "was shipped"),
        ("Your refund has been processed.", "has been processed"),
        ("The form was not signed.", "was not signed"),
        ("The box was broken in transit.", "was broken"),
        ("Mistakes were made.", "were made"),
        ("Your account is being reviewed.", "is being reviewed"),
    ],
)
def test_passive_voice_is_found(text: str, phrase: str) -> None:
    (f,) = [f for f in findings(text) if f.rule_id == "passive-voice"]
    assert text[f.start : f.end] == phrase
    assert f.severity == "info"


@pytest.mark.parametrize(
    "text",
    [
        "We shipped the parcel on Monday.",
        "We are excited to help you.",
        "Our office is based in Berlin.",
        "I am sorry about the delay.",
        "You are interested in the yearly plan.",
        "That is a hundred dollars.",
        "The update is indeed live.",
        "It is red.",
    ],
)
def test_active_and_adjectival_sentences_are_not_passive(text: str) -> None:
    assert "passive-voice" not in rule_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The shop is closed on Sundays.",  # states, not actions
        "The lid is broken.",
        "We are worried about the delay too.",
        "I'm delighted it works.",
        "Our depot is located in Leeds.",
        "The team was delighted with the result.",
        "Your deposit is protected by law.",
        "Your booking isn't affected.",
        "Old receipts can be reused for a year.",  # rules, possibilities, promises
        "Nothing will be charged before June.",
        "Your line won't be cut off.",
        "You should have been warned earlier.",
        "Nothing was lost in the move.",  # no actor to name
        "No payment was taken.",
        "Being kept on hold for an hour is awful.",  # a gerund: an experience
        "The parcel was signed for by your neighbour.",  # the actor is named
        "The form was received and checked by our team.",
        "If the code was not sent, tell us.",  # what might have happened
    ],
)
def test_states_rules_and_named_actors_are_not_passive_voice(text: str) -> None:
    assert "passive-voice" not in rule_ids(text)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("Your visa application was refused.", "we refused"),
        ("Your refund wasn't approved.", "we didn't approve"),  # the negation is kept
        ("The form was not signed.", "we didn't sign"),
        ("The letter was never sent.", "we never sent"),
        ("The booking was cancelled.", "we cancelled"),  # the writer's own spelling
        ("The key was taken.", "we took"),
        ("Your card has been blocked.", "we've blocked"),
        ("Your card hasn't been blocked.", "we haven't blocked"),
        ("The slot had been moved.", "we'd moved"),
        ("Your claim is being reviewed.", "we're reviewing"),
        ("The order is being cancelled.", "we're cancelling"),
    ],
)
def test_passive_hint_keeps_tense_and_negation(text: str, hint: str) -> None:
    (f,) = [f for f in findings(text) if f.rule_id == "passive-voice"]
    assert f"“{hint}…”" in f.message


def test_a_little_over_the_limit_is_an_idea_far_over_is_a_warning() -> None:
    text = " ".join(["We checked the parcel"] * 7) + "."  # 28 words
    (f,) = findings(text)
    assert f.rule_id == "long-sentence" and f.severity == "info"
    (g,) = findings(" ".join(["We checked the parcel"] * 10) + ".")  # 40 words
    assert g.rule_id == "long-sentence" and g.severity == "warning"


def test_an_everyday_sentence_with_long_common_words_is_not_hard() -> None:
    text = (
        "And I have reported the delivery to our driver quality team so they can "
        "check what happened at the restaurant handover."
    )
    assert "hard-sentence" not in rule_ids(text)


def test_warm_then_analyze_a_typical_reply() -> None:
    readability.warm()
    result = readability.analyze(parse("Hi Ana,\nThanks for waiting. It's fixed now."), DEFAULT)
    assert result.findings == ()
    assert result.stats["hard_sentences"] == 0 and result.stats["passive_voice"] == 0
