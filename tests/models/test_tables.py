"""The sync rules of every table (models/tables.py) and the database agree; doctor says where they do not."""

from __future__ import annotations

from fieldapp.models import doctor
from fieldapp.models.store import Store
from fieldapp.models.tables import POLICIES, POLICY, Route


def check(store: Store, name: str) -> dict[str, object]:
    return next(c for c in doctor.run(store).checks if c["check"] == name)


def test_doctor_finds_every_synced_table_with_its_sync_columns(store: Store) -> None:
    found = check(store, "sync_tables")
    assert found["ok"] and found["detail"] == f"{len(POLICIES)} synced tables carry their sync columns"


def test_doctor_names_a_synced_table_that_lost_a_sync_column(store: Store) -> None:
    store.conn.execute("ALTER TABLE grids DROP COLUMN field_hlc")
    store.conn.execute("DROP INDEX ix_evidence_owner")
    store.conn.execute("ALTER TABLE evidence DROP COLUMN owner_device")
    found = check(store, "sync_tables")
    assert not found["ok"] and not doctor.run(store).ok
    assert found["detail"] == "grids lacks field_hlc; evidence lacks owner_device"


def test_doctor_names_a_table_with_sync_columns_but_no_rules(store: Store) -> None:
    store.conn.execute("CREATE TABLE notes (id TEXT PRIMARY KEY, seq INTEGER, hlc TEXT, field_hlc TEXT)")
    assert check(store, "sync_tables")["detail"] == "notes has sync columns but no sync rules"


def test_parents_come_before_the_records_that_point_at_them() -> None:
    order = [p.name for p in POLICIES]
    for policy in POLICIES:
        for ref in policy.references:
            assert order.index(policy.name) < order.index(ref.table), (policy.name, ref.table)


def test_the_registry_goes_to_every_device_and_field_work_stays_with_its_owner() -> None:
    assert {p.name for p in POLICIES if p.registry} == {"townships", "grids", "inspectors", "enterprises",
                                                        "checklist_templates", "device_keys"}
    assert all(p.owned and p.audited and p.route in (Route.OWNED, Route.OWNED_OR_ASSIGNED)
               for p in POLICIES if p.field_work)
    assert {p.name for p in POLICIES if p.enrolment} == {p.name for p in POLICIES if p.registry} | {"number_blocks"}
    assert POLICY["documents"].frozen_once_issued >= {"number", "content", "pdf_sha256"}
