"""The account's say over the coach: which moves each mood needs, and severities per category."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from plugin.coach import pack_settings
from plugin.coach.model import Review, Settings
from plugin.coach.review import CheckRequest, Coach
from plugin.coach.rules import RulePackError, compile_pack, load_pack

PACK = load_pack()
UPSET = (
    "This is ridiculous! My parcel has still not arrived after three weeks and nobody "
    "answers my emails. I am furious."
)
CALM = "Hi, how do I change my email address in the app? Thanks"
PLAIN_REPLY = (
    "Hello Dana,\n\nThe parcel is with the courier. It will arrive on Friday.\n\nBest,\nLee"
)


def review(settings: Settings, customer: str, draft: str = PLAIN_REPLY) -> Review:
    coach = Coach(pack=PACK, settings=settings)
    return coach.review(CheckRequest(draft=draft, customer_message=customer))


def severity_of(r: Review, rule_id: str) -> str | None:
    return next((f.severity for f in r.findings if f.rule_id == rule_id), None)


def test_an_upset_customer_is_owed_an_apology_by_default() -> None:
    r = review(Settings(), UPSET)
    assert r.customer_mood is not None and r.customer_mood.label in {"frustrated", "angry"}
    assert severity_of(r, "missing-apologize") == "warning"


def test_unticking_a_move_for_a_mood_turns_its_warning_into_an_idea_and_back() -> None:
    mood = review(Settings(), UPSET).customer_mood
    assert mood is not None
    without = pack_settings.apply(
        Settings(), {"mood_moves": {mood.label: ["validate", "ownership", "next_steps"]}}
    )
    relaxed = review(without, UPSET)
    assert severity_of(relaxed, "missing-apologize") == "info"
    assert severity_of(relaxed, "missing-validate") == "warning"  # other moves still asked
    again = pack_settings.apply(without, {"mood_moves": {mood.label: ["apologize"]}})
    assert severity_of(review(again, UPSET), "missing-apologize") == "warning"


def test_ticking_a_move_for_a_calm_customer_makes_its_absence_a_warning() -> None:
    before = review(Settings(), CALM)
    assert severity_of(before, "missing-closing") == "info"
    assert severity_of(before, "missing-thanks") is None  # never asked of a calm question
    asked = pack_settings.apply(Settings(), {"mood_moves": {"calm": ["closing", "thanks"]}})
    after = review(asked, CALM, "Hello Dana,\n\nOpen Profile and choose Email to change it.")
    assert severity_of(after, "missing-closing") == "warning"
    assert severity_of(after, "missing-thanks") == "warning"
    assert "thanks" in after.missing_moves
    assert after.score < review(Settings(), CALM, "Hello Dana,\n\nOpen Profile.").score


def test_other_moods_keep_their_defaults_when_one_mood_is_changed() -> None:
    changed = pack_settings.apply(Settings(), {"mood_moves": {"calm": []}})
    assert changed.moves_for("angry") == Settings().moves_for("angry")
    assert changed.moves_for("calm") == frozenset()


def test_a_category_severity_changes_the_finding_and_the_score() -> None:
    base = review(Settings(), CALM)
    tone = [f for f in base.findings if f.category == "tone"]
    assert tone and all(f.severity == "warning" for f in tone)
    soft = review(pack_settings.apply(Settings(), {"category_severity": {"tone": "info"}}), CALM)
    assert {f.severity for f in soft.findings if f.category == "tone"} == {"info"}
    assert soft.score > base.score
    assert soft.categories["tone"].points_lost == 0
    hard = review(pack_settings.apply(Settings(), {"category_severity": {"tone": "error"}}), CALM)
    assert {f.severity for f in hard.findings if f.category == "tone"} == {"error"}
    assert hard.categories["tone"].status == "fail"
    assert hard.score < base.score


def test_a_category_turned_off_is_not_coached_or_scored() -> None:
    off = review(pack_settings.apply(Settings(), {"category_severity": {"tone": "off"}}), CALM)
    assert not [f for f in off.findings if f.category == "tone"]
    assert off.categories["tone"].status == "n/a"
    assert off.categories["tone"].points_lost == 0


def test_empathy_turned_off_asks_for_no_empathy_move() -> None:
    off = pack_settings.apply(Settings(), {"category_severity": {"empathy": "off"}})
    r = review(off, UPSET)
    assert not {"apologize", "validate"} & set(r.missing_moves)
    assert severity_of(r, "missing-apologize") is None
    assert "ownership" in r.missing_moves  # solution offered is still coached
    assert r.categories["empathy"].status == "n/a"


def test_default_goes_back_to_each_rules_own_severity() -> None:
    strict = pack_settings.apply(Settings(), {"category_severity": {"tone": "error"}})
    back = pack_settings.apply(strict, {"category_severity": {"tone": "default"}})
    assert back.category_severity == ()
    assert review(back, CALM).score == review(Settings(), CALM).score


@pytest.mark.parametrize(
    ("block", "field"),
    [
        (
            {"mood_moves": {"angry": ["apologize", "validate", "hug"]}},
            "settings.mood_moves.angry[2]",
        ),
        ({"mood_moves": {"grumpy": ["apologize"]}}, "settings.mood_moves.grumpy"),
        ({"mood_moves": {"calm": "thanks"}}, "settings.mood_moves.calm"),
        ({"mood_moves": {"calm": ["thanks", "thanks"]}}, "settings.mood_moves.calm[1]"),
        ({"category_severity": {"tone": "loud"}}, "settings.category_severity.tone"),
        ({"category_severity": {"weather": "info"}}, "settings.category_severity.weather"),
        ({"target_grade": 99}, "settings.target_grade"),
        ({"colour": "blue"}, "settings.colour"),
    ],
)
def test_bad_settings_are_refused_naming_the_field(block: dict[str, object], field: str) -> None:
    assert [p for p, _ in pack_settings.problems(block)] == [field]
    with pytest.raises(RulePackError, match=re.escape(field)):
        compile_pack({"rules": [], "settings": block}, "mine.yaml")


PACK_FILE = """\
version: "1"
rules: []
settings:
  mood_moves:
    angry: [apologize, validate, hug]
  category_severity:
    tone: loud
"""


def test_a_pack_file_names_the_line_of_each_bad_setting(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK_FILE)
    with pytest.raises(RulePackError) as err:
        pack_settings.read_file(path)
    message = str(err.value)
    assert "line 5: settings.mood_moves.angry[2]: unknown move 'hug'" in message
    assert "line 7: settings.category_severity.tone" in message


def test_a_bare_yaml_off_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text("rules: []\nsettings:\n  category_severity:\n    jargon: off\n")
    with pytest.raises(RulePackError, match="line 4: .*write 'off' in quotes"):
        pack_settings.read_file(path)


def test_a_pack_file_settings_block_reaches_the_coach(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text('version: "1"\nrules: []\nsettings:\n  category_severity: {tone: "off"}\n')
    settings = pack_settings.apply(Settings(), pack_settings.read_file(path))
    assert settings.category_severity == (("tone", "off"),)
    assert replace(settings, category_severity=()) == Settings()
