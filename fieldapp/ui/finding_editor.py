"""The finding (隐患) editor opened by a 不符合 answer: description, grade, deadline, photos, first order.

A half-typed description is not lost: closing the editor (关闭, Esc, the window's close button, or the main
window closing, which asks open dialogs) with unsaved edits asks 保存/放弃/取消.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldappError
from fieldapp.services import findings
from fieldapp.services.vocabulary import FINDING_GRADES, STATUS_ZH
from fieldapp.ui import util
from fieldapp.ui.evidence_panel import EvidencePanel
from fieldapp.ui.tasks import AppContext

EDITABLE = ("description", "grade", "deadline", "location")


class FindingEditor(QDialog):
    saved = Signal(str)
    flow_opened = Signal(object)  # the DocumentFlow opened by 责令整改

    def __init__(self, ctx: AppContext, finding_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.finding_id = finding_id
        self.setWindowTitle(self.tr("Hazard"))
        self.setMinimumWidth(760)
        outer = QVBoxLayout(self)
        # The fields scroll (the on-screen keyboard of a tablet may cover the lower half); the buttons stay.
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(util.scroll_form(body), 1)
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.basis = QLabel()
        self.basis.setObjectName("legalBasis")
        self.basis.setWordWrap(True)
        self.basis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.requirement = QLabel()
        self.requirement.setWordWrap(True)
        self.description = QPlainTextEdit()
        self.description.setMinimumHeight(70)
        self.description.setMaximumHeight(110)
        self.grade = QComboBox()
        for code, text in FINDING_GRADES.items():
            self.grade.addItem(text, code)
        self.grade.setMinimumHeight(util.TOUCH - 8)
        self.deadline = util.date_edit()
        self.location = QLineEdit()
        self.location.setMinimumHeight(util.TOUCH - 8)
        self.location.setPlaceholderText(self.tr("Where in the workplace (optional)"))
        form.addRow(self.tr("Legal basis:"), self.basis)
        form.addRow(self.tr("Requirement:"), self.requirement)
        form.addRow(self.tr("Description:"), self.description)
        row = QHBoxLayout()
        row.addWidget(self.grade, 1)
        row.addWidget(QLabel(self.tr("Deadline:")))
        row.addWidget(self.deadline, 1)
        form.addRow(self.tr("Grade:"), row)
        form.addRow(self.tr("Location:"), self.location)
        layout.addLayout(form)
        self.evidence = EvidencePanel(ctx, self)
        layout.addWidget(self.evidence)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.order_button = util.button(self.tr("Order rectification by deadline"), primary=True)
        self.fixed_button = util.button(self.tr("Rectified on the spot"))
        self.save_button = util.button(self.tr("Save"))
        self.close_button = util.button(self.tr("Close"))
        for b in (self.order_button, self.fixed_button, self.save_button, self.close_button):
            buttons.addWidget(b)
        outer.addLayout(buttons)
        self.order_button.setToolTip(self.tr("Ctrl+Enter: draft the rectification order for this hazard"))
        QShortcut(QKeySequence("Ctrl+Return"), self, self.order)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.order)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        self.order_button.clicked.connect(self.order)
        self.fixed_button.clicked.connect(self.fixed_on_the_spot)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.row: dict[str, Any] = {}
        self.loaded: dict[str, Any] = {}
        self.saving = False
        self.load()
        self.evidence.set_finding(finding_id)

    def load(self) -> None:
        view = findings.finding_view(self.ctx.read, self.finding_id)
        row = self.row = view.finding
        status = STATUS_ZH.get(row["status"], row["status"])
        code = f"{row['item_code']} · " if row.get("item_code") else ""
        self.title.setText(f"{view.enterprise_name} — {code}{status}")
        self.basis.setText(row.get("legal_basis") or self.tr("(none recorded)"))
        self.requirement.setText(row.get("requirement") or "")
        self.description.setPlainText(row["description"])
        self.grade.setCurrentIndex(max(0, self.grade.findData(row["grade"])))
        if row.get("deadline"):
            self.deadline.setDate(util.qdate(row["deadline"]))
        self.location.setText(row.get("location") or "")
        self.order_button.setEnabled("ordered" in view.actions)
        self.fixed_button.setEnabled("rectified_on_the_spot" in view.actions)
        self.loaded = self.shown()

    def shown(self) -> dict[str, Any]:
        return {"description": self.description.toPlainText(), "grade": self.grade.currentData(),
                "deadline": self.deadline.date().toString("yyyy-MM-dd"), "location": self.location.text()}

    def is_dirty(self) -> bool:
        """Something was typed or chosen since the finding was loaded (and is not saved)."""
        return self.shown() != self.loaded and bool(self.edits())

    def edits(self) -> dict[str, Any]:
        values = {"description": self.description.toPlainText().strip(), "grade": self.grade.currentData(),
                  "deadline": self.deadline.date().toString("yyyy-MM-dd"), "location": self.location.text().strip()}
        current = {k: (self.row.get(k) or "")[:10] if k == "deadline" else (self.row.get(k) or "") for k in EDITABLE}
        return {k: v for k, v in values.items() if v != current[k]}

    def save(self) -> None:
        changes = self.edits()
        if not changes:
            self.accept()
            return
        fid = self.finding_id
        self.saving = True
        self.ctx.op(self, lambda c: findings.edit_finding(c.workspace, fid, changes)).success(
            self._saved).failure(self._save_failed).run()

    def _save_failed(self, exc: BaseException) -> None:
        self.saving = False
        util.show_error(self, getattr(exc, "zh", None) or repr(exc))

    def _saved(self, _row: Any) -> None:
        self.saving = False
        self.loaded = self.shown()
        self.saved.emit(self.finding_id)
        self.ctx.bus.status.emit(self.tr("Hazard saved"))
        self.accept()

    # -- closing with unsaved edits ----------------------------------------------------------------

    def _unsaved_question(self) -> str:
        return self.tr("The changes to this hazard are not saved yet.")

    def reject(self) -> None:
        """关闭, Esc and the close button: unsaved edits are saved or discarded first, on request."""
        if self.is_dirty() and not self.saving:
            choice = util.ask_save(self, self._unsaved_question())
            if choice == "save":
                self.save()  # closes once saved; stays open with the message if the core refuses
                return
            if choice == "cancel":
                return
        super().reject()

    def confirm_close(self) -> bool:
        """The main window is closing while this editor is open: True when it may."""
        if not self.is_dirty():
            return True
        choice = util.ask_save(self, self._unsaved_question())
        if choice == "cancel":
            return False
        if choice == "discard":
            return True
        changes, fid, ws = self.edits(), self.finding_id, self.ctx.workspace
        try:  # closing cannot wait for a queued op: block on the (idle) database worker
            done = self.ctx.tasks.call(lambda: findings.edit_finding(ws, fid, changes))
        except FieldappError as exc:
            util.show_error(self, exc.zh)
            return False
        self.loaded = self.shown()
        self.ctx.notify(done.changes)
        return True

    def order(self) -> None:
        """责令整改: the rectification order is drafted for this hazard with the deadline chosen here; issuing
        it (numbered, signed) puts the hazard under the order."""
        if not self.order_button.isEnabled():
            return
        deadline = self.deadline.date().toString("yyyy-MM-dd")
        fid = self.finding_id
        other = {k: v for k, v in self.edits().items() if k != "deadline"}
        if other:
            self.ctx.op(self, lambda c: findings.edit_finding(c.workspace, fid, other)).success(
                lambda _row: self.open_order(deadline)).run()
        else:
            self.open_order(deadline)

    def open_order(self, deadline: str) -> None:
        from fieldapp.ui.document_flow import DocumentFlow

        inspection_id = self.row.get("inspection_id")
        if not inspection_id:
            util.show_error(self, self.tr("This hazard was not recorded in an inspection; order it from the hazards "
                                          "page."))
            return
        flow = DocumentFlow(self.ctx, str(inspection_id), self.parentWidget(), doc_type="rectification_order",
                            finding_ids=[self.finding_id], deadline=deadline)
        self.saved.emit(self.finding_id)
        self.accept()
        self.flow_opened.emit(flow)
        flow.open()

    def fixed_on_the_spot(self) -> None:
        fid = self.finding_id
        note = self.tr("Rectified on the spot")
        self.ctx.op(self, lambda c: findings.rectified_on_the_spot(c.workspace, fid, note=note)).success(
            self._saved).run()
