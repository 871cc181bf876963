"""Helpers shared by the photo tests (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image

RED = (220, 20, 20)
GREY = (128, 128, 128)


def make_exif(
    *,
    orientation: int | None = None,
    taken: str | None = None,
    gps: tuple[str, tuple[float, float, float], str, tuple[float, float, float]] | None = None,
    model: str | None = None,
) -> Image.Exif:
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if model is not None:
        exif[0x0110] = model
    if taken is not None:
        exif.get_ifd(0x8769)[0x9003] = taken
    if gps is not None:
        ifd = exif.get_ifd(0x8825)
        ifd[1], ifd[2], ifd[3], ifd[4] = gps
    return exif


def png_with_declared_size(path: Path, width: int, height: int) -> Path:
    """A PNG whose header declares width×height but that carries almost no data."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
    path.write_bytes(data + chunk(b"IEND", b""))
    return path
