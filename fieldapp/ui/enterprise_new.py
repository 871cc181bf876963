"""新增单位: registering an enterprise met on site that the registry lacks.

Name and address are required, the USCC is optional: a site without any licence (无照经营, many 三小场所)
ticks 无统一社会信用代码 and is recorded by its operator (经营者) and address. The record syncs to the office,
which merges it with its registry record once it holds the same code or links the two by hand.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldappError
from fieldapp.services import areas
from fieldapp.services import enterprises as service
from fieldapp.services.vocabulary import INDUSTRIES
from fieldapp.ui import util
from fieldapp.ui.enterprise_detail import save_failed
from fieldapp.ui.tasks import AppContext

DEFAULT_INDUSTRY = "其他"


class NewEnterpriseDialog(QDialog):
    created = Signal(str)  # the new enterprise's id
    open_existing = Signal(str)  # the user chose to open the enterprise that already holds the code

    def __init__(self, ctx: AppContext, *, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New enterprise"))
        self.setMinimumWidth(640)
        outer = QVBoxLayout(self)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(util.scroll_form(body), 1)
        heading = QLabel(self.tr("New enterprise"))
        heading.setObjectName("detailTitle")
        layout.addWidget(heading)
        intro = QLabel(self.tr("An enterprise met on site that is not in the registry. It goes to the office with "
                               "the next sync, which merges it with the registry's record of it."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.name = self._line(name)
        self.uscc = self._line()
        self.uscc.setPlaceholderText(self.tr("18 characters, on the business licence"))
        self.no_uscc = QCheckBox(self.tr("No USCC (e.g. an unlicensed workshop)"))
        self.operator = self._line()
        self.operator.setPlaceholderText(self.tr("Legal representative, or the person running the site"))
        self.phone = self._line()
        self.address = self._line()
        self.township = QComboBox()
        self.township.setEditable(True)
        self.township.addItem("")
        self.township.addItems([t["name"] for t in areas.list_townships(ctx.read)])
        self.industry = QComboBox()
        self.industry.addItems(list(INDUSTRIES))
        self.industry.setCurrentText(DEFAULT_INDUSTRY)
        for combo in (self.township, self.industry):
            combo.setMinimumHeight(util.TOUCH - 8)
        code_row = QHBoxLayout()
        code_row.addWidget(self.uscc, 1)
        code_row.addWidget(self.no_uscc)
        self.operator_label = QLabel()
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("USCC"), code_row)
        form.addRow(self.operator_label, self.operator)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Address *"), self.address)
        form.addRow(self.tr("Township"), self.township)
        form.addRow(self.tr("Industry"), self.industry)
        layout.addLayout(form)
        self.warning = QLabel()
        self.warning.setObjectName("usccWarning")
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = util.button(self.tr("Register"), primary=True)
        self.cancel_button = util.button(self.tr("Cancel"))
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.save_button.clicked.connect(lambda: self.save())
        self.cancel_button.clicked.connect(self.reject)
        self.uscc.textChanged.connect(lambda text: self.warning.setText(service.uscc_note(text)))
        self.no_uscc.toggled.connect(self._no_uscc_toggled)
        self._no_uscc_toggled(False)
        self.initial = self.values()
        self.saving = False
        (self.address if name else self.name).setFocus()

    def _line(self, text: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setMinimumHeight(util.TOUCH - 8)
        return edit

    def _no_uscc_toggled(self, checked: bool) -> None:
        self.uscc.setEnabled(not checked)
        if checked:
            self.uscc.clear()
        # Without a code the operator identifies the site: then it is required.
        self.operator_label.setText(self.tr("Legal representative / operator *") if checked
                                    else self.tr("Legal representative / operator"))

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "uscc": self.uscc.text().strip(),
                "legal_representative": self.operator.text().strip(), "phone": self.phone.text().strip(),
                "address": self.address.text().strip(), "township": self.township.currentText().strip(),
                "industry": self.industry.currentText(), "no_uscc": self.no_uscc.isChecked()}

    def is_dirty(self) -> bool:
        return self.values() != self.initial

    def _payload(self) -> dict[str, Any] | None:
        values = self.values()
        values.pop("no_uscc")
        if not values["uscc"] and not self.no_uscc.isChecked():
            util.show_error(self, self.tr("Enter the USCC, or tick “No USCC” for a site that has none."))
            self.uscc.setFocus()
            return None
        return values

    # -- saving ---------------------------------------------------------------------------------

    def save(self, *, confirm_uscc: bool = False) -> None:
        values = self._payload()
        if values is None or self.saving:
            return
        self.saving = True
        self.ctx.op(self, lambda c: service.add_enterprise(c.workspace, values, confirm_uscc=confirm_uscc)).success(
            self._saved).failure(self._failed).run()

    def _saved(self, row: dict[str, Any]) -> None:
        self.saving = False
        self.ctx.bus.status.emit(self.tr("Registered %1").replace("%1", row["name"]))
        self.initial = self.values()
        self.accept()
        self.created.emit(str(row["id"]))

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        other = save_failed(self, exc, lambda: self.save(confirm_uscc=True))
        if other is not None:
            self.initial = self.values()
            self.accept()
            self.open_existing.emit(other)
        elif isinstance(exc, service.FieldError):
            editor = {"name": self.name, "uscc": self.uscc, "address": self.address,
                      "legal_representative": self.operator, "industry": self.industry}.get(exc.column)
            if editor is not None:
                editor.setFocus()

    # -- leaving with what was typed ------------------------------------------------------------

    def reject(self) -> None:
        """取消, Esc and the window's close button: what was typed is saved or discarded first, on request."""
        if self.is_dirty() and not self.saving:
            choice = util.ask_save(self, self.tr("The new enterprise is not registered yet."))
            if choice == "save":
                self.save()
                return
            if choice == "cancel":
                return
        super().reject()

    def confirm_close(self) -> bool:
        """The main window is closing while this form is open."""
        if not self.is_dirty():
            return True
        choice = util.ask_save(self, self.tr("The new enterprise is not registered yet."))
        if choice == "cancel":
            return False
        if choice == "discard":
            return True
        values = self._payload()
        if values is None:
            return False
        ws = self.ctx.workspace
        try:  # closing cannot wait for a queued op: block on the (idle) database worker
            done = self.ctx.tasks.call(lambda: service.add_enterprise(ws, values))
        except FieldappError as exc:
            util.show_error(self, exc.zh)
            return False
        self.ctx.notify(done.changes)
        return True
