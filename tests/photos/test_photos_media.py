from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from fieldapp.errors import FieldappError
from fieldapp.photos.media import MediaKind, classify, sniff


def ftyp(major: bytes, *compatible: bytes) -> bytes:
    body = b"ftyp" + major + b"\x00\x00\x02\x00" + b"".join(compatible)
    return (len(body) + 4).to_bytes(4, "big") + body + b"\x00\x00\x00\x08free"


def riff(form: bytes) -> bytes:
    return b"RIFF" + (1000).to_bytes(4, "little") + form + b"fmt " + b"\x00" * 20


CASES: list[tuple[str, bytes, MediaKind, str]] = [
    ("a.jpg", b"\xff\xd8\xff\xe1\x00\x10Exif", MediaKind.PHOTO, "jpeg"),
    ("a.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", MediaKind.PHOTO, "png"),
    ("a.gif", b"GIF89a\x01\x00\x01\x00", MediaKind.PHOTO, "gif"),
    ("a.webp", riff(b"WEBP"), MediaKind.PHOTO, "webp"),
    ("a.heic", ftyp(b"heic", b"mif1", b"heic"), MediaKind.PHOTO, "heif"),
    ("a.heic", ftyp(b"mif1", b"heic"), MediaKind.PHOTO, "heif"),
    ("a.mp4", ftyp(b"isom", b"isom", b"avc1"), MediaKind.VIDEO, "mp4"),
    ("a.mp4", ftyp(b"mp42", b"mp42", b"isom"), MediaKind.VIDEO, "mp4"),
    ("a.mov", ftyp(b"qt  ", b"qt  "), MediaKind.VIDEO, "mov"),
    ("a.mov", b"\x00\x00\x00\x08wide\x00\x00\x10\x00mdat", MediaKind.VIDEO, "mov"),
    ("a.3gp", ftyp(b"3gp4", b"isom", b"3gp4"), MediaKind.VIDEO, "3gp"),
    ("a.avi", riff(b"AVI "), MediaKind.VIDEO, "avi"),
    ("a.mkv", b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x88matroska", MediaKind.VIDEO, "mkv"),
    ("a.webm", b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm", MediaKind.VIDEO, "webm"),
    ("a.m4a", ftyp(b"M4A ", b"M4A ", b"mp42"), MediaKind.AUDIO, "m4a"),
    ("a.m4a", ftyp(b"isom", b"isom"), MediaKind.AUDIO, "m4a"),  # generic brand: the extension decides
    ("a.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00", MediaKind.AUDIO, "mp3"),
    ("a.mp3", b"\xff\xfb\x90\x64\x00\x00", MediaKind.AUDIO, "mp3"),
    ("a.mp3", b"\x00" * 100 + b"\xff\xfb\x90\x64\x00\x00", MediaKind.AUDIO, "mp3"),
    ("a.aac", b"\xff\xf1\x50\x80\x02\x1f\xfc", MediaKind.AUDIO, "aac"),
    ("a.wav", riff(b"WAVE"), MediaKind.AUDIO, "wav"),
    ("a.amr", b"#!AMR\n\x3c", MediaKind.AUDIO, "amr"),
    ("a.amr", b"#!AMR-WB\n", MediaKind.AUDIO, "amr"),
    # Content beats the extension.
    ("photo.mp4", b"\xff\xd8\xff\xe0\x00\x10JFIF", MediaKind.PHOTO, "jpeg"),
    ("clip.jpg", ftyp(b"mp42", b"isom"), MediaKind.VIDEO, "mp4"),
    ("录音 1.WAV", riff(b"WAVE"), MediaKind.AUDIO, "wav"),
]


@pytest.mark.parametrize(("name", "head", "kind", "container"), CASES)
def test_classify(tmp_path: Path, name: str, head: bytes, kind: MediaKind, container: str) -> None:
    path = tmp_path / name
    path.write_bytes(head + b"\x00" * 64)
    found = classify(path)
    assert (found.kind, found.container) == (kind, container)
    assert found.mime.split("/")[0] in {"image", "video", "audio"}


def test_real_images_are_photos(tmp_path: Path) -> None:
    for fmt, ext in (("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp"), ("GIF", "gif")):
        path = tmp_path / f"x.{ext}"
        Image.new("RGB", (8, 8)).save(path, fmt)
        assert classify(path).kind is MediaKind.PHOTO


def test_real_heic_is_a_photo(tmp_path: Path) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    buf = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", (16, 16))).save(buf, quality=50)
    # Named .jpg, as phones sometimes do: the content decides, not the name.
    for name in (".heic", ".jpg", ""):
        found = sniff(buf.getvalue()[:4096], name)
        assert found is not None and (found.kind, found.container) == (MediaKind.PHOTO, "heif")


@pytest.mark.parametrize(
    ("name", "content"),
    [("notes.mp4", "会议记录，不是视频".encode()), ("a.mp3", b"hello world"), ("x.bin", b"\x00" * 100)],
)
def test_unknown_content_is_refused(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FieldappError) as info:
        classify(path)
    assert "not a supported" in info.value.en
    assert info.value.zh != info.value.en


@pytest.mark.parametrize("kind", ["missing", "empty", "directory"])
def test_unreadable(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "v.mp4"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "directory":
        path.mkdir()
    with pytest.raises(FieldappError):
        classify(path)
