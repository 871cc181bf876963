"""Review of values that lost to concurrent edits (kept in sync_conflicts, never silently dropped)."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from fieldapp.errors import FieldappError, NotFound
from fieldapp.models.ids import utc_now
from fieldapp.models.tables import POLICY
from fieldapp.workspace import Workspace


def list_conflicts(ws: Workspace, *, include_resolved: bool = False) -> list[dict[str, Any]]:
    where = "" if include_resolved else "WHERE resolved_at IS NULL"
    rows = ws.store.query(f"SELECT * FROM sync_conflicts {where} ORDER BY detected_at DESC")
    for row in rows:
        policy = POLICY.get(row["table_name"])
        column = policy.label if policy else None
        label = None
        if column:
            label = ws.store.scalar(f"SELECT {column} FROM {row['table_name']} WHERE id = ?", (row["row_id"],))
        row["label"] = label or row["row_id"]
        for key in ("kept_value", "lost_value"):
            with contextlib.suppress(ValueError):
                row[key] = json.loads(row[key]) if row[key] is not None else None
    return rows


def resolve(ws: Workspace, conflict_id: str, *, keep: str) -> dict[str, Any]:
    """keep="lost" writes the losing value back as a new edit (it then travels to every replica)."""
    store = ws.store
    rows = store.query("SELECT * FROM sync_conflicts WHERE id = ?", (conflict_id,))
    if not rows:
        raise NotFound(f"conflict {conflict_id} not found", f"未找到冲突记录：{conflict_id}")
    conflict = rows[0]
    if conflict["resolved_at"]:
        raise FieldappError("this conflict is already resolved", "该冲突已处理")
    with store.transaction():
        if keep == "lost":
            if conflict["field"] == "(deleted)":
                raise FieldappError("a deletion cannot be reversed here; re-create the record",
                                    "删除操作无法在此撤销，请重新录入该记录")
            value = json.loads(conflict["lost_value"]) if conflict["lost_value"] is not None else None
            if conflict["table_name"] == "enterprises":
                from fieldapp.models import enterprises

                enterprises.update(store, conflict["row_id"], {conflict["field"]: value})
            else:
                store.update(conflict["table_name"], conflict["row_id"], {conflict["field"]: value}, audit="reverse")
        store.conn.execute("UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
                           (utc_now(), "reversed" if keep == "lost" else "accepted", conflict_id))
    return {"id": conflict_id, "resolution": "reversed" if keep == "lost" else "accepted",
            "table_name": conflict["table_name"], "row_id": conflict["row_id"]}
