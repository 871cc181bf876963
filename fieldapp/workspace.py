"""A data directory opened for work: the database plus backups and the log, shared by CLI and UI."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from fieldapp import paths
from fieldapp.models import backup, settings
from fieldapp.models.store import Store

AUTO_BACKUP_INTERVAL_S = 24 * 3600

log = logging.getLogger("fieldapp")


class Workspace:
    def __init__(self, data_dir: Path, store: Store) -> None:
        self.data_dir = data_dir
        self.store = store

    @classmethod
    def open(cls, data_dir: Path | None = None, *, read_only: bool = False) -> Workspace:
        data_dir = data_dir or paths.resolve_data_dir()
        store = Store.open(paths.database_path(data_dir), read_only=read_only)
        return cls(data_dir, store)

    @property
    def backups_dir(self) -> Path:
        return paths.backups_dir(self.data_dir)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def is_empty(self) -> bool:
        return not self.store.scalar("SELECT 1 FROM enterprises LIMIT 1")

    def maybe_auto_backup(self) -> Path | None:
        """Keep the last N daily backups (settings.backup_keep); called when the app starts."""
        existing = backup.list_backups(self.backups_dir)
        if existing and time.time() - existing[0].stat().st_mtime < AUTO_BACKUP_INTERVAL_S:
            return None
        if self.is_empty():
            return None
        return backup.automatic_backup(self.store, self.backups_dir, int(settings.get(self.store, "backup_keep")))


def setup_logging(data_dir: Path, level: int = logging.INFO) -> None:
    """Log to a file in the data directory. Nothing secret is ever passed to the logger."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(paths.log_path(data_dir), encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    # The root logger, so libraries (pyHanko logs validation failures with tracebacks) write to the file
    # too and never onto the user's terminal.
    root = logging.getLogger()
    root.handlers[:] = [handler]
    # Library deprecation warnings (cryptography about DSA, on importing pyHanko) belong in the log too,
    # not in front of a user reading the command's output.
    logging.captureWarnings(True)
    root.setLevel(logging.WARNING)
    logging.getLogger("fieldapp").setLevel(level)
