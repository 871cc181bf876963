"""Start-up stays light: the window is interactive before PDF, image and crypto libraries load."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fieldapp.models.store import Store

PROBE = """
import sys
from pathlib import Path
from fieldapp.ui.app import create_app
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.tasks import AppContext
from fieldapp.workspace import Workspace
app = create_app(["fieldapp", "-platform", "offscreen"])
ws = Workspace.open(Path(sys.argv[1]))
ctx = AppContext(ws)
window = MainWindow(ctx)
window.show()
app.processEvents()
window.show_page("enterprises")
app.processEvents()
print(",".join(m for m in ("reportlab", "PIL", "cryptography", "pyhanko", "pypdfium2", "openpyxl",
                                 "PySide6.QtMultimedia")
               if m in sys.modules))
ctx.close()
"""


def test_start_up_does_not_import_heavy_libraries(demo_store: Store) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PROBE, str(Path(demo_store.path).parent)], capture_output=True,
                         text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_gui_quit_when_ready_opens_the_real_window_and_exits(demo_store: Store, tmp_path: Path) -> None:
    """`fieldapp gui --quit-when-ready`: the start-up check the benchmarks and an installed app use."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    for data in (Path(demo_store.path).parent, tmp_path / "new"):
        out = subprocess.run([sys.executable, "-m", "fieldapp", "--data-dir", str(data), "gui", "--quit-when-ready"],
                             capture_output=True, text=True, env=env, timeout=60)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip().splitlines()[-1] == "ready"
    assert (tmp_path / "new" / "fieldapp.sqlite3").is_file()  # the new data directory was set up
