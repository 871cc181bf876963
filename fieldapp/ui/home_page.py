"""首页: open inspections, overdue and due-soon hazards, unsynced changes, last sync and backup."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.models import backup, findings, inspections, lifecycle, settings
from fieldapp.models.store import Row
from fieldapp.ui import util
from fieldapp.ui.enterprise_page import make_table
from fieldapp.ui.table_models import Column, RowsModel, finding_status_text, finding_tone
from fieldapp.ui.tasks import AppContext

UPCOMING_LIMIT = 200


def due_soon(rows: list[Row], days: int, today: date | None = None) -> list[Row]:
    """Hazards whose deadline is running and falls within the next `days` days (not yet overdue)."""
    today = today or date.today()
    horizon = (today + timedelta(days=days)).isoformat()
    return [r for r in rows if r["status"] in lifecycle.DEADLINE_STATES and r.get("deadline")
            and today.isoformat() <= r["deadline"][:10] <= horizon]


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
        self.open_tile = util.BigNumber(self.tr("inspections in progress"))
        self.overdue_tile = util.BigNumber(self.tr("overdue hazards"), "red")
        self.soon_tile = util.BigNumber(self.tr("hazards due soon"), "orange")
        self.escalated_tile = util.BigNumber(self.tr("major hazards under listed supervision"))
        self.sync_tile = util.BigNumber(self.tr("last backup"))
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
        grid.addWidget(self.inspections_title, 0, 0)
        grid.addWidget(self.inspection_table, 1, 0)
        grid.addWidget(self.no_inspections, 1, 0)
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
        ctx.bus.data_changed.connect(lambda _changes: self.reload())
        self.reload()

    def reload(self) -> None:
        store = self.ctx.reader
        today = date.today()
        self.date.setText(today.isoformat())
        open_inspections = [r for r in inspections.list_inspections(store, limit=UPCOMING_LIMIT)
                            if r["status"] != "completed"]
        open_inspections.sort(key=lambda r: r["started_at"])
        self.inspection_model.set_rows(open_inspections)
        self.no_inspections.setVisible(not open_inspections)
        self.inspection_table.setVisible(bool(open_inspections))
        self.open_tile.set(len(open_inspections))

        overdue = findings.list_findings(store, overdue=True, today=today)
        days = int(settings.get(store, "due_soon_days"))
        running = [r for status in sorted(lifecycle.DEADLINE_STATES)
                   for r in findings.list_findings(store, status=status, today=today)]
        soon = sorted(due_soon(running, days, today), key=lambda r: r["deadline"])
        self.hazard_model.set_rows(overdue + soon)
        self.overdue_tile.set(len(overdue))
        self.soon_tile.set(len(soon), self.tr("hazards due within %n day(s)", "", days))
        self.escalated_tile.set(len(findings.list_findings(store, status="escalated")))

        # Until sync can say how many changes are unexported, the last backup is what protects the data.
        files = backup.list_backups(self.ctx.workspace.backups_dir)
        when = datetime.fromtimestamp(files[0].stat().st_mtime) if files else None
        self.sync_tile.set(when.strftime("%m-%d %H:%M") if when else "—", self.tr("last backup (sync not set up yet)"))
        self.sync_line.setText(self.tr("Last sync: never. Last backup: %1.").replace(
            "%1", when.strftime("%Y-%m-%d %H:%M") if when else self.tr("none yet")))
