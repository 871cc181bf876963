from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldapp.models.store import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "fieldapp.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo county built once per session; tests copy it (building takes ~0.5 s)."""
    from fieldapp.models import demo

    path = tmp_path_factory.mktemp("demo") / "fieldapp.sqlite3"
    s = Store.open(path)
    demo.fill(s, enterprises_count=600, seed=7)
    s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    return path


@pytest.fixture
def demo_store(demo_db_template: Path, tmp_path: Path) -> Iterator[Store]:
    import shutil

    target = tmp_path / "demo" / "fieldapp.sqlite3"
    target.parent.mkdir(parents=True)
    shutil.copy(demo_db_template, target)
    s = Store.open(target)
    yield s
    s.close()


def run_cli(data_dir: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real command line in a subprocess, as a user or script runs it."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("FIELDAPP_DATA_DIR", None)
    return subprocess.run([sys.executable, "-m", "fieldapp", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, input=input, timeout=120)
