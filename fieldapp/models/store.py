"""The one write path for synced records.

Domain modules never write synced tables directly: `Store.insert/update/delete` stamp the sync columns
(UUIDv7 id, timestamps, device, change sequence, hybrid logical clock, per-field clocks), keep the
search index in step and append the audit trail for audited entities, all inside the caller's
transaction. A transaction either commits all of that or none of it.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from fieldapp.errors import FieldappError, NotFound
from fieldapp.models import db as dbmod
from fieldapp.models.ids import Hlc, hlc_next, hlc_receive, utc_now, uuid7
from fieldapp.models.schema import MIGRATIONS
from fieldapp.models.tables import POLICY, SYNC_FIELDS

__all__ = ["SYNC_FIELDS", "Row", "Store", "field_clock", "field_prev"]

Row = dict[str, Any]


def field_clock(field_hlc: dict[str, str], column: str) -> str:
    """The clock of one field's current value ("" when unknown)."""
    entry = field_hlc.get(column) or field_hlc.get("*") or ""
    return entry.split("|", 1)[0]


def field_prev(field_hlc: dict[str, str], column: str) -> str | None:
    """The clock of the value the current one replaced (None when the field was never edited)."""
    entry = field_hlc.get(column)
    if entry is None or "|" not in entry:
        return None
    return entry.split("|", 1)[1]


def _sqlite_error(exc: sqlite3.Error) -> FieldappError:
    text = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and "full" in text:
        return FieldappError("the disk is full; nothing was changed", "磁盘空间已满，本次操作未做任何修改")
    if "readonly" in text or "read-only" in text:
        return FieldappError("the database is read-only; nothing was changed",
                             "数据库为只读状态，本次操作未做任何修改")
    if "locked" in text or "busy" in text:
        return FieldappError("the database is busy (another fieldapp window or command is writing); try again",
                             "数据库正被其他窗口或命令占用，请稍后重试")
    return FieldappError(f"database error: {text}; nothing was changed", f"数据库错误：{text}；本次操作未做任何修改")


class Store:
    """An open field database."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self._depth = 0
        self._tx_seq: int | None = None
        self._hlc: Hlc | None = None
        # The wall clock behind the hybrid logical clock, in ms; tests replace it to order edits exactly.
        self.wall_ms: Callable[[], int] = lambda: time.time_ns() // 1_000_000
        self.actor = getpass.getuser() if hasattr(getpass, "getuser") else "user"
        self.device_id = self._ensure_device_id()
        # False only for a database opened at an old schema version (upgrade tests).
        self._indexed = bool(self.scalar("SELECT 1 FROM sqlite_master WHERE name = 'enterprise_search'"))

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, target: int | None = None, read_only: bool = False) -> Store:
        try:
            conn = dbmod.open_connection(path, MIGRATIONS, target=target, read_only=read_only)
        except sqlite3.Error as exc:
            raise _sqlite_error(exc) from exc
        return cls(path, conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ensure_device_id(self) -> str:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
        except sqlite3.OperationalError:
            return "unmigrated"
        if row:
            return str(row[0])
        device_id = uuid7()
        if self._is_read_only():
            return device_id
        self.conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('device_id', ?)", (device_id,))
        self.conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('seq', '0')")
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
        return str(row[0])

    def _is_read_only(self) -> bool:
        return bool(self.conn.execute("PRAGMA query_only").fetchone()[0]) or "mode=ro" in str(self.path)

    @property
    def schema_version(self) -> int:
        return dbmod.schema_version(self.conn)

    # -- transactions ------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """A write transaction; nested uses join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _sqlite_error(exc) from exc
        self._depth = 1
        self._tx_seq = None
        self._hlc = None
        try:
            yield self
            if self._hlc is not None:
                self.conn.execute("UPDATE meta SET value = ? WHERE key = 'hlc'", (self._hlc.encode(),))
                self.conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('hlc', ?)",
                                  (self._hlc.encode(),))
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise _sqlite_error(exc) from exc
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0
            self._tx_seq = None
            self._hlc = None

    def _rollback(self) -> None:
        # SQLite may already have rolled back by itself (e.g. SQLITE_FULL); then there is nothing to undo.
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("ROLLBACK")

    def _require_tx(self) -> None:
        if not self._depth:
            raise RuntimeError("writes must happen inside Store.transaction()")

    @property
    def seq(self) -> int:
        """This transaction's change sequence number, allocated on first use."""
        self._require_tx()
        if self._tx_seq is None:
            row = self.conn.execute(
                "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'seq' RETURNING value"
            ).fetchone()
            self._tx_seq = int(row[0])
        return self._tx_seq

    def current_seq(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'seq'").fetchone()
        return int(row[0]) if row else 0

    def next_hlc(self) -> str:
        self._require_tx()
        if self._hlc is None:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'hlc'").fetchone()
            self._hlc = Hlc.decode(row[0]) if row else None
        self._hlc = hlc_next(self._hlc, self.device_id, self.wall_ms())
        return self._hlc.encode()

    def observe_hlc(self, remote: str) -> None:
        """Move this replica's clock past a stamp received from another one (inside a transaction)."""
        self._require_tx()
        if self._hlc is None:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'hlc'").fetchone()
            self._hlc = Hlc.decode(row[0]) if row else None
        self._hlc = hlc_receive(self._hlc, Hlc.decode(remote), self.device_id, self.wall_ms())

    # -- reading -----------------------------------------------------------------------------

    def get(self, table: str, row_id: str) -> Row | None:
        row = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return dict(row) if row else None

    def require(self, table: str, row_id: str, what_en: str, what_zh: str) -> Row:
        row = self.get(table, row_id)
        if row is None:
            raise NotFound(f"{what_en} {row_id} not found", f"未找到{what_zh}：{row_id}")
        return row

    def query(self, sql: str, params: tuple[Any, ...] | Mapping[str, Any] = ()) -> list[Row]:
        return [dict(r) for r in self.conn.execute(sql, params)]

    def scalar(self, sql: str, params: tuple[Any, ...] | Mapping[str, Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    # -- writing -----------------------------------------------------------------------------

    def insert(self, table: str, values: Mapping[str, Any], *, audit: str | None = "create") -> Row:
        self._require_tx()
        now = utc_now()
        hlc = self.next_hlc()
        row: Row = {k: v for k, v in values.items() if k not in SYNC_FIELDS}
        row.update(
            id=values.get("id") or uuid7(),
            created_at=values.get("created_at") or now,
            updated_at=now,
            device_id=self.device_id,
            seq=self.seq,
            hlc=hlc,
            # "*" is the clock of every field not changed since the row was created (field-level merge).
            field_hlc=json.dumps({"*": hlc}),
        )
        if POLICY[table].owned:
            row["owner_device"] = values.get("owner_device") or self.device_id
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", tuple(row.values()))
        self._after_write(table, row, audit, row)
        return row

    def update(self, table: str, row_id: str, changes: Mapping[str, Any], *, audit: str | None = "update") -> Row:
        """Write only the fields that really change; returns the new row."""
        self._require_tx()
        current = self.get(table, row_id)
        if current is None:
            raise NotFound(f"{table} record {row_id} not found", f"记录不存在：{row_id}")
        diff = {k: v for k, v in changes.items() if k not in SYNC_FIELDS and current.get(k) != v}
        if not diff:
            return current
        hlc = self.next_hlc()
        field_hlc = json.loads(current["field_hlc"] or "{}")
        for key in diff:
            # "new|previous": the previous clock says which value this edit replaced, so a merge can tell a
            # later edit of the same value (no conflict) from a concurrent one (conflict to review).
            field_hlc[key] = f"{hlc}|{field_clock(field_hlc, key)}"
        stamp = dict(diff, updated_at=utc_now(), device_id=self.device_id, seq=self.seq, hlc=hlc,
                     field_hlc=json.dumps(field_hlc, ensure_ascii=False, sort_keys=True))
        sets = ", ".join(f"{k} = ?" for k in stamp)
        self.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*stamp.values(), row_id))
        new = dict(current, **stamp)
        self._after_write(table, new, audit, {k: diff[k] for k in diff})
        return new

    def delete(self, table: str, row_id: str, *, reason: str | None = None) -> None:
        """Delete a row and leave a tombstone, so the deletion travels like any other change."""
        self._require_tx()
        current = self.get(table, row_id)
        if current is None:
            raise NotFound(f"{table} record {row_id} not found", f"记录不存在：{row_id}")
        self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        self.conn.execute(
            "INSERT OR REPLACE INTO tombstones (id, table_name, row_id, deleted_at, device_id, seq, hlc, reason,"
            " owner_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uuid7(), table, row_id, utc_now(), self.device_id, self.seq, self.next_hlc(), reason,
             current.get("owner_device")),
        )
        if table == "enterprises" and self._indexed:
            from fieldapp.models import search_index

            search_index.unindex(self.conn, int(current["search_key"]))
        if POLICY[table].audited:
            from fieldapp.models import audit

            audit.append(self, "delete", table, row_id, {"reason": reason})

    def _after_write(self, table: str, row: Row, audit_action: str | None, data: Mapping[str, Any]) -> None:
        if table == "enterprises" and self._indexed:
            from fieldapp.models import search_index

            search_index.index_rows(self.conn, [row])
        # Changes to audited records go into the hash-chained 执法全过程记录 (audit.py).
        if audit_action and POLICY[table].audited:
            from fieldapp.models import audit

            audit.append(self, audit_action, table, row["id"], dict(data))
