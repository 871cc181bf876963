"""The first start of a real, empty data directory: enrol with the office, import a registry, or look at
the demo — which opens in its own directory and its own window, so no demo record ever enters this one.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QProcess, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import enterprises
from fieldapp.services.changes import Done
from fieldapp.ui import util
from fieldapp.ui.tasks import AppContext, OpContext

ENROL_FILTER = "fieldapp 注册文件 (*.faenrol);;所有文件 (*)"
REGISTRY_FILTER = "单位名录 (*.xlsx *.csv);;所有文件 (*)"


def demo_command() -> tuple[str, list[str]]:
    """The command that opens the demo county in its own directory and window (`fieldapp gui --demo`)."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["gui", "--demo"]
    return sys.executable, ["-m", "fieldapp", "gui", "--demo"]


def launch_demo() -> bool:
    program, args = demo_command()
    started, _pid = QProcess.startDetached(program, args)
    return bool(started)


class FirstStartPage(QWidget):
    """Shown instead of the screens while a real data directory is empty (services.first_start)."""

    done = Signal()  # the directory now holds data, or the user chose to start empty

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("firstStart")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 28, 48, 20)
        outer.addWidget(util.page_title(self.tr("Welcome to fieldapp")))
        intro = QLabel(self.tr("This data directory is new and still empty:\n%1\nChoose how to start.")
                       .replace("%1", str(ctx.workspace.data_dir)))
        intro.setObjectName("explanation")
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(intro)

        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(14)
        self.enrol_button = self._choice(grid, 0, self.tr("Import the enrolment file (enrol)…"), self.tr(
            "The office gives each laptop an enrolment file (*.faenrol) in person. With it this installation "
            "becomes a field device: it receives the registry, the officers, the checklists and its document "
            "numbers, and can sync with the office."), primary=True)
        self.registry_button = self._choice(grid, 1, self.tr("Import an enterprise registry…"), self.tr(
            "An Excel or CSV list of enterprises (columns such as 单位名称, 统一社会信用代码, 地址). You can enrol "
            "with the office later: the imported enterprises are kept and merge with the office's by USCC."))
        self.demo_button = self._choice(grid, 2, self.tr("Open the demo"), self.tr(
            "A demo county with 600 enterprises, hazards and issued demo notices, in its own demo directory and "
            "its own window, marked 演示. Nothing is written into this data directory."))
        outer.addLayout(grid)
        self.demo_note = QLabel()
        self.demo_note.setObjectName("hint")
        self.demo_note.setWordWrap(True)
        outer.addWidget(self.demo_note)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.skip_button = util.button(self.tr("Start with an empty registry"))
        row.addWidget(self.skip_button)
        outer.addLayout(row)

        self.enrol_button.clicked.connect(self.pick_enrolment)
        self.registry_button.clicked.connect(self.pick_registry)
        self.demo_button.clicked.connect(self.open_demo)
        self.skip_button.clicked.connect(self.done.emit)

    def _choice(self, grid: QGridLayout, row: int, label: str, text: str, *, primary: bool = False) -> QPushButton:
        button = util.button(label, primary=primary)
        button.setMinimumHeight(util.TOUCH + 12)
        button.setMinimumWidth(max(button.minimumWidth(), 300))
        explanation = QLabel(text)
        explanation.setWordWrap(True)
        explanation.setObjectName("explanation")
        explanation.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        card = QFrame()
        card.setObjectName("tile")
        layout = QHBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(20)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(explanation, 1)
        grid.addWidget(card, row, 0)
        return button

    # -- enrolment ---------------------------------------------------------------------------------------

    def pick_enrolment(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Enrolment file"), "", ENROL_FILTER)
        if path:
            self.enrol(Path(path))

    def enrol(self, path: Path) -> None:
        def op(c: OpContext) -> Any:
            from fieldapp.services import sync as sync_service

            return sync_service.enroll(c.workspace, path)

        def enrolled(result: dict[str, Any]) -> None:
            util.show_info(self, self.tr("Enrolled as %1 with %2.").replace("%1", str(result["name"])).replace(
                "%2", str(result["central"])))
            self.done.emit()

        self.ctx.op(self, op).with_progress(self.tr("Enrolling…")).success(enrolled).run()

    # -- registry ----------------------------------------------------------------------------------------

    def pick_registry(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Enterprise registry"), "", REGISTRY_FILTER)
        if path:
            self.import_registry(Path(path))

    def import_registry(self, path: Path, *, skip_invalid: bool = False) -> None:
        def op(c: OpContext) -> Done[Any]:
            return enterprises.import_registry(c.workspace, path, skip_invalid=skip_invalid,
                                               progress=lambda n: c.report(n))

        def imported(report: Any) -> None:
            if not report.imported:
                first = report.errors[0]
                if util.ask(self, self.tr(
                        "%1 of %2 rows cannot be imported, for example row %3: %4\n\nImport the other rows now? "
                        "The rejected rows are written next to the file (*.rejects.csv) with their reasons.")
                        .replace("%1", str(len({p.row for p in report.errors}))).replace("%2", str(report.rows))
                        .replace("%3", str(first.row)).replace("%4", first.reason_zh)):
                    self.import_registry(path, skip_invalid=True)
                return
            text = self.tr("Imported %1 enterprises (%2 new, %3 updated).").replace(
                "%1", str(report.rows - report.skipped)).replace("%2", str(report.inserted)).replace(
                "%3", str(report.updated))
            if report.rejects_file:
                text += "\n" + self.tr("Rejected rows: %1").replace("%1", report.rejects_file)
            util.show_info(self, text)
            self.done.emit()

        self.ctx.op(self, op).with_progress(self.tr("Importing the registry…")).success(
            imported).run()

    # -- demo --------------------------------------------------------------------------------------------

    def open_demo(self) -> None:
        if launch_demo():
            self.demo_note.setText(self.tr(
                "The demo opens in its own window (the first time it takes a few seconds to create). "
                "This window stays on the real, empty data directory."))
        else:
            util.show_error(self, self.tr("The demo could not be started."))
