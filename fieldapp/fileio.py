"""Writing a file so that a crash, a power cut or a full disk leaves the old file or the whole new one.

The content goes to a temporary file beside the target (the same directory, so the rename never crosses
disks), is flushed and fsynced, gets its permissions, and is renamed over the target with `os.replace`;
then the directory is fsynced, so the rename itself survives a power cut. On any failure the temporary
file is removed and the target is untouched. Every file fieldapp writes for keeps — keys, bundles,
backups, exported PDFs and checklists, evidence — is written here.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

# Temporary files carry this suffix, so a leftover of a crash can be recognised (BlobStore.cleanup_temp).
TEMP_SUFFIX = ".fieldapp-tmp"


def fsync_dir(directory: Path) -> None:
    """Make a rename in `directory` durable (POSIX; Windows cannot open a directory and NTFS journals renames)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace(tmp: Path, final: Path, *, durable: bool = True) -> None:
    """Rename a finished temporary file over `final` (for writers that learn the name only at the end)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(tmp, final)
    if durable:
        fsync_dir(final.parent)


def _open_temp(path: Path, *, private: bool, unique: bool) -> tuple[int, Path]:
    # A private file (mode given, e.g. a key) is created 0600 before any byte is written and opened up
    # only at the end; anything else gets the usual permissions (umask), as `open` would give it.
    create = 0o600 if private else 0o666
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0)
    if not unique:
        # One name per target and thread: cheaper than a random one for thousands of small files, and a
        # leftover of a crash is simply overwritten.
        tmp = path.with_name(f".{path.name}.{threading.get_ident()}{TEMP_SUFFIX}")
        return os.open(tmp, flags | os.O_TRUNC, create), tmp
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            return os.open(tmp, flags | os.O_EXCL, create), tmp
        except FileExistsError:
            continue


@contextmanager
def atomic_writer(path: Path, *, mode: int | None = None, durable: bool = True,
                  unique: bool = True) -> Iterator[BinaryIO]:
    """A binary file to write `path` through: it appears under its name, whole, when the block ends.

    An exception inside the block (a failed hash check, a full disk) leaves `path` as it was. With
    `durable=False` the caller makes the data durable later in one go (os.sync after many small files).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _open_temp(path, private=mode is not None, unique=unique)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        replace(tmp, path, durable=durable)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write(path: Path, data: bytes, *, mode: int | None = None, durable: bool = True) -> Path:
    """Write `data` to `path` whole or not at all; `mode` for files that must stay private (keys)."""
    with atomic_writer(path, mode=mode, durable=durable) as fh:
        fh.write(data)
    return path


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary name beside `path` for a writer that needs a file name (SQLite's backup API).

    The writer must have closed the file when the block ends; it is then fsynced and renamed over `path`.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _open_temp(path, private=False, unique=True)
    os.close(fd)
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDWR | getattr(os, "O_BINARY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
