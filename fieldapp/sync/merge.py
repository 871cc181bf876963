"""Merging a row that arrives from another replica (docs/bundle-format.md, "Merge rules").

- Every field is last-writer-wins by its hybrid-logical-clock stamp (field_hlc), so edits to different
  fields of one record both survive, and identical edits are not conflicts.
- A value that loses to a concurrent edit (the winner did not replace it knowingly: its "previous" clock
  is not the loser's clock) is kept in `sync_conflicts` for the office to review and reverse.
- Lifecycle states merge by their order, never backwards: a closure is not undone by a stale bundle.
- Issued documents never change; number blocks only move forward; revocations are permanent.
- The same real-world thing created twice (a USCC, a certificate number, a township name) becomes one
  record: the older id survives, the other becomes an alias and references are moved to the survivor.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from fieldapp.models import lifecycle, search
from fieldapp.models.ids import Hlc, utc_now, uuid7
from fieldapp.models.schema import OWNED_TABLES
from fieldapp.models.store import SYNC_FIELDS, Row, Store, field_clock, field_prev

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


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Applier:
    """Applies remote rows inside the caller's transaction."""

    def __init__(self, store: Store, bundle_id: str) -> None:
        self.store = store
        self.bundle_id = bundle_id
        self.columns: dict[str, list[str]] = {}
        self.aliases = {r["alias_id"]: r["target_id"] for r in store.query("SELECT * FROM sync_aliases")}
        self.max_hlc = ""
        self.counts: dict[str, Counts] = {}

    def cols(self, table: str) -> list[str]:
        if table not in self.columns:
            self.columns[table] = [r[1] for r in self.store.conn.execute(f"PRAGMA table_info({table})")]
        return self.columns[table]

    def _rewrite(self, table: str, row: Row) -> Row:
        if not self.aliases:
            return row
        for refs in REFERENCES.values():
            for child, column, is_list in refs:
                if child != table or row.get(column) is None:
                    continue
                if is_list:
                    ids = json.loads(row[column])
                    row[column] = json.dumps([self.aliases.get(i, i) for i in ids])
                else:
                    row[column] = self.aliases.get(row[column], row[column])
        return row

    def apply(self, table: str, rows: Iterable[Row]) -> Counts:
        counts = self.counts.setdefault(table, Counts())
        known = set(self.cols(table))
        for batch in _chunks(rows, 500):
            for row in batch:
                unknown = set(row) - known - LOCAL_ONLY
                if unknown:
                    from fieldapp.sync.bundle import _reject

                    raise _reject(f"{table} has unknown fields {sorted(unknown)}", f"{table} 含有未知字段")
            batch = [self._rewrite(table, {k: v for k, v in r.items() if k not in LOCAL_ONLY}) for r in batch]
            ids = [r["id"] for r in batch]
            marks = ",".join("?" for _ in ids)
            existing = {r["id"]: r for r in self.store.query(f"SELECT * FROM {table} WHERE id IN ({marks})",
                                                              tuple(ids))}
            fresh: list[Row] = []
            for remote in batch:
                self.max_hlc = max(self.max_hlc, str(remote.get("hlc") or ""))
                if remote["id"] in self.aliases:
                    remote = dict(remote, id=self.aliases[remote["id"]])
                    local = self.store.get(table, remote["id"])
                else:
                    local = existing.get(remote["id"])
                if local is None:
                    twin = self._twin(table, remote)
                    if twin is None:
                        fresh.append(remote)
                        continue
                    counts.aliased += 1
                    if twin["id"] > remote["id"]:
                        self._replace_twin(table, twin, remote)
                        continue
                    self._record_alias(table, remote["id"], twin["id"])
                    local, remote = twin, dict(remote, id=twin["id"])
                merged, conflicts = merge(table, local, remote)
                counts.conflicts += conflicts
                if merged is None:
                    counts.unchanged += 1
                    continue
                self._write(table, merged, remote, local)
                counts.updated += 1
            if fresh:
                self._insert(table, fresh)
                counts.inserted += len(fresh)
        return counts

    def _twin(self, table: str, remote: Row) -> Row | None:
        key = NATURAL_KEYS.get(table)
        if not key or any(remote.get(k) is None for k in key):
            return None
        where = " AND ".join(f"{k} = ?" for k in key)
        found = self.store.query(f"SELECT * FROM {table} WHERE {where}", tuple(remote[k] for k in key))
        return found[0] if found else None

    def _replace_twin(self, table: str, twin: Row, remote: Row) -> None:
        """Two ids for one thing and the incoming one is older: it survives on every replica.

        Our twin's data is merged into it, the twin is deleted (with a tombstone and an alias, so later
        rows that name it find the survivor) and our references move over.
        """
        merged, _ = merge(table, dict(remote), dict(twin, id=remote["id"]))
        survivor = merged or remote
        self.store.conn.execute(f"DELETE FROM {table} WHERE id = ?", (twin["id"],))
        if table == "enterprises":
            search.unindex(self.store.conn, int(twin["search_key"]))
        self._record_alias(table, twin["id"], remote["id"])
        self._insert(table, [survivor])
        self._move_references(table, twin["id"], remote["id"])

    def _record_alias(self, table: str, alias: str, target: str) -> None:
        self.aliases[alias] = target
        self.store.conn.execute("INSERT OR REPLACE INTO sync_aliases (alias_id, table_name, target_id) VALUES (?, ?, ?)",
                                (alias, table, target))
        self.store.conn.execute(
            "INSERT OR IGNORE INTO tombstones (id, table_name, row_id, deleted_at, device_id, seq, hlc, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (uuid7(), table, alias, utc_now(), self.store.device_id, self.store.seq, self.store.next_hlc(),
             f"merged into {target}"))

    def _move_references(self, table: str, old: str, new: str) -> None:
        for child, column, is_list in REFERENCES.get(table, ()):
            if is_list:
                rows = self.store.query(f"SELECT id, {column} FROM {child} WHERE {column} LIKE ?", (f'%"{old}"%',))
                for r in rows:
                    ids = [new if i == old else i for i in json.loads(r[column])]
                    self.store.update(child, r["id"], {column: json.dumps(ids)}, audit=None)
            else:
                for r in self.store.query(f"SELECT id FROM {child} WHERE {column} = ?", (old,)):
                    self.store.update(child, r["id"], {column: new}, audit=None)

    def _insert(self, table: str, rows: list[Row]) -> None:
        cols = [c for c in self.cols(table) if c not in LOCAL_ONLY]
        extra = ["seq"] + (["search_key"] if table == "enterprises" else [])
        seq = self.store.seq
        key = 0
        if table == "enterprises":
            key = int(self.store.scalar("SELECT coalesce(max(search_key), 0) + 1 FROM enterprises"))
        values = []
        for n, row in enumerate(rows):
            if table == "enterprises":
                row["search_key"] = key + n
            values.append([row.get(c) for c in cols] + [seq] + ([row["search_key"]] if table == "enterprises" else []))
        all_cols = cols + extra
        self.store.conn.executemany(
            f"INSERT INTO {table} ({', '.join(all_cols)}) VALUES ({', '.join('?' for _ in all_cols)})", values)
        if table == "enterprises":
            search.index_rows(self.store.conn, rows)

    def _write(self, table: str, merged: Row, remote: Row, local: Row) -> None:
        data = {c: merged[c] for c in merged if c not in ("id", "seq", "search_key")}
        # Echo suppression: when we end up with exactly the sender's row, it stays "last written by" the
        # sender, so our next bundle to it does not carry it back.
        same_as_remote = all(merged.get(c) == remote.get(c) for c in remote
                             if c not in LOCAL_ONLY and c not in ("device_id", "updated_at", "hlc"))
        data["device_id"] = remote["device_id"] if same_as_remote else self.store.device_id
        data["seq"] = self.store.seq
        sets = ", ".join(f"{c} = ?" for c in data)
        self.store.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*data.values(), merged["id"]))
        if table == "enterprises":
            search.index_rows(self.store.conn, [dict(merged, search_key=local["search_key"])])

    def apply_tombstones(self, rows: Iterable[Row]) -> Counts:
        counts = self.counts.setdefault("tombstones", Counts())
        for tomb in rows:
            table, row_id = tomb.get("table_name"), tomb.get("row_id")
            if table not in TABLE_ORDER or not isinstance(row_id, str):
                from fieldapp.sync.bundle import _reject

                raise _reject("a deletion names an unknown table", "删除记录指向未知的数据表")
            self.max_hlc = max(self.max_hlc, str(tomb.get("hlc") or ""))
            if self.store.scalar("SELECT 1 FROM tombstones WHERE table_name = ? AND row_id = ?", (table, row_id)):
                counts.unchanged += 1
                continue
            local = self.store.get(table, row_id)
            if local is not None and str(local["hlc"]) > str(tomb["hlc"]):
                # Edited here after it was deleted there: keep it, and let a person decide.
                counts.conflicts.append(Conflict(table, row_id, "(deleted)", "kept", local["hlc"], "deleted",
                                                 str(tomb["hlc"])))
                continue
            if local is not None:
                self.store.conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
                if table == "enterprises":
                    search.unindex(self.store.conn, int(local["search_key"]))
                counts.deleted += 1
            self.store.conn.execute(
                "INSERT INTO tombstones (id, table_name, row_id, deleted_at, device_id, seq, hlc, reason, owner_device)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (tomb["id"], table, row_id, tomb.get("deleted_at") or utc_now(), tomb.get("device_id") or "",
                 self.store.seq, tomb["hlc"], tomb.get("reason"), tomb.get("owner_device")))
        return counts

    def apply_audit(self, rows: Iterable[Row]) -> int:
        added = 0
        cols = [c for c in self.cols("audit_log") if c != "seq"]
        for batch in _chunks(rows, 1000):
            before = self.store.conn.total_changes
            self.store.conn.executemany(
                f"INSERT OR IGNORE INTO audit_log ({', '.join(cols)}, seq) VALUES ({', '.join('?' for _ in cols)}, ?)",
                [[r.get(c) for c in cols] + [self.store.seq] for r in batch])
            added += self.store.conn.total_changes - before
        return added

    def record_conflicts(self) -> int:
        n = 0
        for counts in self.counts.values():
            for c in counts.conflicts:
                device = c.lost_hlc.split(".", 2)[2] if c.lost_hlc.count(".") >= 2 else None
                cur = self.store.conn.execute(
                    "INSERT OR IGNORE INTO sync_conflicts (id, table_name, row_id, field, kept_value, kept_hlc,"
                    " lost_value, lost_hlc, lost_device, bundle_id, detected_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (uuid7(), c.table, c.row_id, c.field, _order(c.kept), c.kept_hlc, _order(c.lost), c.lost_hlc,
                     device, self.bundle_id, utc_now()))
                n += cur.rowcount
        return n

    def advance_clock(self) -> None:
        """Move the local clock past every stamp seen, so the next local edit orders after them."""
        if self.max_hlc:
            try:
                Hlc.decode(self.max_hlc)
            except ValueError:
                return
            self.store.observe_hlc(self.max_hlc)
