"""Effective pack per scope: account -> brand -> group -> channel, with provenance."""

from __future__ import annotations

from pathlib import Path

import pytest

from plugin.coach.rules import load_pack
from plugin.store.errors import PackInvalid
from plugin.store.packs import PackStore
from plugin.store.records import Author
from plugin.store.scopes import ScopeQuery, ScopeRef

ANA = Author(1, "Ana")


@pytest.fixture
def layered(seeded: PackStore) -> PackStore:
    seeded.save(
        "acme",
        base=1,
        author=ANA,
        layers={
            "brand:360": {
                "rules": [{"id": "thanks-for", "severity": "warning", "message": "Say thanks."}],
                "glossary": [{"term": "RMA", "plain": "return number"}],
                "settings": {"target_grade": 6},
            },
            "group:12": {"rules": [{"id": "thanks-for", "severity": "error"}]},
            "channel:chat": {"disable": ["thanks-for"], "settings": {"max_sentence_words": 18}},
        },
    )
    return seeded


def _rule(doc: dict[str, object], rule_id: str) -> dict[str, object] | None:
    rules = doc["rules"]
    assert isinstance(rules, list)
    return next((r for r in rules if r["id"] == rule_id), None)


def test_account_default_everywhere_without_overrides(layered: PackStore) -> None:
    eff = layered.effective("acme", ScopeQuery(brand="999", group="3", channel="email"))
    assert eff.scopes == ("account",)
    shipped = layered.snapshot("acme", 1).pack
    assert _rule(eff.document, "thanks-for") == _rule(shipped, "thanks-for")
    assert eff.provenance["rules.thanks-for.severity"] == "account"
    assert eff.settings == {}


def test_brand_override_applies_to_its_brand_only(layered: PackStore) -> None:
    eff = layered.effective("acme", ScopeQuery(brand="360"))
    rule = _rule(eff.document, "thanks-for")
    assert rule is not None and (rule["severity"], rule["message"]) == ("warning", "Say thanks.")
    assert eff.provenance["rules.thanks-for.severity"] == "brand:360"
    assert eff.provenance["rules.thanks-for.phrases"] == "account"  # untouched fields inherit
    assert eff.provenance["glossary.rma"] == "brand:360"
    assert eff.settings == {"target_grade": 6}
    assert eff.provenance["settings.target_grade"] == "brand:360"
    other = layered.effective("acme", ScopeQuery(brand="361"))
    shipped = _rule(layered.snapshot("acme", 1).pack, "thanks-for")
    assert _rule(other.document, "thanks-for") == shipped


def test_more_specific_scope_wins_and_says_so(layered: PackStore) -> None:
    eff = layered.effective("acme", ScopeQuery(brand="360", group="12"))
    assert eff.scopes == ("account", "brand:360", "group:12")
    rule = _rule(eff.document, "thanks-for")
    assert rule is not None
    assert (rule["severity"], rule["message"]) == ("error", "Say thanks.")
    assert eff.provenance["rules.thanks-for.severity"] == "group:12"
    assert eff.provenance["rules.thanks-for.message"] == "brand:360"


def test_a_channel_can_switch_a_rule_off(layered: PackStore) -> None:
    eff = layered.effective("acme", ScopeQuery(brand="360", group="12", channel="chat"))
    assert _rule(eff.document, "thanks-for") is None
    assert eff.disabled == {"thanks-for": "channel:chat"}
    assert eff.provenance["rules.thanks-for.enabled"] == "channel:chat"
    assert eff.settings == {"target_grade": 6, "max_sentence_words": 18}
    # the order of the query does not matter, only the kinds
    same = layered.effective("acme", [ScopeRef("channel", "chat"), ScopeRef("brand", "360")])
    assert _rule(same.document, "thanks-for") is None


def test_layer_mistakes_name_scope_rule_and_field(seeded: PackStore) -> None:
    with pytest.raises(PackInvalid) as caught:
        seeded.save(
            "acme",
            base=1,
            author=ANA,
            layers={
                "brand:1": {"disable": ["no-such-rule"]},
                "group:2": {"settings": {"target_grade": 99}},
                "channel:web": {"colour": "red"},
            },
        )
    found = {(p.scope, p.rule, p.field) for p in caught.value.problems}
    assert found == {
        ("brand:1", "no-such-rule", "disable"),
        ("group:2", None, "settings.target_grade"),
        ("channel:web", None, "colour"),
    }


def test_a_scope_may_add_a_rule_of_its_own_validated_like_the_pack(seeded: PackStore) -> None:
    new = {"id": "brand-sign-off", "category": "closing", "kind": "avoid", "message": "Too stiff."}
    with pytest.raises(PackInvalid) as caught:  # no phrase or pattern
        seeded.save("acme", base=1, author=ANA, layers={"brand:4": {"rules": [new]}})
    (problem,) = caught.value.problems
    assert (problem.scope, problem.rule, problem.field) == ("brand:4", "brand-sign-off", "phrases")
    new["phrases"] = ["yours faithfully"]
    seeded.save("acme", base=1, author=ANA, layers={"brand:4": {"rules": [new]}})
    eff = seeded.effective("acme", ScopeQuery(brand="4"))
    assert _rule(eff.document, "brand-sign-off") is not None
    assert eff.provenance["rules.brand-sign-off.kind"] == "brand:4"
    assert _rule(seeded.effective("acme").document, "brand-sign-off") is None


def test_export_of_a_scope_is_its_effective_pack_in_the_cli_schema(
    layered: PackStore, tmp_path: Path
) -> None:
    path = tmp_path / "brand.yaml"
    path.write_text(layered.export_yaml("acme", where=ScopeQuery(brand="360")), encoding="utf-8")
    pack = load_pack(path)
    assert pack.rule("thanks-for").message == "Say thanks."
    assert ("RMA", "return number") in {(g.term, g.plain) for g in pack.glossary}
