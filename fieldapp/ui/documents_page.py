"""文书: the enforcement documents on this device. Preview, signing, issuing and printing are wired to the
document services as they land; the list and the preview area are the structure they plug into."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.models import documents, numbering
from fieldapp.ui import util
from fieldapp.ui.enterprise_page import make_table
from fieldapp.ui.table_models import Column, RowsModel
from fieldapp.ui.tasks import AppContext


class DocumentsPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(util.page_title(self.tr("Documents")), 1)
        self.status = QComboBox()
        self.status.setMinimumHeight(util.TOUCH - 4)
        self.status.addItem(self.tr("All documents"), None)
        for code, text in documents.STATUS_ZH.items():
            self.status.addItem(text, code)
        head.addWidget(self.status)
        layout.addLayout(head)

        self.model = RowsModel([
            Column("number", self.tr("Number"), lambda r: r.get("number") or self.tr("(draft)")),
            Column("type", self.tr("Document"), lambda r: numbering.DOC_TYPES.get(r["type"], r["type"])),
            Column("enterprise_name", self.tr("Enterprise")),
            Column("status", self.tr("Status"), lambda r: documents.STATUS_ZH.get(r["status"], r["status"])),
            Column("issued_at", self.tr("Issued"), lambda r: util.short_time(r.get("issued_at"))),
            Column("deadline", self.tr("Deadline"), lambda r: (r.get("deadline") or "")[:10]),
        ], self)
        self.table = make_table(self.model, stretch=2)
        self.table.setObjectName("documentTable")
        self.empty = util.empty_state(self.tr(
            "No enforcement documents yet.\n\nAfter an inspection, the on-site inspection record and the order to "
            "rectify within a time limit are drafted, signed, issued with a number and printed here. "
            "This part is being connected now."))
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)

        preview = QFrame()
        preview.setObjectName("documentPreview")
        preview.setFrameShape(QFrame.Shape.StyledPanel)
        pl = QVBoxLayout(preview)
        self.preview_title = QLabel(self.tr("Preview"))
        self.preview_title.setObjectName("sectionTitle")
        self.preview_body = util.empty_state(self.tr("The A4 preview of the selected document will appear here."))
        pl.addWidget(self.preview_title)
        pl.addWidget(self.preview_body, 1)
        actions = QHBoxLayout()
        self.action_buttons = {key: util.button(text) for key, text in (
            ("preview", self.tr("Preview")), ("sign", self.tr("Sign")), ("issue", self.tr("Issue")),
            ("print", self.tr("Print")))}
        for b in self.action_buttons.values():
            b.setEnabled(False)
            actions.addWidget(b)
        pl.addLayout(actions)
        self.pending = QLabel(self.tr("Preview, signing, issuing and printing are not available in this version yet."))
        self.pending.setObjectName("hint")
        self.pending.setWordWrap(True)
        pl.addWidget(self.pending)

        splitter = QSplitter()
        splitter.addWidget(self.list_stack)
        splitter.addWidget(preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 460])
        layout.addWidget(splitter, 1)
        self.status.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self.on_row)
        ctx.bus.data_changed.connect(lambda changes: self.reload() if changes & {"documents", "enterprises"} else None)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(documents.list_documents(self.ctx.reader, status=self.status.currentData()))
        self.list_stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty)

    def on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if 0 <= current.row() < self.model.rowCount():
            row = self.model.row(current.row())
            self.preview_title.setText(f"{numbering.DOC_TYPES.get(row['type'], row['type'])} "
                                       f"{row.get('number') or ''}")
