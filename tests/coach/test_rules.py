"""Rule packs: loading, validation errors, matching semantics and scaling."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from plugin.coach.model import CATEGORIES, MOVES
from plugin.coach.rules import (
    DEFAULT_PACK,
    RulePack,
    RulePackError,
    compile_pack,
    load_pack,
)
from plugin.coach.triggers import triggers


def rule(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "blame-you-should-have",
        "category": "tone",
        "kind": "avoid",
        "phrases": ["you should have"],
        "severity": "warning",
        "message": "Reads as blame.",
    }
    base.update(over)
    return base


def pack_of(*rules: dict[str, Any], **top: Any) -> RulePack:
    return compile_pack({"version": 1, "locale": "en", "rules": list(rules), **top}, "test.yaml")


def ids(pack: RulePack, text: str) -> list[str]:
    return [m.rule.id for m in pack.find(text)]


def write(tmp_path: Path, data: object, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


# ---- the shipped pack ---------------------------------------------------------


def test_shipped_pack_loads_strict_and_is_cached() -> None:
    pack = load_pack(strict=True)
    assert pack is load_pack(strict=True)
    assert pack.version == "1" and pack.locale == "en"
    assert {r.category for r in pack.rules} <= set(CATEGORIES)
    assert len({r.id for r in pack.rules}) == len(pack.rules)


def test_shipped_pack_covers_every_move_and_has_glossary() -> None:
    pack = load_pack()
    covered = {r.move for r in pack.active if r.kind == "move"}
    assert covered == set(MOVES)
    terms = {g.term.lower() for g in pack.glossary}
    assert {"sla", "t2", "escalate", "eta", "rma", "kb", "cache"} <= terms
    assert {"ok", "faq", "usa", "pdf", "pin"} <= pack.allowlist


# ---- validation -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        ({"category": "vibes"}, "unknown category"),
        ({"kind": "substitution"}, "unknown kind"),
        ({"kind": "move", "move": "hug"}, "unknown move"),
        ({"kind": "move"}, "needs a 'move'"),
        ({"patterns": ["(unclosed"]}, "bad regex"),
        ({"message": ""}, "missing 'message'"),
        ({"severity": "fatal"}, "unknown severity"),
        ({"phrase": ["typo key"]}, "unknown keys"),
        ({"phrases": [], "patterns": []}, "at least one phrase or pattern"),
        ({"replacement": "Hi {nickname}"}, "unknown placeholder"),
        ({"context_words": 0}, "context_words"),
        ({"examples": {"bad": ["x"], "ugly": ["y"]}}, "'examples'"),
    ],
)
def test_load_errors_name_file_and_rule(tmp_path: Path, bad: dict[str, Any], problem: str) -> None:
    path = write(
        tmp_path, {"version": 1, "rules": [rule(id="ok-rule"), rule(id="the-bad-one", **bad)]}
    )
    with pytest.raises(RulePackError) as err:
        load_pack(path)
    message = str(err.value)
    assert str(path.name) in message
    assert "'the-bad-one'" in message
    assert problem in message


def test_duplicate_ids_are_rejected_even_when_retired(tmp_path: Path) -> None:
    data = {"rules": [rule(id="dup"), rule(id="dup", status="retired")]}
    with pytest.raises(RulePackError, match=r"pack\.yaml: rule 'dup': duplicate id"):
        load_pack(write(tmp_path, data))


def test_rule_without_id_is_named_by_position() -> None:
    with pytest.raises(RulePackError, match=r"test\.yaml: rule #2: 'id'"):
        pack_of(rule(id="first"), rule(id="Bad Id"))


def test_yaml_syntax_error_names_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("rules: [\n  - id: x\n", encoding="utf-8")
    with pytest.raises(RulePackError, match="broken.yaml: invalid YAML"):
        load_pack(path)


def test_missing_file_is_a_pack_error(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match="nope.yaml"):
        load_pack(tmp_path / "nope.yaml")


def test_strict_requires_why_and_examples(tmp_path: Path) -> None:
    path = write(tmp_path, {"rules": [rule(why="Blame makes people defensive.")]})
    assert load_pack(path).rules[0].why  # lenient by default
    with pytest.raises(RulePackError, match="'blame-you-should-have': needs at least one bad"):
        load_pack(path, strict=True)
    path = write(tmp_path, {"rules": [rule(examples={"bad": ["a"], "good": ["b"]})]}, "b.yaml")
    with pytest.raises(RulePackError, match="missing 'why'"):
        load_pack(path, strict=True)


def test_minimal_old_style_pack_loads() -> None:
    # The ARCHITECTURE.md example verbatim: no why, no examples, move: null.
    old = yaml.safe_load(
        """
version: 1
locale: en
rules:
  - id: blame-you-should-have
    category: tone
    kind: avoid
    move: null
    phrases: ["you should have"]
    patterns: []
    severity: warning
    message: "Reads as blame; focus on what happens next."
    replacement: null
glossary:
  - term: SLA
    plain: "our response-time promise"
"""
    )
    pack = compile_pack(old)
    assert ids(pack, "You should have read it.") == ["blame-you-should-have"]
    assert pack.glossary[0].term == "SLA" and pack.allowlist == frozenset()


def test_replacement_pack_file_loads_and_reloads_when_changed(tmp_path: Path) -> None:
    path = write(tmp_path, {"version": 7, "rules": [rule(id="one", phrases=["alpha"])]})
    first = load_pack(path)
    assert first.version == "7" and ids(first, "Alpha!") == ["one"]
    assert load_pack(str(path)) is first
    path.write_text(yaml.safe_dump({"version": 8, "rules": [rule(id="two", phrases=["beta"])]}))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    second = load_pack(path)
    assert second.version == "8" and ids(second, "alpha beta") == ["two"]


# ---- matching semantics ------------------------------------------------------


def test_whole_words_only() -> None:
    pack = pack_of(rule(id="calm", phrases=["calm down"]), rule(id="can", phrases=["we can"]))
    assert ids(pack, "Please calm down.") == ["calm"]
    assert ids(pack, "It was scalm down there") == []
    assert ids(pack, "calm downstairs") == []
    assert ids(pack, "We can't do that") == []
    assert ids(pack, "we can-do attitude") == []
    assert ids(pack, "so we can.") == ["can"]


def test_case_insensitive_and_offsets_exact() -> None:
    pack = pack_of(rule(phrases=["You Should Have"]))
    text = "Well, YOU SHOULD HAVE asked."
    [m] = pack.find(text)
    assert text[m.start : m.end] == "YOU SHOULD HAVE"


def test_offsets_survive_chars_that_lowercase_longer() -> None:
    pack = pack_of(rule(phrases=["calm down"]))
    text = "İİ calm down"
    [m] = pack.find(text)
    assert text[m.start : m.end] == "calm down"


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("you're wrong", "I think you’re wrong."),
        ("you’re wrong", "I think you're wrong."),
        ("you’re wrong", "I think you‘re wrong."),
    ],
)
def test_curly_and_straight_apostrophes_match_alike(phrase: str, text: str) -> None:
    pack = pack_of(rule(phrases=[phrase]))
    [m] = pack.find(text)
    assert text[m.start : m.end].lower().replace("’", "'").replace("‘", "'") == "you're wrong"


def test_phrase_matches_across_a_line_break() -> None:
    pack = pack_of(rule(phrases=["calm down"]))
    assert len(pack.find("please calm\ndown")) == 1


def test_context_exception_unless_followed_by() -> None:
    pack = load_pack()
    blame = "blame-you-should-have"
    assert blame in ids(pack, "You should have read the guide.")
    assert blame not in ids(pack, "You should have received an email from us.")
    assert blame not in ids(pack, "You should have already got a text.")
    assert blame in ids(pack, "You should have checked. We received an email.")


def test_context_exception_unless_preceded_by() -> None:
    pack = pack_of(rule(id="wrong", phrases=["that's wrong"], unless_preceded_by=["if"]))
    assert ids(pack, "That's wrong.") == ["wrong"]
    assert ids(pack, "Tell me if that's wrong.") == []


def test_retired_rules_never_match() -> None:
    pack = pack_of(rule(id="old", phrases=["calm down"], status="retired"), rule(id="new"))
    assert ids(pack, "calm down, you should have asked") == ["new"]
    assert pack.rule("old").status == "retired"
    assert [r.id for r in pack.active] == ["new"]


def test_opening_scope_matches_only_the_first_words() -> None:
    pack = pack_of(rule(id="hi", phrases=["hi there"], scope="opening"))
    assert ids(pack, "  Hi there,\nthanks") == ["hi"]
    assert ids(pack, "Thanks!\nHi there") == []


def test_opening_phrases_are_found_at_the_start_only_whole_and_shared() -> None:
    # Phrases only opening rules use are looked for where the reply starts (not in the
    # whole draft); a phrase another rule uses too is still found everywhere.
    pack = pack_of(
        rule(
            id="greet", kind="move", move="greeting", phrases=["yo", "hey friend"], scope="opening"
        ),
        rule(id="hey", phrases=["hey friend"]),
    )
    assert ids(pack, "@shop @ana Yo, thanks") == ["greet"]
    assert ids(pack, "Your order, yo") == []  # "yo" inside "your", then too late
    assert ids(pack, "  hey friend") == ["greet", "hey"]
    assert ids(pack, "Sure, hey friend") == ["hey"]


def test_overlapping_matches_are_all_reported() -> None:
    pack = pack_of(
        rule(id="a", phrases=["calm down", "please calm down"]), rule(id="b", phrases=["please"])
    )
    found = [(m.rule.id, m.start, m.end) for m in pack.find("Please calm down")]
    assert found == [("a", 0, 16), ("b", 0, 6), ("a", 7, 16)]


@pytest.mark.parametrize(
    ("pattern", "trigger"),
    [
        (r"\bwithin (?:\d+|a few) (?:hours?|days?)\b", {"within"}),
        (r"(?:we|i) apologi[sz]e for (?:any|the) inconvenience", {"inconvenience"}),
        (r"calm|relax", {"calm", "relax"}),
        (r"\bby (?:monday|friday)\b", {"monday", "friday"}),  # "by " is too short
        (r"colou?r scheme", {"r scheme"}),
        (r"sorry{2,3} folks", {"folks"}),
        (r"\b(?:so|how) (?:sad|bad)\b", {"sad", "bad"}),
        (r"\b(?:a|b)\b", None),  # nothing long enough: runs on every draft
        (r"[a-z]+in\b", None),
    ],
)
def test_regex_trigger_extraction(pattern: str, trigger: set[str] | None) -> None:
    assert triggers(pattern) == (frozenset(trigger) if trigger is not None else None)


def test_regexes_with_and_without_triggers_match() -> None:
    pack = pack_of(
        rule(id="timed", phrases=[], patterns=[r"\bwithin \d+ hours?\b"]),
        rule(id="either", phrases=[], patterns=[r"\b(?:calm|relax)\b"]),
    )
    assert ids(pack, "Within 24 hours, relax.") == ["timed", "either"]
    assert ids(pack, "with in 24 hours") == []


# ---- scale ---------------------------------------------------------------------


def generated(n: int) -> RulePack:
    rules = [
        rule(id=f"gen-{i}", phrases=[f"zq{i} marker", f"marker zq{i}x"], message=f"generated {i}")
        for i in range(n)
    ]
    rules.append(rule(id="timed", phrases=[], patterns=[r"\bwithin \d+ hours?\b"]))
    return pack_of(*rules)


def test_ten_thousand_rules_compile_and_find_correctly() -> None:
    pack = generated(10_000)
    text = "Hello zq9999 marker and marker zq17x within 5 hours; zq10000 marker is not a rule."
    assert ids(pack, text) == ["gen-9999", "gen-17", "timed"]


def test_matching_cost_does_not_grow_with_rule_count() -> None:
    small, large = generated(100), generated(10_000)
    text = ("Thanks for waiting, I checked zq42 marker and your order within 2 hours. " * 40)[:3000]

    def best(pack: RulePack) -> float:
        times = []
        for _ in range(5):
            t = time.perf_counter()
            pack.find(text)
            times.append(time.perf_counter() - t)
        return min(times)

    # Generous bound for a shared CI box; a per-rule loop would be ~100x slower.
    assert best(large) < max(5 * best(small), 0.02)


def test_default_pack_path_is_shipped_yaml() -> None:
    assert DEFAULT_PACK.name == "en.yaml" and DEFAULT_PACK.exists()


def test_requires_name_is_a_flag() -> None:
    assert pack_of(rule(requires_name=True)).rules[0].requires_name
    assert not pack_of(rule()).rules[0].requires_name
    with pytest.raises(RulePackError, match="'requires_name' must be true or false"):
        pack_of(rule(requires_name="yes"))
