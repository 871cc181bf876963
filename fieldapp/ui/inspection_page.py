"""检查: the list of inspections (in progress first), the start form and the checklist walker."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from fieldapp.services import inspections
from fieldapp.services.changes import Entity
from fieldapp.ui import util
from fieldapp.ui.inspection_start import StartInspectionView
from fieldapp.ui.inspection_walker import InspectionWalker
from fieldapp.ui.table_models import Column, RowsModel
from fieldapp.ui.tasks import AppContext
from fieldapp.ui.widgets import make_table

RECENT = 300


class InspectionOverview(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(util.page_title(self.tr("Inspections")), 1)
        self.continue_button = util.button(self.tr("Open selected"), primary=True)
        head.addWidget(self.continue_button)
        layout.addLayout(head)
        self.hint = QLabel(self.tr("To start a new inspection, find the enterprise under “Enterprises” and press "
                                   "“Start inspection”."))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.model = RowsModel([
            Column("enterprise_name", self.tr("Enterprise")),
            Column("type", self.tr("Type")),
            Column("started_at", self.tr("Started"), lambda r: util.short_time(r["started_at"])),
            Column("status", self.tr("Status"), lambda r: self.tr("In progress") if r["status"] == "in_progress"
                   else self.tr("Completed")),
            Column("findings", self.tr("Hazards found")),
        ], self)
        self.table = make_table(self.model)
        self.table.setObjectName("inspectionTable")
        for col, width in ((1, 110), (2, 150), (3, 90), (4, 90)):
            self.table.setColumnWidth(col, width)
        layout.addWidget(self.table, 1)
        self.table.doubleClicked.connect(lambda i: self.ctx.bus.navigate.emit("inspection", self.model.row(
            i.row())["id"]))
        self.continue_button.clicked.connect(self.open_selected)
        self.reload()

    def reload(self) -> None:
        # Work still open comes first: that is what the inspector returns to.
        self.model.set_rows(inspections.list_inspections(self.ctx.read, limit=RECENT, open_first=True))

    def open_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.ctx.bus.navigate.emit("inspection", self.model.row(index.row())["id"])


class InspectionPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.stack = QStackedWidget()
        self.overview = InspectionOverview(ctx)
        self.start_view = StartInspectionView(ctx)
        self.walker = InspectionWalker(ctx)
        for w in (self.overview, self.start_view, self.walker):
            self.stack.addWidget(w)
        back = util.button(self.tr("← All inspections"))
        back.clicked.connect(self.show_overview)
        self.back_button = back
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.start_view.started.connect(self.show_inspection)
        self.start_view.cancelled.connect(self.show_overview)
        ctx.bus.data_changed.connect(self.on_changed)
        self.show_overview()

    def show_overview(self) -> None:
        self.overview.reload()
        self.stack.setCurrentWidget(self.overview)
        self.back_button.setVisible(False)

    def start_for(self, enterprise_id: str, assignment: dict[str, Any] | None = None) -> None:
        self.start_view.prepare(enterprise_id, assignment)
        self.stack.setCurrentWidget(self.start_view)
        self.back_button.setVisible(True)

    def show_inspection(self, inspection_id: str) -> None:
        self.walker.load(inspection_id)
        self.stack.setCurrentWidget(self.walker)
        self.back_button.setVisible(True)

    def on_changed(self, changes: frozenset[Entity]) -> None:
        shown = self.stack.currentWidget() is self.overview
        if shown and changes & {Entity.INSPECTIONS, Entity.FINDINGS, Entity.ENTERPRISES}:
            self.overview.reload()
