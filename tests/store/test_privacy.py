"""Nothing stored holds draft text or customer messages."""

from __future__ import annotations

from sqlalchemy import String, Text, select

from plugin.coach.review import CheckRequest
from plugin.store.compiled import CompiledPacks
from plugin.store.models import Base
from plugin.store.packs import PackStore
from plugin.store.records import Author
from plugin.store.scopes import ScopeQuery

# Column names that would mean an agent's or a customer's words are kept.
FORBIDDEN = ("draft", "reply", "customer", "body", "comment", "ticket", "requester", "content")


def test_no_column_is_meant_for_draft_or_customer_text() -> None:
    for table in Base.metadata.tables.values():
        for column in table.columns:
            assert not any(word in column.name for word in FORBIDDEN), (table.name, column.name)


def test_coaching_through_the_store_writes_no_text_of_the_check(seeded: PackStore) -> None:
    seeded.save("acme", base=1, author=Author(3, "Ana"), layers={"brand:2": {"disable": []}})
    packs = CompiledPacks(seeded, "acme", ttl=0)
    marker = "Quillonbrook"
    request = CheckRequest(
        draft=f"Hi {marker}, you should have read the {marker} guide.",
        customer_message=f"My {marker} order is late!!",
    )
    assert packs.get(ScopeQuery(brand="2", group="1")).coach.review(request).findings
    seeded.record("acme", Author(3, "Ana"), "pack.viewed", {"version": 2})
    with seeded.db.sessions() as session:
        for table in Base.metadata.sorted_tables:
            texts = [c for c in table.columns if isinstance(c.type, String | Text)]
            for row in session.execute(select(*texts)):
                assert all(marker not in str(value) for value in row), table.name
