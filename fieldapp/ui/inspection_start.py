"""Starting an inspection: type, officers (two or more), checklist templates ranked for the enterprise."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import inspections
from fieldapp.services.vocabulary import INSPECTION_TYPES
from fieldapp.ui import util
from fieldapp.ui.tasks import AppContext


def checked_data(widget: QListWidget) -> list[Any]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class StartInspectionView(QWidget):
    started = Signal(str)  # inspection id
    cancelled = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.enterprise_id: str | None = None
        self.assignment: dict[str, Any] | None = None
        outer = QVBoxLayout(self)
        # The form scrolls, so a field can be brought above a tablet's on-screen keyboard; the buttons stay.
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(util.scroll_form(body), 1)
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        form = QFormLayout()
        self.type = QComboBox()
        self.type.addItems(list(INSPECTION_TYPES))
        self.representative = QLineEdit()
        self.representative.setPlaceholderText(self.tr("Name of the enterprise's person on site"))
        self.campaign = QLineEdit()
        self.campaign.setPlaceholderText(self.tr("Special campaign tag (optional)"))
        for w in (self.type, self.representative, self.campaign):
            w.setMinimumHeight(util.TOUCH - 4)
        form.addRow(self.tr("Inspection type:"), self.type)
        form.addRow(self.tr("On-site representative:"), self.representative)
        form.addRow(self.tr("Campaign:"), self.campaign)
        flags = QGridLayout()
        self.unannounced = QCheckBox(self.tr("Unannounced (四不两直)"))
        self.cross_area = QCheckBox(self.tr("Officers from another area"))
        flags.addWidget(self.unannounced, 0, 0)
        flags.addWidget(self.cross_area, 0, 1)
        form.addRow(flags)
        left.addLayout(form)
        officers_box = QGroupBox(self.tr("Officers (two or more)"))
        officers_layout = QVBoxLayout(officers_box)
        self.officers = QListWidget()
        self.officers.setObjectName("officerList")
        self.officer_warning = QLabel()
        self.officer_warning.setObjectName("warning")
        self.officer_warning.setWordWrap(True)
        officers_layout.addWidget(self.officers)
        officers_layout.addWidget(self.officer_warning)
        left.addWidget(officers_box, 1)
        columns.addLayout(left, 1)

        templates_box = QGroupBox(self.tr("Checklists (suggested for this enterprise first)"))
        templates_layout = QVBoxLayout(templates_box)
        self.templates = QListWidget()
        self.templates.setObjectName("templateList")
        self.templates.setWordWrap(True)
        templates_layout.addWidget(self.templates)
        columns.addWidget(templates_box, 1)
        layout.addLayout(columns, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = util.button(self.tr("Cancel"))
        self.start_button = util.button(self.tr("Start inspection"), primary=True)
        self.start_button.setObjectName("primaryButton")
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.start_button)
        outer.addLayout(buttons)
        self.officers.itemChanged.connect(lambda _i: self.update_warning())
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.start_button.clicked.connect(self.start)
        self.start_button.setToolTip(self.tr("Ctrl+Enter"))
        QShortcut(QKeySequence("Ctrl+Return"), self, self.start)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.start)

    def prepare(self, enterprise_id: str, assignment: dict[str, Any] | None = None) -> None:
        """The form for an enterprise; an assignment from the office presets the type and the officers."""
        form = inspections.start_form(self.ctx.read, enterprise_id, assignment)
        self.enterprise_id = enterprise_id
        self.assignment = assignment
        self.title.setText(self.tr("New inspection: %1").replace("%1", form.enterprise["name"]))
        self.representative.setText(form.representative)
        self.campaign.clear()
        self.officers.clear()
        certificate = self.tr("certificate")
        for officer in form.officers:
            item = QListWidgetItem(f"{officer['name']}（{certificate} {officer['certificate_no']}）")
            item.setData(Qt.ItemDataRole.UserRole, officer["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.officers.addItem(item)
        reasons = {"industry": self.tr("industry"), "tag": self.tr("special hazard"), "general": self.tr("general")}
        self.templates.clear()
        for i, t in enumerate(form.templates):
            count = self.tr("%n item(s)", "", t["items"])
            item = QListWidgetItem(f"{t['title']}\n{reasons[t['reason']]} · {count}")
            item.setData(Qt.ItemDataRole.UserRole, t["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if i == 0 else Qt.CheckState.Unchecked)
            self.templates.addItem(item)
        if form.type and self.type.findText(form.type) >= 0:
            self.type.setCurrentText(form.type)
        if form.officer_ids:
            self.set_checked(self.officers, form.officer_ids)
        if form.note:
            self.title.setText(self.title.text() + "\n" + self.tr("Assigned by the office: %1").replace(
                "%1", form.note))
        self.officers.setCurrentRow(0)
        self.officers.setFocus()  # Space ticks an officer, ↓ moves, Ctrl+Enter starts
        self.update_warning()

    def update_warning(self) -> None:
        warning = inspections.officer_warning(len(checked_data(self.officers)))
        self.officer_warning.setText("⚠ " + warning[1] if warning else "")

    def set_checked(self, widget: QListWidget, ids: list[str]) -> None:
        for i in range(widget.count()):
            item = widget.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ids
                               else Qt.CheckState.Unchecked)

    def start(self) -> None:
        if self.enterprise_id is None:
            return
        officer_ids = [str(x) for x in checked_data(self.officers)]
        templates = [str(x) for x in checked_data(self.templates)]
        if not templates:
            util.show_error(self, self.tr("Choose at least one checklist."))
            return
        warning = inspections.officer_warning(len(officer_ids))
        if warning and not util.ask(self, warning[1] + "\n" + self.tr("Start the inspection anyway?")):
            return
        kind, representative = self.type.currentText(), self.representative.text().strip() or None
        campaign = self.campaign.text().strip() or None
        unannounced, cross_area = self.unannounced.isChecked(), self.cross_area.isChecked()
        enterprise_id = self.enterprise_id
        assignment_id = self.assignment.get("id") if self.assignment else None
        self.ctx.op(self, lambda c: inspections.start_inspection(
            c.workspace, enterprise_id=enterprise_id, officer_ids=officer_ids, templates=templates,
            assignment_id=assignment_id, type=kind, representative=representative, campaign=campaign,
            unannounced=unannounced, cross_area=cross_area)).success(
            lambda started: self.started.emit(started.inspection["id"])).run()
