"""The home screen's lists: visits in progress, overdue and due-soon hazards, the last backup."""

from __future__ import annotations

from datetime import date, timedelta

from fieldapp.models import findings
from fieldapp.services import backups, today
from fieldapp.workspace import Workspace


def test_due_soon_excludes_overdue_and_far_deadlines() -> None:
    day = date(2026, 5, 1)
    rows = [{"status": "ordered", "deadline": (day + timedelta(days=d)).isoformat()} for d in (-1, 0, 3, 4)]
    rows.append({"status": "closed", "deadline": day.isoformat()})
    assert [r["deadline"] for r in today.due_soon(rows, 3, day)] == ["2026-05-01", "2026-05-04"]


def test_a_hazard_is_due_soon_then_overdue(ws: Workspace, visit: dict[str, str]) -> None:
    day = date.today()
    findings.order(ws.store, visit["finding_id"], (day + timedelta(days=2)).isoformat())
    now = today.today_overview(ws)
    assert now.day == day and now.due_soon_days == 3
    assert [f["id"] for f in now.due_soon] == [visit["finding_id"]] and now.overdue == []
    assert [i["id"] for i in now.open_inspections] == [visit["inspection_id"]]  # the visit is still in progress
    assert now.escalated == 0 and now.last_backup is None
    later = today.today_overview(ws, day + timedelta(days=3))
    assert [f["id"] for f in later.overdue] == [visit["finding_id"]] and later.due_soon == []
    backups.back_up(ws)
    assert today.today_overview(ws).last_backup is not None


def test_a_standalone_installation_has_no_assigned_visits(ws: Workspace) -> None:
    state = today.sync_state(ws)
    assert state.status["role"] == "standalone" and state.assigned == [] and state.last_sync is None
