"""Drafting, signing and issuing one enforcement notice (文书): the flow opened from an inspection, from the
finding editor's 责令整改 and when an inspection is finished.

Left: what goes on the notice (``notice_form.NoticeForm``: type, findings, deadline, interim measures), who
signs (each officer of the inspection and the enterprise's representative, or a recorded refusal), and the
actions. Right: the A4 preview rendered by the core (fieldapp.services.issuing.preview_document), refreshed
as signatures are added. Issuing runs on the database worker (number, QR, PAdES signature) and shows the
number.

Keys: F5 refresh the preview · Ctrl+R refusal to sign · Ctrl+Enter issue · Ctrl+P print · Ctrl+Shift+P print… ·
Ctrl+wheel or Ctrl+=/− zoom the preview, Ctrl+0 back to the page width · Esc close.
The notice services are imported inside the operations: they pull in reportlab and cryptography.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import drafts
from fieldapp.services.changes import NOTHING, Done
from fieldapp.ui import util
from fieldapp.ui.notice_form import NoticeForm
from fieldapp.ui.pdf_view import PdfViewer, print_pdf
from fieldapp.ui.signature_pad import SignatureDialog
from fieldapp.ui.signers import RefusalDialog, SignerRow
from fieldapp.ui.tasks import AppContext, OpContext

Row = dict[str, Any]


def ensure_draft(c: OpContext, current: str | None, params: dict[str, Any]) -> Done[str]:
    """The draft for these parameters: the current one, updated by the core, or a new one."""
    if current is not None:
        done = drafts.redraft_document(c.workspace, current, **{k: v for k, v in params.items() if k != "doc_type"})
    else:
        done = drafts.draft_document(c.workspace, **params)
    return Done(str(done.value["id"]), done.changes)


def signatures(officers: dict[str, bytes], enterprise: bytes | tuple[str, str] | None, name: str) -> Any:
    """The services' Signatures from what the flow collected (a refusal as its reason and witness)."""
    from fieldapp.services.notice_content import Signatures

    return Signatures.collected(officers, enterprise, name or None)


class DocumentFlow(QDialog):
    issued = Signal(str)  # document id
    signature_opened = Signal(object)  # the SignatureDialog / RefusalDialog, for tests and screenshots

    def __init__(self, ctx: AppContext, inspection_id: str, parent: QWidget | None = None, *,
                 doc_type: str | None = None, finding_ids: list[str] | None = None, deadline: str | None = None,
                 replaces_id: str | None = None, document_id: str | None = None,
                 reinspection_id: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.inspection_id = inspection_id
        self.document_id: str | None = document_id
        self.drafted_with: dict[str, Any] | None = None
        self.officer_signatures: dict[str, bytes] = {}
        self.enterprise_signature: bytes | tuple[str, str] | None = None
        self.issued_row: Row | None = None
        self.pdf: bytes | None = None
        self.dialog: QDialog | None = None
        self.busy = False
        basis = drafts.notice_basis(ctx.read, inspection_id, document_id=document_id, doc_type=doc_type,
                                    finding_ids=finding_ids, deadline=deadline, replaces_id=replaces_id,
                                    reinspection_id=reinspection_id)
        # The opinion is signed by the officers who re-inspected, every other notice by the inspection's.
        self.officers = basis.officers
        self.setWindowTitle(self.tr("Enforcement document — %1").replace("%1", basis.enterprise_name))
        self.setObjectName("documentFlow")
        self.resize(1300, 720)

        # -- left: the notice and its signers ---------------------------------------------------------
        left = QWidget()
        ll = QVBoxLayout(left)
        self.title = QLabel(basis.enterprise_name)
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        ll.addWidget(self.title)
        self.replaces_label = QLabel()
        self.replaces_label.setObjectName("warning")
        self.replaces_label.setWordWrap(True)
        ll.addWidget(self.replaces_label)
        if basis.replaces_id:
            self.replaces_label.setText(self.tr("Replaces the voided notice %1").replace(
                "%1", basis.replaces_number or ""))
        else:
            self.replaces_label.hide()
        self.form = NoticeForm(ctx, inspection_id, basis)
        ll.addWidget(self.form)

        self.sign_box = QGroupBox(self.tr("Signatures"))
        sl = QVBoxLayout(self.sign_box)
        self.officer_rows: dict[str, SignerRow] = {}
        for officer in self.officers:
            row = SignerRow(self.tr("Officer %1").replace("%1", officer["name"]))
            row.sign_button.clicked.connect(lambda _c=False, o=officer: self.sign_officer(o["id"], o["name"]))
            self.officer_rows[officer["id"]] = row
            sl.addWidget(row)
        self.enterprise_row = SignerRow(basis.representative, enterprise=True)
        self.enterprise_row.sign_button.clicked.connect(self.sign_enterprise)
        assert self.enterprise_row.refuse_button is not None
        self.enterprise_row.refuse_button.clicked.connect(self.record_refusal)
        enterprise_caption = QLabel(self.tr("Enterprise's representative:"))
        sl.addWidget(enterprise_caption)
        sl.addWidget(self.enterprise_row)
        ll.addWidget(self.sign_box)

        self.state = QLabel()
        self.state.setObjectName("hint")
        self.state.setWordWrap(True)
        ll.addWidget(self.state)
        self.number = QLabel()
        self.number.setObjectName("documentNumber")
        self.number.setWordWrap(True)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        ll.addWidget(self.number)
        self.warnings = QLabel()
        self.warnings.setObjectName("warning")
        self.warnings.setWordWrap(True)
        ll.addWidget(self.warnings)
        ll.addStretch(1)
        keys = QLabel(self.tr("Keys: F5 preview · Ctrl+R refusal to sign · Ctrl+Enter issue · Ctrl+P print · "
                              "Ctrl+Shift+P print… · Ctrl+wheel or Ctrl+=/− zoom, Ctrl+0 page width · Esc close"))
        keys.setObjectName("hint")
        keys.setWordWrap(True)
        ll.addWidget(keys)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setMinimumWidth(480)

        # -- right: preview and actions ------------------------------------------------------------
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.viewer = PdfViewer()
        rl.addWidget(self.viewer, 1)
        actions = QHBoxLayout()
        self.preview_button = util.button(self.tr("Refresh preview"))
        self.issue_button = util.button(self.tr("Issue"), primary=True)
        self.print_button = util.button(self.tr("Print"))
        self.print_dialog_button = util.button(self.tr("Print…"))
        self.export_button = util.button(self.tr("Save PDF…"))
        self.close_button = util.button(self.tr("Close"))
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None and screen.width() < 1200:
            # A small screen or 150 % scaling: two rows of actions, so the flow fits the screen's width.
            for b in (self.preview_button, self.issue_button):
                actions.addWidget(b)
            actions.addStretch(1)
            actions.addWidget(self.close_button)
            after = QHBoxLayout()
            for b in (self.print_button, self.print_dialog_button, self.export_button):
                after.addWidget(b)
            after.addStretch(1)
            rl.addLayout(actions)
            rl.addLayout(after)
            scroll.setMinimumWidth(400)
        else:
            for b in (self.preview_button, self.issue_button, self.print_button, self.print_dialog_button,
                      self.export_button):
                actions.addWidget(b)
            actions.addStretch(1)
            actions.addWidget(self.close_button)
            rl.addLayout(actions)

        splitter = util.side_by_side(scroll, right, (0, 1), (500, 780))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        # -- wiring ----------------------------------------------------------------------------------
        self.form.changed.connect(self.params_changed)
        self.form.type_changed.connect(self.type_changed)
        self.preview_button.clicked.connect(self.refresh_preview)
        self.issue_button.clicked.connect(self.issue)
        self.print_button.clicked.connect(lambda: self.print(choose=False))
        self.print_dialog_button.clicked.connect(lambda: self.print(choose=True))
        self.export_button.clicked.connect(self.export_pdf)
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence("F5"), self, self.refresh_preview)
        QShortcut(QKeySequence("Ctrl+R"), self, self.record_refusal)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.issue)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.issue)
        QShortcut(QKeySequence("Ctrl+P"), self, lambda: self.print(choose=False))
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, lambda: self.print(choose=True))
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(250)
        self._preview_timer.timeout.connect(self.refresh_preview)
        if self.document_id is not None:
            self.drafted_with = self.params()  # a draft opened from the list: reuse it while nothing changes
        self.update_actions()
        self.form.type.setFocus()
        # The first preview is drawn as soon as the dialog is on screen.
        QTimer.singleShot(0, self.refresh_preview)

    # -- parameters ----------------------------------------------------------------------------------

    def doc_type(self) -> str:
        return self.form.doc_type().value

    def selected_findings(self) -> list[str]:
        return self.form.selected_findings()

    def params(self) -> dict[str, Any]:
        return self.form.params()

    def type_changed(self) -> None:
        if self.drafted_with is not None and self.drafted_with["doc_type"] != self.doc_type():
            self._preview_timer.start()  # another document: show it

    def params_changed(self) -> None:
        if self.issued_row is not None:
            return
        if self.drafted_with is not None and self.drafted_with != self.params():
            self.state.setText(self.tr("The notice was changed: press F5 to refresh the preview."))

    # -- signatures ----------------------------------------------------------------------------------

    def sign_officer(self, officer_id: str, name: str) -> None:
        dialog = SignatureDialog(name, self)

        def done() -> None:
            if dialog.png:
                self.officer_signatures[officer_id] = dialog.png
                self.officer_rows[officer_id].set_state(dialog.png)
                self.signatures_changed()

        self._open(dialog, done)

    def enterprise_name(self) -> str:
        name = self.enterprise_row.name
        return name.text().strip() if isinstance(name, QLineEdit) else ""

    def sign_enterprise(self) -> None:
        dialog = SignatureDialog(self.enterprise_name() or self.tr("Enterprise's representative"), self)

        def done() -> None:
            if dialog.png:
                self.enterprise_signature = dialog.png
                self.enterprise_row.set_state(dialog.png)
                self.signatures_changed()

        self._open(dialog, done)

    def record_refusal(self) -> None:
        dialog = RefusalDialog(self)

        def done() -> None:
            self.enterprise_signature = dialog.value()
            self.enterprise_row.set_state(self.enterprise_signature)
            self.signatures_changed()

        self._open(dialog, done)

    def _open(self, dialog: QDialog, on_accept: Any) -> None:
        if self.issued_row is not None:
            return
        self.dialog = dialog
        dialog.accepted.connect(on_accept)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.signature_opened.emit(dialog)
        dialog.open()

    def signatures_changed(self) -> None:
        self._preview_timer.start()

    # -- preview and issue ---------------------------------------------------------------------------

    def _draft_for(self, params: dict[str, Any]) -> Callable[[OpContext], Done[str]]:
        """A function for the worker: the draft id to preview or issue with these parameters."""
        current, drafted = self.document_id, self.drafted_with

        def get(c: OpContext) -> Done[str]:
            if current is not None and drafted == params:
                return Done(current, NOTHING)
            same_type = drafted is not None and drafted["doc_type"] == params["doc_type"]
            return ensure_draft(c, current if same_type else None, params)

        return get

    def refresh_preview(self) -> None:
        if self.issued_row is not None:
            return
        if self.busy:
            self._preview_timer.start()
            return
        params = self.params()
        draft_for = self._draft_for(params)
        officers, enterprise, name = dict(self.officer_signatures), self.enterprise_signature, self.enterprise_name()

        def op(c: OpContext) -> Done[tuple[str, bytes]]:
            from fieldapp.services import issuing

            draft = draft_for(c)
            pdf = issuing.preview_document(c.workspace, draft.value, signatures(officers, enterprise, name))
            return Done((draft.value, pdf), draft.changes)

        self.busy = True
        self.state.setText(self.tr("Drawing the preview…"))
        self.ctx.op(self, op).success(
            lambda result: self._previewed(result, params)).failure(self._failed).run()

    def _previewed(self, result: tuple[str, bytes], params: dict[str, Any]) -> None:
        self.busy = False
        self.document_id, pdf = result
        self.drafted_with = params
        self.pdf = pdf
        self.viewer.set_pdf(pdf)
        self.state.setText(self.tr("Preview of the draft: check it with the enterprise, sign, then issue."))
        self.update_actions()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        text = getattr(exc, "zh", None) or repr(exc)
        self.state.setText(text)
        util.show_error(self, text)
        self.update_actions()

    def issue(self) -> None:
        if self.issued_row is not None or self.busy:
            return
        unsigned = [o["name"] for o in self.officers if o["id"] not in self.officer_signatures]
        if self.enterprise_signature is None:
            unsigned.append(self.enterprise_name() or self.tr("the enterprise's representative"))
        if unsigned and not util.ask(self, self.tr("Not signed on screen: %1. They will sign the printed notice "
                                                   "in ink. Issue now?").replace("%1", "、".join(unsigned))):
            return
        params = self.params()
        draft_for = self._draft_for(params)
        officers, enterprise, name = dict(self.officer_signatures), self.enterprise_signature, self.enterprise_name()

        def op(c: OpContext) -> Done[tuple[Row, bytes, list[tuple[str, str]]]]:
            from fieldapp.services import issuing

            draft = draft_for(c)
            done = issuing.issue_document(c.workspace, draft.value, signatures=signatures(officers, enterprise, name))
            result = done.value
            return Done((dict(result.document), Path(result.pdf_path).read_bytes(), list(result.warnings)),
                        draft.changes | done.changes)

        self.busy = True
        self.ctx.op(self, op).with_progress(
            self.tr("Issuing the notice (number, signature)…")).success(self._issued).failure(self._failed).run()

    def _issued(self, result: tuple[Row, bytes, list[tuple[str, str]]]) -> None:
        self.busy = False
        row, pdf, warnings = result
        self.issued_row = row
        self.document_id = row["id"]
        self.pdf = pdf
        self.viewer.set_pdf(pdf)
        self.number.setText(self.tr("Issued: %1").replace("%1", row["number"]))
        self.warnings.setText("\n".join("⚠ " + zh for _en, zh in warnings))
        self.state.setText(self.tr("The notice is issued and signed. Print it for the enterprise and the file."))
        f = self.form
        for w in (f.type, f.findings_box, f.order_box, f.measures_box, self.sign_box):
            w.setEnabled(False)
        self.update_actions()
        self.ctx.bus.status.emit(self.tr("Issued %1").replace("%1", row["number"]))
        self.issued.emit(row["id"])
        self.print_button.setFocus()

    def update_actions(self) -> None:
        issued = self.issued_row is not None
        self.preview_button.setEnabled(not issued)
        self.issue_button.setEnabled(not issued)
        for b in (self.print_button, self.print_dialog_button, self.export_button):
            b.setEnabled(issued)

    # -- after issuing -------------------------------------------------------------------------------

    def print(self, *, choose: bool) -> None:
        if self.issued_row is None or self.pdf is None:
            return
        name = print_pdf(self, self.pdf, choose=choose)
        if name:
            self.ctx.bus.status.emit(self.tr("Sent to %1").replace("%1", name))

    def export_pdf(self) -> None:
        if self.issued_row is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), f"{self.issued_row['number']}.pdf",
                                              "PDF (*.pdf)")
        if path:
            export_pdf(self, self.ctx, str(self.issued_row["id"]), Path(path))


def export_pdf(parent: QWidget, ctx: AppContext, document_id: str, out: Path) -> None:
    def op(c: OpContext) -> Path:
        from fieldapp.services import notices

        return Path(notices.export_pdf(c.workspace, document_id, out))

    ctx.op(parent, op).success(lambda p: ctx.bus.status.emit(
        QCoreApplication.translate("DocumentFlow", "Saved %1").replace("%1", str(p)))).run()
