"""文书: the enforcement documents on this device — list with filters, the stored PDF of an issued notice,
printing, export, voiding (with a reason) and re-issuing, continuing a draft, and verifying a PDF file.

New notices are drafted from an inspection (document_flow.DocumentFlow). The verification service is
imported inside its operation: it pulls in pdfium, zxing and pyHanko.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import notices
from fieldapp.services.changes import Entity
from fieldapp.services.vocabulary import DOC_STATUS_ZH, DocType, doc_type_title
from fieldapp.ui import util
from fieldapp.ui.pdf_view import PdfViewer, print_pdf
from fieldapp.ui.table_models import Column, RowsModel
from fieldapp.ui.tasks import AppContext, OpContext
from fieldapp.ui.widgets import make_table

Row = dict[str, Any]


def short_type(code: str) -> str:
    """For the list column: the full titles (责令限期整改指令书) cost the enterprise its width."""
    return next((t.short_zh for t in DocType if t == code), code)


def issued_day(row: Row) -> str:
    return util.short_time(row.get("issued_at"))[:10]


def document_rows(rows: list[Row], doc_type: str | None) -> list[Row]:
    """The list narrowed to one document type (list_documents filters status and enterprise)."""
    return [r for r in rows if doc_type is None or r["type"] == doc_type]


def verification_text(check: Any) -> tuple[bool, str]:
    """What an inspector reads about a verified PDF: valid or not, why, who signed, which notice."""
    lines: list[str] = []
    payload = getattr(check, "payload", None)
    if payload is not None:
        lines.append(f"{payload.kind.title_zh} {payload.number}")
        lines.append(f"统一社会信用代码：{payload.uscc}　签发日期：{payload.issued_on}")
    if check.signer:
        lines.append(f"签名：{check.signer}")
    for reason in check.reasons:
        lines.append("✗ " + reason.zh)
    for note in check.notes:
        lines.append("· " + note.zh)
    return bool(check.valid), "\n".join(lines)


class VerifyResultDialog(QDialog):
    def __init__(self, path: Path, check: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verify a document"))
        self.setMinimumWidth(620)
        valid, text = verification_text(check)
        self.valid = valid
        layout = QVBoxLayout(self)
        if getattr(check, "demo", False):
            # Said before anything else: a demo notice must never be mistaken for a real one.
            self.verdict = QLabel(self.tr("✗ Demo document: no legal effect"))
        else:
            self.verdict = QLabel(self.tr("✓ Genuine and valid") if valid else self.tr("✗ Not valid"))
        self.verdict.setObjectName("verdictValid" if valid else "verdictInvalid")
        layout.addWidget(self.verdict)
        file_label = QLabel(path.name)
        file_label.setObjectName("hint")
        layout.addWidget(file_label)
        self.details = QLabel(text)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        close = util.button(self.tr("Close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)


class DocumentsPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.current: Row | None = None
        self.flow: QDialog | None = None
        self.verify_dialog: VerifyResultDialog | None = None
        self.pdf: bytes | None = None
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(util.page_title(self.tr("Documents")))
        self.search = QLineEdit()
        self.search.setObjectName("documentSearch")
        self.search.setPlaceholderText(self.tr("Search: enterprise name or document number"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(util.TOUCH - 4)
        head.addWidget(self.search, 1)
        self.status = QComboBox()
        self.status.setMinimumHeight(util.TOUCH - 4)
        self.status.addItem(self.tr("All states"), None)
        for code, text in DOC_STATUS_ZH.items():
            self.status.addItem(text, code)
        self.type = QComboBox()
        self.type.setMinimumHeight(util.TOUCH - 4)
        self.type.addItem(self.tr("All documents"), None)
        for kind in DocType:
            self.type.addItem(kind.title_zh, kind.value)
        self.verify_button = util.button(self.tr("Verify a document…"))
        head.addWidget(self.type)
        head.addWidget(self.status)
        head.addWidget(self.verify_button)
        layout.addLayout(head)

        self.model = RowsModel([
            Column("number", self.tr("Number"), lambda r: r.get("number") or self.tr("(draft)")),
            Column("enterprise_name", self.tr("Enterprise")),
            Column("type", self.tr("Document"), lambda r: short_type(r["type"])),
            Column("status", self.tr("Status"), lambda r: DOC_STATUS_ZH.get(r["status"], r["status"])),
            Column("issued_at", self.tr("Issued on"), issued_day),
        ], self)
        self.table = make_table(self.model, stretch=1)
        self.table.setObjectName("documentTable")
        # A long enterprise name takes a second line rather than being cut: names differ only at their ends.
        self.table.setWordWrap(True)
        self.table.ensurePolished()  # measure with the style sheet's font
        metrics = self.table.fontMetrics()
        # Sized to their longest content: the enterprise column takes whatever is left, and 签发 stays on screen.
        for col, sample in ((0, "示应急责改〔2026〕188号"), (2, "整改指令书"), (3, "已签发"), (4, "2026-12-31")):
            self.table.setColumnWidth(col, metrics.horizontalAdvance(sample) + 24)
        self.empty_text = self.tr(
            "No enforcement documents yet.\n\nAt the end of an inspection, or from a hazard's “Order rectification”, "
            "the on-site inspection record and the rectification order are drafted, signed on screen, issued with "
            "a number and printed.")
        self.no_match_text = self.tr("No document matches the search or the filters.")
        self.empty = util.empty_state(self.empty_text)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)

        preview = QFrame()
        preview.setObjectName("documentPreview")
        pl = QVBoxLayout(preview)
        pl.setContentsMargins(0, 0, 0, 0)
        self.preview_title = QLabel(self.tr("Preview"))
        self.preview_title.setObjectName("sectionTitle")
        self.preview_title.setWordWrap(True)
        pl.addWidget(self.preview_title)
        self.void_label = QLabel()
        self.void_label.setObjectName("warning")
        self.void_label.setWordWrap(True)
        pl.addWidget(self.void_label)
        self.viewer = PdfViewer()
        self.viewer.clear(self.tr("Select a document to see its A4 copy."))
        pl.addWidget(self.viewer, 1)
        actions = QHBoxLayout()
        after = QHBoxLayout()  # voiding on a second row: the preview is narrower than six buttons
        self.continue_button = util.button(self.tr("Continue draft"), primary=True)
        self.print_button = util.button(self.tr("Print"), primary=True)
        self.print_dialog_button = util.button(self.tr("Print…"))
        self.export_button = util.button(self.tr("Save PDF…"))
        self.void_button = util.button(self.tr("Void…"), danger=True)
        self.reissue_button = util.button(self.tr("Void and re-issue…"), danger=True)
        for b in (self.continue_button, self.print_button, self.print_dialog_button, self.export_button):
            actions.addWidget(b)
        actions.addStretch(1)
        for b in (self.void_button, self.reissue_button):
            after.addWidget(b)
        after.addStretch(1)
        pl.addLayout(actions)
        pl.addLayout(after)

        splitter = util.side_by_side(self.list_stack, preview, (3, 2), (680, 520))
        layout.addWidget(splitter, 1)

        self.status.currentIndexChanged.connect(self.reload)
        self.type.currentIndexChanged.connect(self.reload)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self.on_row)
        self.table.doubleClicked.connect(lambda _i: self.continue_draft())
        self.verify_button.clicked.connect(self.pick_and_verify)
        self.continue_button.clicked.connect(self.continue_draft)
        self.print_button.clicked.connect(lambda: self.print(choose=False))
        self.print_dialog_button.clicked.connect(lambda: self.print(choose=True))
        self.export_button.clicked.connect(self.export)
        self.void_button.clicked.connect(lambda: self.void(reissue=False))
        self.reissue_button.clicked.connect(lambda: self.void(reissue=True))
        QShortcut(QKeySequence("Ctrl+P"), self, lambda: self.print(choose=False))
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, lambda: self.print(choose=True))
        ctx.bus.data_changed.connect(self.on_changed)
        self.reload()

    # -- list ----------------------------------------------------------------------------------------

    def on_changed(self, changes: frozenset[Entity]) -> None:
        if Entity.DOCUMENTS in changes or Entity.ENTERPRISES in changes:
            self.reload()

    def reload(self) -> None:
        keep = self.current["id"] if self.current else None
        self._search_timer.stop()
        rows = notices.list_documents(self.ctx.read, status=self.status.currentData(),
                                      doc_type=self.type.currentData(), query=self.search.text())
        self.model.set_rows(rows)
        searching = bool(self.search.text().strip() or self.status.currentData() or self.type.currentData())
        self.empty.setText(self.no_match_text if searching else self.empty_text)
        self.list_stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty)
        index = next((i for i, r in enumerate(self.model.rows) if r["id"] == keep), -1)
        if index >= 0:
            self.table.selectRow(index)
            if self.current is not None and self.model.row(index)["status"] != self.current["status"]:
                self.show_document(keep)  # voided or issued meanwhile
        else:
            self.show_document(None)

    def on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if 0 <= current.row() < self.model.rowCount():
            row = self.model.row(current.row())
            if self.current is None or self.current["id"] != row["id"]:
                self.show_document(row["id"])

    def open_document(self, document_id: str) -> None:
        """Show one document (navigate "document"): filters are cleared so it is in the list."""
        self.search.clear()
        self.status.setCurrentIndex(0)
        self.type.setCurrentIndex(0)
        index = next((i for i, r in enumerate(self.model.rows) if r["id"] == document_id), -1)
        if index >= 0:
            self.table.selectRow(index)
        self.show_document(document_id)

    def show_document(self, document_id: str | None) -> None:
        self.pdf = None
        if document_id is None:
            self.current = None
            self.preview_title.setText(self.tr("Preview"))
            self.void_label.clear()
            self.viewer.clear(self.tr("Select a document to see its A4 copy."))
            self.update_actions()
            return
        doc = notices.get_document(self.ctx.read, document_id)
        self.current = doc
        kind = doc_type_title(doc["doc_type"])
        self.preview_title.setText(f"{kind} {doc.get('number') or self.tr('(draft)')}")
        self.void_label.setText(self.tr("Voided: %1").replace("%1", doc.get("void_reason") or "")
                                if doc["status"] == "voided" else "")
        self.update_actions()
        if doc["status"] == "draft":
            self.viewer.clear(self.tr("A draft: press “Continue draft” to preview, sign and issue it."))
            return

        def op(c: OpContext) -> bytes:
            return notices.document_pdf(c.workspace, document_id)

        self.viewer.clear(self.tr("Loading…"))
        self.ctx.op(self, op).success(lambda pdf: self._show_pdf(document_id, pdf)).failure(
            lambda exc: self.viewer.clear(getattr(exc, "zh", None) or repr(exc))).run()

    def _show_pdf(self, document_id: str, pdf: bytes) -> None:
        if self.current is None or self.current["id"] != document_id:
            return
        self.pdf = pdf
        self.viewer.set_pdf(pdf)
        self.update_actions()

    def update_actions(self) -> None:
        status = self.current["status"] if self.current else None
        self.continue_button.setVisible(status == "draft")
        shown = status in ("issued", "voided")  # nothing selected: no buttons that cannot do anything
        for b in (self.print_button, self.print_dialog_button, self.export_button):
            b.setVisible(shown)
            b.setEnabled(shown and self.pdf is not None)
        for b in (self.void_button, self.reissue_button):
            b.setVisible(shown)
            b.setEnabled(status == "issued")

    # -- actions -------------------------------------------------------------------------------------

    def continue_draft(self) -> None:
        doc = self.current
        if doc is None or doc["status"] != "draft":
            return
        from fieldapp.ui.document_flow import DocumentFlow

        # An opinion's draft knows its re-inspection (the flow reads it from the draft).
        if doc["doc_type"] not in tuple(DocType) or not doc.get("inspection_id"):
            util.show_error(self, self.tr("Open this draft from its re-inspection."))
            return
        self.open_flow(DocumentFlow(self.ctx, doc["inspection_id"], self, document_id=doc["id"]))

    def open_flow(self, flow: QDialog) -> None:
        self.flow = flow
        flow.finished.connect(lambda _r: self.reload())
        flow.open()

    def print(self, *, choose: bool) -> None:
        if self.pdf is None or self.current is None:
            return
        if self.current["status"] == "voided" and not util.ask(self, self.tr(
                "This document is voided. Print it anyway (for the file)?")):
            return
        name = print_pdf(self, self.pdf, choose=choose)
        if name:
            self.ctx.bus.status.emit(self.tr("Sent to %1").replace("%1", name))

    def export(self) -> None:
        if self.current is None or self.current["status"] == "draft":
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), f"{self.current['number']}.pdf",
                                              "PDF (*.pdf)")
        if path:
            from fieldapp.ui.document_flow import export_pdf

            export_pdf(self, self.ctx, str(self.current["id"]), Path(path))

    def void(self, *, reissue: bool) -> None:
        doc = self.current
        if doc is None or doc["status"] != "issued":
            return
        reason = util.ask_text(self, self.tr("Void %1").replace("%1", doc["number"]),
                               self.tr("Why is this notice voided? (required, printed in the record)"))
        if not reason:
            return
        document_id = doc["id"]

        self.ctx.op(self, lambda c: notices.void_document(c.workspace, document_id, reason)).success(
            lambda row: self._voided(row, reissue)).run()

    def _voided(self, row: Row, reissue: bool) -> None:
        self.ctx.bus.status.emit(self.tr("Voided %1").replace("%1", row.get("number") or ""))
        if not reissue:
            return
        if not row.get("inspection_id"):
            util.show_error(self, self.tr("This notice has no inspection; draft its replacement from the inspection."))
            return
        from fieldapp.ui.document_flow import DocumentFlow
        from fieldapp.ui.notice_form import FLOW_TYPES

        doc_type = row["doc_type"] if row["doc_type"] in FLOW_TYPES else None
        self.open_flow(DocumentFlow(self.ctx, row["inspection_id"], self, doc_type=doc_type, replaces_id=row["id"]))

    def pick_and_verify(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Verify a document"), "", "PDF (*.pdf)")
        if path:
            self.verify(Path(path))

    def verify(self, path: Path) -> None:
        def op(c: OpContext) -> Any:
            from fieldapp.services import verification

            return verification.verify_file(c.workspace, path)

        def done(check: Any) -> None:
            self.verify_dialog = VerifyResultDialog(path, check, self)
            self.verify_dialog.open()

        self.ctx.op(self, op).with_progress(self.tr("Verifying…")).success(done).run()
