"""复查: per finding of one enterprise — rectified, or not rectified with a new deadline or escalation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import inspections, reinspections
from fieldapp.services.reinspections import ItemResult
from fieldapp.services.vocabulary import FINDING_GRADES, STATUS_ZH
from fieldapp.ui import util
from fieldapp.ui.inspection_start import checked_data
from fieldapp.ui.tasks import AppContext

SKIP, RECTIFIED, NEW_DEADLINE, ESCALATE = "skip", "rectified", "new_deadline", "escalate"


class FindingRow:
    def __init__(self, finding: dict[str, Any], outcome: QComboBox, deadline: QDateEdit, note: QLineEdit) -> None:
        self.finding = finding
        self.outcome = outcome
        self.deadline = deadline
        self.note = note

    def result(self) -> ItemResult | None:
        choice = self.outcome.currentData()
        if choice == SKIP:
            return None
        note = self.note.text().strip() or None
        if choice == RECTIFIED:
            return ItemResult(self.finding["id"], True, note)
        if choice == ESCALATE:
            return ItemResult(self.finding["id"], False, note, escalate=True)
        return ItemResult(self.finding["id"], False, note, new_deadline=self.deadline.date().toString("yyyy-MM-dd"))


class ReinspectionDialog(QDialog):
    recorded = Signal(str)  # the re-inspection's id, once saved

    def __init__(self, ctx: AppContext, enterprise_id: str, parent: QWidget | None = None,
                 preselect: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.enterprise_id = enterprise_id
        form = reinspections.reinspection_form(ctx.read, enterprise_id, finding_id=preselect)
        self.setWindowTitle(self.tr("Re-inspection"))
        self.setMinimumSize(880, 480)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Re-inspection: %1").replace("%1", form.enterprise.get("name", "")))
        title.setObjectName("detailTitle")
        title.setWordWrap(True)
        layout.addWidget(title)

        officers_box = QGroupBox(self.tr("Officers (two or more)"))
        ol = QHBoxLayout(officers_box)
        self.officers = QListWidget()
        self.officers.setObjectName("officerList")
        self.officers.setFlow(QListWidget.Flow.LeftToRight)
        self.officers.setWrapping(True)
        self.officers.setSpacing(6)
        self.officers.setMinimumHeight(96)
        self.officers.setMaximumHeight(140)
        # The officers of the original inspection come first and ticked: usually they go back themselves.
        original, everyone = form.ticked, form.officers
        metrics = self.officers.fontMetrics()
        # Every cell as wide as the longest name: the style's item padding is not in Qt's size hint, so without
        # this each name was cut to "…".
        cell = QSize(max((metrics.horizontalAdvance(o["name"]) for o in everyone), default=40) + 56, util.TOUCH - 8)
        for officer in everyone:
            item = QListWidgetItem(officer["name"])
            item.setData(Qt.ItemDataRole.UserRole, officer["id"])
            item.setToolTip(f"{officer['name']}　{officer.get('certificate_no') or ''}")
            item.setSizeHint(cell)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if officer["id"] in original else Qt.CheckState.Unchecked)
            self.officers.addItem(item)
        ol.addWidget(self.officers)
        layout.addWidget(officers_box)
        self.officer_warning = QLabel()
        self.officer_warning.setObjectName("warning")
        self.officer_warning.setWordWrap(True)
        layout.addWidget(self.officer_warning)
        self.officers.itemChanged.connect(lambda _i: self.update_warning())

        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        for col, text in enumerate((self.tr("Hazard"), self.tr("Result"), self.tr("New deadline"), self.tr("Note"))):
            header = QLabel(text)
            header.setObjectName("sectionTitle")
            grid.addWidget(header, 0, col)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(3, 2)
        default_deadline = form.default_deadline
        self.rows: list[FindingRow] = []
        candidates = form.hazards
        deadline_word = self.tr("deadline")
        for n, f in enumerate(candidates, 1):
            grade = FINDING_GRADES.get(f["grade"], f["grade"])
            status = STATUS_ZH.get(f["status"], f["status"])
            label = QLabel(f"{f['description']}\n{grade} · {status} · {deadline_word} {(f['deadline'] or '')[:10]}")
            label.setWordWrap(True)
            outcome = QComboBox()
            outcome.setMinimumHeight(util.TOUCH - 4)
            outcome.addItem(self.tr("Not checked this time"), SKIP)
            outcome.addItem(self.tr("Rectified"), RECTIFIED)
            outcome.addItem(self.tr("Not rectified: new deadline"), NEW_DEADLINE)
            if f["id"] in form.escalatable:
                outcome.addItem(self.tr("Not rectified: escalate (挂牌督办)"), ESCALATE)
            if f["id"] == preselect:
                outcome.setCurrentIndex(1)
            deadline = util.date_edit(default_deadline)
            deadline.setMinimumWidth(metrics.horizontalAdvance("2026-12-31") + 56)
            note = QLineEdit()
            note.setMinimumHeight(util.TOUCH - 8)
            row = FindingRow(f, outcome, deadline, note)
            outcome.currentIndexChanged.connect(lambda _i, r=row: r.deadline.setEnabled(
                r.outcome.currentData() == NEW_DEADLINE))
            deadline.setEnabled(False)
            grid.addWidget(label, n, 0)
            grid.addWidget(outcome, n, 1)
            grid.addWidget(deadline, n, 2)
            grid.addWidget(note, n, 3)
            self.rows.append(row)
        if not candidates:
            grid.addWidget(util.empty_state(self.tr("This enterprise has no hazard waiting for re-inspection.")),
                           1, 0, 1, 4)
        # The overall note is the last row of the scrolled grid: it can be scrolled above the on-screen keyboard.
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Overall note (optional)"))
        self.note.setMinimumHeight(util.TOUCH - 8)
        grid.addWidget(self.note, len(candidates) + 2, 0, 1, 4)
        grid.setRowStretch(len(candidates) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = util.button(self.tr("Cancel"))
        self.save_button = util.button(self.tr("Record re-inspection"), primary=True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.update_warning()

    def update_warning(self) -> None:
        warning = inspections.officer_warning(len(checked_data(self.officers)))
        self.officer_warning.setText("⚠ " + warning[1] if warning else "")

    def results(self) -> list[ItemResult]:
        return [r for r in (row.result() for row in self.rows) if r is not None]

    def save(self) -> None:
        results = self.results()
        if not results:
            util.show_error(self, self.tr("Choose a result for at least one hazard."))
            return
        officer_ids = [str(x) for x in checked_data(self.officers)]
        warning = inspections.officer_warning(len(officer_ids))
        if warning and not util.ask(self, warning[1] + "\n" + self.tr("Record the re-inspection anyway?")):
            return
        enterprise_id, note = self.enterprise_id, self.note.text().strip() or None
        self.ctx.op(self, lambda c: reinspections.record_reinspection(
            c.workspace, enterprise_id=enterprise_id, officer_ids=officer_ids, results=results, note=note)
                    ).success(self._saved).run()

    def _saved(self, row: dict[str, Any]) -> None:
        self.recorded.emit(str(row["id"]))
        self.accept()
