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
