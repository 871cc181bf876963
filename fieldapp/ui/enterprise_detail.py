"""One enterprise: its registry data (editable), inspection history, open hazards and documents.

Edits are never lost without a word: leaving for the list or another enterprise, and closing the window
(MainWindow asks every page), offer 保存/放弃/取消; a refresh caused by other work keeps what is being
typed. A save that the core refuses says why: a code held by another enterprise names it and offers to
open it, a malformed code is explained, a wrong check character asks for confirmation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldappError
from fieldapp.services import areas
from fieldapp.services import enterprises as service
from fieldapp.services.vocabulary import (
    DOC_STATUS_ZH,
    ENTERPRISE_FIELDS,
    FINDING_GRADES,
    INDUSTRIES,
    NO_USCC_ZH,
    RISK_LEVELS,
    SPECIAL_HAZARD_TAGS,
    doc_type_title,
)
from fieldapp.ui import util
from fieldapp.ui.table_models import Column, RowsModel, finding_status_text, finding_tone
from fieldapp.ui.tasks import AppContext
from fieldapp.ui.widgets import make_table


def save_failed(widget: QWidget, exc: BaseException, retry: Callable[[], None]) -> str | None:
    """Explain a refused save of enterprise data; returns the id of an enterprise to open, if chosen.

    `retry` runs the save again with the wrong check character confirmed.
    """
    if isinstance(exc, service.UsccNeedsConfirmation):
        confirm = QCoreApplication.translate("enterprise_detail", "Save this code anyway?")
        if util.ask(widget, exc.zh + "\n" + confirm):
            retry()
        return None
    if isinstance(exc, service.DuplicateUscc):
        question = QCoreApplication.translate("enterprise_detail",
                                              "Open that enterprise? (The changes here are not saved.)")
        return exc.existing_id if util.ask(widget, exc.zh + "\n" + question) else None
    bug = QCoreApplication.translate(
        "enterprise_detail", "Internal error: %1\nThe details were written to fieldapp.log in the data directory."
    ).replace("%1", repr(exc))
    util.show_error(widget, getattr(exc, "zh", None) or bug)
    return None


class TagPicker(QWidget):
    def __init__(self) -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, tag in enumerate(SPECIAL_HAZARD_TAGS):
            box = QCheckBox(tag)
            self.boxes[tag] = box
            grid.addWidget(box, i // 3, i % 3)

    def value(self) -> list[str]:
        return [t for t, b in self.boxes.items() if b.isChecked()]

    def set_value(self, tags: list[str]) -> None:
        for t, b in self.boxes.items():
            b.setChecked(t in tags)


class EnterpriseDetailView(QWidget):
    """Registry data (editable), inspection history, open hazards and documents of one enterprise."""

    back_requested = Signal()  # 返回列表, once unsaved edits are saved or discarded
    open_requested = Signal(str)  # another enterprise to show (the holder of a duplicate code)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.enterprise_id: str | None = None
        self.original: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.back_button = util.button(self.tr("← Back to list"))
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.save_button = util.button(self.tr("Save changes"))
        self.start_button = util.button(self.tr("Start inspection"), primary=True)
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.save_button)
        head.addWidget(self.start_button)
        layout.addLayout(head)
        self.warning = QLabel()
        self.warning.setObjectName("usccWarning")
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.editors: dict[str, Any] = {}
        self.tabs.addTab(self._build_form(), self.tr("Registry data"))
        self.history_model = RowsModel([
            Column("started_at", self.tr("Date"), lambda r: util.short_time(r["started_at"])),
            Column("type", self.tr("Type")),
            Column("status", self.tr("Status"), lambda r: self.tr("In progress") if r["status"] == "in_progress"
                   else self.tr("Completed")),
            Column("findings", self.tr("Hazards found")),
        ], self)
        self.history = make_table(self.history_model, stretch=1)
        self.findings_model = RowsModel([
            Column("description", self.tr("Hazard")),
            Column("grade", self.tr("Grade"), lambda r: FINDING_GRADES.get(r["grade"], r["grade"])),
            Column("status", self.tr("Status"), finding_status_text),
            Column("deadline", self.tr("Deadline"), lambda r: (r.get("deadline") or "")[:10]),
        ], self, tone=finding_tone)
        self.findings = make_table(self.findings_model)
        self.documents_model = RowsModel([
            Column("number", self.tr("Number"), lambda r: r.get("number") or self.tr("(draft)")),
            Column("type", self.tr("Document"), lambda r: doc_type_title(r["type"])),
            Column("status", self.tr("Status"), lambda r: DOC_STATUS_ZH.get(r["status"], r["status"])),
            Column("issued_at", self.tr("Issued"), lambda r: util.short_time(r.get("issued_at"))),
        ], self)
        self.documents = make_table(self.documents_model)
        self.tabs.addTab(self.history, self.tr("Inspections"))
        self.tabs.addTab(self.findings, self.tr("Open hazards"))
        self.tabs.addTab(self.documents, self.tr("Documents"))

        self.start_button.clicked.connect(lambda: self.enterprise_id and self.ctx.bus.navigate.emit(
            "start_inspection", self.enterprise_id))
        self.save_button.clicked.connect(lambda: self.save())
        self.back_button.clicked.connect(lambda: self.leave(self.back_requested.emit))
        self.history.doubleClicked.connect(lambda i: self.ctx.bus.navigate.emit(
            "inspection", self.history_model.row(i.row())["id"]))
        self.findings.doubleClicked.connect(lambda i: self.ctx.bus.navigate.emit(
            "finding", self.findings_model.row(i.row())["id"]))

    def _build_form(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        townships = [t["name"] for t in areas.list_townships(self.ctx.read)]
        wide = {"name", "address", "tags"}
        row = col = 0
        for f in ENTERPRISE_FIELDS:
            editor: Any
            if f.column == "industry":
                editor = QComboBox()
                editor.addItems(list(INDUSTRIES))
                editor.currentTextChanged.connect(self._industry_changed)
            elif f.column == "sub_sector":
                editor = QComboBox()
                editor.setEditable(True)
            elif f.column == "township":
                editor = QComboBox()
                editor.setEditable(True)
                editor.addItems(townships)
            elif f.column == "tags":
                editor = TagPicker()
            elif f.kind in ("enum", "risk"):
                editor = QComboBox()
                editor.addItem("")
                editor.addItems(list(RISK_LEVELS if f.kind == "risk" else f.choices))
            elif f.kind == "bool":
                editor = QCheckBox()
            else:
                editor = QLineEdit()
            if not isinstance(editor, (TagPicker, QCheckBox)):
                editor.setMinimumHeight(util.TOUCH - 8)
            self.editors[f.column] = editor
            label = QLabel(("法定代表人/经营者" if f.column == "legal_representative" else f.zh) + "：")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if f.column in wide:
                if col:
                    row, col = row + 1, 0
                grid.addWidget(label, row, 0)
                grid.addWidget(editor, row, 1, 1, 3)
                row += 1
                continue
            grid.addWidget(label, row, col * 2)
            grid.addWidget(editor, row, col * 2 + 1)
            col = 1 - col
            if col == 0:
                row += 1
        self.editors["uscc"].textChanged.connect(self._uscc_changed)
        self.editors["uscc"].setPlaceholderText(NO_USCC_ZH)
        grid.setRowStretch(row + 1, 1)
        scroll.setWidget(inner)
        return scroll

    def _industry_changed(self, industry: str) -> None:
        sub = self.editors["sub_sector"]
        current = sub.currentText()
        sub.clear()
        sub.addItem("")
        sub.addItems(list(INDUSTRIES.get(industry, ())))
        sub.setCurrentText(current)

    def _uscc_changed(self, text: str) -> None:
        self.warning.setText(service.uscc_note(text))

    # -- loading and saving -------------------------------------------------------------------------

    def show_enterprise(self, enterprise_id: str) -> None:
        self.enterprise_id = enterprise_id
        self.reload()

    def reload(self) -> None:
        """Everything from the database, the form included (after a save, or a discard)."""
        if self.enterprise_id is None:
            return
        summary = service.enterprise_summary(self.ctx.read, self.enterprise_id)
        self.reload_form(summary)
        self.reload_tabs(summary)

    def refresh(self) -> None:
        """After other work changed data: the lists, and the form only when nothing is being edited."""
        if self.enterprise_id is None:
            return
        # Merged into another record by a sync: carry on with the survivor.
        current = service.current_id(self.ctx.read, self.enterprise_id)
        if current is None:
            return
        self.enterprise_id = current
        summary = service.enterprise_summary(self.ctx.read, current)
        if not self.is_dirty():
            self.reload_form(summary)
        self.reload_tabs(summary)

    def reload_form(self, summary: service.EnterpriseSummary | None = None) -> None:
        if self.enterprise_id is None:
            return
        if summary is None:
            summary = service.enterprise_summary(self.ctx.read, self.enterprise_id)
        row = dict(summary.enterprise, grid=summary.grid)
        self.title.setText(row["name"])
        self.original = {}
        for f in ENTERPRISE_FIELDS:
            value = row.get(f.column)
            editor = self.editors[f.column]
            if isinstance(editor, TagPicker):
                editor.set_value(list(value or []))
                self.original[f.column] = editor.value()
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
                self.original[f.column] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                editor.setCurrentText("" if value is None else str(value))
                self.original[f.column] = editor.currentText()
            else:
                editor.setText("" if value is None else str(value))
                self.original[f.column] = editor.text()
        self._uscc_changed(self.editors["uscc"].text())

    def reload_tabs(self, summary: service.EnterpriseSummary) -> None:
        self.history_model.set_rows(summary.inspections)
        self.findings_model.set_rows(summary.open_findings)
        self.documents_model.set_rows(summary.documents)
        self.tabs.setTabText(1, self.tr("Inspections (%1)").replace("%1", str(self.history_model.rowCount())))
        self.tabs.setTabText(2, self.tr("Open hazards (%1)").replace("%1", str(self.findings_model.rowCount())))
        self.tabs.setTabText(3, self.tr("Documents (%1)").replace("%1", str(self.documents_model.rowCount())))

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for column, editor in self.editors.items():
            if isinstance(editor, TagPicker):
                out[column] = editor.value()
            elif isinstance(editor, QCheckBox):
                out[column] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                out[column] = editor.currentText().strip()
            else:
                out[column] = editor.text().strip()
        return out

    def changes(self) -> dict[str, Any]:
        changed = {k: v for k, v in self.values().items() if self.original.get(k) != v}
        if "grid" in changed or "township" in changed:
            # A grid belongs to a township: send both so the core resolves the pair.
            changed["township"] = self.values()["township"]
            changed["grid"] = self.values()["grid"]
        return {k: ("是" if v is True else "否" if v is False else v) for k, v in changed.items()}

    def is_dirty(self) -> bool:
        return self.enterprise_id is not None and bool(self.changes())

    def save(self, then: Callable[[], None] | None = None, *, confirm_uscc: bool = False) -> None:
        """保存修改 on the worker; `then` runs once it is saved (e.g. going back to the list)."""
        if self.enterprise_id is None:
            return
        changes = self.changes()
        if not changes:
            if then is not None:
                then()
            else:
                util.show_info(self, self.tr("Nothing was changed."))
            return
        enterprise_id = self.enterprise_id
        self.ctx.op(self, lambda c: service.update_enterprise(c.workspace, enterprise_id, changes,
                                                              confirm_uscc=confirm_uscc)).success(
            lambda _row: self.saved(then)).failure(
            lambda exc: self._failed(exc, lambda: self.save(then, confirm_uscc=True))).run()

    def _failed(self, exc: BaseException, retry: Callable[[], None]) -> None:
        other = save_failed(self, exc, retry)
        if other is not None:
            self.reload_form()  # the user chose to open the other enterprise instead
            self.open_requested.emit(other)
        elif isinstance(exc, service.FieldError) and exc.column in self.editors:
            self.editors[exc.column].setFocus()

    def saved(self, then: Callable[[], None] | None = None) -> None:
        self.reload()
        self.ctx.bus.status.emit(self.tr("Saved"))
        if then is not None:
            then()

    # -- leaving with unsaved edits -------------------------------------------------------------------

    def _unsaved_question(self) -> str:
        return self.tr("The changes to %1 are not saved yet.").replace("%1", self.title.text())

    def leave(self, then: Callable[[], None]) -> None:
        """Run `then` (leave this enterprise) once unsaved edits are saved or discarded; not on 取消."""
        if not self.is_dirty():
            then()
            return
        choice = util.ask_save(self, self._unsaved_question())
        if choice == "discard":
            self.reload_form()
            then()
        elif choice == "save":
            self.save(then)

    def confirm_close(self) -> bool:
        """The window is closing: True when it may (edits saved or discarded), False on 取消 or a failed save."""
        if not self.is_dirty():
            return True
        choice = util.ask_save(self, self._unsaved_question())
        if choice == "cancel":
            return False
        if choice == "discard":
            self.reload_form()
            return True
        return self._save_now(confirm_uscc=False)

    def _save_now(self, *, confirm_uscc: bool) -> bool:
        # Closing cannot wait for a queued op: block on the database worker (it is idle or nearly so).
        assert self.enterprise_id is not None
        enterprise_id, changes, ws = self.enterprise_id, self.changes(), self.ctx.workspace
        try:
            done = self.ctx.tasks.call(lambda: service.update_enterprise(ws, enterprise_id, changes,
                                                                         confirm_uscc=confirm_uscc))
        except service.DuplicateUscc as exc:
            util.show_error(self, exc.zh)
            return False
        except FieldappError as exc:
            confirmed: list[bool] = []
            save_failed(self, exc, lambda: confirmed.append(True))
            return bool(confirmed) and self._save_now(confirm_uscc=True)
        self.ctx.notify(done.changes)
        return True
