"""Does a video or audio file hold something that plays? Checked before it is stored as evidence.

A file can carry a valid signature (`ftyp`, `RIFF`, `ID3`) and nothing else: a 24-byte stub, a recording cut off
before its first frame, a header copied onto junk. Such a file is not evidence. Without a codec library (the
field installer carries none), the container is read instead: a stream of video or sound is declared, has a
duration above zero, and its samples are in the file. Reads are bounded (headers only, never the media data).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from fieldapp.errors import FieldappError
from fieldapp.photos.media import MediaType

MAX_BOXES = 10_000  # a header with more boxes than this is hostile, not a recording
# Layer III bitrates (kbit/s) and sample rates of MPEG-1, and of MPEG-2 (phones' low-rate recordings).
MPEG1_BITRATES = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0)
MPEG2_BITRATES = (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0)
MPEG1_RATES, MPEG2_RATES = (44100, 48000, 32000, 0), (22050, 24000, 16000, 0)
# Bytes per frame by frame type, the header byte included: AMR-NB types 0–8, AMR-WB types 0–9.
AMR_NB_FRAME_BYTES: tuple[int, ...] = (13, 14, 16, 18, 20, 21, 27, 32, 6)
AMR_WB_FRAME_BYTES: tuple[int, ...] = (18, 24, 33, 37, 41, 47, 51, 59, 61, 6)


def _no_stream(name: str, why: str, why_zh: str) -> FieldappError:
    return FieldappError(f"{name} holds no playable {why}; it was not stored",
                         f"{name} 中没有可播放的{why_zh}，未保存")


def playable_seconds(path: Path, media: MediaType) -> float:
    """The duration of the first stream that plays, in seconds; refuses a file without one."""
    path = Path(path)
    with path.open("rb") as fh:
        size = path.stat().st_size
        container = media.container
        if container in ("mp4", "mov", "3gp", "m4a"):
            seconds = _iso_bmff(fh, size)
        elif container == "wav":
            seconds = _wav(fh, size)
        elif container == "avi":
            seconds = _avi(fh, size)
        elif container in ("mkv", "webm", "mka"):
            seconds = _matroska(fh)
        elif container == "mp3":
            seconds = _mpeg_audio(fh, size)
        elif container == "aac":
            seconds = _adts(fh)
        elif container == "amr":
            seconds = _amr(fh)
        else:
            seconds = 0.0
    if seconds <= 0:
        what, what_zh = ("video or sound", "视频或声音") if media.kind.value == "video" else ("sound", "声音")
        raise _no_stream(path.name, what, what_zh)
    return seconds


# -- ISO base media (MP4, MOV, 3GP, M4A) ----------------------------------------------------------------

def _boxes(fh: BinaryIO, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, payload end) of the boxes between `start` and `end`."""
    pos, count = start, 0
    while pos + 8 <= end and count < MAX_BOXES:
        fh.seek(pos)
        head = fh.read(8)
        if len(head) < 8:
            return
        size, kind = struct.unpack(">I4s", head)
        header = 8
        if size == 1:
            big = fh.read(8)
            if len(big) < 8:
                return
            size, header = struct.unpack(">Q", big)[0], 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            return  # a box running past its parent: the file is cut off or damaged
        yield kind, pos + header, pos + size
        pos += size
        count += 1


def _child(fh: BinaryIO, start: int, end: int, kind: bytes) -> tuple[int, int] | None:
    for k, s, e in _boxes(fh, start, end):
        if k == kind:
            return s, e
    return None


def _iso_bmff(fh: BinaryIO, size: int) -> float:
    top = {kind: (s, e) for kind, s, e in _boxes(fh, 0, size)}
    moov = top.get(b"moov")
    media_bytes = max((e - s for k, s, e in _boxes(fh, 0, size) if k == b"mdat"), default=0)
    if moov is None or media_bytes == 0:
        return 0.0
    best = 0.0
    for kind, s, e in _boxes(fh, *moov):
        if kind != b"trak":
            continue
        mdia = _child(fh, s, e, b"mdia")
        if mdia is None:
            continue
        hdlr, mdhd = _child(fh, *mdia, b"hdlr"), _child(fh, *mdia, b"mdhd")
        minf = _child(fh, *mdia, b"minf")
        if hdlr is None or mdhd is None or minf is None:
            continue
        fh.seek(hdlr[0] + 8)
        if fh.read(4) not in (b"vide", b"soun"):
            continue
        stbl = _child(fh, *minf, b"stbl")
        stsz = _child(fh, *stbl, b"stsz") if stbl else None
        if stsz is None:
            continue
        fh.seek(stsz[0] + 8)
        (samples,) = struct.unpack(">I", fh.read(4) or b"\0\0\0\0")
        fh.seek(mdhd[0])
        version = fh.read(1)
        fh.seek(mdhd[0] + (20 if version == b"\x01" else 12))
        raw = fh.read(12 if version == b"\x01" else 8)
        if len(raw) < (12 if version == b"\x01" else 8):
            continue
        timescale, duration = struct.unpack(">IQ" if version == b"\x01" else ">II", raw)
        if samples > 0 and timescale > 0 and duration > 0:
            best = max(best, duration / timescale)
    return best


# -- RIFF (WAV, AVI) -------------------------------------------------------------------------------------

def _riff_chunks(fh: BinaryIO, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    pos, count = start, 0
    while pos + 8 <= end and count < MAX_BOXES:
        fh.seek(pos)
        head = fh.read(8)
        if len(head) < 8:
            return
        kind, length = struct.unpack("<4sI", head)
        yield kind, pos + 8, min(pos + 8 + length, end)
        pos += 8 + length + (length & 1)
        count += 1


def _wav(fh: BinaryIO, size: int) -> float:
    byte_rate, data = 0, 0
    for kind, s, e in _riff_chunks(fh, 12, size):
        if kind == b"fmt " and e - s >= 12:
            fh.seek(s + 8)
            (byte_rate,) = struct.unpack("<I", fh.read(4))
        elif kind == b"data":
            data = e - s
    return data / byte_rate if byte_rate and data else 0.0


def _avi(fh: BinaryIO, size: int) -> float:
    for kind, s, e in _riff_chunks(fh, 12, size):
        if kind == b"LIST":
            fh.seek(s)
            if fh.read(4) != b"hdrl":
                continue
            avih = next(((cs, ce) for k, cs, ce in _riff_chunks(fh, s + 4, e) if k == b"avih"), None)
            if avih and avih[1] - avih[0] >= 20:
                fh.seek(avih[0])
                per_frame_us, _, _, _, frames = struct.unpack("<5I", fh.read(20))
                return frames * per_frame_us / 1_000_000 if frames and per_frame_us else 0.0
    return 0.0


# -- Matroska / WebM ----------------------------------------------------------------------------------------

def _matroska(fh: BinaryIO) -> float:
    """Segment → Info → Duration × TimecodeScale, and at least one Cluster, found in the first megabyte."""
    head = fh.read(1 << 20)
    tracks, cluster = head.find(b"\x16\x54\xae\x6b"), head.find(b"\x1f\x43\xb6\x75")
    at = head.find(b"\x44\x89")
    if tracks < 0 or cluster < 0 or at < 0 or at + 3 > len(head):
        return 0.0
    length = head[at + 2] & 0x7F if head[at + 2] & 0x80 else 0
    raw = head[at + 3:at + 3 + length]
    if length == 4 and len(raw) == 4:
        ticks = struct.unpack(">f", raw)[0]
    elif length == 8 and len(raw) == 8:
        ticks = struct.unpack(">d", raw)[0]
    else:
        return 0.0
    scale = 1_000_000  # nanoseconds per tick unless TimecodeScale says otherwise
    ts = head.find(b"\x2a\xd7\xb1")
    if 0 <= ts < at and head[ts + 3] & 0x80:
        n = head[ts + 3] & 0x7F
        scale = int.from_bytes(head[ts + 4:ts + 4 + n], "big") or scale
    return ticks * scale / 1e9 if ticks == ticks and ticks > 0 else 0.0  # ticks == ticks: not NaN


# -- elementary audio streams ----------------------------------------------------------------------------

def _mpeg_frame(header: bytes) -> tuple[int, int]:
    """(frame length in bytes, bitrate in kbit/s) of a Layer III frame starting with `header`, or (0, 0)."""
    if len(header) < 4 or header[0] != 0xFF:
        return 0, 0
    if (header[1] & 0xFE) == 0xFA:  # MPEG-1
        bitrates, rates, factor = MPEG1_BITRATES, MPEG1_RATES, 144_000
    elif (header[1] & 0xFE) == 0xF2:  # MPEG-2
        bitrates, rates, factor = MPEG2_BITRATES, MPEG2_RATES, 72_000
    else:
        return 0, 0
    bitrate, rate = bitrates[header[2] >> 4], rates[(header[2] >> 2) & 3]
    if not bitrate or not rate:
        return 0, 0
    return factor * bitrate // rate + ((header[2] >> 1) & 1), bitrate


def _mpeg_audio(fh: BinaryIO, size: int) -> float:
    head = fh.read(10)
    start = 0
    if head[:3] == b"ID3" and len(head) == 10:
        start = 10 + ((head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7 | (head[9] & 0x7F))
    fh.seek(start)
    window = fh.read(64 * 1024)
    for offset in range(len(window) - 4):
        length, bitrate = _mpeg_frame(window[offset:offset + 4])
        # Two frames in a row: a real stream, not a chance 0xFFFB in junk.
        if length and _mpeg_frame(window[offset + length:offset + length + 4])[0]:
            return (size - start - offset) * 8 / (bitrate * 1000)
    return 0.0


def _adts(fh: BinaryIO) -> float:
    data = fh.read(64 * 1024)
    frames, pos = 0, 0
    while pos + 7 <= len(data) and data[pos] == 0xFF and (data[pos + 1] & 0xF6) == 0xF0:
        length = ((data[pos + 3] & 3) << 11) | (data[pos + 4] << 3) | (data[pos + 5] >> 5)
        if length < 7:
            break
        frames += 1
        pos += length
    return frames * 1024 / 44100 if frames >= 2 else 0.0


def _amr(fh: BinaryIO) -> float:
    data = fh.read(64 * 1024)
    if data.startswith(b"#!AMR\n"):
        sizes, pos = AMR_NB_FRAME_BYTES, 6
    elif data.startswith(b"#!AMR-WB\n"):
        sizes, pos = AMR_WB_FRAME_BYTES, 9
    else:
        return 0.0
    frames = 0
    while pos < len(data):
        frame_type = (data[pos] >> 3) & 0x0F
        if frame_type >= len(sizes) or pos + sizes[frame_type] > len(data):
            break  # not a frame type, or the frame is cut off
        pos += sizes[frame_type]
        frames += 1
    return frames * 0.02  # 20 ms a frame
