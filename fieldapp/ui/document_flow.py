"""Drafting, signing and issuing one enforcement notice (文书): the flow opened from an inspection, from the
finding editor's 责令整改 and when an inspection is finished.

Left: what goes on the notice (type, findings, deadline, interim measures), who signs (each officer of
the inspection and the enterprise's representative, or a recorded refusal), and the actions. Right: the
A4 preview rendered by the core (fieldapp.services.notices.preview), refreshed as signatures are added.
Issuing runs on the database worker (number, QR, PAdES signature) and shows the number.

Keys: F5 refresh the preview · Ctrl+R refusal to sign · Ctrl+Enter issue · Ctrl+P print · Ctrl+Shift+P print… ·
Ctrl+wheel or Ctrl+=/− zoom the preview, Ctrl+0 back to the page width · Esc close.
The services are imported inside the operations: they pull in reportlab and cryptography.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.models import documents, findings, inspections, numbering
from fieldapp.models.store import Row
from fieldapp.services import drafts
from fieldapp.ui import util
from fieldapp.ui.pdf_view import PdfViewer, print_pdf
from fieldapp.ui.signature_pad import SignatureDialog
from fieldapp.ui.signers import RefusalDialog, SignerRow, make_signatures
from fieldapp.ui.tasks import AppContext, OpContext

# The re-inspection opinion is issued from the re-inspection dialog, which knows the re-inspection.
FLOW_TYPES = ("rectification_order", "inspection_record", "onsite_measures")
OPINION = "reinspection_opinion"  # only with the re-inspection it reports on
WITH_FINDINGS = ("rectification_order", "onsite_measures")
LISTABLE = ("open", "ordered", "failed_reinspection")


def draft_params(doc_type: str, inspection_id: str, finding_ids: list[str] | None, deadline: str | None,
                 interim: str, measures: dict[str, Any] | None, replaces_id: str | None,
                 reinspection_id: str | None = None) -> dict[str, Any]:
    """What the draft service is called with; ``deadline`` None: each hazard keeps its own deadline."""
    return {"doc_type": doc_type, "inspection_id": inspection_id,
            "finding_ids": finding_ids if doc_type in WITH_FINDINGS else None,
            "deadline": deadline if doc_type == "rectification_order" else None,
            "interim_measures": interim if doc_type == "rectification_order" else "",
            "measures": measures if doc_type == "onsite_measures" else None, "replaces_id": replaces_id,
            "reinspection_id": reinspection_id if doc_type == OPINION else None}


def ensure_draft(c: OpContext, current: str | None, params: dict[str, Any]) -> str:
    """The draft for these parameters: the current one, updated by the core when it can, or a new one."""
    from fieldapp.services import notices

    if current is not None:
        redraft = getattr(notices, "redraft", None)
        if redraft is not None:
            return str(redraft(c.workspace, current, **{k: v for k, v in params.items() if k != "doc_type"})["id"])
    return str(notices.draft(c.workspace, **params)["id"])


def spec_of(doc: Row) -> dict[str, Any]:
    try:
        return dict(json.loads(doc.get("content") or "{}").get("spec") or {})
    except ValueError:
        return {}


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
        self.replaces_id = replaces_id
        self.reinspection_id = reinspection_id
        self.document_id: str | None = document_id
        self.drafted_with: dict[str, Any] | None = None
        self.officer_signatures: dict[str, bytes] = {}
        self.enterprise_signature: bytes | tuple[str, str] | None = None
        self.issued_row: Row | None = None
        self.pdf: bytes | None = None
        self.dialog: QDialog | None = None
        self.busy = False
        store = ctx.reader
        self.inspection = inspections.get(store, inspection_id)
        enterprise = store.get("enterprises", self.inspection["enterprise_id"]) or {}
        self.setWindowTitle(self.tr("Enforcement document — %1").replace("%1", enterprise.get("name", "")))
        self.setObjectName("documentFlow")
        self.resize(1300, 720)

        spec: dict[str, Any] = {}
        if document_id is not None:
            doc = documents.get(store, document_id)
            spec = spec_of(doc)
            doc_type = doc["doc_type"]
            self.replaces_id = doc.get("replaces_id")
            finding_ids = spec.get("finding_ids") or finding_ids
            deadline = spec.get("deadline") or deadline
            self.reinspection_id = spec.get("reinspection_id") or reinspection_id
        if self.reinspection_id:
            doc_type = OPINION
        # The opinion is signed by the officers who re-inspected, every other notice by the inspection's.
        self.officers = drafts.signing_officers(store, doc_type or "", self.inspection, self.reinspection_id)
        # A date given by the caller (or saved in the draft) was chosen for the order; otherwise each hazard
        # keeps its own deadline until the user picks one date for all of them.
        self.deadline_chosen = deadline is not None

        # -- left: the notice and its signers ---------------------------------------------------------
        left = QWidget()
        ll = QVBoxLayout(left)
        self.title = QLabel(enterprise.get("name", ""))
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        ll.addWidget(self.title)
        self.replaces_label = QLabel()
        self.replaces_label.setObjectName("warning")
        self.replaces_label.setWordWrap(True)
        ll.addWidget(self.replaces_label)
        if self.replaces_id:
            old = documents.get(store, self.replaces_id)
            self.replaces_label.setText(self.tr("Replaces the voided notice %1").replace("%1", old.get("number") or ""))
        else:
            self.replaces_label.hide()
        form = QFormLayout()
        self.type = QComboBox()
        self.type.setMinimumHeight(util.TOUCH - 4)
        for code in (OPINION,) if self.reinspection_id else FLOW_TYPES:
            self.type.addItem(numbering.DOC_TYPES[code], code)
        self.type.setEnabled(self.type.count() > 1)
        form.addRow(self.tr("Document:"), self.type)
        ll.addLayout(form)

        self.findings_box = QGroupBox(self.tr("Hazards on the notice"))
        fl = QVBoxLayout(self.findings_box)
        self.findings = QListWidget()
        self.findings.setObjectName("documentFindings")
        self.findings.setWordWrap(True)
        self.findings.setMaximumHeight(180)
        fl.addWidget(self.findings)
        ll.addWidget(self.findings_box)

        self.order_box = QWidget()
        ol = QFormLayout(self.order_box)
        ol.setContentsMargins(0, 0, 0, 0)
        self.deadline = util.date_edit(deadline or findings.default_deadline(store))
        self.deadline.setObjectName("orderDeadline")
        self.deadline_note = QLabel()
        self.deadline_note.setObjectName("hint")
        self.deadline_note.setWordWrap(True)
        self.own_deadlines_button = util.button(self.tr("Use each hazard's own deadline"))
        self.own_deadlines_button.clicked.connect(self.use_own_deadlines)
        note_row = QHBoxLayout()
        note_row.setContentsMargins(0, 0, 0, 0)
        note_row.addWidget(self.deadline_note, 1)
        note_row.addWidget(self.own_deadlines_button)
        self.interim = QPlainTextEdit(spec.get("interim_measures") or "")
        self.interim.setObjectName("interimMeasures")
        self.interim.setPlaceholderText(self.tr("Safety measures to take until the hazards are removed (optional)"))
        self.interim.setMaximumHeight(64)
        self.interim.setTabChangesFocus(True)
        ol.addRow(self.tr("Rectify by:"), self.deadline)
        ol.addRow("", note_row)
        ol.addRow(self.tr("Interim measures:"), self.interim)
        ll.addWidget(self.order_box)

        self.measures_box = QGroupBox(self.tr("On-site measures"))
        ml = QGridLayout(self.measures_box)
        measures = spec.get("measures") or {}
        self.withdraw = QCheckBox(self.tr("Withdraw the workers from the danger zone"))
        self.withdraw.setChecked(bool(measures.get("withdraw_workers")))
        self.danger_zone = QLineEdit(measures.get("danger_zone", ""))
        self.danger_zone.setPlaceholderText(self.tr("Danger zone"))
        self.suspend = QCheckBox(self.tr("Suspend production or business"))
        self.suspend.setChecked(bool(measures.get("suspend_production")))
        self.facilities = QLineEdit("、".join(measures.get("suspended_facilities") or ()))
        self.facilities.setPlaceholderText(self.tr("Facilities and equipment taken out of use (、 between)"))
        self.other_measures = QLineEdit("；".join(measures.get("other_measures") or ()))
        self.other_measures.setPlaceholderText(self.tr("Other measures (； between)"))
        ml.addWidget(self.withdraw, 0, 0)
        ml.addWidget(self.danger_zone, 0, 1)
        ml.addWidget(self.suspend, 1, 0)
        ml.addWidget(self.facilities, 1, 1)
        ml.addWidget(self.other_measures, 2, 0, 1, 2)
        ll.addWidget(self.measures_box)

        self.sign_box = QGroupBox(self.tr("Signatures"))
        sl = QVBoxLayout(self.sign_box)
        self.officer_rows: dict[str, SignerRow] = {}
        for officer in self.officers:
            row = SignerRow(self.tr("Officer %1").replace("%1", officer["name"]))
            row.sign_button.clicked.connect(lambda _c=False, o=officer: self.sign_officer(o["id"], o["name"]))
            self.officer_rows[officer["id"]] = row
            sl.addWidget(row)
        representative = (self.inspection.get("representative") or enterprise.get("principal")
                          or enterprise.get("legal_representative") or "")
        self.enterprise_row = SignerRow(representative, enterprise=True)
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
        self.fill_findings(finding_ids)
        self.type.setCurrentIndex(max(0, self.type.findData(doc_type or self.default_type())))
        self.type.currentIndexChanged.connect(self.on_type)
        self.findings.itemChanged.connect(lambda _i: self.hazards_changed())
        self.deadline.dateChanged.connect(lambda _d: self.deadline_edited())
        self.show_deadlines()
        self.interim.textChanged.connect(self.params_changed)
        for w in (self.withdraw, self.suspend):
            w.toggled.connect(lambda _v: self.params_changed())
        for e in (self.danger_zone, self.facilities, self.other_measures):
            e.textChanged.connect(lambda _t: self.params_changed())
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
        self.on_type()
        if self.document_id is not None:
            self.drafted_with = self.params()  # a draft opened from the list: reuse it while nothing changes
        self.update_actions()
        self.type.setFocus()
        # The first preview is drawn as soon as the dialog is on screen.
        QTimer.singleShot(0, self.refresh_preview)

    # -- parameters ----------------------------------------------------------------------------------

    def default_type(self) -> str:
        """The order while a listed hazard is not under an order yet; otherwise the inspection record."""
        return "rectification_order" if self.selected_findings() else "inspection_record"

    def fill_findings(self, selected: list[str] | None) -> None:
        self.findings.clear()
        rows = [f for f in findings.list_findings(self.ctx.reader, inspection_id=self.inspection_id)
                if f["status"] in LISTABLE]
        deadline_word = self.tr("deadline")
        for f in rows:
            grade = self.tr(" [major]") if f["grade"] == "major" else ""
            due = f"　（{deadline_word} {f['deadline'][:10]}）" if f.get("deadline") else ""
            item = QListWidgetItem(f"{f['description']}{grade}{due}")
            item.setData(Qt.ItemDataRole.UserRole, f["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = f["id"] in selected if selected is not None else f["status"] in ("open", "failed_reinspection")
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.findings.addItem(item)

    # -- one hazard, one deadline -------------------------------------------------------------------

    def hazard_deadlines(self) -> dict[str, str]:
        """What the order gives each ticked hazard without a date of its own (the draft service decides)."""
        return drafts.order_deadlines(self.ctx.reader, self.selected_findings())

    def show_deadlines(self) -> None:
        """The date field and the line under it: one date chosen for the order, or the hazards' own."""
        self.own_deadlines_button.setVisible(self.deadline_chosen)
        if self.deadline_chosen:
            self.deadline_note.setText(self.tr("This date is printed for every hazard on the notice and becomes "
                                               "their deadline."))
            return
        dates = sorted(set(self.hazard_deadlines().values()))
        if dates:
            self.deadline.blockSignals(True)
            self.deadline.setDate(util.qdate(dates[-1]))
            self.deadline.blockSignals(False)
        if len(dates) > 1:
            self.deadline_note.setText(self.tr("Each hazard keeps its own deadline (%1). Change the date to give "
                                               "them all one.").replace("%1", "、".join(dates)))
        else:
            self.deadline_note.setText(self.tr("The deadline saved with the hazard."))

    def deadline_edited(self) -> None:
        self.deadline_chosen = True
        self.show_deadlines()
        self.params_changed()

    def use_own_deadlines(self) -> None:
        self.deadline_chosen = False
        self.show_deadlines()
        self.params_changed()

    def hazards_changed(self) -> None:
        self.show_deadlines()
        self.params_changed()

    def doc_type(self) -> str:
        return str(self.type.currentData())

    def selected_findings(self) -> list[str]:
        return [str(self.findings.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.findings.count())
                if self.findings.item(i).checkState() == Qt.CheckState.Checked]

    def measures(self) -> dict[str, Any]:
        def split(text: str, seps: str) -> list[str]:
            for s in seps[1:]:
                text = text.replace(s, seps[0])
            return [p.strip() for p in text.split(seps[0]) if p.strip()]

        return {"withdraw_workers": self.withdraw.isChecked(), "danger_zone": self.danger_zone.text().strip(),
                "suspend_production": self.suspend.isChecked(),
                "suspended_facilities": split(self.facilities.text(), "、,，"),
                "other_measures": split(self.other_measures.text(), "；;")}

    def params(self) -> dict[str, Any]:
        measures = self.measures()
        meaningful = measures["withdraw_workers"] or measures["suspend_production"] or measures["other_measures"]
        deadline = self.deadline.date().toString("yyyy-MM-dd") if self.deadline_chosen else None
        return draft_params(self.doc_type(), self.inspection_id, self.selected_findings(), deadline,
                            self.interim.toPlainText().strip(), measures if meaningful else None, self.replaces_id,
                            self.reinspection_id)

    def on_type(self) -> None:
        kind = self.doc_type()
        self.findings_box.setVisible(kind in WITH_FINDINGS)
        self.order_box.setVisible(kind == "rectification_order")
        self.measures_box.setVisible(kind == "onsite_measures")
        self.params_changed()
        if self.drafted_with is not None and self.drafted_with["doc_type"] != kind:
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

    def _draft_for(self, params: dict[str, Any]) -> Any:
        """A function for the worker: the draft id to preview or issue with these parameters."""
        current, drafted = self.document_id, self.drafted_with

        def get(c: OpContext) -> str:
            if current is not None and drafted == params:
                return current
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

        def op(c: OpContext) -> tuple[str, bytes]:
            from fieldapp.services import notices

            doc_id = draft_for(c)
            return doc_id, notices.preview(c.workspace, doc_id, make_signatures(officers, enterprise, name))

        self.busy = True
        self.state.setText(self.tr("Drawing the preview…"))
        self.ctx.op(self, op).changes("documents").success(
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

        def op(c: OpContext) -> tuple[Row, bytes, list[tuple[str, str]]]:
            from fieldapp.services import notices

            result = notices.issue(c.workspace, draft_for(c), signatures=make_signatures(officers, enterprise, name))
            return dict(result.document), Path(result.pdf_path).read_bytes(), list(result.warnings)

        self.busy = True
        self.ctx.op(self, op).changes("documents", "findings").with_progress(
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
        for w in (self.type, self.findings_box, self.order_box, self.measures_box, self.sign_box):
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
