"""Backups with SQLite's online backup API (consistent even while the app is writing).

The app keeps the last N automatic backups in <data>/backups; `restore` checks the file before it
replaces anything and keeps a safety copy of the current database first.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from fieldapp.errors import DatabaseRefused, FieldappError
from fieldapp.fileio import atomic_path
from fieldapp.models import db as dbmod
from fieldapp.models.schema import MIGRATIONS
from fieldapp.models.store import Store


def backup_to(store: Store, out: Path) -> Path:
    out = out.expanduser()
    if out.exists():
        raise FieldappError(f"{out} already exists; choose another file", f"文件 {out} 已存在，请换一个文件名")
    try:
        with atomic_path(out) as tmp:
            dest = sqlite3.connect(str(tmp))
            try:
                store.conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
    except (OSError, sqlite3.Error) as exc:
        raise FieldappError(f"backup failed: {exc}", f"备份失败：{exc}") from exc
    return out


def automatic_backup(store: Store, backups: Path, keep: int, reason: str = "auto") -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = backup_to(store, backups / f"fieldapp-{stamp}-{reason}.sqlite3")
    prune(backups, keep)
    return path


def prune(backups: Path, keep: int) -> None:
    files = sorted(backups.glob("fieldapp-*.sqlite3"))
    for old in files[: max(0, len(files) - keep)]:
        old.unlink(missing_ok=True)


def list_backups(backups: Path) -> list[Path]:
    return sorted(backups.glob("fieldapp-*.sqlite3"), reverse=True)


def check_backup_file(path: Path) -> int:
    """Refuse anything that is not a healthy fieldapp database this version can read."""
    if not path.is_file():
        raise FieldappError(f"{path} does not exist", f"文件 {path} 不存在")
    app_id, version = dbmod.inspect_file(path)
    if app_id != dbmod.APPLICATION_ID:
        raise DatabaseRefused(f"{path} is not a fieldapp backup", f"{path} 不是 fieldapp 备份文件")
    if version > len(MIGRATIONS):
        raise DatabaseRefused(f"{path} was written by a newer fieldapp (schema {version})",
                              f"{path} 由更新版本的 fieldapp 创建（结构版本 {version}），无法恢复")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    if result != "ok":
        raise DatabaseRefused(f"{path} is damaged: {result}", f"备份文件 {path} 已损坏：{result}")
    return version


def restore_from(store: Store, source: Path, backups: Path) -> Path:
    """Replace the open database's content with `source`; returns the safety copy of what it replaced."""
    check_backup_file(source)
    safety = automatic_backup(store, backups, keep=10_000, reason="before-restore")
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        # The backup API copies page by page into the destination inside one transaction.
        src.backup(store.conn)
    except sqlite3.Error as exc:
        raise FieldappError(f"restore failed, the database is unchanged: {exc}",
                            f"恢复失败，数据库未改变：{exc}") from exc
    finally:
        src.close()
    dbmod.migrate(store.conn, MIGRATIONS, len(MIGRATIONS))
    return safety
