"""UI responsiveness over 100 000 enterprises: cold start to an interactive window, and the longest
event-loop stall while a search is typed.

Cold start is measured in fresh `python -c` subprocesses (the way a user starts the app), beside an empty
PySide6 QMainWindow started the same way in the same run, so the figure says what fieldapp adds.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

EMPTY = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(["x", "-platform", "offscreen"])
w = QMainWindow(); w.resize(1366, 768); w.show()
def done():
    print("READY", time.time()); sys.stdout.flush(); app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

FIELDAPP = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from fieldapp.models import settings
from fieldapp.ui.app import STYLE, create_app, install_translator, load_fonts
from fieldapp.workspace import Workspace, setup_logging
data = Path(sys.argv[1])
setup_logging(data)
app = create_app(["fieldapp", "-platform", "offscreen"])
load_fonts(app)
app.setStyleSheet(STYLE)
ws = Workspace.open(data)
install_translator(app, settings.get(ws.store, "language"))
ws.maybe_auto_backup()
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.tasks import AppContext
ctx = AppContext(ws)
w = MainWindow(ctx, start_page="enterprises")
w.show()
def done():
    assert w.enterprises.list.model.rowCount() > 0
    heavy = [m for m in ("reportlab", "PIL", "cryptography", "pyhanko") if m in sys.modules]
    print("READY", time.time(), ",".join(heavy)); sys.stdout.flush(); app.quit()
QTimer.singleShot(0, done)
app.exec()
ctx.close()
"""

STALL = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtTest import QTest
from fieldapp.ui.app import create_app
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.tasks import AppContext
from fieldapp.workspace import Workspace
app = create_app(["fieldapp", "-platform", "offscreen"])
ws = Workspace.open(Path(sys.argv[1]))
ctx = AppContext(ws)
w = MainWindow(ctx, start_page="enterprises")
w.show()
app.processEvents()
page = w.enterprises.list
worst = 0
clock = QElapsedTimer()
clock.start()
last = clock.elapsed()
def tick():
    global last, worst
    now = clock.elapsed()
    worst = max(worst, now - last)
    last = now
timer = QTimer()
timer.setInterval(5)
timer.timeout.connect(tick)
timer.start()
for query in sys.argv[2:]:
    page.search.clear()
    QTest.qWait(300)
    last = clock.elapsed()
    for ch in query:
        if ch.isascii():
            QTest.keyClicks(page.search, ch)
        else:
            page.search.insert(ch)  # what an input method commits (QTest types ASCII only)
        QTest.qWait(60)  # a quick typist: a key every 60 ms
    QTest.qWait(400)  # the debounced search and the list update
print("WORST", worst)
ctx.close()
"""


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return env


def _ready(script: str, *args: str) -> tuple[float, str]:
    started = time.time()
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=_env(),
                         timeout=120, cwd=ROOT)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("READY")), None)
    if line is None:
        raise RuntimeError(f"start-up probe failed:\n{out.stderr[-2000:]}")
    parts = line.split(" ")
    return float(parts[1]) - started, parts[2] if len(parts) > 2 else ""


def build(data: Path, count: int) -> None:
    from fieldapp.models import demo
    from fieldapp.workspace import Workspace

    ws = Workspace.open(data)
    demo.fill(ws.store, enterprises_count=count, seed=7)
    ws.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ws.maybe_auto_backup()  # the daily backup is taken once, not inside the timed start
    ws.close()


def run(quick: bool = False) -> list[dict[str, object]]:
    count = 20_000 if quick else 100_000
    runs = 3 if quick else 5
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        build(data, count)
        _ready(FIELDAPP, str(data))  # warm the file cache and the .pyc files
        _ready(EMPTY)
        empty = statistics.median(_ready(EMPTY)[0] for _ in range(runs))
        starts = [_ready(FIELDAPP, str(data)) for _ in range(runs)]
        cold = statistics.median(t for t, _ in starts)
        heavy = sorted({m for _, mods in starts for m in mods.split(",") if m})
        rows.append({"benchmark": f"cold start to the enterprise list, {count:,} enterprises",
                     "result": f"{cold:.2f} s (empty QMainWindow {empty:.2f} s)"
                               + (f"; loaded {', '.join(heavy)}" if heavy else ""),
                     "target": "< 1 s, no reportlab/PIL/cryptography/pyhanko", "ok": cold < 1.0 and not heavy})
        out = subprocess.run([sys.executable, "-c", STALL, str(data), "hdhg", "化工", "河", "9135"],
                             capture_output=True, text=True, env=_env(), timeout=180, cwd=ROOT)
        line = next((ln for ln in out.stdout.splitlines() if ln.startswith("WORST")), None)
        if line is None:
            raise RuntimeError(f"stall probe failed:\n{out.stderr[-2000:]}")
        worst = int(line.split()[1])
        rows.append({"benchmark": f"longest event-loop stall typing a search, {count:,} enterprises",
                     "result": f"{worst} ms", "target": "< 100 ms", "ok": worst < 100})
    return rows


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(row)
