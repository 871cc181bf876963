"""Fixtures for the photo tests: real image files written by Pillow into tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from photo_helpers import GREY, RED, make_exif
from PIL import Image


@pytest.fixture
def phone_jpeg(tmp_path: Path) -> Path:
    """4000×3000 sensor image stored landscape with orientation 6 (phone held upright).

    A red marker sits in the stored top-left corner; after the 90° clockwise turn it must be top-right.
    """
    im = Image.new("RGB", (4000, 3000), GREY)
    im.paste(RED, (0, 0, 400, 400))
    exif = make_exif(
        orientation=6,
        taken="2024:05:17 09:30:15",
        gps=("S", (33.0, 52.0, 4.5), "W", (151.0, 12.0, 26.28)),
        model="Pixel 8\x00",
    )
    path = tmp_path / "IMG_0001.jpg"
    im.save(path, "JPEG", quality=90, exif=exif)
    return path


@pytest.fixture
def write_image(tmp_path: Path) -> Callable[..., Path]:
    def write(name: str, im: Image.Image, fmt: str | None = None, **params: object) -> Path:
        path = tmp_path / name
        im.save(path, fmt, **params)
        return path

    return write
