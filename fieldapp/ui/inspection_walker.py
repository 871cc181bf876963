"""Walking the checklist at keyboard speed: 1/2/3 = 符合/不符合/不适用, N = note, arrows/Enter to move.

Every answer is saved at once through services.inspections.answer_item on the database worker (autosave); the model
shows the answer immediately and a small indicator says when the database has it. 不符合 creates the
finding in the core and opens the finding editor pre-filled from the item.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import inspections
from fieldapp.ui import util
from fieldapp.ui.finding_editor import FindingEditor
from fieldapp.ui.table_models import ChecklistItemsModel
from fieldapp.ui.tasks import AppContext

KEYS = {Qt.Key.Key_1: "yes", Qt.Key.Key_2: "no", Qt.Key.Key_3: "na"}
PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class InspectionWalker(QWidget):
    finished = Signal(str)
    finding_opened = Signal(object)  # the FindingEditor, so tests and screenshots can reach it
    document_opened = Signal(object)  # the DocumentFlow

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.inspection_id: str | None = None
        self.inspection: dict[str, Any] = {}
        self.in_progress = False  # answers may still change
        self.editor: FindingEditor | None = None
        self.open_editors = True
        layout = QVBoxLayout(self)

        head = QHBoxLayout()
        info = QVBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        info.addWidget(self.title)
        info.addWidget(self.subtitle)
        head.addLayout(info, 1)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedIndicator")
        self.progress = QLabel()
        self.progress.setObjectName("progressCount")
        self.finish_button = util.button(self.tr("Finish inspection"), primary=True)
        self.finish_button.setToolTip(self.tr("Ctrl+Enter"))
        self.documents_button = util.button(self.tr("Documents…"))
        self.documents_button.setToolTip(self.tr("Ctrl+D: draft, sign and issue the notices of this inspection"))
        head.addWidget(self.progress)
        head.addWidget(self.saved_label)
        head.addWidget(self.documents_button)
        head.addWidget(self.finish_button)
        layout.addLayout(head)

        self.model = ChecklistItemsModel([self.tr("Code"), self.tr("Check"), self.tr("Result")], self)
        self.table = QTableView()
        self.table.setObjectName("checklistTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 120)
        self.table.setColumnWidth(2, 80)
        self.table.installEventFilter(self)

        detail = QWidget()
        dl = QVBoxLayout(detail)
        self.section = QLabel()
        self.section.setObjectName("hint")
        self.section.setWordWrap(True)
        self.check = QLabel()
        self.check.setObjectName("itemCheck")
        self.check.setWordWrap(True)
        self.method = QLabel()
        self.method.setWordWrap(True)
        self.basis = QLabel()
        self.basis.setObjectName("legalBasis")
        self.basis.setWordWrap(True)
        self.basis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.major = QLabel()
        self.major.setObjectName("warning")
        self.major.setWordWrap(True)
        for w in (self.section, self.check, self.method, self.basis, self.major):
            dl.addWidget(w)
        dl.addStretch(1)
        answers = QHBoxLayout()
        self.answer_buttons: dict[str, QPushButton] = {}
        for key, code, text in (("1", "yes", self.tr("Conforms")), ("2", "no", self.tr("Does not conform")),
                                ("3", "na", self.tr("Not applicable"))):
            b = util.button(f"{key}  {text}")
            b.setObjectName(f"answer_{code}")
            b.setCheckable(True)
            # Focus stays in the item list so the next key press answers the next item.
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _checked=False, code=code: self.answer_current(code))
            self.answer_buttons[code] = b
            answers.addWidget(b)
        dl.addLayout(answers)
        note_row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setObjectName("itemNote")
        self.note.setMinimumHeight(util.TOUCH - 4)
        self.note.setPlaceholderText(self.tr("N: note for this item (Enter saves)"))
        note_row.addWidget(self.note, 1)
        self.finding_button = util.button(self.tr("Open hazard"))
        self.finding_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        note_row.addWidget(self.finding_button)
        dl.addLayout(note_row)
        keys_hint = QLabel(self.tr("Keys: 1 conforms · 2 does not conform · 3 not applicable · N note · "
                                   "↑↓ move · Enter next · Ctrl+D documents · Ctrl+Enter finish"))
        keys_hint.setObjectName("hint")
        keys_hint.setWordWrap(True)
        dl.addWidget(keys_hint)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail)

        splitter = util.side_by_side(self.table, scroll, (3, 2), (700, 480))
        layout.addWidget(splitter, 1)

        self.table.selectionModel().currentRowChanged.connect(self.on_row)
        self.note.returnPressed.connect(self.save_note)
        self.finding_button.clicked.connect(self.open_current_finding)
        self.finish_button.clicked.connect(self.finish)
        self.documents_button.clicked.connect(lambda: self.open_documents())
        QShortcut(QKeySequence("Ctrl+D"), self, lambda: self.open_documents())
        QShortcut(QKeySequence("Ctrl+Return"), self, self.finish)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.finish)
        self.flow: QWidget | None = None

    # -- loading ------------------------------------------------------------------------------------

    def load(self, inspection_id: str) -> None:
        walk = inspections.walk(self.ctx.read, inspection_id)
        self.inspection_id = inspection_id
        self.inspection = walk.inspection
        self.in_progress = walk.in_progress
        self.title.setText(walk.enterprise_name)
        self.subtitle.setText(f"{self.inspection['type']} · {util.short_time(self.inspection['started_at'])} · "
                              + self.tr("Officers: %1").replace("%1", "、".join(walk.officer_names) or "—"))
        self.model.load(walk.items)
        done = not self.in_progress
        self.finish_button.setEnabled(not done)
        self.documents_button.setEnabled(True)
        for b in self.answer_buttons.values():
            b.setEnabled(not done)
        self.note.setEnabled(not done)
        self.saved_label.setText(self.tr("Completed") if done else "")
        self.update_progress()
        start = self.model.first_unanswered()
        self.table.selectRow(start if start >= 0 else 0)
        self.table.setFocus()

    def update_progress(self) -> None:
        answered, total, bad = self.model.counts()
        self.progress.setText(self.tr("Checked %1/%2 · %3 not conforming").replace("%1", str(answered))
                              .replace("%2", str(total)).replace("%3", str(bad)))

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row()
        if row < 0 or row >= len(self.model.items):
            return
        item = self.model.items[row]
        it = item.item
        self.section.setText(f"{item.template_title} › {item.section} › {item.code}")
        self.check.setText(it["check"])
        self.method.setText(self.tr("Method: %1").replace("%1", it["method"]))
        self.basis.setText(self.tr("Legal basis: %1").replace("%1", item.basis))
        major = it.get("major")
        self.major.setText(self.tr("Major hazard criterion: %1").replace("%1", f"{major['source']} {major['clause']}")
                           if major else "")
        self.note.setText(item.note or "")
        for code, b in self.answer_buttons.items():
            b.setChecked(item.answer == code)
        self.finding_button.setEnabled(item.finding_id is not None)

    # -- keyboard -----------------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in KEYS and event.modifiers() in PLAIN:
                self.answer_current(KEYS[Qt.Key(key)])
                return True
            if key == Qt.Key.Key_N:
                self.note.setFocus()
                self.note.selectAll()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step(1)
                return True
        return super().eventFilter(obj, event)

    def step(self, step: int) -> None:
        row = min(max(self.current_row() + step, 0), len(self.model.items) - 1)
        self.table.selectRow(row)

    # -- answering ----------------------------------------------------------------------------------

    def answer_current(self, code: str) -> None:
        row = self.current_row()
        if row < 0 or self.inspection_id is None or not self.in_progress:
            return
        self.save_answer(row, code, self.note.text().strip() or None)
        if row < len(self.model.items) - 1:
            self.step(1)
        else:
            self.on_row(self.table.currentIndex(), QModelIndex())
        self.table.setFocus()

    def save_note(self) -> None:
        row = self.current_row()
        if row >= 0:
            item = self.model.items[row]
            item.note = self.note.text().strip() or None
            if item.answer:
                self.save_answer(row, item.answer, item.note, reopen=False)
        self.table.setFocus()

    def save_answer(self, row: int, code: str, note: str | None, *, reopen: bool = True) -> None:
        item = self.model.items[row]
        previous = (item.answer, item.finding_id)
        self.model.set_answer(row, code, note=note or "", finding_id=item.finding_id, saving=True)
        self.saved_label.setText(self.tr("Saving…"))
        self.update_progress()
        inspection_id, template_id, item_code = self.inspection_id, item.template_id, item.code
        assert inspection_id is not None

        def done(result: inspections.Answered) -> None:
            answer_row, finding = result.answer, result.finding
            self.model.set_answer(row, code, finding_id=answer_row.get("finding_id"))
            self.saved_label.setText(self.tr("✓ Saved"))
            if self.current_row() == row:
                self.finding_button.setEnabled(answer_row.get("finding_id") is not None)
            if finding is not None and reopen and self.open_editors:
                self.open_finding(finding["id"])

        def failed(exc: BaseException) -> None:
            self.model.set_answer(row, previous[0], finding_id=previous[1])
            self.saved_label.setText(self.tr("Not saved"))
            self.update_progress()
            util.show_error(self, getattr(exc, "zh", None) or repr(exc))

        self.ctx.op(self, lambda c: inspections.answer_item(c.workspace, inspection_id, template_id=template_id,
                                                            item_code=item_code, answer=code, note=note)
                    ).success(done).failure(failed).run()

    def open_current_finding(self) -> None:
        row = self.current_row()
        if row >= 0 and self.model.items[row].finding_id:
            self.open_finding(str(self.model.items[row].finding_id))

    def open_finding(self, finding_id: str) -> None:
        self.editor = FindingEditor(self.ctx, finding_id, self)
        self.editor.finished.connect(lambda _r: self.table.setFocus())
        self.editor.flow_opened.connect(self._flow_opened)
        self.finding_opened.emit(self.editor)
        self.editor.open()

    # -- finishing ----------------------------------------------------------------------------------

    def summary_text(self) -> str:
        answered, total, bad = self.model.counts()
        return self.tr("Checked %1 of %2 items; %3 hazard(s) found.").replace("%1", str(answered)).replace(
            "%2", str(total)).replace("%3", str(bad))

    def open_documents(self, doc_type: str | None = None) -> None:
        if self.inspection_id is None:
            return
        from fieldapp.ui.document_flow import DocumentFlow

        flow = DocumentFlow(self.ctx, self.inspection_id, self, doc_type=doc_type)
        self._flow_opened(flow)
        flow.open()

    def _flow_opened(self, flow: QWidget) -> None:
        self.flow = flow
        self.document_opened.emit(flow)

    def finish(self) -> None:
        if self.inspection_id is None or not self.in_progress:
            return
        answered, total, _bad = self.model.counts()
        if answered < total and not util.ask(self, self.tr("%n item(s) not checked yet. Finish anyway?", "",
                                                             total - answered)):
            return
        summary = self.summary_text()
        inspection_id = self.inspection_id
        self.ctx.op(self, lambda c: inspections.complete_inspection(c.workspace, inspection_id, summary=summary)
                    ).success(lambda _row: self._finished(inspection_id)).run()

    def _finished(self, inspection_id: str) -> None:
        self.ctx.bus.status.emit(self.tr("Inspection completed"))
        self.load(inspection_id)
        self.finished.emit(inspection_id)
        if self.open_editors:
            # The notices come next: the order for open hazards, otherwise the inspection record.
            self.open_documents()
