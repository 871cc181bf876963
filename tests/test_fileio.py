"""fileio: a file fieldapp writes is there whole, or the old one is."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from fieldapp.fileio import TEMP_SUFFIX, atomic_path, atomic_write, atomic_writer


def test_a_written_file_replaces_the_old_one_whole(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "notice.pdf"
    atomic_write(target, b"old")
    atomic_write(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert sorted(p.name for p in target.parent.iterdir()) == ["notice.pdf"]


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "bundle.fabundle"
    target.write_bytes(b"the previous bundle")
    with pytest.raises(ValueError), atomic_writer(target) as fh:
        fh.write(b"half of a new bun")
        raise ValueError("disk pulled out")
    assert target.read_bytes() == b"the previous bundle"
    assert not list(tmp_path.glob("*" + TEMP_SUFFIX))


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_private_file_is_never_readable_by_others(tmp_path: Path) -> None:
    key = tmp_path / "device.key"
    seen: list[int] = []
    with atomic_writer(key, mode=0o600) as fh:
        fh.write(b"secret")
        seen.append(stat.S_IMODE(os.fstat(fh.fileno()).st_mode))
    assert seen == [0o600]
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    cert = atomic_write(tmp_path / "device.pem", b"public", mode=0o644)
    assert stat.S_IMODE(cert.stat().st_mode) == 0o644


def test_a_writer_that_needs_a_file_name_gets_one_beside_the_target(tmp_path: Path) -> None:
    target = tmp_path / "backup.sqlite3"
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and not target.exists()
        conn = sqlite3.connect(tmp)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    assert sqlite3.connect(target).execute("SELECT count(*) FROM t").fetchone() == (0,)
    with pytest.raises(sqlite3.Error), atomic_path(tmp_path / "other.sqlite3") as tmp:
        raise sqlite3.OperationalError("database or disk is full")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.sqlite3"]
