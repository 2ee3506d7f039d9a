"""Anti-patterns as families of wording, each with the look-alikes that must stay clean.

Every sentence here is written for this test: a positive must be flagged by the
family's rule, a look-alike must not be flagged by any anti-pattern at all.
"""

from __future__ import annotations

import pytest

from plugin.coach.rules import load_pack

PACK = load_pack()


def avoid_ids(text: str) -> set[str]:
    return {m.rule.id for m in PACK.find(text) if m.rule.kind == "avoid"}


FLAGGED = [
    # refusal without an alternative
    ("cant-outside-what-we-can", "Sadly there's very little we can do now."),
    ("cant-outside-what-we-can", "That is not something we can help with."),
    ("cant-outside-what-we-can", "Roadworks are beyond our control."),
    ("cant-language", "Your lost coins cannot be reinstated."),
    ("cant-language", "We couldn't offer a voucher for this."),
    # policy without a reason
    ("policy-per-our-policy", "Per our exchange policy, worn shoes are final sale."),
    ("policy-per-our-policy", "This is handled under our cancellation terms."),
    ("policy-per-our-policy", "In keeping with our booking conditions, the deposit is kept."),
    ("policy-rule-as-final", "Gift cards are non-transferable."),
    ("policy-rule-as-final", "We accept no exceptions, regardless of the reason."),
    # "as I said" in all its forms
    ("dismiss-already-said", "As I mentioned before, the form is online."),
    ("dismiss-already-said", "As we previously explained, the card expired."),
    ("dismiss-already-said", "As noted above, we ship on Fridays."),
    ("dismiss-already-said", "As per my previous reply, the box is on its way."),
    ("dismiss-for-the-nth-time", "For the second time: the link expires after an hour."),
    # blame
    ("blame-you-must-have", "You must have clicked the wrong button."),
    ("blame-if-you-had-read", "You would have known this if you had read the guide."),
    ("blame-would-not-have-happened", "It wouldn't have happened if you had saved the file."),
    ("blame-be-more-careful", "In future, please be more careful with the address."),
    ("blame-as-you-did", "Because you disclosed the passcode, the loss stands."),
    # dismissal
    ("dismiss-its-easy", "It's honestly very simple to do."),
    ("dismiss-language", "I must ask you to refrain from using such language."),
    ("dismiss-before-contacting-us", "Read the FAQ before calling us."),
    ("dismiss-clearly-stated", "The cut-off was clearly marked on the page."),
    (
        "dismiss-resolves-itself",
        "Glitches like this usually sort themselves out. Such issues tend to clear up.",
    ),
    ("dismiss-do-it-correctly", "Just enter the code correctly."),
    # ownerless hand-offs and promises with no when
    ("handoff-someone-will", "One of our specialists will get back to you."),
    ("handoff-passed-to-team", "We have escalated this to the appropriate department."),
    ("handoff-feedback-logged", "I've recorded your comments."),
    ("handoff-being-looked-into", "Your case is being investigated. The fault is being worked on."),
    ("handoff-no-when", "Your refund should be processed shortly."),
    # stock lines
    ("robotic-important-to-us", "Your privacy is extremely important to us."),
    ("robotic-inconvenience", "We apologise for any hassle and inconvenience caused."),
    ("robotic-stock-closing", "Please do not hesitate to contact us if you need any help."),
    ("robotic-assist-further", "Please DM us your email so we can assist you further."),
    ("robotic-important-to-us", "Our bank is fully committed to supporting customers in need."),
    ("robotic-important-to-us", "We are always interested in your feedback on the new app."),
    # the help-desk advert under any message
    ("robotic-stock-offer", "Our gaming support crew is always just an @ away!"),
    ("robotic-stock-offer", "Ping us anytime for official console support."),
    ("robotic-stock-offer", "For the best possible assistance, visit our help pages."),
    ("robotic-stock-offer", "I can sort out any billing or account issues for you."),
    ("robotic-stock-offer", "Happy to answer any questions you might have about your account."),
    ("robotic-stock-offer", "We have no new details to share on the launch."),
    # a channel rule with no reason
    ("policy-not-here", "Sorry, we are unable to look into refunds on social media."),
    ("policy-not-here", "I can't access order details over Twitter."),
    # scolding the customer's words
    ("dismiss-language", "It is really hurtful when you insult our crew like that."),
    ("dismiss-language", "There's no need for that kind of language."),
    # a bare "not supported" in so many words
    ("cant-outside-what-we-can", "That lens is not supported in the old editor as of now."),
]


@pytest.mark.parametrize(("rule_id", "text"), FLAGGED)
def test_each_family_is_flagged(rule_id: str, text: str) -> None:
    assert rule_id in avoid_ids(text)


CLEAN = [
    # a can't with what we can do, or in the customer's favour
    "We can't refund the ticket, but you can move it to any date this year.",
    "A household gas supply can't be cut off without a court order.",
    "The points can't be restored automatically, so I've added them back by hand.",
    # a policy with its reason, or in the customer's favour
    "Per our returns policy, we refund within 30 days because that is what the card issuer allows.",
    "Under our terms, you're entitled to a full refund.",
    "You booked a non-refundable room, so I've asked the hotel to waive the fee.",
    # agent admitting fault, or the customer's event
    "You should have been told about the change, and I'm sorry you weren't.",
    "You should have had the refund by now; I've chased it.",
    "Your card was declined for the third time today, so I've lifted the block.",
    "I'm sorry you had to ask for the second time.",
    "The fee wasn't clearly shown at checkout, so I've refunded it.",
    "You must have been so worried when the money left your account.",
    # first person, with a time
    "Someone from our returns team will call you tomorrow at 10am.",
    "I've passed this to the relevant team and I'll update you by Friday.",
    "Your feedback goes straight to the designers of the app.",
    "I'm looking into it myself and the refund will be processed by Thursday.",
    # plain statements that look alike
    "You're right that nothing changed on your side.",
    "A three-hour wait is not OK.",
    "If you'd like to talk it through, just reply.",
    "I'll keep an eye on it.",
    "If you need any further assistance, just reply to this email.",
    "Your refund for the billing error is on its way today.",
    "The best support for this printer is its latest driver, linked below.",
    "That lens is not supported in the old editor as of now, but the new one reads it.",
    "We'll share the details of the launch on Monday.",
    "It's upsetting to hear the crew spoke to you like that.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_look_alikes_are_not_flagged(text: str) -> None:
    assert avoid_ids(text) == set()


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        # the next sentence's words are no time for this promise
        ("handoff-no-when", "It should be sorted soon. Most parcels turn up within a week."),
        (
            "handoff-being-looked-into",
            "The fault is being investigated. It is caused by old pipes.",
        ),
        # "the reason" we can't give is no reason for the rule
        ("policy-per-our-policy", "We can't share the reason for this due to company policy."),
    ],
)
def test_context_from_the_wrong_place_does_not_excuse(rule_id: str, text: str) -> None:
    assert rule_id in avoid_ids(text)


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("youre-wrong", "We have no record of any such agreement."),
        ("robotic-expectations", "I'm sorry the stay fell short of your expectations."),
    ],
)
def test_disbelief_and_form_regret(rule_id: str, text: str) -> None:
    assert rule_id in avoid_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "We can't discuss account details publicly, because anyone could read them.",
        "To protect your privacy, we can't review orders on Twitter.",
        "We can't help with that yet, but the fix ships on Monday.",
    ],
)
def test_a_channel_rule_with_its_reason_is_no_policy_shield(text: str) -> None:
    assert "policy-not-here" not in avoid_ids(text)
