"""Mood moves and category severities in the store: validated, merged per scope with
provenance, versioned, exported and imported back exactly, compiled into the coach."""

from __future__ import annotations

import pytest

from plugin.store.compiled import CompiledPacks
from plugin.store.errors import PackInvalid
from plugin.store.packs import PackStore
from plugin.store.records import Author
from plugin.store.scopes import ScopeQuery

ANA = Author(1, "Ana")
SETTINGS_BLOCK = """\
settings:
  mood_moves:
    calm: [next_steps, closing]
  category_severity:
    spelling_grammar: error
"""


@pytest.fixture
def layered(seeded: PackStore) -> PackStore:
    seeded.save(
        "acme",
        base=1,
        author=ANA,
        layers={
            "brand:360": {
                "settings": {
                    "mood_moves": {"angry": ["validate"]},
                    "category_severity": {"tone": "info", "jargon": "off"},
                }
            },
            "group:12": {"settings": {"category_severity": {"tone": "error"}}},
        },
    )
    return seeded


def test_scopes_merge_mood_by_mood_and_category_by_category(layered: PackStore) -> None:
    eff = layered.effective("acme", ScopeQuery(brand="360", group="12"))
    assert eff.settings["mood_moves"] == {"angry": ["validate"]}
    assert eff.settings["category_severity"] == {"tone": "error", "jargon": "off"}
    assert eff.provenance["settings.category_severity.tone"] == "group:12"
    assert eff.provenance["settings.category_severity.jargon"] == "brand:360"
    assert eff.provenance["settings.mood_moves.angry"] == "brand:360"
    assert "settings.mood_moves.calm" not in eff.provenance  # built-in default
    # the effective document carries them, so a scope's export coaches the same way
    assert eff.document["settings"] == eff.settings


def test_the_compiled_coach_of_a_scope_gets_its_settings(layered: PackStore) -> None:
    packs = CompiledPacks(layered, "acme", ttl=60)
    both = packs.get(ScopeQuery(brand="360", group="12")).settings
    assert dict(both.category_severity) == {"tone": "error", "jargon": "off"}
    assert both.moves_for("angry") == frozenset({"validate"})
    assert both.moves_for("frustrated") == packs.get().settings.moves_for("frustrated")
    assert packs.get(ScopeQuery(brand="1")).settings.category_severity == ()


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        ({"mood_moves": {"angry": ["apologize", "wave"]}}, "settings.mood_moves.angry[1]"),
        ({"mood_moves": {"elated": []}}, "settings.mood_moves.elated"),
        ({"category_severity": {"tone": "critical"}}, "settings.category_severity.tone"),
    ],
)
def test_a_bad_layer_is_refused_whole_naming_scope_and_field(
    seeded: PackStore, settings: dict[str, object], field: str
) -> None:
    with pytest.raises(PackInvalid) as err:
        seeded.save(
            "acme",
            base=1,
            author=ANA,
            layers={
                "brand:1": {"settings": {"target_grade": 6}},
                "brand:2": {"settings": settings},
            },
        )
    assert [(p.scope, p.field) for p in err.value.problems] == [("brand:2", field)]
    assert seeded.head_number("acme") == 1


def test_an_account_settings_block_round_trips_and_is_versioned(seeded: PackStore) -> None:
    text = seeded.export_yaml("acme") + SETTINGS_BLOCK
    v2 = seeded.import_yaml("acme", text, base=1, author=ANA)
    assert seeded.export_yaml("acme") == text
    assert "settings: category_severity.spelling_grammar, mood_moves.calm" in v2.summary["text"]
    eff = seeded.effective("acme")
    assert eff.provenance["settings.mood_moves.calm"] == "account"
    assert eff.settings["category_severity"] == {"spelling_grammar": "error"}
    # a scope's effective export is a pack the CLI reads, settings included
    layered = seeded.save(
        "acme",
        base=2,
        author=ANA,
        layers={"channel:chat": {"settings": {"mood_moves": {"calm": []}}}},
    )
    scoped = seeded.export_yaml("acme", where=ScopeQuery(channel="chat"))
    v4 = seeded.import_yaml("acme", scoped, base=layered.number, author=ANA)
    assert seeded.export_yaml("acme", v4.number) == scoped
    assert seeded.effective("acme").settings["mood_moves"] == {"calm": []}
    seeded.rollback("acme", to=1, base=v4.number, author=ANA)
    assert "settings" not in seeded.effective("acme").document


def test_an_import_with_a_bad_setting_names_its_line(seeded: PackStore) -> None:
    text = seeded.export_yaml("acme")
    bad = text + "settings:\n  category_severity:\n    tone: loud\n"
    with pytest.raises(PackInvalid) as err:
        seeded.import_yaml("acme", bad, base=1, author=ANA)
    (problem,) = err.value.problems
    assert (problem.field, problem.line) == (
        "settings.category_severity.tone",
        len(bad.splitlines()),
    )
