from __future__ import annotations

import hashlib
import io
import os
import warnings
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Literal

import pytest
from photo_helpers import GREY, RED, make_exif, png_with_declared_size
from PIL import Image, ImageDraw

from fieldapp.errors import FieldappError
from fieldapp.photos.blobstore import BlobStore
from fieldapp.photos.ingest import ProcessedImage, ingest_image, ingest_to_store


def is_close(pixel: object, colour: tuple[int, int, int], tol: int = 30) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) <= tol for a, b in zip(pixel[:3], colour, strict=True))


def open_jpeg(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    assert im.format == "JPEG"
    assert im.mode == "RGB"
    return im


def assert_valid(result: ProcessedImage, long_edge: int = 2560) -> Image.Image:
    im = open_jpeg(result.data)
    assert im.size == (result.width, result.height)
    assert max(im.size) <= long_edge
    thumb = open_jpeg(result.thumb)
    assert max(thumb.size) <= 320
    # Same aspect ratio (within rounding) and same orientation as the stored image.
    assert abs(thumb.width / thumb.height - im.width / im.height) < 0.02
    assert result.sha256 == hashlib.sha256(result.data).hexdigest()
    return im


# -- the main case: a phone photo ---------------------------------------------------------------------


def test_phone_photo_is_upright_downscaled_and_described(phone_jpeg: Path) -> None:
    result = ingest_image(phone_jpeg)

    im = assert_valid(result)
    assert (result.width, result.height) == (1920, 2560)
    # Stored top-left marker is top-right once the phone's 90° clockwise turn is applied.
    assert is_close(im.getpixel((1920 - 60, 60)), RED)
    assert is_close(im.getpixel((60, 60)), GREY)
    assert is_close(im.getpixel((1920 - 60, 2560 - 60)), GREY)
    thumb = open_jpeg(result.thumb)
    assert thumb.size == (240, 320)
    assert is_close(thumb.getpixel((240 - 8, 8)), RED, tol=40)

    assert result.captured_at == "2024-05-17T09:30:15"
    assert result.captured_at_source == "exif"
    assert result.gps is not None
    lat, lon = result.gps
    assert lat == pytest.approx(-(33 + 52 / 60 + 4.5 / 3600), abs=1e-6)
    assert lon == pytest.approx(-(151 + 12 / 60 + 26.28 / 3600), abs=1e-6)
    assert result.camera_model == "Pixel 8"
    assert result.source_format == "JPEG"
    raw = phone_jpeg.read_bytes()
    assert result.original_name == "IMG_0001.jpg"
    assert result.original_size == len(raw)
    assert result.original_sha256 == hashlib.sha256(raw).hexdigest()


def test_stored_jpeg_has_no_exif(phone_jpeg: Path) -> None:
    result = ingest_image(phone_jpeg)
    for data in (result.data, result.thumb):
        im = Image.open(io.BytesIO(data))
        assert "exif" not in im.info
        assert len(im.getexif()) == 0


def test_result_is_frozen(phone_jpeg: Path) -> None:
    result = ingest_image(phone_jpeg, long_edge=800)
    with pytest.raises(AttributeError):
        result.width = 1  # type: ignore[misc]


@pytest.mark.parametrize(
    ("orientation", "marker"),
    [(1, "tl"), (3, "br"), (6, "tr"), (8, "bl"), (2, "tr"), (4, "bl"), (5, "tl"), (7, "br")],
)
def test_every_orientation(write_image: Callable[..., Path], orientation: int, marker: str) -> None:
    # Sensor image 400×300 with the marker top-left; where it must end up follows the EXIF definition.
    im = Image.new("RGB", (400, 300), GREY)
    im.paste(RED, (0, 0, 60, 60))
    path = write_image("o.jpg", im, "JPEG", exif=make_exif(orientation=orientation))
    out = assert_valid(ingest_image(path))
    assert out.size == ((300, 400) if orientation >= 5 else (400, 300))
    w, h = out.size
    corners = {"tl": (10, 10), "tr": (w - 10, 10), "bl": (10, h - 10), "br": (w - 10, h - 10)}
    for name, xy in corners.items():
        assert is_close(out.getpixel(xy), RED if name == marker else GREY), (name, xy)


def test_gps_north_east_and_zero_fix(write_image: Callable[..., Path]) -> None:
    im = Image.new("RGB", (64, 48), GREY)
    beijing = make_exif(gps=("N", (39.0, 54.0, 27.0), "E", (116.0, 23.0, 50.0)))
    result = ingest_image(write_image("bj.jpg", im, "JPEG", exif=beijing))
    assert result.gps == pytest.approx((39 + 54 / 60 + 27 / 3600, 116 + 23 / 60 + 50 / 3600), abs=1e-6)
    nofix = make_exif(gps=("N", (0.0, 0.0, 0.0), "E", (0.0, 0.0, 0.0)))
    assert ingest_image(write_image("zero.jpg", im, "JPEG", exif=nofix)).gps is None


def test_without_exif_time_comes_from_the_file(write_image: Callable[..., Path]) -> None:
    path = write_image("plain.jpg", Image.new("RGB", (64, 48), GREY), "JPEG")
    when = datetime(2023, 12, 1, 14, 5, 9).timestamp()
    os.utime(path, (when, when))
    result = ingest_image(path)
    assert result.captured_at == "2023-12-01T14:05:09"
    assert result.captured_at_source == "file"
    assert result.gps is None
    assert result.camera_model is None


def test_placeholder_exif_time_falls_back_to_file(write_image: Callable[..., Path]) -> None:
    exif = make_exif(taken="0000:00:00 00:00:00")
    path = write_image("zero-date.jpg", Image.new("RGB", (64, 48), GREY), "JPEG", exif=exif)
    assert ingest_image(path).captured_at_source == "file"


def test_small_image_is_never_upscaled(write_image: Callable[..., Path]) -> None:
    path = write_image("small.png", Image.new("RGB", (800, 600), GREY))
    result = ingest_image(path)
    assert (result.width, result.height) == (800, 600)


def test_long_edge_and_draft_path(phone_jpeg: Path) -> None:
    # 1000 px from 4000 px lets the JPEG decoder scale by 1/2 (draft); the marker must still be right.
    result = ingest_image(phone_jpeg, long_edge=1000, thumb_edge=100)
    im = assert_valid(result, long_edge=1000)
    assert im.size == (750, 1000)
    assert max(open_jpeg(result.thumb).size) <= 100
    assert is_close(im.getpixel((750 - 20, 20)), RED)


def test_chinese_file_name_with_spaces(tmp_path: Path) -> None:
    path = tmp_path / "现场 检查 照片 (1).jpg"
    Image.new("RGB", (640, 480), GREY).save(path, "JPEG")
    result = ingest_image(path)
    assert result.original_name == "现场 检查 照片 (1).jpg"
    assert (result.width, result.height) == (640, 480)


# -- modes and formats --------------------------------------------------------------------------------


def test_png_rgba_is_flattened_on_white(write_image: Callable[..., Path]) -> None:
    im = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    im.paste((220, 20, 20, 255), (100, 0, 200, 100))
    result = ingest_image(write_image("alpha.png", im))
    out = assert_valid(result)
    assert is_close(out.getpixel((20, 50)), (255, 255, 255), tol=5)
    assert is_close(out.getpixel((180, 50)), RED)
    assert result.source_format == "PNG"


def test_la_png(write_image: Callable[..., Path]) -> None:
    im = Image.new("LA", (100, 100), (0, 0))
    im.paste((0, 255), (50, 0, 100, 100))
    out = assert_valid(ingest_image(write_image("la.png", im)))
    assert is_close(out.getpixel((10, 50)), (255, 255, 255), tol=5)
    assert is_close(out.getpixel((90, 50)), (0, 0, 0), tol=5)


@pytest.mark.parametrize("transparent", [False, True])
def test_palette_png(write_image: Callable[..., Path], transparent: bool) -> None:
    im = Image.new("P", (100, 100), 0)
    im.putpalette([0, 0, 255, 220, 20, 20] + [0] * 762)
    ImageDraw.Draw(im).rectangle((50, 0, 99, 99), fill=1)
    params = {"transparency": 0} if transparent else {}
    out = assert_valid(ingest_image(write_image("pal.png", im, **params)))
    assert is_close(out.getpixel((10, 50)), (255, 255, 255) if transparent else (0, 0, 255), tol=5)
    assert is_close(out.getpixel((90, 50)), RED)


def test_cmyk_jpeg(write_image: Callable[..., Path]) -> None:
    im = Image.new("CMYK", (300, 200), (0, 255, 255, 0))  # pure red in CMYK
    result = ingest_image(write_image("cmyk.jpg", im, "JPEG"))
    out = assert_valid(result)
    assert is_close(out.getpixel((150, 100)), (255, 0, 0), tol=20)


def test_16_bit_greyscale_png_keeps_its_tones(write_image: Callable[..., Path]) -> None:
    im = Image.new("I", (200, 100), 0)
    ImageDraw.Draw(im).rectangle((0, 0, 99, 99), fill=32768)
    ImageDraw.Draw(im).rectangle((100, 0, 199, 99), fill=65535)
    im = im.convert("I;16")
    path = write_image("deep.png", im)
    with Image.open(path) as check:
        assert check.mode.startswith("I")  # the test really feeds a 16-bit image
    out = assert_valid(ingest_image(path))
    assert is_close(out.getpixel((50, 50)), (128, 128, 128), tol=4)
    assert is_close(out.getpixel((150, 50)), (255, 255, 255), tol=4)


def test_webp(write_image: Callable[..., Path]) -> None:
    im = Image.new("RGB", (3000, 2000), GREY)
    im.paste(RED, (0, 0, 300, 300))
    result = ingest_image(write_image("photo.webp", im, "WEBP", quality=80))
    out = assert_valid(result)
    assert out.size == (2560, 1707)
    assert result.source_format == "WEBP"
    assert is_close(out.getpixel((20, 20)), RED)


def test_heic(tmp_path: Path) -> None:
    pillow_heif = pytest.importorskip("pillow_heif", reason="pillow-heif not installed")
    if not pillow_heif.libheif_info().get("encoders"):
        pytest.skip("this libheif build has no HEVC encoder, so no HEIC test file can be made")
    im = Image.new("RGB", (800, 600), GREY)
    im.paste(RED, (0, 0, 100, 100))
    path = tmp_path / "IMG_5001.HEIC"
    exif = make_exif(taken="2024:06:01 08:00:00", model="iPhone 15")
    pillow_heif.from_pillow(im).save(path, quality=90, exif=exif.tobytes())
    result = ingest_image(path)
    out = assert_valid(result)
    assert out.size == (800, 600)
    assert is_close(out.getpixel((20, 20)), RED)
    assert result.source_format == "HEIF"
    assert result.captured_at == "2024-06-01T08:00:00"
    assert result.camera_model == "iPhone 15"


def test_animated_gif_uses_the_first_frame(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (120, 80), c) for c in ((220, 20, 20), (20, 20, 220), (20, 220, 20))]
    path = tmp_path / "clip.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    out = assert_valid(ingest_image(path))
    assert is_close(out.getpixel((60, 40)), RED)


# -- bad input ----------------------------------------------------------------------------------------


def _truncated_jpeg(tmp_path: Path) -> Path:
    im = Image.effect_noise((800, 600), 60).convert("RGB")
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=90)
    path = tmp_path / "cut.jpg"
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    return path


def _header_only_jpeg(tmp_path: Path) -> Path:
    buf = io.BytesIO()
    Image.new("RGB", (64, 64), GREY).save(buf, "JPEG")
    path = tmp_path / "header.jpg"
    path.write_bytes(buf.getvalue()[:40])
    return path


def _mp4(tmp_path: Path) -> Path:
    path = tmp_path / "video.jpg"
    path.write_bytes(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 200)
    return path


def _bmp(tmp_path: Path) -> Path:
    path = tmp_path / "scan.bmp"
    Image.new("RGB", (10, 10)).save(path, "BMP")
    return path


def _text(tmp_path: Path) -> Path:
    path = tmp_path / "照片 1.jpg"
    path.write_text("这不是图片 not an image\n", encoding="utf-8")
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.jpg"
    path.write_bytes(b"")
    return path


BAD_INPUTS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (lambda d: d / "nope.jpg", "not found"),
    "directory": (lambda d: d, "folder"),
    "empty": (_empty, "empty"),
    "text": (_text, "not a photo"),
    "truncated": (_truncated_jpeg, "incomplete"),
    "header only": (_header_only_jpeg, "incomplete"),
    "bomb header": (lambda d: png_with_declared_size(d / "bomb.png", 100_000, 100_000), "bomb"),
    "unsupported": (_bmp, "not supported"),
    "video": (_mp4, "video"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_raises_bilingual_error_and_stores_nothing(tmp_path: Path, case: str) -> None:
    make, expected = BAD_INPUTS[case]
    source_dir = tmp_path / "in"
    source_dir.mkdir()
    path = make(source_dir)
    store_root = tmp_path / "store"
    store = BlobStore(store_root)

    with pytest.raises(FieldappError) as info:
        ingest_to_store(path, store)

    err = info.value
    assert expected in err.en.lower()
    assert err.zh and err.zh != err.en
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.zh)
    assert not store_root.exists() or not any(store_root.rglob("*"))


def test_pixel_cap_is_configurable(write_image: Callable[..., Path]) -> None:
    path = write_image("ok.png", Image.new("RGB", (200, 100), GREY))
    with pytest.raises(FieldappError, match="megapixels"):
        ingest_image(path, max_pixels=10_000)
    assert ingest_image(path, max_pixels=20_000).width == 200


@pytest.mark.parametrize("warning_action", ["ignore", "error"])
def test_bomb_between_pillow_warning_and_error(
    tmp_path: Path, warning_action: Literal["ignore", "error"]
) -> None:
    # 110 MP: above our 100 MP cap, and in the range where Pillow only warns (or raises, if a
    # program turned warnings into errors) — both must come out as the same FieldappError.
    path = png_with_declared_size(tmp_path / "big.png", 11_000, 10_000)
    with warnings.catch_warnings():
        warnings.simplefilter(warning_action, Image.DecompressionBombWarning)
        with pytest.raises(FieldappError, match="bomb"):
            ingest_image(path)


def test_decoding_does_not_enable_truncated_loading(tmp_path: Path) -> None:
    from PIL import ImageFile

    with pytest.raises(FieldappError):
        ingest_image(_truncated_jpeg(tmp_path))
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_ingest_to_store_stores_image_and_thumb_once(phone_jpeg: Path, tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "store")
    first = ingest_to_store(phone_jpeg, store, long_edge=1200)
    second = ingest_to_store(phone_jpeg, store, long_edge=1200)
    assert first.sha256 == second.sha256  # deterministic encoding: the same photo dedups
    thumb_sha = hashlib.sha256(first.thumb).hexdigest()
    assert sorted(store.iter_hashes()) == sorted({first.sha256, thumb_sha})
    assert store.read_bytes(first.sha256) == first.data


def test_threads_give_the_same_results_as_one(write_image: Callable[..., Path]) -> None:
    from concurrent.futures import ThreadPoolExecutor

    paths = []
    for i in range(6):
        im = Image.effect_noise((900, 600), 30 + i).convert("RGB")
        paths.append(write_image(f"n{i}.jpg", im, "JPEG", exif=make_exif(orientation=1 + i % 8)))
    sequential = [ingest_image(p, long_edge=500) for p in paths]
    with ThreadPoolExecutor(max_workers=2) as pool:
        threaded = list(pool.map(lambda p: ingest_image(p, long_edge=500), paths))
    assert [r.sha256 for r in threaded] == [r.sha256 for r in sequential]
