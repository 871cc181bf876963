"""What needs attention today (the home screen): visits in progress, overdue and due-soon hazards, hazards
under listed supervision, the last backup; and, read apart because it loads the sync modules, the sync state
with the visits the office assigned to this device.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from fieldapp.models import findings, inspections, lifecycle, settings
from fieldapp.models.store import Row
from fieldapp.services import backups
from fieldapp.workspace import Workspace

# The recent inspections looked at for those still in progress.
UPCOMING_LIMIT = 200


@dataclass(frozen=True)
class Today:
    day: date
    open_inspections: list[Row]  # not completed, oldest first
    overdue: list[Row]  # hazards past their deadline
    due_soon: list[Row]  # hazards whose deadline falls within `due_soon_days`, soonest first
    due_soon_days: int
    escalated: int  # major hazards under listed supervision (挂牌督办)
    last_backup: datetime | None


@dataclass(frozen=True)
class SyncState:
    status: dict[str, Any]  # role, pending changes, devices, open conflicts… (sync.exchange.status)
    last_sync: str | None
    assigned: list[dict[str, Any]]  # open visits assigned to this device by the office


def due_soon(rows: list[Row], days: int, today: date | None = None) -> list[Row]:
    """Hazards whose deadline is running and falls within the next `days` days (not yet overdue)."""
    today = today or date.today()
    horizon = (today + timedelta(days=days)).isoformat()
    return [r for r in rows if r["status"] in lifecycle.DEADLINE_STATES and r.get("deadline")
            and today.isoformat() <= r["deadline"][:10] <= horizon]


def today_overview(ws: Workspace, today: date | None = None) -> Today:
    """Everything the home screen shows but the sync state; quick indexed reads."""
    store = ws.store
    today = today or date.today()
    open_inspections = sorted((r for r in inspections.list_inspections(store, limit=UPCOMING_LIMIT)
                               if r["status"] != "completed"), key=lambda r: r["started_at"])
    days = int(settings.get(store, "due_soon_days"))
    running = [r for status in sorted(lifecycle.DEADLINE_STATES)
               for r in findings.list_findings(store, status=status, today=today)]
    return Today(day=today, open_inspections=open_inspections,
                 overdue=findings.list_findings(store, overdue=True, today=today),
                 due_soon=sorted(due_soon(running, days, today), key=lambda r: r["deadline"]),
                 due_soon_days=days, escalated=len(findings.list_findings(store, status="escalated")),
                 last_backup=backups.last_backup(ws))


def sync_state(ws: Workspace) -> SyncState:
    """This installation's sync role and backlog, when it last synced, and its assigned visits."""
    from fieldapp.services import sync
    from fieldapp.services.inspections import assigned_visits

    status = sync.status(ws)
    assigned = assigned_visits(ws) if status["role"] == sync.Role.DEVICE else []
    return SyncState(status, sync.last_sync(ws), assigned)
