from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from fieldapp.errors import DatabaseRefused
from fieldapp.models import db as dbmod
from fieldapp.models.schema import MIGRATIONS
from fieldapp.models.store import Store


def schema_of(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").fetchall()
    finally:
        conn.close()
    return [(n, " ".join(s.split())) for n, s in rows]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def seed_at_version(store: Store, version: int) -> None:
    """Put data in the database that exists at `version`, so the upgrade has something to carry."""
    from fieldapp.models import enterprises

    if version >= 1:
        with store.transaction():
            store.insert("townships", {"name": "城关街道"}, audit=None)
            row = {"name": "宏达化工有限公司", "uscc": "91350100M000100Y43", "uscc_check_ok": 1, "search_key": 1,
                   "industry": "危险化学品"}
            if version >= 2:
                enterprises.bulk_upsert(store, [{k: v for k, v in row.items() if k != "search_key"}])
            else:
                store.insert("enterprises", row, audit=None)


@pytest.mark.parametrize("version", range(0, len(MIGRATIONS)))
def test_database_built_at_every_earlier_version_upgrades_to_latest(tmp_path: Path, version: int) -> None:
    old = tmp_path / "old.sqlite3"
    s = Store.open(old, target=version) if version else None
    if s is None:
        sqlite3.connect(old).close()
    else:
        assert s.schema_version == version
        seed_at_version(s, version)
        s.close()
    upgraded = Store.open(old)
    assert upgraded.schema_version == len(MIGRATIONS)
    if version >= 1:
        from fieldapp.models import search

        hits = search.search(upgraded.conn, "宏达")
        assert [h["uscc"] for h in hits] == ["91350100M000100Y43"]
    upgraded.close()
    fresh = tmp_path / "fresh.sqlite3"
    Store.open(fresh).close()
    assert schema_of(old) == schema_of(fresh)


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused) as err:
        Store.open(path)
    assert "newer" in err.value.en and "更新版本" in err.value.zh
    assert digest(path) == before
    assert not Path(str(path) + "-wal").exists()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "fieldapp.sqlite3"
    path.write_text("名称,代码\n这不是数据库\n", encoding="utf-8")
    before = digest(path)
    with pytest.raises(DatabaseRefused) as err:
        Store.open(path)
    assert "not a fieldapp database" in err.value.en
    assert digest(path) == before


def test_another_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused):
        Store.open(path)
    assert digest(path) == before


def test_failing_migration_rolls_back_and_keeps_the_old_version(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    Store.open(path, target=2).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("power cut")

    migrations = [*MIGRATIONS[:2], ("broken", broken)]
    with pytest.raises(RuntimeError):
        dbmod.open_connection(path, migrations)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchone()
    conn.close()


def test_connection_uses_wal_and_foreign_keys(store: Store) -> None:
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA foreign_keys") == 1
    assert store.scalar("PRAGMA busy_timeout") >= 5000
