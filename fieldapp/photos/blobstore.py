"""Content-addressed storage of evidence files (processed photos, thumbnails, original videos/audio).

Layout: ``root/ab/cdef…`` — the first two hex digits of the SHA-256 name a shard directory and the
remaining 62 the file, with no extension (the database records what a blob is). Sharding keeps any one
directory small enough for Windows Explorer and for antivirus scanners that walk directories.

Every write goes to a temp file in the same directory tree, is flushed and fsynced, then renamed with
``os.replace`` (fieldapp.fileio): a crash or power cut leaves either no file or the whole file under its final name, never
half a file. Temp files carry :data:`TEMP_SUFFIX` so :meth:`BlobStore.cleanup_temp` can find leftovers.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from fieldapp.errors import FieldappError, NotFound, ValidationError
from fieldapp.fileio import TEMP_SUFFIX, atomic_write, atomic_writer, replace
from fieldapp.photos.pack import Pack

CHUNK_SIZE = 1024 * 1024
DEFAULT_MAX_FILE_SIZE = 2 * 1024**3

_SHA_RE = re.compile(r"[0-9a-f]{64}")
_SHARD_RE = re.compile(r"[0-9a-f]{2}")
_REST_RE = re.compile(r"[0-9a-f]{62}")


def _check_sha(sha: str) -> str:
    # Hashes reach us from the database and from sync packages; anything else could name a path
    # outside the store ("../..") or a file the store does not manage.
    if not isinstance(sha, str) or _SHA_RE.fullmatch(sha) is None:
        raise ValidationError(
            f"Invalid file identifier {sha!r}: expected 64 lowercase hex digits.",
            f"文件标识无效：{sha!r}（应为 64 位小写十六进制）。",
        )
    return sha


def _storage_error(e: OSError) -> FieldappError:
    reason = e.strerror or str(e)
    return FieldappError(
        f"Could not save the file to the evidence store: {reason}. Check free disk space.",
        f"无法保存文件到证据库：{reason}。请检查磁盘剩余空间。",
    )


def _hash_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK_SIZE):
            h.update(chunk)
    return h.hexdigest()


def _declared_size(f: BinaryIO) -> int:
    return os.fstat(f.fileno()).st_size


PACK_FILE = "pack.sqlite3"
# Thumbnails and other small blobs go into the pack (see pack.py); photos at 2560 px are files.
SMALL_BLOB = 64 * 1024


def data_store(data_dir: Path, name: str) -> BlobStore:
    """The app's stores under the data directory: "evidence" (photos, video, audio) and "documents" (PDFs)."""
    return BlobStore(Path(data_dir) / name, pack_max=SMALL_BLOB)


class BlobStore:
    """Files named by the SHA-256 of their content. Safe to use from several threads.

    With ``pack_max`` > 0, blobs up to that size live in ``root/pack.sqlite3`` (see pack.py) instead of
    files; callers then read with :meth:`read_bytes`/:meth:`chunks` or ask :meth:`local_path` for a file.
    """

    def __init__(self, root: Path, *, pack_max: int = 0) -> None:
        self.root = Path(root)
        self.pack_max = pack_max

    def _pack(self) -> Pack:
        return Pack.at(self.root / PACK_FILE)

    # -- naming -----------------------------------------------------------------------------------

    def path_for(self, sha: str) -> Path:
        _check_sha(sha)
        return self.root / sha[:2] / sha[2:]

    def exists(self, sha: str) -> bool:
        return self.path_for(sha).is_file() or (self.pack_max > 0 and self._pack().has(sha))

    def local_path(self, sha: str) -> Path:
        """A file holding the blob: the stored file, or a cached copy of a packed blob (for viewers)."""
        path = self.path_for(sha)
        if path.is_file() or not self.pack_max:
            return path
        data = self._pack().get(sha)
        if data is None:
            return path
        cached = self.root / ".cache" / sha[:2] / sha[2:]
        if not cached.is_file():
            atomic_write(cached, data, durable=False)  # a cache: rebuilt from the pack if lost
        return cached

    def chunks(self, sha: str) -> Iterator[bytes]:
        path = self.path_for(sha)
        if path.is_file():
            with open(path, "rb") as f:
                while block := f.read(CHUNK_SIZE):
                    yield block
            return
        yield self.read_bytes(sha)

    def flush(self) -> None:
        """Make blobs written with ``durable=False`` durable: the pack's transaction and the files."""
        if self.pack_max:
            self._pack().flush()
        flush_all()

    # -- writing ----------------------------------------------------------------------------------

    def _new_temp(self, directory: Path) -> tuple[BinaryIO, Path]:
        directory.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".", suffix=TEMP_SUFFIX, dir=directory)
        return os.fdopen(fd, "wb"), Path(name)

    def _matches(self, final: Path, sha: str, size: int) -> bool:
        try:
            if final.stat().st_size != size:
                return False
            return _hash_file(final) == sha
        except OSError:
            return False

    def _commit(self, tmp: Path, final: Path) -> None:
        replace(tmp, final)

    def put_bytes(self, data: bytes) -> str:
        """Store ``data``; returns its SHA-256. Existing identical content is not rewritten."""
        return self.put_stream([data], hashlib.sha256(data).hexdigest())

    def put_stream(self, blocks: Iterable[bytes], expected_sha: str, *, durable: bool = True) -> str:
        """Store content arriving in blocks (a bundle member) under its expected hash, checked while writing.

        With ``durable=False`` the caller batches the flush to disk with :func:`flush_all` (one sync for
        thousands of small files instead of one each); it must do so before it records the files.
        """
        final = self.path_for(expected_sha)
        if self.pack_max:
            head: list[bytes] = []
            size = 0
            stream = iter(blocks)
            for block in stream:
                head.append(block)
                size += len(block)
                if size > self.pack_max:
                    break
            else:
                data = b"".join(head)
                if hashlib.sha256(data).hexdigest() != expected_sha:
                    raise FieldappError(f"content does not match its hash {expected_sha}",
                                        f"文件内容与摘要 {expected_sha} 不符")
                self._pack().put(expected_sha, data, durable=durable)
                return expected_sha
            blocks = [*head, *stream]
        if final.is_file():
            # Still consume the stream so the caller's own checks on it run.
            for _ in blocks:
                pass
            if self._matches(final, expected_sha, final.stat().st_size):
                return expected_sha
        try:
            # The content is checked before it takes its name: a mismatch leaves nothing behind.
            with atomic_writer(final, durable=durable, unique=False) as f:
                digest = hashlib.sha256()
                for block in blocks:
                    digest.update(block)
                    f.write(block)
                if digest.hexdigest() != expected_sha:
                    raise FieldappError(f"content does not match its hash {expected_sha}",
                                        f"文件内容与摘要 {expected_sha} 不符")
        except OSError as e:
            raise _storage_error(e) from e
        return expected_sha

    def put_file(self, path: Path, *, max_size: int = DEFAULT_MAX_FILE_SIZE) -> tuple[str, int]:
        """Copy the file at ``path`` into the store in chunks; returns ``(sha256, size)``.

        Meant for videos and audio, which can be larger than memory. The hash is computed while copying,
        so the source is read once.
        """
        from fieldapp.photos.media import open_source

        path = Path(path)
        src = open_source(path)  # closed in the finally below, alongside the temp file
        tmp: Path | None = None
        try:
            too_big = FieldappError(
                f"{path.name} is larger than the limit of {max_size / 1024**2:.0f} MB.",
                f"文件 {path.name} 超过 {max_size / 1024**2:.0f} MB 的上限。",
            )
            # Fail before copying anything when the size is already known; the loop below still
            # enforces the limit for files that grow while being read.
            if _declared_size(src) > max_size:
                raise too_big
            h = hashlib.sha256()
            size = 0
            try:
                out, tmp = self._new_temp(self.root)
                with out:
                    while chunk := src.read(CHUNK_SIZE):
                        size += len(chunk)
                        if size > max_size:
                            raise too_big
                        h.update(chunk)
                        out.write(chunk)
                    out.flush()
                    os.fsync(out.fileno())
                sha = h.hexdigest()
                final = self.path_for(sha)
                if not self._matches(final, sha, size):
                    self._commit(tmp, final)
                    tmp = None
            except OSError as e:
                raise _storage_error(e) from e
            return sha, size
        finally:
            src.close()
            if tmp is not None:
                tmp.unlink(missing_ok=True)

    # -- reading and maintenance --------------------------------------------------------------------

    def read_bytes(self, sha: str) -> bytes:
        try:
            return self.path_for(sha).read_bytes()
        except FileNotFoundError:
            packed = self._pack().get(sha) if self.pack_max else None
            if packed is not None:
                return packed
            raise NotFound(
                f"Stored file {sha[:12]}… is missing.", f"证据库中缺少文件 {sha[:12]}…。"
            ) from None

    def verify(self, sha: str) -> bool:
        """True if the blob exists and its content still hashes to ``sha`` (read in chunks)."""
        try:
            return _hash_file(self.path_for(sha)) == sha
        except OSError:
            packed = self._pack().get(sha) if self.pack_max else None
            return packed is not None and hashlib.sha256(packed).hexdigest() == sha

    def remove(self, sha: str) -> bool:
        """Delete the blob; returns False if it was not there."""
        packed = self.pack_max > 0 and self._pack().delete(sha)
        try:
            self.path_for(sha).unlink()
        except FileNotFoundError:
            return packed
        return True

    def iter_hashes(self) -> Iterator[str]:
        """Every stored hash (by file name; use :meth:`verify` to check content)."""
        if not self.root.is_dir():
            return
        if self.pack_max:
            yield from self._pack().hashes()
        for shard in sorted(self.root.iterdir()):
            if not (shard.is_dir() and _SHARD_RE.fullmatch(shard.name)):
                continue
            for entry in sorted(shard.iterdir()):
                if _REST_RE.fullmatch(entry.name) and entry.is_file():
                    yield shard.name + entry.name

    def cleanup_temp(self, max_age: float = 3600.0) -> int:
        """Delete temp files older than ``max_age`` seconds, left by crashes; returns how many.

        The age limit keeps a cleanup running in one thread from deleting a temp file another thread is
        still writing; pass 0 when nothing else can be writing (e.g. at start-up).
        """
        if not self.root.is_dir():
            return 0
        cutoff = time.time() - max_age
        removed = 0
        dirs = [self.root, *(d for d in self.root.iterdir() if d.is_dir() and _SHARD_RE.fullmatch(d.name))]
        for directory in dirs:
            for entry in directory.glob("*" + TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    if entry.is_file() and entry.stat().st_mtime <= cutoff:
                        entry.unlink()
                        removed += 1
        return removed


def flush_all() -> None:
    """Make every file written so far durable (after ``put_stream(..., durable=False)``)."""
    sync = getattr(os, "sync", None)
    if sync is not None:
        sync()
