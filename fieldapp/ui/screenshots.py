"""`make screenshots`: render every main view at 1366×768 over demo data into PNG files.

The views are driven through the same widgets and operations a user touches, so a screenshot that looks
wrong is a screen that is wrong.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from fieldapp.models import demo, settings
from fieldapp.ui import util
from fieldapp.ui.app import STYLE, create_app, install_translator, load_fonts
from fieldapp.ui.tasks import AppContext
from fieldapp.workspace import Workspace

SIZE = (1366, 768)


def settle(app: QApplication, ctx: AppContext | None = None) -> None:
    for _ in range(5):
        if ctx is not None:
            ctx.tasks.wait_idle()
        app.processEvents()


def with_dialog(window: QWidget, dialog: QDialog) -> QPixmap:
    """The window dimmed with the dialog centred on it, as the user sees a modal dialog."""
    dialog.resize(min(dialog.sizeHint().width() + 40, SIZE[0] - 120), min(dialog.sizeHint().height() + 20,
                                                                          SIZE[1] - 60))
    shot = window.grab()
    top = dialog.grab()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 90))
    painter.drawPixmap((shot.width() - top.width()) // 2, (shot.height() - top.height()) // 2, top)
    painter.end()
    return shot


def main(out_dir: str) -> int:
    from fieldapp.ui.main_window import MainWindow

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = create_app(["fieldapp", "-platform", "offscreen"])
    load_fonts(app)
    app.setStyleSheet(STYLE)
    # Nothing may block an unattended run: errors are printed, confirmations answered yes.
    util.show_error = lambda parent, text: print("error shown:", text, file=sys.stderr)
    util.show_info = lambda parent, text: None
    util.ask = lambda parent, text: True

    def save(name: str, pixmap: QPixmap) -> None:
        path = out / f"{name}.png"
        pixmap.save(str(path))
        print(path)

    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace.open(Path(tmp))
        demo.fill(workspace.store, enterprises_count=600, seed=20261123)
        workspace.maybe_auto_backup()
        install_translator(app, settings.get(workspace.store, "language"))
        ctx = AppContext(workspace)
        window = MainWindow(ctx)
        window.resize(*SIZE)
        window.show()
        settle(app, ctx)

        window.show_page("enterprises")
        page = window.enterprises.list
        page.table.selectRow(0)
        settle(app, ctx)
        save("enterprises", window.grab())
        page.search.setText("hdhg")
        page.run_search()
        settle(app, ctx)
        save("enterprise-search", window.grab())
        enterprise_id = page.model.enterprise_id(0)
        ctx.bus.navigate.emit("enterprise", enterprise_id)
        settle(app, ctx)
        save("enterprise-detail", window.grab())

        ctx.bus.navigate.emit("start_inspection", enterprise_id)
        start = window.inspection.start_view
        for i in range(min(2, start.officers.count())):
            start.officers.item(i).setCheckState(Qt.CheckState.Checked)
        settle(app, ctx)
        save("inspection-start", window.grab())
        start.start()
        settle(app, ctx)
        walker = window.inspection.walker
        walker.open_editors = False
        for code in ("yes", "yes", "na", "yes"):
            walker.answer_current(code)
        settle(app, ctx)
        walker.open_editors = True
        editors: list[QDialog] = []
        walker.finding_opened.connect(editors.append)
        walker.answer_current("no")
        settle(app, ctx)
        walker.table.selectRow(walker.current_row())
        settle(app, ctx)
        save("inspection", window.grab())
        if editors:
            save("finding", with_dialog(window, editors[-1]))
            editors[-1].close()

        window.show_page("home")
        settle(app, ctx)
        save("home", window.grab())

        window.show_page("hazards")
        hazards = window.hazards
        hazards.overdue.setChecked(True)
        settle(app, ctx)
        save("hazards", window.grab())
        finding = hazards.detail.finding
        if finding is not None:
            from fieldapp.ui.reinspection_dialog import ReinspectionDialog

            dialog = ReinspectionDialog(ctx, finding["enterprise_id"], window, preselect=finding["id"])
            save("reinspection", with_dialog(window, dialog))
            dialog.close()
        hazards.overdue.setChecked(False)
        settle(app, ctx)
        major = [r for r in hazards.model.rows if r["grade"] == "major"]
        if major:
            hazards.select_finding(major[0]["id"])
            settle(app, ctx)
            save("hazard-major", window.grab())

        for key in ("statistics", "settings", "documents", "sync"):
            window.show_page(key)
            settle(app, ctx)
            save(key, window.grab())

        window.close()
        ctx.close()
        workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
