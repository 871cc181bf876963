"""Applying what arrives from another replica, inside the importer's one transaction.

Rows are merged field by field (merge.py). Two records of one thing — the same natural key (a USCC, a
certificate number, a township name) created on two replicas, or an enterprise registered on site that
the office links by hand to its registry record — are united: the older id (UUIDv7 order) survives with
both records' data, the other id becomes an alias, every reference moves over, and a tombstone with
`merged_into` tells the other replicas, which unite the same two records when it reaches them. As the
survivor of any set of united ids is always the smallest one, the replicas agree on it whatever order
the bundles arrive in (docs/bundle-format.md, "Merged records").
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from fieldapp.models import search_index
from fieldapp.models.ids import Hlc, utc_now, uuid7
from fieldapp.models.store import Row, Store
from fieldapp.models.tables import LOCAL_COLUMNS, POLICIES, POLICY, SYNC_FIELDS
from fieldapp.sync.envelope import reject
from fieldapp.sync.merge import Conflict, Counts, canonical, merge


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
    """Applies remote rows, tombstones and audit entries inside the caller's transaction."""

    def __init__(self, store: Store, bundle_id: str) -> None:
        self.store = store
        self.bundle_id = bundle_id
        self.columns: dict[str, list[str]] = {}
        self.aliases = {r["alias_id"]: r["target_id"] for r in store.query("SELECT alias_id, target_id FROM sync_aliases")}
        self.max_hlc = ""
        self.counts: dict[str, Counts] = {}
        self.touched: set[str] = set()  # ids written or united during this import: read them again

    def cols(self, table: str) -> list[str]:
        if table not in self.columns:
            self.columns[table] = [r[1] for r in self.store.conn.execute(f"PRAGMA table_info({table})")]
        return self.columns[table]

    def resolve(self, row_id: str) -> str:
        """The surviving id of a record that may have been merged (possibly more than once)."""
        seen: set[str] = set()
        while row_id in self.aliases and row_id not in seen:
            seen.add(row_id)
            row_id = self.aliases[row_id]
        return row_id

    def _rewrite(self, table: str, row: Row) -> Row:
        if not self.aliases:
            return row
        for policy in POLICIES:
            for ref in policy.references:
                if ref.table != table or row.get(ref.column) is None:
                    continue
                if ref.is_list:
                    ids = json.loads(row[ref.column])
                    row[ref.column] = json.dumps([self.resolve(i) for i in ids])
                else:
                    row[ref.column] = self.resolve(row[ref.column])
        return row

    # -- rows -------------------------------------------------------------------------------------

    def apply(self, table: str, rows: Iterable[Row]) -> Counts:
        counts = self.counts.setdefault(table, Counts())
        known = set(self.cols(table))
        for batch in _chunks(rows, 500):
            for row in batch:
                unknown = set(row) - known - LOCAL_COLUMNS
                if unknown:
                    raise reject(f"{table} has unknown fields {sorted(unknown)}", f"{table} 含有未知字段")
                self.max_hlc = max(self.max_hlc, str(row.get("hlc") or ""))
            batch = [self._rewrite(table, {k: v for k, v in r.items() if k not in LOCAL_COLUMNS}) for r in batch]
            for row in batch:
                row["id"] = self.resolve(row["id"])  # a later edit of a record merged here goes to the survivor
            ids = [r["id"] for r in batch]
            marks = ",".join("?" for _ in ids)
            existing = {r["id"]: r for r in self.store.query(f"SELECT * FROM {table} WHERE id IN ({marks})",
                                                              tuple(ids))}
            # Records already here first: a natural key that moved is seen before a new record claims it.
            batch.sort(key=lambda r: r["id"] not in existing)
            fresh: list[Row] = []
            pending: set[str] = set()
            for remote in batch:
                if remote["id"] in pending:  # one record twice in a batch (once under an alias): insert first
                    self._insert(table, fresh)
                    counts.inserted += len(fresh)
                    self.touched |= pending
                    fresh, pending = [], set()
                rid = remote["id"]
                local = self.store.get(table, rid) if rid in self.touched else existing.get(rid)
                if local is None:
                    twin = self._twin(table, remote)
                    if twin is None:
                        fresh.append(remote)
                        pending.add(rid)
                        continue
                    counts.aliased += 1
                    self.unite(table, twin, remote)
                    continue
                merged, conflicts = merge(table, local, remote)
                counts.conflicts += conflicts
                if merged is None:
                    counts.unchanged += 1
                    continue
                twin = self._twin(table, merged)
                if twin is not None:  # its key was changed to one another record holds: they are one thing
                    counts.aliased += 1
                    self.unite(table, twin, merged)
                    continue
                self._write(table, merged, remote, local)
                self.touched.add(rid)
                counts.updated += 1
            if fresh:
                self._insert(table, fresh)
                counts.inserted += len(fresh)
        return counts

    def _twin(self, table: str, row: Row) -> Row | None:
        """Another record here with the same natural key (never the row itself)."""
        key = POLICY[table].natural_key
        if not key or any(row.get(k) is None for k in key):
            return None
        where = " AND ".join(f"{k} = ?" for k in key)
        found = self.store.query(f"SELECT * FROM {table} WHERE {where} AND id != ?",
                                 (*(row[k] for k in key), row["id"]))
        return found[0] if found else None

    def _insert(self, table: str, rows: list[Row]) -> None:
        cols = [c for c in self.cols(table) if c not in LOCAL_COLUMNS]
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
            search_index.index_rows(self.store.conn, rows)

    def _write(self, table: str, merged: Row, remote: Row | None, local: Row) -> None:
        data = {c: merged[c] for c in merged if c not in ("id", "seq", "search_key")}
        # Echo suppression: when we end up with exactly the sender's row, it stays "last written by" the
        # sender, so our next bundle to it does not carry it back.
        same_as_remote = remote is not None and all(
            merged.get(c) == remote.get(c) for c in remote
            if c not in LOCAL_COLUMNS and c not in ("device_id", "updated_at", "hlc"))
        data["device_id"] = remote["device_id"] if remote is not None and same_as_remote else self.store.device_id
        data["seq"] = self.store.seq
        sets = ", ".join(f"{c} = ?" for c in data)
        self.store.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*data.values(), merged["id"]))
        if table == "enterprises":
            search_index.index_rows(self.store.conn, [dict(merged, search_key=local["search_key"])])

    # -- uniting two records of one thing ---------------------------------------------------------

    def unite(self, table: str, first: Row, second: Row) -> Row | None:
        """Make two records one: the older id survives with both records' data, the other becomes its alias.

        Either row may be stored here or not (a row just arriving, or only an id {"id": …} known from a
        tombstone). Field values merge by their clocks; a field only one record has filled in is kept (as
        a new edit, so every replica ends with it). References move to the survivor, and a tombstone with
        `merged_into` carries the union to the other replicas. Returns the survivor as stored (None when
        neither record is here).
        """
        keep_id, lose_id = sorted((self.resolve(first["id"]), self.resolve(second["id"])))
        if keep_id == lose_id:
            return self.store.get(table, keep_id)
        with_data = sorted((r for r in (first, second) if len(r) > 1), key=lambda r: str(r["id"]))
        stored_keep = self.store.get(table, keep_id)
        stored_lose = self.store.get(table, lose_id)
        survivor: Row | None = None
        fills: dict[str, Any] = {}
        if len(with_data) == 2:
            older, newer = with_data
            merged, _ = merge(table, dict(older, id=keep_id), dict(newer, id=keep_id))
            survivor = merged or dict(older, id=keep_id)
            fills = {c: v for other in with_data for c, v in other.items()
                     if c not in SYNC_FIELDS and c not in LOCAL_COLUMNS and v is not None and survivor.get(c) is None}
        elif with_data:
            survivor = dict(with_data[0], id=keep_id)
        if stored_lose is not None:
            # Rows still name the lost id until their references move below: check foreign keys at commit.
            self.store.conn.execute("PRAGMA defer_foreign_keys = ON")
            self.store.conn.execute(f"DELETE FROM {table} WHERE id = ?", (lose_id,))
            if table == "enterprises":
                search_index.unindex(self.store.conn, int(stored_lose["search_key"]))
        self._record_alias(table, lose_id, keep_id)
        if survivor is not None:
            if stored_keep is not None:
                self._write(table, survivor, None, stored_keep)
            else:
                survivor.update(device_id=self.store.device_id)
                self._insert(table, [{k: v for k, v in survivor.items() if k not in LOCAL_COLUMNS}])
            if fills:
                self.store.update(table, keep_id, fills, audit=None)
        self._move_references(table, lose_id, keep_id)
        self.touched |= {keep_id, lose_id}
        return self.store.get(table, keep_id)

    def _record_alias(self, table: str, alias: str, target: str) -> None:
        self.aliases[alias] = target
        self.store.conn.execute("INSERT OR REPLACE INTO sync_aliases (alias_id, table_name, target_id) VALUES (?, ?, ?)",
                                (alias, table, target))
        self.store.conn.execute(
            "INSERT OR IGNORE INTO tombstones (id, table_name, row_id, deleted_at, device_id, seq, hlc, reason,"
            " merged_into) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uuid7(), table, alias, utc_now(), self.store.device_id, self.store.seq, self.store.next_hlc(),
             f"merged into {target}", target))

    def _move_references(self, table: str, old: str, new: str) -> None:
        for ref in POLICY[table].references:
            child, column = ref.table, ref.column
            if ref.is_list:
                rows = self.store.query(f"SELECT id, {column} FROM {child} WHERE {column} LIKE ?", (f'%"{old}"%',))
                for r in rows:
                    ids = [new if i == old else i for i in json.loads(r[column])]
                    self.store.update(child, r["id"], {column: json.dumps(ids)}, audit=None)
            else:
                for r in self.store.query(f"SELECT id FROM {child} WHERE {column} = ?", (old,)):
                    self.store.update(child, r["id"], {column: new}, audit=None)

    # -- tombstones -------------------------------------------------------------------------------

    def apply_tombstones(self, rows: Iterable[Row]) -> Counts:
        counts = self.counts.setdefault("tombstones", Counts())
        for tomb in rows:
            table, row_id = tomb.get("table_name"), tomb.get("row_id")
            if not isinstance(table, str) or table not in POLICY or not isinstance(row_id, str):
                raise reject("a deletion names an unknown table", "删除记录指向未知的数据表")
            self.max_hlc = max(self.max_hlc, str(tomb.get("hlc") or ""))
            target = tomb.get("merged_into")
            if isinstance(target, str) and target:
                self._apply_union(table, row_id, target, tomb, counts)
                continue
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
                    search_index.unindex(self.store.conn, int(local["search_key"]))
                counts.deleted += 1
            self._keep_tombstone(table, row_id, tomb)
        return counts

    def _apply_union(self, table: str, row_id: str, target: str, tomb: Row, counts: Counts) -> None:
        """Another replica united `row_id` into `target`: unite them here too (idempotent).

        The same id may have been united with something else here meanwhile; resolving both sides first
        unites the two survivors, so every union any replica made holds everywhere.
        """
        here, there = self.resolve(row_id), self.resolve(target)
        if here == there:
            counts.unchanged += 1
        else:
            counts.aliased += 1
            self.unite(table, self.store.get(table, here) or {"id": here},
                       self.store.get(table, there) or {"id": there})
        self._keep_tombstone(table, row_id, tomb)

    def _keep_tombstone(self, table: str, row_id: str, tomb: Row) -> None:
        # Kept with the sender's stamps (and our seq), so it travels on to the other replicas.
        self.store.conn.execute(
            "INSERT OR IGNORE INTO tombstones (id, table_name, row_id, deleted_at, device_id, seq, hlc, reason,"
            " owner_device, merged_into) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (tomb["id"], table, row_id, tomb.get("deleted_at") or utc_now(), tomb.get("device_id") or "",
             self.store.seq, tomb["hlc"], tomb.get("reason"), tomb.get("owner_device"), tomb.get("merged_into")))

    # -- audit log, conflicts, clock ------------------------------------------------------------

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
                    (uuid7(), c.table, c.row_id, c.field, canonical(c.kept), c.kept_hlc, canonical(c.lost), c.lost_hlc,
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
