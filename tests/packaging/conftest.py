"""Fixtures for the packaging tests: the frozen onedir (built once, reused while it is newer than every
source file) and the build helpers of packaging/build.py.

The slow tests run everywhere, CI included; only FIELDAPP_SKIP_SLOW=1 skips them. Missing system tools
(NSIS, Wine) are installed by packaging/ensure-tools.sh when running as root, never a reason to skip.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load_packaging_module(name: str) -> ModuleType:
    """packaging/<name>.py as a module (packaging/ is not a Python package)."""
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def skip_if_asked() -> None:
    if os.environ.get("FIELDAPP_SKIP_SLOW") == "1":
        pytest.skip("FIELDAPP_SKIP_SLOW=1: frozen-build and installer tests skipped on request")


@pytest.fixture(scope="session")
def build() -> ModuleType:
    return load_packaging_module("build")


@pytest.fixture(scope="session")
def onedir(build: ModuleType) -> Path:
    """dist/fieldapp, rebuilt with PyInstaller only when a source file is newer than it (~40 s)."""
    skip_if_asked()
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is not installed: pip install -e '.[dev]' (it is in the dev extras)")
    result = subprocess.run([sys.executable, str(PACKAGING / "build.py"), "dist", "--if-stale"], cwd=ROOT,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"PyInstaller build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    path: Path = build.ONEDIR
    assert build.executable(path).is_file()
    return path
