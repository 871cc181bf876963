"""What a photo's EXIF says about it: orientation, capture time, GPS position and camera model.

Read best-effort by photos/ingest.py before the stored JPEG is written without any EXIF.
"""

from __future__ import annotations

from datetime import datetime

from PIL import Image

_TAG_ORIENTATION = 0x0112
_TAG_MODEL = 0x0110
_TAG_DATETIME = 0x0132
_IFD_EXIF = 0x8769
_IFD_GPS = 0x8825
_TAG_DATETIME_ORIGINAL = 0x9003
_TAG_DATETIME_DIGITIZED = 0x9004


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    value = value.replace("\x00", "").strip()
    return value or None


def _exif_datetime(value: object) -> str | None:
    text = _text(value)
    if text is None:
        return None
    try:
        # EXIF time is local wall-clock time with no zone; it is kept that way on purpose.
        return datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S").isoformat()
    except ValueError:
        return None  # "0000:00:00 00:00:00" and other placeholders cameras write


def _rational(value: object) -> float:
    if isinstance(value, tuple) and len(value) == 2:
        num, den = value
        return float(num) / float(den)
    return float(value)  # type: ignore[arg-type]  # IFDRational, int or float


def _dms(value: object) -> float:
    parts = value if isinstance(value, tuple) else (value,)
    degrees = 0.0
    for part, div in zip(parts, (1.0, 60.0, 3600.0), strict=False):
        degrees += _rational(part) / div
    return degrees


def _gps(exif: Image.Exif) -> tuple[float, float] | None:
    gps = exif.get_ifd(_IFD_GPS)
    if not gps or 2 not in gps or 4 not in gps:
        return None
    lat, lon = _dms(gps[2]), _dms(gps[4])
    if (_text(gps.get(1)) or "N").upper().startswith("S"):
        lat = -lat
    if (_text(gps.get(3)) or "E").upper().startswith("W"):
        lon = -lon
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0) or (lat == 0.0 and lon == 0.0):
        return None  # NaN (zero denominators) fails the range test too
    return round(lat, 7), round(lon, 7)


def read_metadata(im: Image.Image) -> tuple[int, str | None, tuple[float, float] | None, str | None]:
    """(orientation, captured_at, gps, camera_model), each best-effort.

    Camera EXIF is often malformed (wrong types, zero denominators, truncated IFDs); metadata is a bonus
    and must never cost the user the photo, so every failure here just means "unknown".
    """
    try:
        exif = im.getexif()
    except Exception:
        return 1, None, None, None
    try:
        orientation = int(exif.get(_TAG_ORIENTATION, 1))
    except Exception:
        orientation = 1
    captured: str | None = None
    try:
        sub = exif.get_ifd(_IFD_EXIF)
        for value in (
            sub.get(_TAG_DATETIME_ORIGINAL),
            sub.get(_TAG_DATETIME_DIGITIZED),
            exif.get(_TAG_DATETIME),
        ):
            if (captured := _exif_datetime(value)) is not None:
                break
    except Exception:
        captured = None
    try:
        gps = _gps(exif)
    except Exception:
        gps = None
    try:
        model = _text(exif.get(_TAG_MODEL))
    except Exception:
        model = None
    return orientation, captured, gps, model
