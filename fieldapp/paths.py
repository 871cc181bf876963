"""Where the data lives: --data-dir, then FIELDAPP_DATA_DIR, then the per-user data directory.

On Windows the default is %LOCALAPPDATA%\\fieldapp (platformdirs, not roaming: the database and
photos are large and must stay on the machine).
"""

from __future__ import annotations

import os
from pathlib import Path

from fieldapp.models.db import DB_FILENAME


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("fieldapp", appauthor=False, roaming=False))


def demo_data_dir() -> Path:
    """The demo county's own directory, beside the real one: demo data never enters a real database."""
    import platformdirs

    return Path(platformdirs.user_data_dir("fieldapp-demo", appauthor=False, roaming=False))


def resolve_data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    if option:
        return Path(option).expanduser().resolve()
    env = os.environ.get("FIELDAPP_DATA_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def log_path(data_dir: Path) -> Path:
    return data_dir / "fieldapp.log"
