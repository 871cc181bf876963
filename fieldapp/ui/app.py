"""Desktop entry point: QApplication, fonts, translations, the workspace and the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from fieldapp.errors import FieldappError
from fieldapp.models import settings
from fieldapp.resources import resource_path
from fieldapp.workspace import Workspace, setup_logging

log = logging.getLogger("fieldapp.ui")

STYLE = """
QWidget { font-size: 11pt; }
QLabel#detailTitle { font-size: 15pt; font-weight: bold; padding: 4px 0 8px 0; }
QLabel#usccWarning { color: #b45309; }
QLineEdit#enterpriseSearch { font-size: 13pt; padding: 4px 8px; }
QTableView { gridline-color: #e5e7eb; }
"""


def load_fonts(app: QApplication) -> None:
    """Use the shipped CJK font so Chinese renders the same on a bare Windows or Linux machine."""
    families: list[str] = []
    for name in ("uming.ttc", "FieldappExtA.ttf", "FieldappExtB.ttf"):
        path = resource_path("fonts", name)
        if path.exists():
            font_id = QFontDatabase.addApplicationFont(str(path))
            families += QFontDatabase.applicationFontFamilies(font_id)[:1]
    if families:
        font = QFont(app.font())
        # System UI faces first (crisper on Windows), the shipped faces as fallbacks for what they lack.
        font.setFamilies(["Microsoft YaHei UI", "Noto Sans CJK SC", "Segoe UI", *families])
        app.setFont(font)


def install_translator(app: QApplication, language: str) -> list[QTranslator]:
    installed: list[QTranslator] = []
    if language.startswith("en"):
        return installed
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"fieldapp_{language}.qm"))):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("fieldapp")
    app.setOrganizationName("fieldapp")
    return app


def fill_demo(app: QApplication, workspace: Workspace) -> None:
    from fieldapp.models import demo

    dialog = QProgressDialog(app.translate("App", "Creating demo data…"), "", 0, 0)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.show()
    app.processEvents()
    try:
        demo.fill(workspace.store)
    finally:
        dialog.close()


def run(data_dir: Path, *, demo_if_empty: bool = True) -> int:
    from fieldapp.ui.main_window import MainWindow

    setup_logging(data_dir)
    app = create_app()
    load_fonts(app)
    app.setStyleSheet(STYLE)
    try:
        workspace = Workspace.open(data_dir)
    except FieldappError as exc:
        QMessageBox.critical(None, "fieldapp", exc.zh)
        return 1
    install_translator(app, settings.get(workspace.store, "language"))
    if demo_if_empty and workspace.is_empty():
        fill_demo(app, workspace)
    try:
        workspace.maybe_auto_backup()
    except FieldappError as exc:
        log.warning("automatic backup failed: %s", exc.en)
    window = MainWindow(workspace)
    window.show()
    code = app.exec()
    workspace.close()
    return int(code)
