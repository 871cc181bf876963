"""Backups of the database: writing one now, listing them, restoring one.

The app also keeps daily automatic backups (Workspace.maybe_auto_backup). A restore first keeps the
current database as a safety backup, so it can be undone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fieldapp.models import backup, settings
from fieldapp.services.changes import EVERYTHING, Done, Entity, changed
from fieldapp.workspace import Workspace

# A backup written by hand is kept until the user removes it; the automatic ones are pruned.
KEEP_ALL = 10_000


@dataclass(frozen=True)
class Backup:
    path: Path
    written: datetime
    kind: str  # "auto" | "manual" | "before-restore"
    size: int  # bytes


def _kind(path: Path) -> str:
    if "before-restore" in path.name:
        return "before-restore"
    return "manual" if "manual" in path.name else "auto"


def list_backups(ws: Workspace) -> list[Backup]:
    """The backups in the data directory's backups folder, newest first."""
    out = []
    for path in backup.list_backups(ws.backups_dir):
        stat = path.stat()
        out.append(Backup(path, datetime.fromtimestamp(stat.st_mtime), _kind(path), stat.st_size))
    return out


def last_backup(ws: Workspace) -> datetime | None:
    """When the newest backup was written, if there is one."""
    files = backup.list_backups(ws.backups_dir)
    return datetime.fromtimestamp(files[0].stat().st_mtime) if files else None


def back_up(ws: Workspace, out: Path | None = None, *, prune: bool = False) -> Done[Path]:
    """Write a consistent copy of the database (safe while the app is writing); returns the file.

    Without `out` it goes to the backups folder; with `prune`, only the newest `backup_keep` backups stay
    there (as for the automatic ones).
    """
    store = ws.store
    if out is not None:
        path = backup.backup_to(store, out)
    else:
        keep = int(settings.get(store, "backup_keep")) if prune else KEEP_ALL
        path = backup.automatic_backup(store, ws.backups_dir, keep, reason="manual")
    return Done(path, changed(Entity.BACKUPS))


def restore(ws: Workspace, source: Path) -> Done[Path]:
    """Replace the database with a backup; returns the safety backup of what it replaced."""
    safety = backup.restore_from(ws.store, Path(source), ws.backups_dir)
    return Done(safety, EVERYTHING)
