"""Moves as agents really write them: one family per test, positives and negatives."""

from __future__ import annotations

import pytest

from plugin.coach.draft import parse
from plugin.coach.empathy import analyze
from plugin.coach.rules import load_pack

PACK = load_pack()


def moves(text: str, customer: str = "") -> set[str]:
    return {h.move for h in analyze(parse(text), PACK, None, None, customer).moves}


def has(move: str, text: str, customer: str = "") -> bool:
    return move in moves(text, customer)


# ---- greeting after @handles --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "@40411 Hi there, your parcel left the depot today.",
        "@pat_k @acme_help Hello! The update is out now.",
        "@9981 Good evening Tom, we checked the booking.",
        "Kia ora Hemi,\n\nYour new SIM is on its way.",
    ],
)
def test_a_greeting_after_leading_handles_counts(text: str) -> None:
    assert has("greeting", text)


@pytest.mark.parametrize(
    "text",
    ["@40411 Your parcel left the depot today.", "@40411 Sam, your parcel left today. Hi!"],
)
def test_no_greeting_word_at_the_start_is_no_greeting(text: str) -> None:
    assert not has("greeting", text)


# ---- thanks -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We have switched the plan over. Thanks - Dana",
        "Please DM us the booking code. Ty - Rob",
        "Your refund is on its way. Thx!",
        "Appreciate you flagging the broken link so quickly.",
        "Your patience is really appreciated while the line is busy.",
        "Thank you. The team has the report now.",
    ],
)
def test_thanks_in_any_form(text: str) -> None:
    assert has("thanks", text)


@pytest.mark.parametrize(
    "text",
    [
        "You're welcome, enjoy the new phone.",
        "We appreciate your concern, but the fee stands.",
        "Thanks to the new update, the app starts faster.",
        "> Thanks for nothing\nThe order ships on Monday.",
    ],
)
def test_no_thanks_for_brush_offs_causes_or_quoted_text(text: str) -> None:
    assert not has("thanks", text)


# ---- ownership -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I've rebooked you on the 7:15 coach to Leeds.",
        "I'm taking care of the return label myself.",
        "I'd be happy to look into this for you.",
        "We'll definitely pass your idea on to the design team.",
        "Please DM us the serial number so we can check the warranty.",
        "Let me take a closer look at the invoice.",
        "I've asked the courier to collect the box on Friday.",
        "We went ahead and cancelled the duplicate order.",
        "I can see it's loading fine on my end.",
    ],
)
def test_first_person_actions_are_ownership(text: str) -> None:
    assert has("ownership", text)


@pytest.mark.parametrize(
    "text",
    [
        "Please DM us so we can help you better.",
        "We will assist as soon as we can.",
        "The case is being looked into by the team.",
        "We can't refund a used voucher.",
        "We'll see what we can suggest.",
        "I'll do my best to help.",
    ],
)
def test_vague_negated_or_passive_wording_is_not_ownership(text: str) -> None:
    assert not has("ownership", text)


# ---- next steps ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Can you DM us your order number?",
        "Please restart the router and wait two minutes.",
        "Have you tried signing out and back in?",
        "We'd recommend clearing the app cache first.",
        "You'll need to contact the card issuer directly.",
        "The steps are in this guide: https://help.example.com/reset",
        "The shop will be back open tomorrow morning.",
        "I see your message came in. I'll reply to you there.",
    ],
)
def test_customer_actions_and_what_happens_next_are_next_steps(text: str) -> None:
    assert has("next_steps", text)


@pytest.mark.parametrize(
    "text",
    [
        "Which model is your phone?",
        "Please let us know the app version.",
        "Send us a DM if you have any questions.",
        "You'd have seen this if you'd read the manual.",
        "Hopefully it gets sorted soon.",
        "We love hearing this! ^KT https://t.co/abc123",
    ],
)
def test_questions_open_doors_and_blame_are_not_next_steps(text: str) -> None:
    assert not has("next_steps", text)


# ---- validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A double charge like that is really worrying.",
        "No wonder you're fed up after three calls.",
        "Losing a whole afternoon to this must have been exhausting.",
        "I can understand your concerns about the new fees.",
        "We know that's not fun.",
        "Sorry for the frustration this caused.",
        "It makes sense you'd be annoyed by the loop.",
    ],
)
def test_named_or_legitimised_feelings_validate(text: str) -> None:
    assert has("validate", text)


@pytest.mark.parametrize(
    "text",
    [
        "Sorry for any frustration.",
        "We understand, but the rules are the rules.",
        "That's not good at all.",
        "I hear you.",
    ],
)
def test_hedged_bare_or_judging_lines_do_not_validate(text: str) -> None:
    assert not has("validate", text)


# ---- closing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Keep us posted!",
        "DM us with any questions.",
        "If the code still fails, just reply here.",
        "Any questions, just let me know.",
        "We'll be standing by.",
        "If the label hasn't arrived by Monday, call me on the number below.",
    ],
)
def test_open_doors_wherever_they_sit_close(text: str) -> None:
    assert has("closing", text)


@pytest.mark.parametrize(
    "text",
    ["Hope this helps.", "We are happy to help!", "If you ordered before May, the price holds."],
)
def test_pleasantries_and_plain_conditions_are_no_closing(text: str) -> None:
    assert not has("closing", text)


# ---- acknowledgement --------------------------------------------------------------------------


def test_an_apology_naming_the_problem_in_the_customers_words_acknowledges() -> None:
    customer = "My parcel was marked delivered but it never came to my flat."
    assert has("acknowledge", "I'm sorry your parcel was never delivered to the flat.", customer)


@pytest.mark.parametrize(
    "text",
    [
        "Sorry to hear that.",
        "Sorry for the delay.",
        "Sorry about the parcel issues.",
        "You can track the parcel in the app under Orders.",
    ],
)
def test_generic_apologies_and_answers_do_not_acknowledge(text: str) -> None:
    customer = "My parcel was marked delivered but it never came to my flat."
    assert not has("acknowledge", text, customer)


# ---- never from quotes or the signature ----------------------------------------------------


def test_no_move_from_quoted_customer_text() -> None:
    text = "Hi Jo,\n\nThe refund is done.\n\n> Thanks. Please call me back, I'll check my bank."
    found = moves(text, "Please call me back")
    assert "thanks" not in found and "next_steps" not in found


def test_no_move_from_the_signature() -> None:
    text = "Hi Jo,\n\nThe refund is done.\n\nBest,\nJo Reyes\nCall Us Anytime"
    assert "next_steps" not in moves(text)


@pytest.mark.parametrize(
    "text",
    [
        "We're working very hard on the outage right now.",
        "We're not seeing any errors on the account.",
        "Lets take a closer look at the charge.",
        "So we can get our billing team on this, please call us.",
    ],
)
def test_more_ownership_families(text: str) -> None:
    assert has("ownership", text)


@pytest.mark.parametrize(
    "text",
    [
        "How can we fix things between us?",
        "That is not what you were told when we called.",
        "We'd be happy to get you headed in the right direction.",
        "We've just released version 3.2 of the app.",
    ],
)
def test_questions_past_events_and_pointers_are_not_ownership(text: str) -> None:
    assert not has("ownership", text)


@pytest.mark.parametrize(
    "text", ["Sorry, but that plan can't be shared.", "Sorry if the call never came through."]
)
def test_a_bare_or_conditional_sorry_is_an_apology(text: str) -> None:
    assert has("apologize", text)


def test_a_validated_situation_retold_in_the_customers_words_acknowledges() -> None:
    customer = "The lift in our block has been broken for nine days and my mum uses a wheelchair."
    draft = "Nine days without a working lift, with your mum in a wheelchair, is exhausting."
    assert {"validate", "acknowledge"} <= moves(draft, customer)


def test_a_validation_about_something_else_does_not_acknowledge() -> None:
    customer = "The lift in our block has been broken for nine days and my mum uses a wheelchair."
    assert "acknowledge" not in moves("That must be really frustrating.", customer)


@pytest.mark.parametrize(
    "text",
    [
        "A bill that size would worry anyone.",
        "Three hours on hold is a real pain.",
        "That's an awful position to be in.",
    ],
)
def test_situation_feelings_validate(text: str) -> None:
    assert has("validate", text)


@pytest.mark.parametrize(
    "text",
    [
        "I'll stay online tonight, so message me if anything goes wrong.",
        "If the app still won't open, please tell me directly.",
    ],
)
def test_contact_offered_on_a_condition_closes(text: str) -> None:
    assert has("closing", text)


def test_an_order_number_does_not_make_a_generic_apology_specific() -> None:
    customer = "Where is parcel NZ4411? It has been stuck for a week."
    assert "acknowledge" not in moves("Sorry for the delay with parcel NZ4411.", customer)


def test_a_plural_and_its_singular_are_the_same_problem_word() -> None:
    customer = "The queue at the airport was the longest line I have seen."
    assert has("acknowledge", "Sorry for the long lines at the airport.", customer)


def test_about_your_frames_a_restatement() -> None:
    customer = "My photos are not uploading from the phone app."
    assert has("acknowledge", "About your photos not uploading, please update the app.", customer)


def test_a_sentence_reusing_many_customer_words_restates_without_a_frame() -> None:
    customer = "You billed us for 40 seats in April although we removed 12 seats in March."
    draft = "You removed the 12 seats in March, and the April invoice still billed 40 seats."
    assert has("acknowledge", draft, customer)


def test_an_answer_reusing_the_customers_words_does_not_restate() -> None:
    customer = "You billed us for 40 seats in April although we removed 12 seats in March."
    draft = "You can remove seats in March or April from the billing page."
    assert not has("acknowledge", draft, customer)


@pytest.mark.parametrize(
    "text",
    [
        "Your photos are all still there; nothing was deleted.",
        "You won't be out of pocket for the cancelled trip.",
        "Your loyalty discount is protected.",
        "No further payments will be taken from your account.",
        "We will not cut off your gas supply.",
        "It's safe to install the update.",
    ],
)
def test_lines_that_take_a_worry_away_reassure(text: str) -> None:
    assert has("reassure", text)


@pytest.mark.parametrize(
    "text",
    [
        "You do NOT need to contact us about this.",
        "You won't be able to undo the transfer.",
        "The form is protected by a password.",
    ],
)
def test_shouted_or_blocking_lines_do_not_reassure(text: str) -> None:
    assert not has("reassure", text)


def test_a_rule_with_a_deadline_is_not_what_happens_next() -> None:
    assert not has("next_steps", "Items can only be exchanged within 30 days of delivery.")
    assert has("next_steps", "The replacement will reach you within 3 days.")


@pytest.mark.parametrize(
    "text", ["Olá Pedro,\n\nYour refund is done.", "G'day Sam, the part shipped."]
)
def test_greetings_in_other_languages_count(text: str) -> None:
    assert has("greeting", text)


def test_a_question_about_the_problem_checks_rather_than_restates() -> None:
    customer = "My card was declined at the pharmacy twice today."
    assert not has("acknowledge", "Did you call the bank about your card being declined?", customer)


def test_you_can_with_an_account_verb_is_a_step() -> None:
    assert has("next_steps", "You can change the delivery address from your account page.")


def test_hindsight_about_the_customer_is_no_step_but_an_obligation_is() -> None:
    assert not has("next_steps", "You should have read the setup guide before the update.")
    assert not has("next_steps", "You could have set a backup email before the reset.")
    assert has("next_steps", "You would have to restart the router once the light turns green.")


def test_no_move_from_a_customer_quote_in_an_html_blockquote() -> None:
    html = (
        "<p>Hi Jo,</p><p>Your refund is done.</p>"
        "<blockquote><p>Thanks. Please call me back, I'll check my bank.</p></blockquote>"
        "<p>Best,<br>Sam</p>"
    )
    found = {h.move for h in analyze(parse(html, "html"), PACK, None, None, "x").moves}
    assert not {"thanks", "next_steps", "ownership"} & found
