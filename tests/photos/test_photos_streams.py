"""A recording is stored only if it holds a stream that plays (issue 22: a 24-byte ftyp stub was a "video")."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.errors import FieldappError
from fieldapp.photos.media import classify
from fieldapp.photos.streams import playable_seconds
from tests.photos import media_files as mf


@pytest.mark.parametrize(("name", "data", "seconds"), [
    ("执法记录仪 0001.mp4", mf.mp4(2.5), 2.5),
    ("a.mov", mf.mp4(1.0, brand=b"qt  "), 1.0),
    ("录音.m4a", mf.mp4(3.0, handler=b"soun", brand=b"M4A "), 3.0),
    ("录音.wav", mf.wav(1.5), 1.5),
    ("录音.mp3", mf.mp3(40), 40 * 417 * 8 / 128_000),
    ("录音.amr", mf.amr(50), 1.0),
])
def test_a_recording_that_plays_has_its_duration(tmp_path: Path, name: str, data: bytes, seconds: float) -> None:
    path = mf.write(tmp_path / name, data)
    assert playable_seconds(path, classify(path)) == pytest.approx(seconds, rel=0.02)


@pytest.mark.parametrize(("name", "data"), [
    ("stub.mp4", b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"),  # the 24-byte file of issue 22
    ("zeros.mp4", b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 4096),
    ("no-samples.mp4", mf.mp4(2.0, samples=0)),
    ("no-duration.mp4", mf.mp4(0.0)),
    ("no-media.mp4", mf.mp4(2.0, media=0)),
    ("subtitles.mp4", mf.mp4(2.0, handler=b"text")),
    ("cut-off.mp4", mf.mp4(2.0)[:-40]),
    ("empty.wav", mf.wav(0.0)),
    ("header-only.mp3", b"ID3\x04\0\0\0\0\0\0\xff\xfb\x90\x00"),
    ("junk.mp3", b"ID3\x04\0\0\0\0\0\0" + bytes(range(256)) * 20),
    ("header.amr", b"#!AMR\n"),
])
def test_a_file_that_does_not_play_is_refused_by_name(tmp_path: Path, name: str, data: bytes) -> None:
    path = mf.write(tmp_path / name, data)
    with pytest.raises(FieldappError) as err:
        playable_seconds(path, classify(path))
    assert name in err.value.en and "未保存" in err.value.zh


def test_a_box_claiming_more_than_the_file_holds_is_not_followed(tmp_path: Path) -> None:
    data = bytearray(mf.mp4(2.0))
    moov = data.rfind(b"moov") - 4
    data[moov:moov + 4] = (0x7FFFFFFF).to_bytes(4, "big")  # a hostile size
    path = mf.write(tmp_path / "hostile.mp4", bytes(data))
    with pytest.raises(FieldappError):
        playable_seconds(path, classify(path))
