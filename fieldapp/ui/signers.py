"""Who signs an enforcement notice in the document flow: one row per officer and one for the enterprise's
representative, who may also refuse to sign (拒绝签字, recorded with the reason and a witness)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui import util

REFUSAL_REASONS = ("对检查结果有异议", "负责人不在现场，在场人员无权签字", "拒绝说明理由")


class RefusalDialog(QDialog):
    """拒绝签字: the reason and a witness, both required."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refusal to sign"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("The enterprise's representative refuses to sign. Record the reason and a witness; "
                              "both are printed on the notice."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(["", *REFUSAL_REASONS])
        self.reason.setMinimumHeight(util.TOUCH - 4)
        self.witness = QLineEdit()
        self.witness.setMinimumHeight(util.TOUCH - 4)
        self.witness.setPlaceholderText(self.tr("Name (and unit) of the witness"))
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Witness:"), self.witness)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = util.button(self.tr("Cancel"))
        self.ok_button = util.button(self.tr("Record refusal"), primary=True)
        self.ok_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button.clicked.connect(self.confirm)
        self.reason.currentTextChanged.connect(self.update_ok)
        self.witness.textChanged.connect(self.update_ok)
        self.update_ok()

    def value(self) -> tuple[str, str]:
        return self.reason.currentText().strip(), self.witness.text().strip()

    def update_ok(self) -> None:
        reason, witness = self.value()
        self.ok_button.setEnabled(bool(reason and witness))

    def confirm(self) -> None:
        if all(self.value()):
            self.accept()


class SignerRow(QWidget):
    """One signer: name, state (signed / refused / wet ink) and the buttons."""

    def __init__(self, name: str, *, enterprise: bool = False) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if enterprise:
            self.name: QLabel | QLineEdit = QLineEdit(name)
            self.name.setPlaceholderText(self.tr("Name of the signer"))
            self.name.setMinimumHeight(util.TOUCH - 8)
        else:
            self.name = QLabel(name)
        self.state = QLabel()
        self.state.setObjectName("signatureState")
        self.sign_button = util.button(self.tr("Sign"))
        layout.addWidget(self.name, 2)
        layout.addWidget(self.state, 1)
        layout.addWidget(self.sign_button)
        self.refuse_button: QPushButton | None = None
        if enterprise:
            self.refuse_button = util.button(self.tr("Refuses…"))
            layout.addWidget(self.refuse_button)
        self.set_state(None)

    def set_state(self, value: Any) -> None:
        if isinstance(value, bytes):
            self.state.setText(self.tr("✓ signed"))
            self.state.setProperty("tone", "green")
        elif isinstance(value, tuple):
            self.state.setText(self.tr("refused (witness: %1)").replace("%1", value[1]))
            self.state.setProperty("tone", "orange")
        else:
            self.state.setText(self.tr("not signed (wet ink)"))
            self.state.setProperty("tone", "")
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)
