"""Visits assigned by the office to a device (e.g. the 双随机 draw); they travel in the next bundle."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fieldapp.errors import ValidationError
from fieldapp.models import enterprises, taxonomy
from fieldapp.models.store import Row
from fieldapp.sync import peers, roles
from fieldapp.sync.roles import Role
from fieldapp.workspace import Workspace


def assign(ws: Workspace, *, device: str, enterprise_ref: str, planned_date: str | None = None,
           kind: str = "日常检查", officer_ids: list[str] | None = None, note: str | None = None) -> Row:
    store = ws.store
    roles.require_role(store, Role.CENTRAL)
    target = peers.find_peer(store, device)
    if kind not in taxonomy.INSPECTION_TYPES:
        raise ValidationError(f"unknown inspection type {kind!r}", f"未知的检查类型：{kind}")
    if planned_date:
        planned_date = date.fromisoformat(planned_date).isoformat()
    enterprise = enterprises.find(store, enterprise_ref)
    with store.transaction():
        return store.insert("assignments", {
            "enterprise_id": enterprise["id"], "assigned_device": target["peer_id"],
            "officer_ids": json.dumps(officer_ids or []), "planned_date": planned_date, "type": kind,
            "note": note, "status": "open"})


def for_device(ws: Workspace, *, status: str = "open") -> list[dict[str, Any]]:
    return ws.store.query(
        "SELECT a.*, e.name AS enterprise_name, e.uscc AS enterprise_uscc FROM assignments a"
        " JOIN enterprises e ON e.id = a.enterprise_id WHERE a.assigned_device = ? AND a.status = ?"
        " ORDER BY a.planned_date IS NULL, a.planned_date", (ws.store.device_id, status))


def mark_done(ws: Workspace, assignment_id: str, inspection_id: str) -> Row:
    store = ws.store
    with store.transaction():
        store.require("assignments", assignment_id, "assignment", "检查任务")
        return store.update("assignments", assignment_id, {"status": "done", "inspection_id": inspection_id})
