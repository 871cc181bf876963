"""The data directory's health check and what `fieldapp init` reports."""

from __future__ import annotations

from fieldapp.services import maintenance
from fieldapp.workspace import Workspace


def test_a_fresh_directory_is_healthy_and_says_where_it_is(ws: Workspace) -> None:
    info = maintenance.database_info(ws)
    assert info["database"] == str(ws.store.path) and info["schema_version"] > 0 and info["device_id"]
    report = maintenance.check_health(ws, collect_garbage=True)
    assert report.ok and [c["check"] for c in report.checks][-1] == "gc"


def test_a_broken_audit_chain_is_named_and_nothing_is_collected(ws: Workspace, visit: dict[str, str]) -> None:
    ws.store.conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE chain_index = 1")
    report = maintenance.check_health(ws, collect_garbage=True)
    assert not report.ok and "gc" not in [c["check"] for c in report.checks]
