"""Versions: seed, save with optimistic concurrency, rollback, retired ids, audit."""

from __future__ import annotations

import re
import threading

import pytest
from sqlalchemy import func, select

from plugin.coach.rules import DEFAULT_PACK, load_pack
from plugin.store.errors import Conflict, PackInvalid, StoreError
from plugin.store.models import AuditEntry, ImmutableError, PackVersion
from plugin.store.packs import PackStore
from plugin.store.records import Author

ANA = Author(4211, "Ana Admin")
BO = Author(9007199254740993, "Bo Boss")  # Zendesk ids outgrow 32 bits


def _count(store: PackStore, model: type) -> int:
    with store.db.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_seed_stores_the_shipped_pack_verbatim_once(store: PackStore) -> None:
    first = store.seed("acme")
    again = store.seed("acme")
    assert (first.number, again.number) == (1, 1)
    assert first.action == "seed" and first.author.name == "Reply Coach"
    assert store.export_yaml("acme") == DEFAULT_PACK.read_text(encoding="utf-8")
    eff = store.effective("acme")
    assert [r["id"] for r in eff.document["rules"]] == [r.id for r in load_pack().rules]
    assert [a.action for a in store.audit("acme")] == ["pack.seed"]
    assert _count(store, PackVersion) == 1


def test_save_adds_a_version_with_author_parent_and_diff(seeded: PackStore) -> None:
    v2 = seeded.save(
        "acme",
        base=1,
        author=ANA,
        layers={"brand:360": {"rules": [{"id": "thanks-for", "severity": "warning"}]}},
        labels={"brand:360": "Outdoor gear"},
    )
    assert (v2.number, v2.parent, v2.author) == (2, 1, ANA)
    assert v2.summary["scopes"]["brand:360"]["rules"] == {"added": ["thanks-for"]}
    snap = seeded.snapshot("acme", 2)
    assert snap.labels == {"brand:360": "Outdoor gear"}
    assert seeded.snapshot("acme", 1).layers == {}  # the old version is untouched
    audit = seeded.audit("acme")[0]
    assert (audit.action, audit.version, audit.actor) == ("pack.save", 2, ANA)


def test_stale_save_is_a_409_conflict_naming_what_changed_meanwhile(seeded: PackStore) -> None:
    seeded.save("acme", base=1, author=ANA, layers={"group:7": {"disable": ["thanks-for"]}})
    with pytest.raises(Conflict) as caught:
        seeded.save("acme", base=1, author=BO, layers={"group:7": {"allowlist": ["zorbly"]}})
    err = caught.value
    assert err.status == 409 and (err.base, err.head) == (1, 2)
    body = err.to_dict()
    assert body["changes"][0]["author_name"] == "Ana Admin"
    assert body["changes"][0]["summary"]["scopes"]["group:7"]["disable"] == {
        "added": ["thanks-for"]
    }
    assert "Ana Admin" in body["message"]
    assert seeded.head_number("acme") == 2  # Bo's save changed nothing
    assert "zorbly" not in str(seeded.snapshot("acme").layers)


def test_two_saves_racing_on_one_base_never_both_win(seeded: PackStore) -> None:
    results: list[object] = []
    start = threading.Barrier(4)

    def save(n: int) -> None:
        start.wait()
        try:
            results.append(
                seeded.save(
                    "acme",
                    base=1,
                    author=Author(n, f"admin {n}"),
                    layers={f"brand:{n}": {"allowlist": [f"word{n}"]}},
                )
            )
        except Conflict as err:
            results.append(err)

    threads = [threading.Thread(target=save, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wins = [r for r in results if not isinstance(r, Conflict)]
    assert len(wins) == 1 and len(results) == 4
    assert seeded.head_number("acme") == 2
    assert all(c.head == 2 for c in results if isinstance(c, Conflict))


def test_a_failed_save_changes_nothing(seeded: PackStore) -> None:
    before = (_count(seeded, PackVersion), _count(seeded, AuditEntry))
    with pytest.raises(PackInvalid) as caught:
        seeded.save(
            "acme",
            base=1,
            author=ANA,
            layers={
                "brand:1": {"settings": {"target_grade": 6}},  # fine
                "brand:2": {"rules": [{"id": "thanks-for", "severity": "loud"}]},  # not
            },
        )
    (problem,) = caught.value.problems
    assert (problem.scope, problem.rule, problem.field) == ("brand:2", "thanks-for", "severity")
    assert (_count(seeded, PackVersion), _count(seeded, AuditEntry)) == before


def test_versions_are_immutable(seeded: PackStore) -> None:
    with seeded.db.sessions() as s:
        row = s.scalars(select(PackVersion)).one()
        row.author_name = "someone else"
        with pytest.raises(ImmutableError):
            s.flush()


def test_rollback_is_a_new_version_with_the_old_content(seeded: PackStore) -> None:
    seeded.save("acme", base=1, author=ANA, layers={"channel:email": {"disable": ["thanks-for"]}})
    seeded.save("acme", base=2, author=ANA, layers={"brand:5": {"allowlist": ["quuxly"]}})
    v4 = seeded.rollback("acme", to=1, base=3, author=BO)
    assert (v4.number, v4.parent, v4.restored_from, v4.action) == (4, 3, 1, "rollback")
    assert seeded.snapshot("acme", 4).layers == {}
    assert seeded.export_yaml("acme", 4) == seeded.export_yaml("acme", 1)
    assert [v.number for v in seeded.history("acme")] == [4, 3, 2, 1]  # nothing rewritten
    with pytest.raises(Conflict):
        seeded.rollback("acme", to=2, base=3, author=BO)  # rollbacks are saves: based too


def _without(text: str, rule_id: str) -> str:
    """The pack text minus one rule's block."""
    start = text.index(f"  - id: {rule_id}\n")
    end = text.index("\n  - id: ", start + 1) + 1
    return text[:start] + text[end:]


def test_a_removed_rule_id_is_never_reused(seeded: PackStore) -> None:
    text = seeded.export_yaml("acme")
    v2 = seeded.import_yaml("acme", _without(text, "thanks-for"), base=1, author=ANA)
    assert v2.summary["pack"]["rules"] == {"removed": ["thanks-for"]}
    assert seeded.retired("acme") == {"thanks-for": 2}
    # a new, different rule under the old id: refused, pointing at the id's line
    reused = text.replace("    move: thanks\n", "    move: apologize\n", 1)
    with pytest.raises(PackInvalid) as caught:
        seeded.import_yaml("acme", reused, base=2, author=ANA)
    (problem,) = caught.value.problems
    assert (problem.rule, problem.field) == ("thanks-for", "id")
    assert reused.splitlines()[problem.line - 1].strip() == "- id: thanks-for"
    # a scope cannot bring it back as its own rule either
    with pytest.raises(PackInvalid):
        layer = {"rules": [_rule("thanks-for")]}
        seeded.save("acme", base=2, author=ANA, layers={"brand:1": layer})
    # undoing the removal is a rollback, which restores the very rule
    seeded.rollback("acme", to=1, base=2, author=ANA)
    assert seeded.retired("acme") == {}


def _rule(rule_id: str) -> dict[str, object]:
    return {
        "id": rule_id,
        "category": "tone",
        "kind": "avoid",
        "phrases": ["per my last note"],
        "message": "Sounds like a reproach.",
    }


def test_a_rule_a_scope_adds_is_retired_when_the_scope_drops_it(seeded: PackStore) -> None:
    seeded.save("acme", base=1, author=ANA, layers={"brand:9": {"rules": [_rule("brand-nine")]}})
    seeded.save("acme", base=2, author=ANA, layers={"brand:9": None})
    assert seeded.retired("acme") == {"brand-nine": 3}


def test_a_save_needs_an_author_name_and_real_scopes(seeded: PackStore) -> None:
    with pytest.raises(StoreError, match="author"):
        seeded.save("acme", base=1, author=Author(5, " "), layers={"brand:1": {"enable": []}})
    with pytest.raises(PackInvalid) as caught:
        seeded.save("acme", base=1, author=ANA, layers={"team:1": {"allowlist": ["x"]}})
    assert caught.value.problems[0].scope == "team:1"
    assert seeded.head_number("acme") == 1


def test_seeding_an_account_that_has_versions_changes_nothing(seeded: PackStore) -> None:
    seeded.save("acme", base=1, author=ANA, layers={"brand:1": {"allowlist": ["quuxly"]}})
    assert seeded.seed("acme").number == 2
    assert seeded.head_number("acme") == 2


def test_history_says_what_each_version_changed(seeded: PackStore) -> None:
    pack = seeded.snapshot("acme").pack
    next(r for r in pack["rules"] if r["id"] == "thanks-for")["message"] = "Thanks them."
    seeded.save("acme", base=1, author=ANA, pack=pack)
    seeded.save("acme", base=2, author=BO, layers={"brand:3": {"disable": ["thanks-for"]}})
    lines = [v.summary["text"] for v in seeded.history("acme")]
    assert lines[0] == "brand:3: disabled thanks-for"
    assert lines[1] == "pack: 1 rule(s) changed (thanks-for: message)"
    assert re.match(r"pack: \d+ rule\(s\) added", lines[2]) and "changed" not in lines[2]
