"""Tell photos, videos and audio recordings apart, by content first and extension second.

Inspectors attach phone photos, body-camera (执法记录仪) videos and voice recordings. Videos and audio
are stored byte for byte (never transcoded: the original file is the evidence), so the only decision
made here is which kind of evidence a file is.

Rules:
- The first bytes decide when they identify a container. A JPEG renamed to ``.mp4`` is a photo.
- Some containers are shared between kinds (an ISO-BMFF file with a generic ``isom``/``mp42`` brand may
  be an ``.m4a`` voice memo; a Matroska file may be ``.mka``); there the extension decides.
- Content that matches nothing is refused even with a media extension: a text file named ``.mp4`` is not
  evidence of anything, and storing it would only fail later in a player.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fieldapp.errors import FieldappError

#: Bytes read from the start of a file; enough for every signature below and for an MP3 frame sync
#: after a short run of padding.
SNIFF_BYTES = 4096


class MediaKind(enum.StrEnum):
    PHOTO = "photo"
    VIDEO = "video"
    AUDIO = "audio"


@dataclass(frozen=True, slots=True)
class MediaType:
    kind: MediaKind
    #: Short container name: jpeg, png, webp, gif, heif, mp4, mov, 3gp, avi, mkv, webm, mp3, m4a, aac,
    #: wav, amr.
    container: str
    mime: str


_MIME = {
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "gif": "image/gif",
    "heif": "image/heif",
    "mp4": "video/mp4",
    "mov": "video/quicktime",
    "3gp": "video/3gpp",
    "avi": "video/x-msvideo",
    "mkv": "video/x-matroska",
    "webm": "video/webm",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "aac": "audio/aac",
    "wav": "audio/wav",
    "amr": "audio/amr",
    "mka": "audio/x-matroska",
}

_HEIF_BRANDS = frozenset(
    {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1"}
)
_AUDIO_BRANDS = frozenset({b"M4A ", b"M4B ", b"M4P ", b"F4A ", b"F4B "})
# QuickTime files written before the ftyp box existed start directly with one of these atoms; old
# body cameras still produce them.
_QT_ATOMS = frozenset({b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"})


def _make(kind: MediaKind, container: str) -> MediaType:
    return MediaType(kind, container, _MIME[container])


def _is_mpeg_audio_sync(b0: int, b1: int) -> bool:
    # 11-bit frame sync, a defined MPEG version and a defined layer (layer bits 00 mean ADTS/AAC).
    return b0 == 0xFF and (b1 & 0xE0) == 0xE0 and (b1 & 0x18) != 0x08 and (b1 & 0x06) != 0


def _is_adts_sync(b0: int, b1: int) -> bool:
    return b0 == 0xFF and (b1 & 0xF6) == 0xF0


def _isobmff(head: bytes, ext: str) -> MediaType | None:
    if head[4:8] == b"ftyp":
        major = head[8:12]
        # Compatible brands follow the minor version; HEIF stills often carry mif1 only there.
        box_len = int.from_bytes(head[0:4], "big")
        brands = {major} | {head[i : i + 4] for i in range(16, min(box_len, len(head)) - 3, 4)}
        if major in _HEIF_BRANDS or (major not in {b"qt  "} and brands & {b"heic", b"heix"}):
            return _make(MediaKind.PHOTO, "heif")
        if major in _AUDIO_BRANDS:
            return _make(MediaKind.AUDIO, "m4a")
        if major == b"qt  ":
            return _make(MediaKind.VIDEO, "mov")
        if major.startswith(b"3g"):
            return _make(MediaKind.VIDEO, "3gp")
        # Generic MP4 brands (isom, mp41, mp42, avc1, ...) carry audio-only files too.
        if ext in {".m4a", ".aac"}:
            return _make(MediaKind.AUDIO, "m4a")
        return _make(MediaKind.VIDEO, "mp4")
    if head[4:8] in _QT_ATOMS:
        return _make(MediaKind.VIDEO, "mov")
    return None


def sniff(head: bytes, ext: str = "") -> MediaType | None:
    """Identify ``head`` (the first :data:`SNIFF_BYTES` of a file); ``ext`` breaks ties. ``None`` if unknown."""
    ext = ext.lower()
    if head.startswith(b"\xff\xd8\xff"):
        return _make(MediaKind.PHOTO, "jpeg")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return _make(MediaKind.PHOTO, "png")
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return _make(MediaKind.PHOTO, "gif")
    if head[:4] == b"RIFF":
        form = head[8:12]
        if form == b"WEBP":
            return _make(MediaKind.PHOTO, "webp")
        if form == b"AVI ":
            return _make(MediaKind.VIDEO, "avi")
        if form == b"WAVE":
            return _make(MediaKind.AUDIO, "wav")
        return None
    if len(head) >= 12 and (found := _isobmff(head, ext)) is not None:
        return found
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        if b"webm" in head[:64]:
            return _make(MediaKind.VIDEO, "webm")
        return _make(MediaKind.AUDIO, "mka") if ext == ".mka" else _make(MediaKind.VIDEO, "mkv")
    if head.startswith(b"#!AMR"):
        return _make(MediaKind.AUDIO, "amr")
    if head.startswith(b"ID3"):
        return _make(MediaKind.AUDIO, "mp3")
    if len(head) >= 2 and _is_adts_sync(head[0], head[1]):
        return _make(MediaKind.AUDIO, "aac")
    if len(head) >= 2 and _is_mpeg_audio_sync(head[0], head[1]):
        return _make(MediaKind.AUDIO, "mp3")
    if ext == ".mp3":
        # Some recorders pad the start with zeros; a frame sync shortly after is still an MP3.
        for i in range(len(head) - 3):
            if _is_mpeg_audio_sync(head[i], head[i + 1]) and head[i + 2] & 0xF0 not in (0x00, 0xF0):
                return _make(MediaKind.AUDIO, "mp3")
    return None


def open_source(path: Path) -> BinaryIO:
    """Open a file the user picked, with a clear message for a missing file, a folder or no permission."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise FieldappError(f"File not found: {path}", f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise FieldappError(
            f"This is a folder, not a file: {path}", f"这是文件夹，不是文件：{path}"
        ) from None
    except OSError as e:
        raise FieldappError(
            f"Cannot read {path.name}: {e.strerror or e}", f"无法读取文件 {path.name}：{e.strerror or e}"
        ) from e


def classify(path: Path) -> MediaType:
    """Classify the file at ``path`` or raise :class:`FieldappError` if it is not a supported medium."""
    with open_source(path) as f:
        head = f.read(SNIFF_BYTES)
    if not head:
        raise FieldappError(f"{path.name} is empty (0 bytes).", f"文件 {path.name} 是空的（0 字节）。")
    found = sniff(head, path.suffix)
    if found is None:
        raise FieldappError(
            f"{path.name} is not a supported photo, video or audio file.",
            f"{path.name} 不是支持的照片、视频或录音文件。",
        )
    return found
