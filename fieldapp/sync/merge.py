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
Which columns rank, only grow, never change or freeze once signed is each table's policy (models/tables.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from fieldapp.models.store import Row, field_clock, field_prev
from fieldapp.models.tables import LOCAL_COLUMNS, POLICY, SYNC_FIELDS


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


def canonical(value: Any) -> str:
    """A value as canonical JSON: how conflicts store values, and the tie-break between equal clocks."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def merge(table: str, local: Row, remote: Row) -> tuple[Row | None, list[Conflict]]:
    """The merged row, or None when the remote row adds nothing; plus values lost to concurrent edits."""
    policy = POLICY[table]
    lf, rf = _fh(local), _fh(remote)
    out, out_fh = dict(local), dict(lf)
    conflicts: list[Conflict] = []
    signed = policy.frozen_once_issued
    frozen = bool(signed) and local.get("status") != "draft"
    # A signed copy arriving at a replica that still holds the draft brings its signed fields whole, even
    # if the draft was edited later by the clock (a laptop restored from an old backup, a skewed clock).
    signed_remote = bool(signed) and not frozen and remote.get("status") not in (None, "draft")
    for col, rv in remote.items():
        if col in SYNC_FIELDS or col in LOCAL_COLUMNS or col not in local:
            continue
        lv = local[col]
        lc, rc = field_clock(lf, col), field_clock(rf, col)
        if col in policy.ranks:
            ranks = policy.ranks[col]
            if ranks.get(rv, -1) > ranks.get(lv, -1) or (ranks.get(rv, -1) == ranks.get(lv, -1) and rc > lc):
                out[col] = rv
                if col in rf:
                    out_fh[col] = rf[col]
            continue
        if col in policy.max_fields:
            if rv is not None and (lv is None or rv > lv):
                out[col] = rv
            continue
        if (frozen and col in signed) or col in policy.immutable:
            continue
        if signed_remote and col in signed:
            if lv != rv or (col in rf and rf[col] != lf.get(col)):
                out[col] = rv
                if col in rf:
                    out_fh[col] = rf[col]
            continue
        if lv == rv:
            if rc > lc and col in rf:
                out_fh[col] = rf[col]  # same value, newer stamp: adopt it so both sides agree on the clock
            continue
        remote_wins = rc > lc or (rc == lc and canonical(rv) > canonical(lv))
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
