from __future__ import annotations

import hashlib
import os
import time
import tracemalloc
from pathlib import Path

import pytest

from fieldapp.errors import FieldappError
from fieldapp.photos import blobstore
from fieldapp.photos.blobstore import TEMP_SUFFIX, BlobStore


def all_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
def store(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs")


def test_put_bytes_layout_and_read_back(store: BlobStore) -> None:
    data = "现场照片".encode() * 100
    sha = store.put_bytes(data)
    assert sha == hashlib.sha256(data).hexdigest()
    path = store.path_for(sha)
    assert path == store.root / sha[:2] / sha[2:]
    assert path.read_bytes() == data
    assert store.exists(sha)
    assert store.read_bytes(sha) == data
    assert all_files(store.root) == [path]  # no temp file left behind


def test_put_bytes_dedups_without_rewriting(store: BlobStore) -> None:
    sha = store.put_bytes(b"evidence")
    before = store.path_for(sha).stat()
    time.sleep(0.01)
    assert store.put_bytes(b"evidence") == sha
    after = store.path_for(sha).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_put_bytes_repairs_a_damaged_copy(store: BlobStore) -> None:
    sha = store.put_bytes(b"evidence")
    store.path_for(sha).write_bytes(b"evidencX")  # same size, different content
    assert not store.verify(sha)
    store.put_bytes(b"evidence")
    assert store.verify(sha)


def test_verify_detects_modification_and_absence(store: BlobStore) -> None:
    sha = store.put_bytes(b"\x00" * 5000)
    assert store.verify(sha)
    with open(store.path_for(sha), "r+b") as f:
        f.seek(2500)
        f.write(b"\x01")
    assert not store.verify(sha)
    store.path_for(sha).unlink()
    assert not store.verify(sha)
    assert not store.exists(sha)


def test_remove_and_iter_hashes(store: BlobStore) -> None:
    shas = {store.put_bytes(bytes([i]) * 10) for i in range(5)}
    # Things that are not blobs: a temp file, a stray file, a non-hex shard.
    (store.root / "ab").mkdir(exist_ok=True)
    (store.root / "ab" / ("x" + TEMP_SUFFIX)).write_bytes(b"partial")
    (store.root / "README.txt").write_text("hi")
    (store.root / "zz").mkdir()
    assert set(store.iter_hashes()) == shas
    victim = next(iter(shas))
    assert store.remove(victim) is True
    assert store.remove(victim) is False
    assert set(store.iter_hashes()) == shas - {victim}


def test_iter_hashes_on_a_new_store(tmp_path: Path) -> None:
    assert list(BlobStore(tmp_path / "none").iter_hashes()) == []


@pytest.mark.parametrize(
    "bad",
    ["../../etc/passwd", "A" * 64, "a" * 63, "a" * 65, "g" * 64, "", "ab/" + "c" * 61, "0" * 63 + "\n"],
)
def test_malformed_hashes_are_rejected(store: BlobStore, bad: str) -> None:
    for call in (store.path_for, store.exists, store.verify, store.remove, store.read_bytes):
        with pytest.raises(FieldappError) as info:
            call(bad)
        assert info.value.zh != info.value.en


def test_failed_rename_leaves_nothing(store: BlobStore, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(blobstore.os, "replace", crash)
    with pytest.raises(FieldappError, match="No space left"):
        store.put_bytes(b"will not land")
    assert all_files(store.root) == []


def test_cleanup_temp_removes_only_stale_temps(store: BlobStore) -> None:
    sha = store.put_bytes(b"keep me")
    stale = store.root / sha[:2] / (".old" + TEMP_SUFFIX)
    stale_top = store.root / (".old2" + TEMP_SUFFIX)
    fresh = store.root / (".new" + TEMP_SUFFIX)
    for p in (stale, stale_top, fresh):
        p.write_bytes(b"partial")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    os.utime(stale_top, (old, old))
    assert store.cleanup_temp() == 2
    assert fresh.exists() and not stale.exists() and not stale_top.exists()
    assert store.cleanup_temp(max_age=0) == 1
    assert store.verify(sha)


# -- streamed files ----------------------------------------------------------------------------------

MB = 1024 * 1024


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int]:
    """About 50 MB of incompressible-looking data, like a body-camera clip."""
    path = tmp_path_factory.mktemp("video") / "执法记录仪 20240517.mp4"
    block = os.urandom(MB)
    h = hashlib.sha256()
    with open(path, "wb") as f:
        for i in range(50):
            chunk = i.to_bytes(4, "big") + block[4:]
            h.update(chunk)
            f.write(chunk)
        tail = b"end of clip"
        h.update(tail)
        f.write(tail)
    return path, h.hexdigest(), 50 * MB + len(tail)


def test_put_file_streams_a_large_file(store: BlobStore, big_file: tuple[Path, str, int]) -> None:
    path, sha, size = big_file
    tracemalloc.start()
    try:
        got = store.put_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert got == (sha, size)
    assert peak < 8 * MB, f"put_file held {peak / MB:.1f} MB: it must stream, not load the file"
    assert store.path_for(sha).stat().st_size == size
    assert store.verify(sha)
    assert all_files(store.root) == [store.path_for(sha)]
    # Second copy: same answer, still one file, no temp left.
    assert store.put_file(path) == (sha, size)
    assert all_files(store.root) == [store.path_for(sha)]


def test_put_file_refuses_files_over_the_limit(store: BlobStore, big_file: tuple[Path, str, int]) -> None:
    path, sha, _ = big_file
    with pytest.raises(FieldappError) as info:
        store.put_file(path, max_size=10 * MB)
    assert "10 MB" in info.value.en and "10 MB" in info.value.zh
    assert not store.exists(sha)
    assert all_files(store.root) == []


def test_put_file_enforces_the_limit_while_copying(
    store: BlobStore, big_file: tuple[Path, str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file still being written (camera copying over USB) reports a small size when opened.
    path, _, _ = big_file
    monkeypatch.setattr(blobstore, "_declared_size", lambda f: 0)
    with pytest.raises(FieldappError):
        store.put_file(path, max_size=5 * MB)
    assert all_files(store.root) == []


def test_put_file_exact_limit_is_allowed(store: BlobStore, tmp_path: Path) -> None:
    path = tmp_path / "a.amr"
    path.write_bytes(b"#!AMR\n" + b"\x00" * 94)
    assert store.put_file(path, max_size=100)[1] == 100


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_put_file_bad_source(store: BlobStore, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "nope.mp4" if kind == "missing" else tmp_path
    with pytest.raises(FieldappError) as info:
        store.put_file(path)
    assert info.value.zh != info.value.en
    assert all_files(store.root) == []
