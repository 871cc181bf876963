"""`make screenshots`: render every main view at 1366×768 over demo data into PNG files."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from fieldapp.models import demo, settings
from fieldapp.ui.app import STYLE, create_app, install_translator, load_fonts
from fieldapp.workspace import Workspace


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main(out_dir: str) -> int:
    from fieldapp.ui.main_window import MainWindow

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = create_app(["fieldapp", "-platform", "offscreen"])
    load_fonts(app)
    app.setStyleSheet(STYLE)
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace.open(Path(tmp))
        demo.fill(workspace.store, enterprises_count=600, seed=20261123)
        install_translator(app, settings.get(workspace.store, "language"))
        window = MainWindow(workspace)
        window.resize(1366, 768)
        window.show()
        window.table.selectRow(0)
        settle(app)
        shots = {"enterprises": None, "enterprise-search": "hdhg"}
        for name, query in shots.items():
            if query:
                window.search.setText(query)
                window.run_search()
            settle(app)
            path = out / f"{name}.png"
            window.grab().save(str(path))
            print(path)
        window.close()
        workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
