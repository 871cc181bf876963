"""Modal helpers and small shared pieces (Electrum's gui/qt/util.py): message boxes, buttons, form scrolling.

Message boxes go through show_error/show_info/ask/ask_save/ask_text/ask_date so that tests can replace them.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QInputDevice
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTextEdit,
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


def ask_save(parent: QWidget | None, text: str) -> str:
    """保存/放弃/取消 for unsaved edits: returns "save", "discard" or "cancel" (Esc and closing cancel)."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("util", "Unsaved changes"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    save = box.addButton(QCoreApplication.translate("util", "Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(QCoreApplication.translate("util", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QCoreApplication.translate("util", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"


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
    b.ensurePolished()  # measure with the style sheet's font (11 pt), not the default one
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


def side_by_side(left: QWidget, right: QWidget, stretch: tuple[int, int], sizes: tuple[int, int]) -> QSplitter:
    """A list beside its detail (or a form beside its preview), the divider movable by the user."""
    splitter = QSplitter()
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    splitter.setSizes(list(sizes))
    return splitter


def empty_state(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("emptyState")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return label


def short_time(value: str | None) -> str:
    """'2026-05-03T08:30:00Z' → '2026-05-03 08:30' (what an inspector reads)."""
    if not value:
        return ""
    if value.endswith("Z"):
        # Stored in UTC; the inspector reads local time.
        with contextlib.suppress(ValueError):
            value = datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone().isoformat()
    return value[:16].replace("T", " ")


# -- touch: forms scroll, and the field being typed into stays above the on-screen keyboard -------------

TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


class FormScroll(QScrollArea):
    """A frameless, resizable scroll area for a form; its size hint is the form's, so dialogs open at
    their natural size and only scroll when the screen (or the on-screen keyboard) leaves less room."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(widget)

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return inner.sizeHint() + QSize(2 * self.frameWidth() + bar, 2 * self.frameWidth())


def scroll_form(widget: QWidget) -> FormScroll:
    return FormScroll(widget)


def has_touch_screen() -> bool:
    return any(d.type() == QInputDevice.DeviceType.TouchScreen for d in QInputDevice.devices())


class KeyboardFollower(QObject):
    """Keeps the text field that has focus visible above the on-screen keyboard (Windows tablets).

    The Windows touch keyboard covers the bottom of the screen without resizing the window. When a line or
    text edit gets focus inside a QScrollArea, the area scrolls it into view with a margin of a third of its
    height below it; on a touch device (or while Qt reports the keyboard) the form also gets that much room
    at its bottom, so that even its last field can be scrolled up above the keyboard.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._padded: tuple[QScrollArea, tuple[int, int, int, int]] | None = None
        app.focusChanged.connect(self.on_focus)
        method = QGuiApplication.inputMethod()
        method.visibleChanged.connect(lambda: self.on_focus(None, QApplication.focusWidget()))

    @staticmethod
    def area_of(widget: QWidget) -> QScrollArea | None:
        parent = widget.parentWidget()
        while parent is not None:
            inner = parent.widget() if isinstance(parent, QScrollArea) else None
            if isinstance(parent, QScrollArea) and inner is not None and inner.isAncestorOf(widget):
                return parent
            parent = parent.parentWidget()
        return None

    def keyboard_expected(self) -> bool:
        method = QGuiApplication.inputMethod()
        return method.isVisible() or not method.keyboardRectangle().isEmpty() or has_touch_screen()

    def unpad(self) -> None:
        if self._padded is not None:
            area, margins = self._padded
            self._padded = None
            inner = area.widget() if shiboken_valid(area) else None
            if inner is not None:
                inner.setContentsMargins(*margins)

    def on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        area = self.area_of(new) if isinstance(new, TEXT_INPUTS) else None
        if self._padded is not None and self._padded[0] is not area:
            self.unpad()
        if area is None or new is None:
            return
        margin = max(80, area.viewport().height() // 3)
        inner = area.widget()
        if inner is not None and self._padded is None and self.keyboard_expected():
            m = inner.contentsMargins()
            self._padded = (area, (m.left(), m.top(), m.right(), m.bottom()))
            inner.setContentsMargins(m.left(), m.top(), m.right(), m.bottom() + margin)
        field = new

        def scroll() -> None:
            if shiboken_valid(area) and shiboken_valid(field):
                scroll_into_view(area, field, margin)

        QTimer.singleShot(0, scroll)  # after the layout has taken the extra room into account


def scroll_into_view(area: QScrollArea, field: QWidget, margin: int) -> None:
    """Like QScrollArea.ensureWidgetVisible, but also when the field is visible yet too low: its bottom
    ends up at least `margin` above the bottom of the area (where the on-screen keyboard would be)."""
    inner = area.widget()
    if inner is None:
        return
    area.ensureWidgetVisible(field, 40, 40)  # sideways, and when it is out of view
    bar = area.verticalScrollBar()
    top = field.mapTo(inner, field.rect().topLeft()).y()
    bottom = top + field.height()
    wanted = bottom + margin - area.viewport().height()
    if wanted > bar.value():
        bar.setValue(min(wanted, top - 8, bar.maximum()))  # never scroll its top out of view


def shiboken_valid(obj: object) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def follow_keyboard(app: QApplication) -> KeyboardFollower:
    """Install the KeyboardFollower once per application."""
    existing = app.findChild(KeyboardFollower)
    return existing if isinstance(existing, KeyboardFollower) else KeyboardFollower(app)
