"""Opening the field database: file checks, connection settings and forward-only migrations.

The file is checked before anything is written to it: a file that is not SQLite, a SQLite file that is
not ours, or one written by a newer fieldapp is refused untouched (no WAL switch, no migration).
Migrations run one by one, each in its own exclusive transaction together with its version bump, so a
crash mid-upgrade leaves the previous version intact.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from fieldapp.errors import DatabaseRefused

# "FLDA" — lets us tell our databases from any other SQLite file a user might pick.
APPLICATION_ID = 0x464C4441
SQLITE_HEADER = b"SQLite format 3\x00"
DB_FILENAME = "fieldapp.sqlite3"

Migration = Callable[[sqlite3.Connection], None]


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=10.0)
    conn.row_factory = sqlite3.Row
    return conn


def inspect_file(path: Path) -> tuple[int, int]:
    """Return (application_id, user_version) of an existing file without modifying it."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise DatabaseRefused(
            f"cannot read database file {path}: {exc.strerror}",
            f"无法读取数据库文件 {path}：{exc.strerror}",
        ) from exc
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise DatabaseRefused(
            f"{path} is not a fieldapp database (not an SQLite file)",
            f"{path} 不是 fieldapp 数据库文件（不是 SQLite 文件）",
        )
    # Read through SQLite rather than the raw header: a committed migration may still sit in the WAL.
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseRefused(
            f"{path} is not a readable SQLite database: {exc}",
            f"{path} 不是可读取的 SQLite 数据库：{exc}",
        ) from exc
    return int(app_id), int(version)


def open_connection(path: Path, migrations: list[tuple[str, Migration]], *, target: int | None = None,
                    read_only: bool = False) -> sqlite3.Connection:
    """Open (creating if absent) and upgrade the database at `path` to `target` (default: latest)."""
    latest = len(migrations)
    target = latest if target is None else target
    exists = path.exists() and path.stat().st_size > 0
    if exists:
        app_id, version = inspect_file(path)
        if app_id not in (0, APPLICATION_ID) or (app_id == 0 and version != 0):
            raise DatabaseRefused(
                f"{path} is an SQLite database of another program, not fieldapp",
                f"{path} 是其他程序的 SQLite 数据库，不是 fieldapp 数据库",
            )
        if version > latest:
            raise DatabaseRefused(
                f"{path} was written by a newer fieldapp (schema {version}, this version knows {latest}); "
                "update fieldapp — the file was not changed",
                f"该数据库由更新版本的 fieldapp 创建（结构版本 {version}，本程序仅支持到 {latest}），"
                "请升级软件；文件未作任何修改",
            )
        if app_id == 0 and version == 0 and _has_tables(path):
            raise DatabaseRefused(
                f"{path} is an SQLite database of another program, not fieldapp",
                f"{path} 是其他程序的 SQLite 数据库，不是 fieldapp 数据库",
            )
    elif read_only:
        raise DatabaseRefused(f"database {path} does not exist", f"数据库 {path} 不存在")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)

    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                               check_same_thread=False, timeout=10.0)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    conn = _connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL keeps a committed edit through a power cut, not only through a crash of the app.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        migrate(conn, migrations, target)
    except Exception:
        conn.close()
        raise
    return conn


def _has_tables(path: Path) -> bool:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    finally:
        conn.close()


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: list[tuple[str, Migration]], target: int) -> list[str]:
    """Apply pending migrations up to `target`; returns the names applied."""
    applied: list[str] = []
    while True:
        current = schema_version(conn)
        if current >= target:
            return applied
        name, step = migrations[current]
        conn.execute("BEGIN EXCLUSIVE")
        try:
            # Re-read inside the lock: another process may have upgraded meanwhile.
            if schema_version(conn) != current:
                conn.execute("ROLLBACK")
                continue
            step(conn)
            conn.execute(
                "CREATE TABLE IF NOT EXISTS _migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"
            )
            conn.execute("INSERT INTO _migrations (version, name) VALUES (?, ?)", (current + 1, name))
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {current + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)


def wrap(conn: sqlite3.Connection) -> sqlite_utils.Database:
    return sqlite_utils.Database(conn)
