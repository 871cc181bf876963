"""Shared widgets and modal helpers (Electrum's gui/qt/util.py): message boxes, big numbers, buttons.

Message boxes go through show_error/show_info/ask/ask_text/ask_date so that tests can replace them.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

TOUCH = 44  # minimum height of anything a finger presses (px at 100 %; Qt scales it)


def show_error(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("util", "Cannot do that"), text)


def show_info(parent: QWidget | None, text: str) -> None:
    QMessageBox.information(parent, QCoreApplication.translate("util", "Done"), text)


def ask(parent: QWidget | None, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("util", "Please confirm"), text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label)
    return text.strip() if ok and text.strip() else None


def ask_date(parent: QWidget | None, title: str, label: str, default: str) -> str | None:
    """A date chosen with a large calendar popup (YYYY-MM-DD), or None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(label))
    edit = date_edit(default)
    layout.addWidget(edit)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return edit.date().toString("yyyy-MM-dd")


def date_edit(value: str | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumHeight(TOUCH - 8)
    edit.setDate(qdate(value) if value else QDate.currentDate())
    return edit


def qdate(value: str) -> QDate:
    d = date.fromisoformat(value[:10])
    return QDate(d.year, d.month, d.day)


def button(text: str, *, primary: bool = False, danger: bool = False) -> QPushButton:
    b = QPushButton(text)
    b.setMinimumHeight(TOUCH)
    # Style-sheet padding is not in the size hint; without this the label is elided ("导出 Exce…").
    b.setMinimumWidth(b.fontMetrics().horizontalAdvance(text) + 36)
    if primary:
        b.setObjectName("primaryButton")
    elif danger:
        b.setObjectName("dangerButton")
    return b


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    return label


def empty_state(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("emptyState")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return label


class BigNumber(QFrame):
    """A tile with one key figure, readable from a step away."""

    def __init__(self, caption: str, tone: str = "") -> None:
        super().__init__()
        self.setObjectName("tile")
        self.setProperty("tone", tone)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        self.value = QLabel("–")
        self.value.setObjectName("bigNumber")
        self.caption = QLabel(caption)
        self.caption.setObjectName("tileCaption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, value: object, caption: str | None = None) -> None:
        self.value.setText(str(value))
        if caption is not None:
            self.caption.setText(caption)
        # The tone is a property of the tile: the figure re-reads its colour when it changes.
        self.value.style().unpolish(self.value)
        self.value.style().polish(self.value)


def short_time(value: str | None) -> str:
    """'2026-05-03T08:30:00Z' → '2026-05-03 08:30' (what an inspector reads)."""
    if not value:
        return ""
    if value.endswith("Z"):
        # Stored in UTC; the inspector reads local time.
        with contextlib.suppress(ValueError):
            value = datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone().isoformat()
    return value[:16].replace("T", " ")
