"""首页: open inspections, overdue and due-soon hazards, unsynced changes, last sync and backup."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.services import today as service
from fieldapp.services.vocabulary import Role
from fieldapp.ui import util
from fieldapp.ui.table_models import Column, RowsModel, finding_status_text, finding_tone
from fieldapp.ui.tasks import AppContext
from fieldapp.ui.widgets import BigNumber, make_table

SYNC_STATUS_DELAY_MS = 400


class HomePage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(util.page_title(self.tr("Today")), 1)
        self.date = QLabel()
        self.date.setObjectName("hint")
        head.addWidget(self.date)
        layout.addLayout(head)

        tiles = QHBoxLayout()
        self.open_tile = BigNumber(self.tr("inspections in progress"))
        self.overdue_tile = BigNumber(self.tr("overdue hazards"), "red")
        self.soon_tile = BigNumber(self.tr("hazards due soon"), "orange")
        self.escalated_tile = BigNumber(self.tr("major hazards under listed supervision"))
        self.sync_tile = BigNumber(self.tr("changes not yet synced"))
        for tile in (self.open_tile, self.overdue_tile, self.soon_tile, self.escalated_tile, self.sync_tile):
            tiles.addWidget(tile, 1)
        layout.addLayout(tiles)

        grid = QGridLayout()
        self.inspections_title = QLabel(self.tr("Inspections in progress and assigned"))
        self.inspections_title.setObjectName("sectionTitle")
        self.inspection_model = RowsModel([
            Column("enterprise_name", self.tr("Enterprise")),
            Column("type", self.tr("Type")),
            Column("started_at", self.tr("Started"), lambda r: util.short_time(r["started_at"])),
        ], self)
        self.inspection_table = make_table(self.inspection_model)
        self.inspection_table.setObjectName("homeInspections")
        self.inspection_table.setColumnWidth(1, 90)
        self.inspection_table.setColumnWidth(2, 140)
        self.no_inspections = util.empty_state(self.tr("No inspection in progress. Start one from "
                                                       "“Enterprises”."))
        self.hazards_title = QLabel(self.tr("Overdue and due-soon hazards"))
        self.hazards_title.setObjectName("sectionTitle")
        self.hazard_model = RowsModel([
            Column("enterprise_name", self.tr("Enterprise")),
            Column("description", self.tr("Hazard")),
            Column("deadline", self.tr("Deadline"), lambda r: (r.get("deadline") or "")[:10]),
            Column("status", self.tr("Status"), finding_status_text),
        ], self, tone=finding_tone)
        self.hazard_table = make_table(self.hazard_model, stretch=1)
        self.hazard_table.setObjectName("homeHazards")
        self.hazard_table.setColumnWidth(0, 180)
        self.hazard_table.setColumnWidth(2, 100)
        self.hazard_table.setColumnWidth(3, 170)
        self.assignments_title = QLabel(self.tr("Visits assigned by the office"))
        self.assignments_title.setObjectName("sectionTitle")
        self.assignment_model = RowsModel([
            Column("enterprise_name", self.tr("Enterprise")),
            Column("type", self.tr("Type")),
            Column("planned_date", self.tr("Planned"), lambda r: (r.get("planned_date") or "")[:10]),
        ], self)
        self.assignment_table = make_table(self.assignment_model)
        self.assignment_table.setObjectName("homeAssignments")
        self.assignment_table.setColumnWidth(1, 90)
        self.assignment_table.setColumnWidth(2, 110)
        self.assignment_table.setMaximumHeight(170)
        self.assignment_start = util.button(self.tr("Start the assigned inspection"), primary=True)
        assigned_head = QHBoxLayout()
        assigned_head.addWidget(self.assignments_title, 1)
        assigned_head.addWidget(self.assignment_start)
        left = QVBoxLayout()
        left.addWidget(self.inspection_table, 1)
        left.addWidget(self.no_inspections, 1)
        left.addLayout(assigned_head)
        left.addWidget(self.assignment_table)
        grid.addWidget(self.inspections_title, 0, 0)
        grid.addLayout(left, 1, 0)
        grid.addWidget(self.hazards_title, 0, 1)
        grid.addWidget(self.hazard_table, 1, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        layout.addLayout(grid, 1)

        self.sync_line = QLabel()
        self.sync_line.setObjectName("hint")
        self.sync_line.setWordWrap(True)
        layout.addWidget(self.sync_line)

        self.inspection_table.doubleClicked.connect(lambda i: ctx.bus.navigate.emit(
            "inspection", self.inspection_model.row(i.row())["id"]))
        self.hazard_table.doubleClicked.connect(lambda i: ctx.bus.navigate.emit(
            "finding", self.hazard_model.row(i.row())["id"]))
        self.assignment_table.doubleClicked.connect(lambda _i: self.start_assignment())
        self.assignment_start.clicked.connect(self.start_assignment)
        ctx.bus.data_changed.connect(lambda _changes: self.reload())
        self.sync_status: dict[str, Any] | None = None
        self.show_assignments([])
        self.reload()
        # The sync state needs the sync modules (cryptography): read on the worker once the window is up.
        QTimer.singleShot(SYNC_STATUS_DELAY_MS, self.reload_sync)

    def reload(self) -> None:
        today = service.today_overview(self.ctx.read)
        self.date.setText(today.day.isoformat())
        self.inspection_model.set_rows(today.open_inspections)
        self.no_inspections.setVisible(not today.open_inspections)
        self.inspection_table.setVisible(bool(today.open_inspections))
        self.open_tile.set(len(today.open_inspections))
        self.hazard_model.set_rows(today.overdue + today.due_soon)
        self.overdue_tile.set(len(today.overdue))
        self.soon_tile.set(len(today.due_soon), self.tr("hazards due within %n day(s)", "", today.due_soon_days))
        self.escalated_tile.set(today.escalated)
        self.last_backup = today.last_backup
        if self.sync_status is not None:
            self.reload_sync()
        self.show_sync()

    def reload_sync(self) -> None:
        self.ctx.op(self, lambda c: service.sync_state(c.workspace)).success(self._synced).run()

    def _synced(self, state: service.SyncState) -> None:
        self.sync_status = dict(state.status, last_sync=state.last_sync)
        self.show_assignments(state.assigned)
        self.show_sync()

    def show_assignments(self, rows: list[dict[str, Any]]) -> None:
        self.assignment_model.set_rows(rows)
        for w in (self.assignments_title, self.assignment_table, self.assignment_start):
            w.setVisible(bool(rows))
        if rows:
            self.assignment_table.selectRow(0)

    def start_assignment(self) -> None:
        index = self.assignment_table.currentIndex()
        if index.isValid():
            self.ctx.bus.navigate.emit("start_assignment", self.assignment_model.row(index.row()))

    def show_sync(self) -> None:
        backup_text = self.last_backup.strftime("%Y-%m-%d %H:%M") if self.last_backup else self.tr("none yet")
        status = self.sync_status
        if status is None:
            self.sync_tile.set("…", self.tr("changes not yet synced"))
            self.sync_line.setText(self.tr("Last backup: %1.").replace("%1", backup_text))
            return
        last = util.short_time(status.get("last_sync")) or self.tr("never")
        if status["role"] == Role.DEVICE:
            pending = int(status.get("pending_changes") or 0)
            self.sync_tile.setProperty("tone", "green" if pending == 0 else "orange")
            self.sync_tile.set("✓" if pending == 0 else pending,
                               self.tr("all synced · last sync %1").replace("%1", last) if pending == 0
                               else self.tr("changes not yet synced · last sync %1").replace("%1", last))
        elif status["role"] == Role.CENTRAL:
            self.sync_tile.setProperty("tone", "")
            self.sync_tile.set(len(status.get("devices") or []),
                               self.tr("field devices · %n conflict(s) to review", "", int(status.get("open_conflicts")
                                                                                        or 0)))
        else:
            self.sync_tile.setProperty("tone", "")
            self.sync_tile.set("—", self.tr("not enrolled for sync (see Sync)"))
        self.sync_tile.style().unpolish(self.sync_tile)
        self.sync_tile.style().polish(self.sync_tile)
        self.sync_line.setText(self.tr("Last sync: %1. Last backup: %2.").replace("%1", last).replace(
            "%2", backup_text))
