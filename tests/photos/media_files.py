"""Small recordings that really play (as far as a container reader can tell), and stubs that do not."""

from __future__ import annotations

import io
import struct
import wave
from pathlib import Path


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def full_box(kind: bytes, version: int, payload: bytes) -> bytes:
    return box(kind, bytes([version, 0, 0, 0]) + payload)


def mp4(seconds: float = 2.0, *, samples: int = 50, handler: bytes = b"vide", media: int = 4096,
        brand: bytes = b"mp42") -> bytes:
    """ftyp, mdat with `media` bytes, and moov with one track of `samples` samples lasting `seconds`."""
    timescale = 1000
    mdhd = full_box(b"mdhd", 0, struct.pack(">IIII", 0, 0, timescale, int(seconds * timescale)) + b"\x55\xc4\0\0")
    hdlr = full_box(b"hdlr", 0, b"\0\0\0\0" + handler + b"\0" * 12 + b"VideoHandler\0")
    stsz = full_box(b"stsz", 0, struct.pack(">II", 0, samples) + struct.pack(">I", media // max(samples, 1)) * samples)
    stbl = box(b"stbl", stsz)
    minf = box(b"minf", stbl)
    trak = box(b"trak", box(b"mdia", mdhd + hdlr + minf))
    mvhd = full_box(b"mvhd", 0, struct.pack(">IIII", 0, 0, timescale, int(seconds * timescale)) + b"\0" * 80)
    ftyp = box(b"ftyp", brand + b"\0\0\0\0" + brand + b"isom")
    return ftyp + box(b"mdat", b"\0" * media) + box(b"moov", mvhd + trak)


def wav(seconds: float = 1.0, rate: int = 8000) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\x01\x00" * int(seconds * rate))
    return buf.getvalue()


def mp3(frames: int = 40) -> bytes:
    """MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417-byte frames."""
    return b"ID3\x04\0\0\0\0\0\0" + (b"\xff\xfb\x90\x00" + b"\0" * 413) * frames


def amr(frames: int = 50) -> bytes:
    """AMR-NB 12.2 kbit/s: frame type 7, 32 bytes with its header."""
    return b"#!AMR\n" + (bytes([7 << 3 | 4]) + b"\0" * 31) * frames


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
