"""统计: findings by status and grade, 整改率 by township and industry, XLSX export (services.statistics)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QGridLayout, QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from fieldapp.services import statistics as service
from fieldapp.services.changes import Entity
from fieldapp.services.vocabulary import FINDING_GRADES, STATUS_ZH
from fieldapp.ui import util
from fieldapp.ui.bar_chart import BarChart
from fieldapp.ui.table_models import Column, RowsModel
from fieldapp.ui.tasks import AppContext
from fieldapp.ui.widgets import BigNumber, make_table

# The tile's and the table's tones, the bars' colours (same reds, oranges and greens as the style sheet).
TONE_COLOURS = {"red": "#b91c1c", "orange": "#c2410c", "green": "#15803d", "": "#6b7280"}


def rate_colour(value: float | None) -> str:
    return TONE_COLOURS[service.rate_tone(value)]


def rate_text(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def chart_view(title: str, categories: list[str], values: list[float], *, percent: bool = False,
               colour: str = "#2563eb", horizontal: bool = False, colours: list[str] | None = None) -> BarChart:
    """A bar chart; many Chinese category names (townships, industries) only stay readable as horizontal bars."""
    return BarChart(title, categories, values, percent=percent, colour=colour, horizontal=horizontal,
                    colours=colours)


class StatisticsPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.summary: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(util.page_title(self.tr("Statistics")), 1)
        self.export_button = util.button(self.tr("Export to Excel…"))
        self.refresh_button = util.button(self.tr("Refresh"))
        head.addWidget(self.refresh_button)
        head.addWidget(self.export_button)
        layout.addLayout(head)
        tiles = QHBoxLayout()
        self.total_tile = BigNumber(self.tr("hazards found"))
        self.rate_tile = BigNumber(self.tr("rectification rate (整改率)"))
        self.overdue_tile = BigNumber(self.tr("overdue"), "red")
        self.major_tile = BigNumber(self.tr("major hazards"), "orange")
        self.escalated_tile = BigNumber(self.tr("under listed supervision"))
        for t in (self.total_tile, self.rate_tile, self.overdue_tile, self.major_tile, self.escalated_tile):
            tiles.addWidget(t, 1)
        layout.addLayout(tiles)
        self.tabs = QTabWidget()
        self.charts = QWidget()
        self.charts_layout = QGridLayout(self.charts)
        self.charts_layout.setContentsMargins(0, 0, 0, 0)
        headers = [self.tr("Township or industry"), self.tr("Hazards"), self.tr("Rectified"), self.tr("Overdue"),
                   self.tr("Rectification rate")]
        self.table_headers = headers

        def columns() -> list[Column]:
            return [Column(k, h, (lambda r: rate_text(r["整改率"])) if k == "整改率" else None)
                    for k, h in zip(service.TABLE_KEYS, headers, strict=True)]

        def tone(row: dict[str, Any]) -> QColor | None:
            return QColor(rate_colour(row["整改率"])) if row["整改率"] is not None else None

        self.township_model = RowsModel(columns(), self, tone=tone)
        self.industry_model = RowsModel(columns(), self, tone=tone)
        # The charts scroll rather than push the window taller than a 768-pixel screen at 150 %.
        self.tabs.addTab(util.scroll_form(self.charts), self.tr("Charts"))
        self.tabs.addTab(make_table(self.township_model), self.tr("By township"))
        self.tabs.addTab(make_table(self.industry_model), self.tr("By industry"))
        layout.addWidget(self.tabs, 1)
        self.export_button.clicked.connect(self.export)
        self.refresh_button.clicked.connect(self.reload)
        ctx.bus.data_changed.connect(self.on_changed)
        self.reload()

    def on_changed(self, changes: frozenset[Entity]) -> None:
        if changes & {Entity.FINDINGS, Entity.REINSPECTIONS, Entity.ENTERPRISES, Entity.INSPECTIONS}:
            self.reload()

    def reload(self) -> None:
        # An aggregate over every finding: a long read, so it runs on the worker.
        self.ctx.op(self, lambda c: service.statistics(c.workspace)).success(self.show_summary).run()

    def show_summary(self, summary: dict[str, Any]) -> None:
        self.summary = summary
        self.total_tile.set(summary["findings"])
        self.rate_tile.setProperty("tone", service.rate_tone(summary["整改率"]))
        self.rate_tile.set(rate_text(summary["整改率"]))
        self.overdue_tile.set(summary["findings_overdue"])
        self.major_tile.set(summary["findings_major"])
        self.escalated_tile.set(summary["findings_escalated"])
        self.township_model.set_rows(summary["by_township"])
        self.industry_model.set_rows(summary["by_industry"])
        while self.charts_layout.count():
            item = self.charts_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        by_status = summary["findings_by_status"]
        statuses = [s for s in STATUS_ZH if by_status.get(s)]
        major = summary["findings_major"]
        general = summary["findings"] - major
        charts = [
            chart_view(self.tr("Hazards by status"), [STATUS_ZH[s] for s in statuses],
                       [by_status[s] for s in statuses], horizontal=True),
            chart_view(self.tr("Hazards by grade"), list(FINDING_GRADES.values()), [general, major], colour="#ea580c"),
            chart_view(self.tr("Rectification rate by township (%)"), [r["name"] for r in summary["by_township"]],
                       [round((r["整改率"] or 0) * 100, 1) for r in summary["by_township"]], percent=True,
                       horizontal=True, colours=[rate_colour(r["整改率"]) for r in summary["by_township"]]),
            chart_view(self.tr("Rectification rate by industry (%)"), [r["name"] for r in summary["by_industry"]],
                       [round((r["整改率"] or 0) * 100, 1) for r in summary["by_industry"]], percent=True,
                       horizontal=True, colours=[rate_colour(r["整改率"]) for r in summary["by_industry"]]),
        ]
        # Townships and industries get the full height: their many Chinese names need a line each.
        self.charts_layout.addWidget(charts[0], 0, 0)
        self.charts_layout.addWidget(charts[1], 1, 0)
        self.charts_layout.addWidget(charts[2], 0, 1, 2, 1)
        self.charts_layout.addWidget(charts[3], 0, 2, 2, 1)

    def export(self) -> None:
        if self.summary is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export statistics"), "整改率统计.xlsx",
                                              self.tr("Excel workbook") + " (*.xlsx)")
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        summary, headers = self.summary, self.table_headers
        sheets = (self.tr("By township"), self.tr("By industry"))
        assert summary is not None
        self.ctx.op(self, lambda c: service.export_xlsx(c.workspace, path, summary=summary, headers=headers,
                                                        sheets=sheets)).with_progress(
            self.tr("Exporting…")).success(lambda p: util.show_info(
                self, self.tr("Exported to %1").replace("%1", str(p)))).run()
