"""Locate shipped resources (fonts, checklists, translations, icons) from source and frozen builds."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    # PyInstaller unpacks data next to the executable and exposes it as sys._MEIPASS.
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
