from __future__ import annotations

from fieldapp.models import demo
from fieldapp.models.store import Store


def test_a_demo_county_marks_its_database_as_demo(demo_store: Store) -> None:
    assert demo.is_demo(demo_store)


def test_a_new_database_is_not_demo(store: Store) -> None:
    assert not demo.is_demo(store)


def test_the_demo_mark_stays_out_of_synced_tables(store: Store) -> None:
    demo.mark(store)
    assert demo.is_demo(store)
    # Only the local meta table carries it: a bundle never tells another device it is demo data.
    assert store.scalar("SELECT count(*) FROM settings") == 0
