from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.errors import FieldappError
from fieldapp.models import backup, enterprises, uscc
from fieldapp.models.store import Store


def test_backup_and_restore_round_trip(store: Store, tmp_path: Path) -> None:
    enterprises.create(store, {"name": "甲单位", "uscc": "91350100M000100Y43"})
    copy = backup.backup_to(store, tmp_path / "b" / "copy.sqlite3")
    enterprises.create(store, {"name": "乙单位", "uscc": "91350100M0001TGQXM"})
    safety = backup.restore_from(store, copy, tmp_path / "backups")
    assert [r["name"] for r in store.query("SELECT name FROM enterprises")] == ["甲单位"]
    # The safety copy holds what the restore replaced, so a restore by mistake can itself be undone.
    with Store.open(safety) as before:
        assert sorted(r["name"] for r in before.query("SELECT name FROM enterprises")) == ["乙单位", "甲单位"]


def test_restore_refuses_a_file_that_is_not_a_backup(store: Store, tmp_path: Path) -> None:
    enterprises.create(store, {"name": "甲单位", "uscc": "91350100M000100Y43"})
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"PK\x03\x04 not a database")
    with pytest.raises(FieldappError):
        backup.restore_from(store, bogus, tmp_path / "backups")
    assert store.scalar("SELECT count(*) FROM enterprises") == 1


def test_automatic_backups_keep_the_last_n(store: Store, tmp_path: Path) -> None:
    made = []
    for n in range(4):
        body = f"9135010000000{n:04d}"
        enterprises.create(store, {"name": f"单位{n}", "uscc": body + uscc.check_char(body)})
        made.append(backup.automatic_backup(store, tmp_path / "auto", keep=2))
    kept = backup.list_backups(tmp_path / "auto")
    assert kept == [made[3], made[2]]  # the two newest, newest first
    for path, expected in zip(kept, (4, 3), strict=True):
        with Store.open(path) as copy:
            assert copy.scalar("SELECT count(*) FROM enterprises") == expected
