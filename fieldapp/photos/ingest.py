"""Turn a photo file into the upright, size-limited JPEG (plus thumbnail and metadata) the app stores.

Accepted: JPEG (including MPO, which is what many phones write), PNG, WebP, GIF and HEIC/HEIF (through
pi-heif (decode only; pillow-heif also works), registered the first time a HEIF file is seen so start-up does not pay for it).

Decisions:
- **Animated GIF / WebP / APNG: the first frame is used.** Such files arrive as forwarded chat clips or
  stickers rather than camera evidence; a report can only print one still, and the first frame is
  what every viewer shows as the preview. ``original_sha256`` still identifies the exact file received;
  a caller that must keep every frame stores the original with ``BlobStore.put_file``.
- The stored JPEG is always 8-bit RGB, upright (EXIF orientation applied to the pixels) and carries no
  EXIF at all, so no viewer can rotate it a second time and no location leaks when a photo is shared.
  Capture time, GPS and camera model go into :class:`ProcessedImage`. An RGB ICC profile is kept,
  because iPhone photos are Display P3 and look dull without it.
- CMYK, 16-bit greyscale, palette, greyscale and images with transparency are converted (transparency
  flattened on white), never refused. CMYK is converted without colour management (profiles are dropped).
- The pixel cap (:data:`DEFAULT_MAX_PIXELS`) is checked against the header dimensions before a single
  pixel is decoded. It is enforced here rather than through ``Image.MAX_IMAGE_PIXELS`` and a warnings
  filter because both are process-wide and ingest runs on several threads with per-call limits; Pillow's
  own ``DecompressionBombError``/``Warning`` are still caught and reported the same way.
- Truncated files are refused (``ImageFile.LOAD_TRUNCATED_IMAGES`` stays off): a grey band pasted
  over the bottom of an evidence photo is worse than asking for the file again.
- GPS (0, 0) is treated as "no fix": phones write it when they had no location.

Speed: a 12 MP, 3.4 MB JPEG at 2560 px takes about 170 ms on the 2-core reference VM (naive decode +
LANCZOS + encode: about 300 ms); see ``bench/bench_photos.py``. Decoding uses JPEG draft mode
(DCT scaling by 1/2, 1/4, 1/8) when the target allows it; resizing uses ``reduce`` for large integer
factors and a BOX (area-average) filter for the rest, which is cheaper than LANCZOS and, for the
downscale factors a phone photo needs (1–3×), visually equivalent at this size.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from PIL import Image, UnidentifiedImageError

from fieldapp.errors import FieldappError
from fieldapp.photos.blobstore import BlobStore
from fieldapp.photos.exif import read_metadata
from fieldapp.photos.media import MediaKind, sniff

DEFAULT_MAX_PIXELS = 100_000_000
#: Larger than any camera JPEG/HEIC; protects memory from a mislabelled video dropped on the photo button.
DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024

# MPO (multi-picture JPEG from many phones) is opened by the JPEG plugin, which reports format "MPO".
_BASE_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
_SOURCE_FORMAT = {"MPO": "JPEG"}

# The table ImageOps.exif_transpose uses. Applied after downscaling: rotating a 2560 px image costs
# less than half of rotating the 4000 px original, and the long-edge limit does not depend on rotation.
_ORIENTATION_OPS: dict[int, Image.Transpose] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

# Errors Pillow's decoders raise on malformed data (besides OSError for truncation).
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError, TypeError, KeyError)

#: Freed 16 MB image blocks Pillow keeps for reuse (its default is none). A 12 MP photo passes through
#: about seven blocks; without reuse every photo faults ~100 MB of fresh pages in, which measured 15-25 ms
#: per photo here and made two threads contend in the kernel. Costs at most 64 MB of retained memory.
_PILLOW_BLOCKS_CACHED = 4

_init_lock = threading.Lock()
_heif_registered = False
_pillow_tuned = False


@dataclass(frozen=True, slots=True)
class ProcessedImage:
    """The stored form of one photo. ``width``/``height`` describe ``data`` (upright, after downscaling);
    ``captured_at`` is EXIF local time without a zone (``captured_at_source == "exif"``) or else the file's
    modification time in local time (``"file"``); ``gps`` is (latitude, longitude), south/west negative."""

    data: bytes
    thumb: bytes
    width: int
    height: int
    sha256: str
    original_name: str
    original_sha256: str
    original_size: int
    captured_at: str
    captured_at_source: str
    gps: tuple[float, float] | None
    camera_model: str | None
    source_format: str


def _err(en: str, zh: str) -> FieldappError:
    return FieldappError(en, zh)


def _tune_pillow() -> None:
    global _pillow_tuned
    with _init_lock:
        if not _pillow_tuned:
            # Only ever raised: the application may have chosen a larger cache itself.
            if Image.core.get_blocks_max() < _PILLOW_BLOCKS_CACHED:
                Image.core.set_blocks_max(_PILLOW_BLOCKS_CACHED)
            _pillow_tuned = True


def _ensure_heif() -> bool:
    global _heif_registered
    with _init_lock:
        if not _heif_registered:
            # pi-heif is the decode-only build (6 MB instead of the 29 MB of pillow-heif with its x265
            # encoder): the app only ever reads phone photos. Either registers the same Pillow plugin.
            try:
                import pi_heif as heif
            except ImportError:
                try:
                    import pillow_heif as heif
                except ImportError:
                    return False
            heif.register_heif_opener()
            _heif_registered = True
    return True


def _formats() -> tuple[str, ...]:
    # Only registered plugins may be named: Image.open raises KeyError for an unknown format id.
    return (*_BASE_FORMATS, "HEIF") if _heif_registered else _BASE_FORMATS


def _read(path: Path, max_file_bytes: int) -> tuple[bytes, float]:
    name = path.name
    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            if st.st_size > max_file_bytes:
                raise _err(
                    f"{name} is too large for a photo ({st.st_size / 1024**2:.0f} MB).",
                    f"{name} 作为照片过大（{st.st_size / 1024**2:.0f} MB）。",
                )
            raw = f.read(max_file_bytes + 1)
    except FileNotFoundError:
        raise _err(f"File not found: {path}", f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise _err(f"This is a folder, not a photo: {path}", f"这是文件夹，不是照片：{path}") from None
    except PermissionError:
        raise _err(f"No permission to read {name}.", f"没有读取 {name} 的权限。") from None
    except OSError as e:
        reason = e.strerror or str(e)
        raise _err(f"Cannot read {name}: {reason}", f"无法读取 {name}：{reason}") from e
    if not raw:
        raise _err(f"{name} is empty (0 bytes).", f"{name} 是空文件（0 字节）。")
    if len(raw) > max_file_bytes:
        raise _err(f"{name} is too large for a photo.", f"{name} 作为照片过大。")
    return raw, st.st_mtime


def _unrecognised(name: str, raw: bytes, ext: str) -> FieldappError:
    found = sniff(raw[:4096], ext)
    if found is not None and found.kind is not MediaKind.PHOTO:
        zh_kind = "视频" if found.kind is MediaKind.VIDEO else "录音"
        return _err(
            f"{name} is a {found.kind.value} file, not a photo; attach it as {found.kind.value}.",
            f"{name} 是{zh_kind}文件，不是照片，请作为{zh_kind}添加。",
        )
    if found is not None:
        return _err(
            f"{name} is damaged or incomplete ({found.container.upper()} header unreadable).",
            f"{name} 已损坏或不完整（无法读取 {found.container.upper()} 文件头）。",
        )
    for magic, fmt in ((b"BM", "BMP"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"), (b"%PDF", "PDF")):
        if raw.startswith(magic):
            return _unsupported(name, fmt)
    if raw[4:12] in (b"ftypavif", b"ftypavis"):
        return _unsupported(name, "AVIF")
    return _err(
        f"{name} is not a photo, or its format is not supported (JPEG, PNG, WebP, HEIC, GIF).",
        f"{name} 不是照片，或格式不受支持（支持 JPEG、PNG、WebP、HEIC、GIF）。",
    )


def _unsupported(name: str, fmt: str) -> FieldappError:
    return _err(
        f"{name}: {fmt} images are not supported; use JPEG, PNG, WebP, HEIC or GIF.",
        f"{name}：不支持 {fmt} 格式的图片，请使用 JPEG、PNG、WebP、HEIC 或 GIF。",
    )


def _bomb(name: str, w: int, h: int, cap: int) -> FieldappError:
    return _err(
        f"{name} declares {w}×{h} pixels, more than the limit of {cap / 1e6:.0f} megapixels; "
        "it is refused as a possible decompression bomb.",
        f"{name} 声明的尺寸为 {w}×{h} 像素，超过 {cap / 1e6:.0f} 百万像素上限，可能是恶意构造的文件，已拒绝。",
    )


def _fit(w: int, h: int, edge: int) -> tuple[int, int]:
    long = max(w, h)
    if long <= edge:
        return w, h
    scale = edge / long
    return (edge, max(1, round(h * scale))) if w >= h else (max(1, round(w * scale)), edge)


# -- pixels -----------------------------------------------------------------------------------------


def _flatten(im: Image.Image) -> Image.Image:
    im = im.convert("RGBA")
    background = Image.new("RGBA", im.size, (255, 255, 255, 255))
    return Image.alpha_composite(background, im).convert("RGB")


def _to_rgb(im: Image.Image) -> Image.Image:
    mode = im.mode
    if mode == "RGB":
        return im
    if mode in ("RGBA", "LA", "La", "RGBa", "PA") or (mode == "P" and "transparency" in im.info):
        return _flatten(im)
    if mode.startswith("I;16"):
        # convert() would clip 0..65535 to 0..255 (an almost white picture); scale instead.
        return im.point(lambda v: v / 256).convert("L").convert("RGB")
    if mode in ("I", "F"):
        _lo, hi = im.getextrema()
        if isinstance(hi, (int, float)) and hi > 255:
            im = im.convert("I").point(lambda v: v / 257)
        return im.convert("L").convert("RGB")
    return im.convert("RGB")


def _icc_to_keep(im: Image.Image) -> bytes | None:
    icc = im.info.get("icc_profile")
    # Bytes 16..19 of an ICC header name its colour space; a CMYK or grey profile would be wrong on RGB.
    if isinstance(icc, bytes) and len(icc) >= 128 and icc[16:20] == b"RGB ":
        return icc
    return None


def _encode(im: Image.Image, quality: int, icc: bytes | None) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality, icc_profile=icc)
    return buf.getvalue()


class _Result(NamedTuple):
    data: bytes
    thumb: bytes
    width: int
    height: int
    captured_at: str | None
    gps: tuple[float, float] | None
    camera_model: str | None
    source_format: str


def _process(
    im: Image.Image, name: str, long_edge: int, thumb_edge: int, quality: int, max_pixels: int
) -> _Result:
    w, h = im.size
    if w <= 0 or h <= 0:
        raise _err(f"{name} has no pixels.", f"{name} 没有图像内容。")
    if w * h > max_pixels:
        raise _bomb(name, w, h, max_pixels)
    fmt = im.format or "unknown"
    orientation, captured, gps, model = read_metadata(im)
    icc = _icc_to_keep(im) if im.mode in ("RGB", "RGBA", "P", "YCbCr") else None
    target = _fit(w, h, long_edge)
    if fmt in ("JPEG", "MPO") and target != (w, h):
        # DCT scaling in the decoder; Pillow never scales below the requested size.
        im.draft("RGB", target)
    im.load()
    rgb = _to_rgb(im)
    if rgb.size != target:
        rgb = rgb.resize(target, Image.Resampling.BOX, reducing_gap=2.0)
    op = _ORIENTATION_OPS.get(orientation)
    if op is not None:
        rgb = rgb.transpose(op)
    data = _encode(rgb, quality, icc)
    thumb_img = rgb.resize(_fit(*rgb.size, thumb_edge), Image.Resampling.BILINEAR, reducing_gap=2.0)
    thumb = _encode(thumb_img, quality, icc)
    return _Result(data, thumb, rgb.width, rgb.height, captured, gps, model, _SOURCE_FORMAT.get(fmt, fmt))


def ingest_image(
    path: Path,
    *,
    long_edge: int = 2560,
    quality: int = 85,
    thumb_edge: int = 320,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> ProcessedImage:
    """Read, validate, orient, downscale and re-encode the photo at ``path``.

    Raises :class:`FieldappError` for anything wrong with the file. Writes nothing anywhere: the caller
    stores the result (see :func:`ingest_to_store`). Thread-safe; Pillow releases the GIL while decoding,
    resizing and encoding, so a thread pool scales across cores.
    """
    if long_edge < 1 or thumb_edge < 1 or not 1 <= quality <= 100 or max_pixels < 1:
        raise ValueError("long_edge, thumb_edge and max_pixels must be positive, quality 1..100")
    if not _pillow_tuned:
        _tune_pillow()
    path = Path(path)
    name = path.name
    raw, mtime = _read(path, max_file_bytes)
    found = sniff(raw[:4096], path.suffix)
    if found is not None and found.container == "heif" and not _ensure_heif():
        raise _err(
            f"{name}: HEIC support (pillow-heif) is not installed.",
            f"{name}：未安装 HEIC 支持组件（pillow-heif）。",
        )
    try:
        with Image.open(io.BytesIO(raw), formats=_formats()) as im:
            result = _process(im, name, long_edge, thumb_edge, quality, max_pixels)
    except FieldappError:
        raise
    except UnidentifiedImageError:
        raise _unrecognised(name, raw, path.suffix) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _err(
            f"{name} declares more pixels than the limit; it is refused as a possible decompression bomb.",
            f"{name} 声明的像素数超过上限，可能是恶意构造的文件，已拒绝。",
        ) from None
    except MemoryError:
        raise _err(f"{name} is too large to process.", f"{name} 过大，无法处理。") from None
    except _DECODE_ERRORS as e:
        truncated = "truncat" in str(e).lower()
        raise _err(
            f"{name} is {'incomplete (the file is cut short)' if truncated else 'damaged'} and cannot be read"
            f" ({e}).",
            f"{name} {'不完整（文件被截断）' if truncated else '已损坏'}，无法读取。",
        ) from e

    if result.captured_at is not None:
        captured_at, source = result.captured_at, "exif"
    else:
        captured_at, source = datetime.fromtimestamp(mtime).replace(microsecond=0).isoformat(), "file"
    return ProcessedImage(
        data=result.data,
        thumb=result.thumb,
        width=result.width,
        height=result.height,
        sha256=hashlib.sha256(result.data).hexdigest(),
        original_name=name,
        original_sha256=hashlib.sha256(raw).hexdigest(),
        original_size=len(raw),
        captured_at=captured_at,
        captured_at_source=source,
        gps=result.gps,
        camera_model=result.camera_model,
        source_format=result.source_format,
    )


def ingest_to_store(
    path: Path,
    store: BlobStore,
    *,
    long_edge: int = 2560,
    quality: int = 85,
    thumb_edge: int = 320,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> ProcessedImage:
    """:func:`ingest_image`, then store the image and its thumbnail. Nothing is stored if ingest fails."""
    result = ingest_image(
        path, long_edge=long_edge, quality=quality, thumb_edge=thumb_edge, max_pixels=max_pixels
    )
    store.put_bytes(result.data)
    store.put_bytes(result.thumb)
    return result
