"""Desktop entry point: QApplication, fonts, translations, the workspace and the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from fieldapp.errors import FieldappError
from fieldapp.resources import resource_path
from fieldapp.services import settings
from fieldapp.workspace import Workspace, setup_logging

log = logging.getLogger("fieldapp.ui")

STYLE = """
QWidget { font-size: 11pt; }
QLabel#pageTitle { font-size: 17pt; font-weight: bold; padding: 2px 0 4px 0; }
QLabel#detailTitle { font-size: 15pt; font-weight: bold; padding: 4px 0 6px 0; }
QLabel#sectionTitle { font-size: 12pt; font-weight: bold; padding-top: 4px; }
QLabel#usccWarning, QLabel#warning { color: #b45309; }
QLabel#demoMark { color: white; background: #b45309; font-weight: bold; padding: 2px 10px; border-radius: 3px; }
QLabel#hint { color: #4b5563; }
QFrame#afterReinspection { background: #ecfdf5; border: 1px solid #6ee7b7; border-radius: 4px; }
QLabel#emptyState { color: #4b5563; font-size: 13pt; padding: 24px; }
QLabel#legalBasis { color: #1e3a8a; }
QLabel#itemCheck { font-size: 14pt; font-weight: bold; }
QLabel#savedIndicator { color: #15803d; font-weight: bold; padding: 0 8px; }
QLabel#progressCount { padding: 0 8px; }
QLineEdit#enterpriseSearch { font-size: 13pt; padding: 4px 8px; }
QTableView { gridline-color: #e5e7eb; }
QListWidget#navigation { background: #1f2937; color: #f9fafb; border: none; font-size: 13pt; padding-top: 6px; }
QListWidget#navigation::item { padding-left: 10px; }
QListWidget#navigation::item:selected { background: #2563eb; color: white; }
QFrame#tile { background: #f3f4f6; border-radius: 8px; }
QFrame#tile[tone="red"] QLabel#bigNumber { color: #b91c1c; }
QFrame#tile[tone="orange"] QLabel#bigNumber { color: #c2410c; }
QFrame#tile[tone="green"] QLabel#bigNumber { color: #15803d; }
QLabel#bigNumber { font-size: 24pt; font-weight: bold; }
QLabel#tileCaption { color: #374151; }
QPushButton { padding: 4px 14px; }
QPushButton#primaryButton { background: #2563eb; color: white; border: 1px solid #1d4ed8; border-radius: 4px; }
QPushButton#primaryButton:disabled { background: #93c5fd; }
QPushButton#dangerButton { color: #b91c1c; }
QPushButton#answer_yes:checked { background: #15803d; color: white; }
QPushButton#answer_no:checked { background: #b91c1c; color: white; }
QPushButton#answer_na:checked { background: #6b7280; color: white; }
QGroupBox { font-weight: bold; margin-top: 10px; }
QCheckBox::indicator, QListWidget::indicator { width: 20px; height: 20px; }
QCheckBox { min-height: 32px; }
QListWidget#officerList::item, QListWidget#templateList::item, QListWidget#backupList::item,
QListWidget#documentFindings::item { padding: 7px 4px; }
QGroupBox QWidget { font-weight: normal; }
QLabel#documentNumber { font-size: 16pt; font-weight: bold; color: #15803d; }
QLabel#signatureState[tone="green"] { color: #15803d; font-weight: bold; }
QLabel#signatureState[tone="orange"] { color: #b45309; }
QLabel#verdictValid { font-size: 16pt; font-weight: bold; color: #15803d; }
QLabel#verdictInvalid { font-size: 16pt; font-weight: bold; color: #b91c1c; }
QLabel#explanation { font-size: 12pt; padding: 8px 4px; }
"""

def load_fonts(app: QApplication) -> None:
    """Use the shipped CJK font so Chinese renders the same on a bare Windows or Linux machine."""
    families: list[str] = []
    for name in ("FieldappMing.ttf", "FieldappExtA.ttf", "FieldappExtB.ttf"):
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


def _choose_media_backend() -> None:
    # The Windows build ships Qt's Media Foundation backend only (packaging/freeze_config.py drops the
    # 20 MB FFmpeg one); say so before QtMultimedia loads, or it would look for FFmpeg first.
    if sys.platform == "win32" and getattr(sys, "frozen", False):
        os.environ.setdefault("QT_MEDIA_BACKEND", "windows")


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    _choose_media_backend()
    app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("fieldapp")
    app.setOrganizationName("fieldapp")
    return app


def fill_demo(app: QApplication, workspace: Workspace) -> bool:
    """The demo directory's first open: the demo county with issued notices, made in a thread.

    The window keeps painting and says which stage runs. False when the directory holds real data (never
    filled) or the fill failed; the user has been told why.
    """
    import threading

    from PySide6.QtCore import QEventLoop, QTimer

    from fieldapp.services import first_start

    try:
        first_start.check_demo_dir(workspace)
    except FieldappError as exc:
        QMessageBox.critical(None, "fieldapp", exc.zh)
        return False
    if not workspace.is_empty():
        return True
    stages = {"enterprises": app.translate("App", "Creating the demo county: enterprises…"),
              "inspections": app.translate("App", "Creating the demo county: inspections and hazards…"),
              "notices": app.translate("App", "Creating the demo county: visits and demo notices…")}
    dialog = QProgressDialog(app.translate("App", "Creating demo data…"), "", 0, len(stages))
    dialog.setWindowTitle("fieldapp")
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(480)
    dialog.show()
    failure: list[BaseException] = []
    stage: list[str] = []

    def work() -> None:
        try:
            first_start.open_demo(workspace, progress=stage.append)
        except BaseException as exc:  # shown below, on the main thread
            failure.append(exc)

    def poll() -> None:
        if stage:
            dialog.setLabelText(stages.get(stage[-1], stage[-1]))
            dialog.setValue(list(stages).index(stage[-1]) if stage[-1] in stages else 0)
        if not worker.is_alive():
            loop.quit()

    worker = threading.Thread(target=work, name="fieldapp-demo")
    worker.start()
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    loop.exec()  # the window keeps painting while the demo is written
    timer.stop()
    worker.join()
    dialog.close()
    if failure:
        error = failure[0]
        log.error("demo data failed", exc_info=error)
        QMessageBox.warning(None, "fieldapp", error.zh if isinstance(error, FieldappError) else
                            app.translate("App", "Demo data could not be created; see the log."))
        return False
    return True


def run(data_dir: Path, *, demo: bool = False, quit_when_ready: bool = False) -> int:
    """The desktop app on `data_dir`; with `demo`, that is the demo directory, filled on its first open.

    A real data directory never gets demo data: empty, it opens on the first-start screen.
    """
    from fieldapp.ui import crash
    from fieldapp.ui.main_window import MainWindow
    from fieldapp.ui.tasks import AppContext

    setup_logging(data_dir)
    app = create_app()
    reporter = crash.install(data_dir)
    load_fonts(app)
    app.setStyleSheet(STYLE)
    try:
        workspace = Workspace.open(data_dir)
    except FieldappError as exc:
        QMessageBox.critical(None, "fieldapp", exc.zh)
        return 1
    install_translator(app, settings.setting(workspace, "language"))
    if demo and not fill_demo(app, workspace):
        workspace.close()
        return 1
    try:
        workspace.maybe_auto_backup()
    except FieldappError as exc:
        log.warning("automatic backup failed: %s", exc.en)
    ctx = AppContext(workspace)
    window = MainWindow(ctx)
    window.show()
    if quit_when_ready:
        # A start-up check for installers, IT staff and the benchmarks: the window came up and its first
        # page was filled from the database, then quit.
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
    code = app.exec()
    # Delete the window while the QApplication still exists: left to the interpreter's exit, it could be
    # destroyed after the application and crash (seen as malloc_consolidate aborts on exit).
    import gc

    import shiboken6

    # A garbage collection that starts in the middle of the window's teardown (Python code runs there, and
    # allocates) can visit wrappers whose C++ objects are half destroyed: a segfault on exit seen with
    # PySide6 6.12. Collect first, and not during the teardown.
    gc.collect()
    gc.disable()
    try:
        shiboken6.delete(window)
    finally:
        gc.enable()
    ctx.close()
    workspace.close()
    reporter.uninstall()
    return int(code)
