"""The real window on the X11 platform plugin, under xvfb-run: what `make run` does on a desktop Debian.

`scripts/system-check.sh test` installs xvfb and the libraries the plugin links (fieldapp.qtlibs); without
them Qt aborts with "no Qt platform plugin could be initialized" and this test fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 under xvfb is a Linux test")


def test_the_window_comes_up_on_the_xcb_plugin_under_xvfb(tmp_path: Path) -> None:
    xvfb_run = shutil.which("xvfb-run")
    assert xvfb_run, "xvfb-run is missing: run scripts/system-check.sh test"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "FIELDAPP_DATA_DIR")}
    env.update(QT_QPA_PLATFORM="xcb", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_RUNTIME_DIR=str(tmp_path))
    out = subprocess.run([xvfb_run, "-a", "-s", "-screen 0 1366x768x24", sys.executable, "-m", "fieldapp",
                          "--data-dir", str(tmp_path / "data"), "gui", "--quit-when-ready"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert "no Qt platform plugin could be initialized" not in out.stderr
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip().splitlines()[-1] == "ready"
