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
