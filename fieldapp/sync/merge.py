"""Merging a row that arrives from another replica (docs/bundle-format.md, "Merge rules").

- Every field is last-writer-wins by its hybrid-logical-clock stamp (field_hlc), so edits to different
  fields of one record both survive, and identical edits are not conflicts.
- A value that loses to a concurrent edit (the winner did not replace it knowingly: its "previous" clock
  is not the loser's clock) is kept in `sync_conflicts` for the office to review and reverse.
- Lifecycle states merge by their order, never backwards: a closure is not undone by a stale bundle.
- Issued documents never change; number blocks only move forward; revocations are permanent.
- The same real-world thing created twice (a USCC, a certificate number, a township name), or two records
  the office links by hand, become one record: the older id survives, the other becomes an alias and
  references are moved to the survivor (applier.py applies it; docs/bundle-format.md, "Merged records").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from fieldapp.models import lifecycle
from fieldapp.models.schema import OWNED_TABLES
from fieldapp.models.store import SYNC_FIELDS, Row, field_clock, field_prev

TABLE_ORDER: tuple[str, ...] = (
    "townships", "grids", "inspectors", "enterprises", "checklist_templates", "device_keys", "number_blocks",
    "inspections", "assignments", "inspection_checklists", "findings", "checklist_answers", "finding_events",
    "reinspections", "reinspection_items", "documents", "evidence",
)
REGISTRY_TABLES = frozenset({"townships", "grids", "inspectors", "enterprises", "checklist_templates",
                             "device_keys"})
OWNED_TABLES_SET = frozenset(OWNED_TABLES)
LOCAL_ONLY = frozenset({"seq", "search_key"})
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "townships": ("name",),
    "grids": ("township_id", "name"),
    "inspectors": ("certificate_no",),
    "enterprises": ("uscc",),
    "checklist_templates": ("template_id", "version"),
    "device_keys": ("key_id",),
}
# Columns holding an id of another record (or a JSON list of ids), for moving references off an alias.
REFERENCES: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "townships": (("grids", "township_id", False), ("enterprises", "township_id", False),
                  ("inspectors", "township_id", False)),
    "grids": (("enterprises", "grid_id", False),),
    "inspectors": (("inspections", "officer_ids", True), ("reinspections", "officer_ids", True),
                   ("assignments", "officer_ids", True)),
    "enterprises": (("inspections", "enterprise_id", False), ("findings", "enterprise_id", False),
                    ("reinspections", "enterprise_id", False), ("documents", "enterprise_id", False),
                    ("assignments", "enterprise_id", False)),
}
RANKS: dict[tuple[str, str], dict[str, int]] = {
    ("findings", "status"): lifecycle.RANK,
    ("inspections", "status"): {"in_progress": 0, "completed": 1, "voided": 2},
    ("documents", "status"): {"draft": 0, "issued": 1, "voided": 2},
    ("assignments", "status"): {"open": 0, "done": 1, "cancelled": 1},
    ("sync_peers", "status"): {"enrolled": 0, "active": 1, "revoked": 2},
}
MAX_FIELDS = frozenset({("number_blocks", "next_serial"), ("device_keys", "revoked")})
FROZEN_ONCE_ISSUED = frozenset({"number", "content", "content_sha256", "pdf_sha256", "issuer", "year", "serial",
                                "block_id", "issued_at", "doc_type", "enterprise_id", "inspection_id"})
IMMUTABLE = frozenset({("checklist_templates", "content"), ("checklist_templates", "content_hash")})


@dataclass
class Conflict:
    table: str
    row_id: str
    field: str
    kept: Any
    kept_hlc: str
    lost: Any
    lost_hlc: str


@dataclass
class Counts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    aliased: int = 0
    conflicts: list[Conflict] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {"inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged,
                "deleted": self.deleted, "aliased": self.aliased, "conflicts": len(self.conflicts)}


def _fh(row: Row) -> dict[str, str]:
    try:
        value = json.loads(row.get("field_hlc") or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _order(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def merge(table: str, local: Row, remote: Row) -> tuple[Row | None, list[Conflict]]:
    """The merged row, or None when the remote row adds nothing; plus values lost to concurrent edits."""
    lf, rf = _fh(local), _fh(remote)
    out, out_fh = dict(local), dict(lf)
    conflicts: list[Conflict] = []
    frozen = table == "documents" and local.get("status") != "draft"
    # A signed copy arriving at a replica that still holds the draft brings its signed fields whole, even
    # if the draft was edited later by the clock (a laptop restored from an old backup, a skewed clock).
    signed_remote = table == "documents" and not frozen and remote.get("status") not in (None, "draft")
    for col, rv in remote.items():
        if col in SYNC_FIELDS or col in LOCAL_ONLY or col not in local:
            continue
        lv = local[col]
        lc, rc = field_clock(lf, col), field_clock(rf, col)
        if (table, col) in RANKS:
            ranks = RANKS[(table, col)]
            if ranks.get(rv, -1) > ranks.get(lv, -1) or (ranks.get(rv, -1) == ranks.get(lv, -1) and rc > lc):
                out[col] = rv
                if col in rf:
                    out_fh[col] = rf[col]
            continue
        if (table, col) in MAX_FIELDS:
            if rv is not None and (lv is None or rv > lv):
                out[col] = rv
            continue
        if (frozen and col in FROZEN_ONCE_ISSUED) or (table, col) in IMMUTABLE:
            continue
        if signed_remote and col in FROZEN_ONCE_ISSUED:
            if lv != rv or (col in rf and rf[col] != lf.get(col)):
                out[col] = rv
                if col in rf:
                    out_fh[col] = rf[col]
            continue
        if lv == rv:
            if rc > lc and col in rf:
                out_fh[col] = rf[col]  # same value, newer stamp: adopt it so both sides agree on the clock
            continue
        remote_wins = rc > lc or (rc == lc and _order(rv) > _order(lv))
        if remote_wins:
            out[col] = rv
            if col in rf:
                out_fh[col] = rf[col]
            elif "*" in rf:
                out_fh[col] = rf["*"]
            if col in lf and field_prev(rf, col) != lc:
                conflicts.append(Conflict(table, local["id"], col, rv, rc, lv, lc))
        elif col in rf and field_prev(lf, col) != rc:
            conflicts.append(Conflict(table, local["id"], col, lv, lc, rv, rc))
    if out == local and out_fh == lf:
        return None, conflicts
    out["field_hlc"] = json.dumps(out_fh, ensure_ascii=False, sort_keys=True)
    out["hlc"] = max(str(local.get("hlc") or ""), str(remote.get("hlc") or ""))
    out["updated_at"] = max(str(local.get("updated_at") or ""), str(remote.get("updated_at") or ""))
    return out, conflicts
