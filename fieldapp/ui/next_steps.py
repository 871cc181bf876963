"""What follows a re-inspection for the hazard on screen: its 整改复查意见书 and 销号, offered on the spot.

Shown in the hazard's detail right after 保存复查结果 for every hazard that re-inspection covered; the opinion is
drafted by the core (fieldapp.services.reinspections.draft_opinion) and signed and issued in the document flow.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.services import reinspections
from fieldapp.services.vocabulary import STATUS_ZH
from fieldapp.ui import util
from fieldapp.ui.tasks import AppContext


class NextSteps(QFrame):
    flow_opened = Signal(object)  # the DocumentFlow of the opinion
    close_requested = Signal()  # 销号 pressed
    changed = Signal()  # recorded or issued: the detail redraws

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("afterReinspection")
        self.reinspected: dict[str, str] = {}  # hazard → the re-inspection saved from this screen
        self.opinions: dict[str, str] = {}  # re-inspection → the number of its issued opinion
        self.finding_id: str | None = None
        self.flow: QWidget | None = None
        layout = QVBoxLayout(self)
        self.label = QLabel()
        self.label.setObjectName("nextStepsText")
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        buttons = QHBoxLayout()
        self.opinion_button = util.button(self.tr("Re-inspection opinion…"), primary=True)
        self.close_button = util.button(self.tr("Close (销号)"), primary=True)
        buttons.addWidget(self.opinion_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.opinion_button.clicked.connect(self.open_opinion)
        self.close_button.clicked.connect(self.close_requested)
        self.setVisible(False)

    def recorded(self, reinspection_id: str) -> None:
        for fid in reinspections.reinspected_findings(self.ctx.read, reinspection_id):
            self.reinspected[fid] = reinspection_id
        self.changed.emit()

    def show_for(self, finding: dict[str, Any], *, closable: bool) -> None:
        self.finding_id = str(finding["id"])
        reinspection_id = self.reinspected.get(self.finding_id)
        self.setVisible(reinspection_id is not None)
        if reinspection_id is None:
            return
        status = str(STATUS_ZH.get(finding["status"], finding["status"]))
        number = self.opinions.get(reinspection_id, "")
        if number:
            text = self.tr("Re-inspection saved (%1). Opinion %2 issued.").replace("%1", status).replace("%2", number)
        elif closable:
            text = self.tr("Re-inspection saved (%1). Issue the re-inspection opinion for the enterprise, then close "
                           "the hazard (销号).").replace("%1", status)
        else:
            text = self.tr("Re-inspection saved (%1). Issue the re-inspection opinion for the enterprise.").replace(
                "%1", status)
        self.label.setText("✓ " + text)
        self.opinion_button.setVisible(not number)
        self.close_button.setVisible(closable)

    def open_opinion(self) -> None:
        reinspection_id = self.reinspected.get(self.finding_id or "")
        if reinspection_id is None:
            return
        self.ctx.op(self, lambda c: reinspections.draft_opinion(c.workspace, reinspection_id)).success(
            lambda doc: self._open(doc, reinspection_id)).run()

    def _open(self, doc: dict[str, Any], reinspection_id: str) -> None:
        from fieldapp.ui.document_flow import DocumentFlow

        flow = DocumentFlow(self.ctx, str(doc["inspection_id"]), self.window(), document_id=str(doc["id"]),
                            reinspection_id=reinspection_id)
        flow.issued.connect(lambda _id: self._issued(flow, reinspection_id))
        self.flow = flow
        self.flow_opened.emit(flow)
        flow.open()

    def _issued(self, flow: Any, reinspection_id: str) -> None:
        row = getattr(flow, "issued_row", None) or {}
        self.opinions[reinspection_id] = str(row.get("number") or "")
        self.changed.emit()
