"""Every shipped rule's own examples (proselint / LanguageTool style).

bad examples must trigger the rule (for a move rule: lack the move), good ones
must not trip any anti-pattern (for a move rule: show the move). A shipped rule
without ``why`` or examples fails here, and every anti-pattern's rewrite of its
bad examples must remove the finding without creating another.
"""

from __future__ import annotations

import pytest

from plugin.coach.draft import parse
from plugin.coach.edits import apply
from plugin.coach.empathy import analyze
from plugin.coach.model import CustomerContext, Mood
from plugin.coach.rules import Rule, load_pack

PACK = load_pack()
RULES = {r.id: r for r in PACK.active}
CONTEXT = CustomerContext(first_name="Maria")
MOOD = Mood("frustrated", -0.5, topic="the late delivery")


def rule_ids(kind: str) -> list[str]:
    return sorted(r.id for r in RULES.values() if r.kind == kind)


def moves_in(text: str, move: str) -> list[str]:
    return [m.rule.id for m in PACK.find(text) if m.rule.kind == "move" and m.rule.move == move]


def avoid_in(text: str) -> list[str]:
    return [m.rule.id for m in PACK.find(text) if m.rule.kind == "avoid"]


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_is_documented(rule_id: str) -> None:
    rule = RULES[rule_id]
    assert rule.why, f"{rule_id}: add a 'why'"
    assert rule.examples_bad and rule.examples_good, f"{rule_id}: add bad and good examples"
    if rule.kind == "avoid":
        assert rule.replacement or rule.append, f"{rule_id}: offer a replacement"


@pytest.mark.parametrize("rule_id", rule_ids("avoid"))
def test_avoid_rule_examples(rule_id: str) -> None:
    rule = RULES[rule_id]
    for bad in rule.examples_bad:
        assert rule_id in avoid_in(bad), f"bad example not flagged: {bad!r}"
    for good in rule.examples_good:
        assert avoid_in(good) == [], f"good example flagged: {good!r}"


@pytest.mark.parametrize("rule_id", rule_ids("move"))
def test_move_rule_examples(rule_id: str) -> None:
    rule = RULES[rule_id]
    assert rule.move
    for good in rule.examples_good:
        assert rule_id in moves_in(good, rule.move), f"move not seen in {good!r}"
        assert avoid_in(good) == [], f"good example flagged: {good!r}"
    for bad in rule.examples_bad:
        assert moves_in(bad, rule.move) == [], f"{bad!r} should lack {rule.move}"


def _findings(text: str, rule: Rule) -> list[tuple[int, int]]:
    result = analyze(parse(text, names=("Maria",)), PACK, MOOD, CONTEXT)
    return [(f.start, f.end) for f in result.findings if f.rule_id == rule.id]


@pytest.mark.parametrize("rule_id", rule_ids("avoid"))
def test_avoid_rule_rewrites_fix_their_bad_examples(rule_id: str) -> None:
    rule = RULES[rule_id]
    for bad in rule.examples_bad:
        result = analyze(parse(bad, names=("Maria",)), PACK, MOOD, CONTEXT)
        flagged = [f for f in result.findings if f.rule_id == rule_id]
        assert flagged and all(f.suggestions for f in flagged), f"no rewrite for {bad!r}"
        for suggestion in flagged[0].suggestions:
            fixed = apply(bad, suggestion.edits)
            assert len(_findings(fixed, rule)) < len(flagged), f"{fixed!r} still flagged"
            added = set(avoid_in(fixed)) - set(avoid_in(bad))
            assert not added, f"rewrite {fixed!r} adds {added}"


# Every anti-pattern's rewrite, read in realistic sentences: the replacement must fit
# the words around the match, not just replace the phrase. First suggestion shown.
IN_PLACE: dict[str, list[tuple[str, str]]] = {
    "blame-you-should-have": [
        (
            "You should have read the setup guide first.",
            "Next time, it helps to read the setup guide first.",
        ),
        (
            "Honestly, you should have checked the size chart.",
            "Honestly, next time, it helps to check the size chart.",
        ),
        (
            "You should've contacted us before returning it.",
            "Next time, it helps to contact us before returning it.",
        ),
        # no participle to turn around: the second wording
        ("You should have everything ready first.", "It's best to have everything ready first."),
    ],
    "blame-you-failed-to": [
        (
            "You forgot to attach the receipt.",
            "It looks like you weren't able to attach the receipt.",
        ),
    ],
    "blame-you-didnt-read": [
        ("You didn't read the email we sent.", "You may have missed the email we sent."),
        (
            "You ignored the warning on the checkout page.",
            "You may have missed the warning on the checkout page.",
        ),
    ],
    "blame-you-didnt-check": [
        ("You didn't check the spam folder.", "It's worth checking the spam folder."),
        (
            "You did not look at the FAQ before writing.",
            "It's worth checking the FAQ before writing.",
        ),
    ],
    "blame-your-fault": [
        ("That's your fault for using the old link.", "That's an easy mix-up using the old link."),
        ("This is due to user error.", "This is due to an easy mix-up."),
    ],
    "blame-you-were-supposed-to": [
        ("You were supposed to click Confirm.", "The next step is to click Confirm."),
    ],
    "dismiss-calm-down": [
        ("Please calm down.", "I understand how frustrating this is."),
        ("You need to calm down before we continue.", "I understand how frustrating this is."),
        ("Calm down, we'll fix it.", "I understand how frustrating this is, we'll fix it."),
    ],
    "dismiss-overreacting": [
        (
            "You're overreacting about a small delay.",
            "I understand why you're upset about a small delay.",
        ),
        ("I think you're overreacting.", "I understand why you're upset."),
    ],
    "dismiss-already-said": [
        ("As I already said, the refund takes five days.", "The refund takes five days."),
        ("The refund takes five days, as I said.", "The refund takes five days."),
        ("As I've already told you, it ships Monday.", "It ships Monday."),
    ],
    "dismiss-told-you": [
        ("I already told you the refund takes five days.", "To recap, the refund takes five days."),
        ("I've told you before that we can't change it.", "To recap, we can't change it."),
    ],
    "dismiss-obviously": [
        ("The link has obviously expired.", "The link has expired."),
        ("With all due respect, that's not how it works.", "That's not how it works."),
    ],
    "dismiss-simply": [("You can simply reset the router.", "You can reset the router.")],
    "dismiss-all-you-need": [
        ("To fix it, you only have to clear the cache.", "To fix it, you can clear the cache."),
    ],
    "dismiss-its-easy": [
        ("It's easy to reset your password.", "Here's how to reset your password."),
        ("It's really simple: go to Settings.", "Here's how: go to Settings."),
    ],
    "dismiss-must-understand": [
        ("You must understand we get many requests.", "It helps to know we get many requests."),
    ],
    "youre-wrong": [
        ("You're wrong about the cancellation fee.", "Let me clarify the cancellation fee."),
        (
            "That's not true, we never charged you twice.",
            "Let me clarify, we never charged you twice.",
        ),
        ("You've misunderstood the refund policy.", "Let me clarify the refund policy."),
    ],
    "policy-per-our-policy": [
        (
            "Due to our policy, we can't ship to PO boxes.",
            "As part of our process, we can't ship to PO boxes.",
        ),
    ],
    "policy-its-policy": [
        (
            "I can't change the date, it's company policy.",
            "I can't change the date, that's how our process works.",
        ),
    ],
    "policy-against-policy": [
        ("That would be against our policy.", "That would be outside what we can offer."),
    ],
    "policy-against-policy-to": [
        (
            "Sorry, it is against our policy to refund opened items.",
            "Sorry, we're not set up to refund opened items.",
        ),
    ],
    "policy-doesnt-allow": [
        (
            "Company policy prohibits sharing account details.",
            "Our process doesn't include sharing account details.",
        ),
    ],
    "cant-language": [
        (
            "We can't refund this order.",
            "We can't refund this order. Here's what I can do instead:",
        ),
        (
            "I'm unable to change the date",
            "I'm unable to change the date. Here's what I can do instead:",
        ),
    ],
    "cant-nothing-we-can-do": [
        (
            "There's nothing more we can do about the delay.",
            "There's only so much we can do about the delay.",
        ),
        (
            "I'm afraid there's nothing I can do at this point.",
            "I'm afraid there's only so much we can do at this point.",
        ),
    ],
    "robotic-inconvenience": [
        (
            "We apologize for any inconvenience.",
            "I'm sorry for the trouble with the late delivery.",
        ),
        (
            "It shipped and we apologize for any inconvenience caused.",
            "It shipped and I'm sorry for the trouble with the late delivery.",
        ),
    ],
    "robotic-important-to-us": [
        ("As a valued customer, you get free returns.", "You get free returns."),
        ("We value your business and hope to see you again.", "Hope to see you again."),
    ],
    "policy-not-here": [
        (
            "We can't help with billing questions here.",
            "To keep your details private, let's continue somewhere safer.",
        ),
    ],
    "robotic-stock-offer": [
        (
            "For the best possible support, please visit our help site.",
            "Please visit our help site.",
        ),
    ],
    "robotic-formal-notice": [
        ("Kindly be informed that the office is closed.", "The office is closed."),
    ],
    "robotic-regret-inform": [
        (
            "I regret to inform you that your claim was declined.",
            "Unfortunately, your claim was declined.",
        ),
    ],
    "robotic-earliest-convenience": [
        (
            "At your earliest convenience, please confirm the address.",
            "When you have a moment, please confirm the address.",
        ),
    ],
    "robotic-finds-you-well": [("I hope this email finds you well. It shipped.", "It shipped.")],
    "greeting-generic": [
        ("Dear customer, thanks for your message.", "Hi Maria, thanks for your message.")
    ],
    "greeting-there": [
        ("Hello there, thanks for your message.", "Hi Maria, thanks for your message.")
    ],
    # the families added for real agents' wording
    "policy-rule-as-final": [
        (
            "Sorry, the admin fee is non-refundable.",
            "Sorry, the admin fee is non-refundable. The reason is:",
        )
    ],
    "cant-outside-what-we-can": [
        (
            "There's not a lot we can do about the roadworks.",
            "There's not a lot we can do about the roadworks. Here's what I can do instead:",
        )
    ],
    "dismiss-for-the-nth-time": [
        ("For the third time, the code only works once.", "The code only works once.")
    ],
    "dismiss-clearly-stated": [
        (
            "The limit is clearly stated on the pricing page.",
            "The limit is stated on the pricing page.",
        )
    ],
    "dismiss-language": [
        ("Please refrain from using that kind of language.", "I can hear how frustrated you are.")
    ],
    "dismiss-before-contacting-us": [
        (
            "Please check your bank app before contacting us again.",
            "Please check your bank app first.",
        )
    ],
    "dismiss-be-patient": [
        ("Please be patient while we check.", "Thanks for bearing with us while we check.")
    ],
    "dismiss-resolves-itself": [
        ("These things usually resolve themselves.", "I'll keep an eye on this and update you.")
    ],
    "blame-if-you-had-read": [
        ("You'd have seen this if you'd read the FAQ.", "This is explained in the FAQ.")
    ],
    "blame-would-not-have-happened": [
        ("If you had updated the app this wouldn't have happened.", "Let's get this sorted now.")
    ],
    "blame-be-more-careful": [
        (
            "You need to be more careful with your password.",
            "It helps to take extra care with your password.",
        )
    ],
    "blame-you-must-have": [
        ("You must have typed the old address.", "You may have typed the old address.")
    ],
    "robotic-expectations": [
        (
            "I'm sorry the stay fell short of your expectations.",
            "I'm sorry the stay wasn't up to standard.",
        )
    ],
    "robotic-assist-further": [
        ("Please call our billing line for further assistance.", "Please call our billing line.")
    ],
    "robotic-stock-closing": [
        (
            "Please do not hesitate to contact us should you have any further questions.",
            "If anything else comes up, just reply to this email.",
        )
    ],
    "handoff-someone-will": [
        ("Someone will be in touch about the refund.", "I'll be in touch about the refund.")
    ],
    "handoff-passed-to-team": [
        (
            "I've passed your complaint to the relevant team.",
            "I've passed your complaint to the relevant team. I'll update you by…",
        )
    ],
    "handoff-feedback-logged": [
        ("Your feedback has been noted.", "Your feedback has been noted. What happens next:")
    ],
    "handoff-being-looked-into": [
        ("The issue is being looked into.", "The issue is being looked into. I'll update you by…")
    ],
    "dismiss-do-it-correctly": [
        (
            "The code is case-sensitive, so type it correctly.",
            "The code is case-sensitive, so enter it exactly as shown.",
        )
    ],
    "blame-as-you-did": [
        (
            "As you shared the code, the payment stands.",
            "As the records show you shared the code, the payment stands.",
        )
    ],
    "handoff-no-when": [
        (
            "Your balance will be returned to you.",
            "Your balance will be returned to you. I'll confirm the date by…",
        )
    ],
}


def test_every_anti_pattern_is_read_in_place() -> None:
    assert sorted(IN_PLACE) == rule_ids("avoid")


@pytest.mark.parametrize(
    ("rule_id", "sentence", "fixed"),
    [(rule_id, s, f) for rule_id, cases in sorted(IN_PLACE.items()) for s, f in cases],
)
def test_rewrite_reads_well_in_place(rule_id: str, sentence: str, fixed: str) -> None:
    result = analyze(parse(sentence, names=("Maria",)), PACK, MOOD, CONTEXT)
    flagged = [f for f in result.findings if f.rule_id == rule_id]
    assert flagged and flagged[0].suggestions, f"{rule_id} offers nothing for {sentence!r}"
    assert apply(sentence, flagged[0].suggestions[0].edits) == fixed
