"""Compiled packs per version: a check never compiles; a new version compiles once."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy.exc import OperationalError

from plugin import create_app
from plugin.coach.review import CheckRequest
from plugin.store.compiled import CompiledPacks
from plugin.store.db import Database
from plugin.store.errors import NotFound
from plugin.store.extension import coach_for, store_of
from plugin.store.packs import PackStore
from plugin.store.records import Author
from plugin.store.scopes import ScopeQuery

ANA = Author(1, "Ana")
DRAFT = CheckRequest(draft="Hello Kim. Thanks for your patience, the replacement ships today.")


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _severity(packs: CompiledPacks, where: ScopeQuery, rule_id: str) -> str | None:
    review = packs.get(where).coach.review(DRAFT)
    return next((f.severity for f in review.findings if f.rule_id == rule_id), None)


def test_checks_reuse_one_compiled_pack_per_version_and_scope(seeded: PackStore) -> None:
    packs = CompiledPacks(seeded, "acme", ttl=60)
    first = packs.get(ScopeQuery(brand="1", group="2", channel="chat"))
    assert first.version == 1 and first.scopes == ("account",)
    for where in (None, ScopeQuery(brand="7"), ScopeQuery(channel="email")):
        assert packs.get(where) is first  # no layer: they share the account pack
    assert packs.compiles == 1


def test_a_version_saved_elsewhere_is_noticed_within_the_ttl(
    seeded: PackStore, db: Database
) -> None:
    clock = Clock()
    worker = CompiledPacks(seeded, "acme", ttl=2.0, clock=clock)
    assert worker.get().version == 1
    other_worker_store = PackStore(db)  # e.g. the gunicorn worker that served the save
    rule = {
        "id": "brand-no-today",
        "category": "tone",
        "kind": "avoid",
        "severity": "error",
        "phrases": ["ships today"],
        "message": "Promise a date you can keep.",
    }
    other_worker_store.save("acme", base=1, author=ANA, layers={"brand:360": {"rules": [rule]}})
    brand = ScopeQuery(brand="360")
    assert worker.get(brand).version == 1  # within the TTL: no query at all
    clock.now = 2.5
    assert worker.get(brand).version == 2
    assert worker.get(brand).scopes == ("account", "brand:360")
    assert _severity(worker, brand, "brand-no-today") == "error"
    assert _severity(worker, ScopeQuery(brand="361"), "brand-no-today") is None
    compiles = worker.compiles
    for _ in range(3):
        worker.get(brand)
    assert worker.compiles == compiles  # once per (version, scope), never per check


def test_concurrent_first_checks_compile_once(seeded: PackStore) -> None:
    packs = CompiledPacks(seeded, "acme", ttl=60)
    got: list[object] = []
    barrier = threading.Barrier(6)

    def check() -> None:
        barrier.wait()
        got.append(packs.get(ScopeQuery(brand="5")))

    threads = [threading.Thread(target=check) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert packs.compiles == 1 and len({id(g) for g in got}) == 1


def test_scope_settings_reach_the_coach(seeded: PackStore) -> None:
    seeded.save("acme", base=1, author=ANA, layers={"group:9": {"settings": {"target_grade": 5}}})
    packs = CompiledPacks(seeded, "acme", ttl=0)
    assert packs.get(ScopeQuery(group="9")).settings.target_grade == 5.0
    assert packs.get().settings.target_grade == 8.0


def test_an_account_without_a_stored_pack_says_so(store: PackStore) -> None:
    with pytest.raises(NotFound):
        CompiledPacks(store, "nobody").get()


def test_a_combination_of_scopes_that_does_not_compile_falls_back_to_the_account_pack(
    seeded: PackStore,
) -> None:
    # alone and all three together these are valid; brand+group leaves a move rule with no move
    layers: dict[str, dict[str, object] | None] = {
        "brand:1": {"rules": [{"id": "blame-you-should-have", "kind": "move", "move": "thanks"}]},
        "group:2": {"rules": [{"id": "blame-you-should-have", "move": None}]},
        "channel:chat": {"rules": [{"id": "blame-you-should-have", "kind": "avoid"}]},
    }
    seeded.save("acme", base=1, author=ANA, layers=layers)
    packs = CompiledPacks(seeded, "acme", ttl=60)
    broken = packs.get(ScopeQuery(brand="1", group="2"))
    assert broken.scopes == ("account",) and "brand:1+group:2" in broken.note
    whole = packs.get(ScopeQuery(brand="1", group="2", channel="chat"))
    assert whole.scopes == ("account", "brand:1", "group:2", "channel:chat") and not whole.note


def test_the_app_uses_the_stored_pack_once_there_is_one(database_url: str) -> None:
    app = create_app({"dev": True, "database_url": database_url}, serving=False)
    app.config["STORE_VERSION_TTL"] = 0
    assert coach_for(app) is None  # not migrated: the file pack stays in charge
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    assert coach_for(app) is None  # migrated, nothing seeded yet
    assert runner.invoke(args=["db", "seed"]).exit_code == 0
    first = coach_for(app, ScopeQuery(brand="8"))
    assert first is not None and first.version == 1
    layer = {"brand:8": {"settings": {"target_grade": 6}}}
    store_of(app).save("local", base=1, author=ANA, layers=layer)
    second = coach_for(app, ScopeQuery(brand="8"))
    assert second is not None and second.version == 2 and second.settings.target_grade == 6
    store_of(app).db.dispose()


def test_a_database_blip_keeps_the_version_in_hand(
    seeded: PackStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    packs = CompiledPacks(seeded, "acme", ttl=1.0, clock=clock)
    before = packs.get()
    calls: list[int] = []

    def down(account: str) -> int:
        calls.append(1)
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(seeded, "head_number", down)
    clock.now = 5.0
    assert packs.get() is before
    assert packs.get() is before and len(calls) == 1  # asked again only after the TTL
