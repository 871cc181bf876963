"""A small bar chart painted with QPainter, so the statistics page needs no QtCharts (and no QtOpenGL).

Everything is laid out in logical pixels: Qt scales the painter for high-DPI screens. Painting, hit testing
(tooltips) and the tests all use the same `chart_layout()`, so what is drawn is what is measured.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

MARGIN = 10.0  # around the whole chart
GAP = 6.0  # between a label and its bar, a bar and its value
BAR_SHARE = 0.7  # of each category's band; the rest separates neighbouring bars
MAX_BAR = 34.0  # thicker bars (two categories in a tall chart) look like blocks, not bars


@dataclass
class ChartLayout:
    """Where everything goes, in logical pixels."""

    title: QRectF
    plot: QRectF  # the value scale spans this rectangle; bars start at its left (or bottom) edge
    bars: list[QRectF]
    labels: list[QRectF]  # category label boxes
    label_texts: list[str]  # elided to fit their box
    values: list[QRectF]  # value label boxes at the bar ends
    bands: list[QRectF]  # each category's whole band (bar and label): where its tooltip shows
    ticks: list[tuple[float, str]]  # position along the value axis (x or y) and its label


def nice_scale(top_value: float, percent: bool, max_ticks: int) -> tuple[float, float]:
    """The end of the scale and the tick step: 100 for percentages, else a round number ≥ 1."""
    max_ticks = max(1, min(max_ticks, 5))
    if percent:
        step = next((s for s in (20.0, 25.0, 50.0) if 100 / s <= max_ticks), 100.0)
        return 100.0, step
    top_value = max(top_value, 0.0)
    magnitude = 1.0
    while True:
        for factor in (1.0, 2.0, 5.0):
            step = factor * magnitude
            if math.ceil(top_value / step) <= max_ticks:
                return max(step, step * math.ceil(top_value / step)), step
        magnitude *= 10


class BarChart(QWidget):
    """Bars for a few categories, vertical or horizontal (long Chinese names read best as rows).

    Horizontal charts list the first category at the top and ask for a line per category, so a county with
    many townships makes the chart taller (the statistics page scrolls) instead of squeezing the names.
    """

    def __init__(self, title: str, categories: list[str], values: list[float], *, percent: bool = False,
                 colour: str = "#2563eb", horizontal: bool = False, colours: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if len(categories) != len(values):
            raise ValueError("one value per category")
        self.title = title
        self.categories = list(categories)
        self.values = [float(v) for v in values]
        self.percent = percent
        self.colour = QColor(colour)
        # One colour per bar when given (e.g. a 整改率 coloured by its threshold), else ``colour`` for all.
        self.colours = [QColor(c) for c in colours] if colours and len(colours) == len(values) else None
        self.horizontal = horizontal
        # A vertical chart (a few categories) gains nothing from extra height: leave it to the charts with rows.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding if horizontal
                           else QSizePolicy.Policy.Preferred)
        self.setAccessibleName(title)
        summary = "; ".join(f"{c}: {self.value_text(v)}" for c, v in zip(self.categories, self.values,
                                                                           strict=True))
        self.setAccessibleDescription(summary or self.empty_text())

    # -- text -----------------------------------------------------------------------------------------

    def empty_text(self) -> str:
        return self.tr("No data yet")

    def value_text(self, value: float) -> str:
        return f"{value:.1f}%" if self.percent else f"{value:g}"

    def title_font(self) -> QFont:
        # Relative to the widget's font, which the application style sheet sets (11pt): 12pt bold, 9pt.
        font = QFont(self.font())
        font.setPointSizeF(12)
        font.setBold(True)
        return font

    def label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(9)
        return font

    # -- size -----------------------------------------------------------------------------------------

    def _heights(self) -> tuple[float, float]:
        """Height of the title line and of one label line."""
        return QFontMetricsF(self.title_font()).height() + 8, QFontMetricsF(self.label_font()).height()

    def _height_for(self, row: float) -> int:
        title, line = self._heights()
        if not self.categories:
            return math.ceil(2 * MARGIN + title + 3 * line)
        if self.horizontal:
            return math.ceil(2 * MARGIN + title + len(self.categories) * row + line + GAP)
        return math.ceil(2 * MARGIN + title + 2 * line + 4 * row)

    def minimumSizeHint(self) -> QSize:
        # A line per category plus a little air: the smallest height at which no two names touch.
        _, line = self._heights()
        return QSize(220, self._height_for(line + 4))

    def sizeHint(self) -> QSize:
        _, line = self._heights()
        return QSize(360, self._height_for(line * 1.9))

    # -- geometry ---------------------------------------------------------------------------------------

    def layout_in(self, width: float, height: float) -> ChartLayout:
        metrics = QFontMetricsF(self.label_font())
        title_h, line = self._heights()
        title = QRectF(MARGIN, MARGIN, width - 2 * MARGIN, title_h)
        area = QRectF(MARGIN, title.bottom(), width - 2 * MARGIN, height - title.bottom() - MARGIN)
        empty = ChartLayout(title, area, [], [], [], [], [], [])
        if not self.categories or area.width() < 20 or area.height() < 20:
            return empty
        n = len(self.categories)
        value_w = max(metrics.horizontalAdvance(self.value_text(v)) for v in self.values)
        if self.horizontal:
            # Names take what they need, up to 45 % of the width (an eight-character industry in a third of a
            # 1366-pixel screen at 150 %); longer ones are elided, in full in the tooltip.
            name_w = min(max(metrics.horizontalAdvance(c) for c in self.categories), area.width() * 0.45)
            plot = QRectF(area.left() + name_w + GAP, area.top(), 0, area.height() - line - GAP)
            # The value label of the longest bar needs room after the scale's end.
            plot.setRight(area.right() - value_w - GAP)
            tick_w = max(metrics.horizontalAdvance("100"), metrics.horizontalAdvance(f"{max(self.values):g}0"))
            tick_w += 4 * GAP  # air between tick labels: a few, not a ruler
            top, step = nice_scale(max(self.values), self.percent, int(plot.width() // tick_w))
            band = plot.height() / n
            thick = min(band * BAR_SHARE, MAX_BAR)
            layout = ChartLayout(title, plot, [], [], [], [], [], [])
            for i, (name, value) in enumerate(zip(self.categories, self.values, strict=True)):
                mid = plot.top() + band * (i + 0.5)
                length = plot.width() * max(0.0, min(value, top)) / top
                bar = QRectF(plot.left(), mid - thick / 2, length, thick)
                layout.bars.append(bar)
                layout.labels.append(QRectF(area.left(), mid - band / 2, name_w, band))
                layout.label_texts.append(metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_w))
                layout.values.append(QRectF(bar.right() + GAP / 2, mid - band / 2, value_w + GAP, band))
                layout.bands.append(QRectF(area.left(), mid - band / 2, area.width(), band))
            layout.ticks = [(plot.left() + plot.width() * k * step / top, f"{k * step:g}")
                            for k in range(round(top / step) + 1)]
            return layout
        # Vertical: a value axis on the left, names under their bars, values above them.
        tick_w = max(metrics.horizontalAdvance("100"), metrics.horizontalAdvance(f"{max(self.values):g}0"))
        plot = QRectF(area.left() + tick_w + GAP, area.top() + line + GAP / 2, 0, 0)
        plot.setRight(area.right())
        plot.setBottom(area.bottom() - line - GAP)
        top, step = nice_scale(max(self.values), self.percent, int(plot.height() // (line * 2.5)))
        band = plot.width() / n
        thick = min(band * BAR_SHARE, MAX_BAR * 3)
        layout = ChartLayout(title, plot, [], [], [], [], [], [])
        for i, (name, value) in enumerate(zip(self.categories, self.values, strict=True)):
            mid = plot.left() + band * (i + 0.5)
            length = plot.height() * max(0.0, min(value, top)) / top
            bar = QRectF(mid - thick / 2, plot.bottom() - length, thick, length)
            layout.bars.append(bar)
            layout.labels.append(QRectF(mid - band / 2, plot.bottom() + GAP, band, line))
            layout.label_texts.append(metrics.elidedText(name, Qt.TextElideMode.ElideRight, band - GAP))
            layout.values.append(QRectF(mid - band / 2, bar.top() - line - GAP / 2, band, line))
            layout.bands.append(QRectF(mid - band / 2, area.top(), band, area.height()))
        layout.ticks = [(plot.bottom() - plot.height() * k * step / top, f"{k * step:g}")
                        for k in range(round(top / step) + 1)]
        return layout

    def chart_layout(self) -> ChartLayout:
        return self.layout_in(self.width(), self.height())

    def index_at(self, pos: QPointF) -> int | None:
        return next((i for i, band in enumerate(self.chart_layout().bands) if band.contains(pos)), None)

    def tooltip_at(self, pos: QPointF) -> str | None:
        i = self.index_at(pos)
        if i is None:
            return None
        # Escaped, so that a name with < or & shows as typed rather than as rich text.
        return f"<nobr>{html.escape(self.categories[i])}: {self.value_text(self.values[i])}</nobr>"

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # -- painting -------------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        layout = self.chart_layout()
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        faint = QColor(text)
        faint.setAlphaF(0.6)  # tick labels: secondary to names and values
        grid = QColor(text)
        grid.setAlphaF(0.12)  # light enough to read the bars over, in a light or a dark palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        painter.setFont(self.title_font())
        painter.setPen(text)
        painter.drawText(layout.title, Qt.AlignmentFlag.AlignCenter,
                         QFontMetricsF(self.title_font()).elidedText(self.title, Qt.TextElideMode.ElideRight,
                                                                     layout.title.width()))
        painter.setFont(self.label_font())
        if not layout.bars:
            painter.setPen(faint)
            painter.drawText(layout.plot, Qt.AlignmentFlag.AlignCenter, self.empty_text())
            painter.end()
            return
        plot = layout.plot
        line = QFontMetricsF(self.label_font()).height()
        for position, label in layout.ticks:
            painter.setPen(QPen(grid, 1))
            if self.horizontal:
                painter.drawLine(QPointF(position, plot.top()), QPointF(position, plot.bottom()))
                painter.setPen(faint)
                painter.drawText(QRectF(position - 40, plot.bottom() + GAP / 2, 80, line),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
            else:
                painter.drawLine(QPointF(plot.left(), position), QPointF(plot.right(), position))
                painter.setPen(faint)
                painter.drawText(QRectF(MARGIN, position - line, plot.left() - GAP - MARGIN, 2 * line),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        # Bars without antialiasing: crisp edges, and their length in pixels is exactly their share.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for i, bar in enumerate(layout.bars):
            painter.fillRect(bar, self.colours[i] if self.colours else self.colour)
        painter.setPen(text)
        label_align = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter if self.horizontal
                       else Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        value_align = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter if self.horizontal
                       else Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        for box, name, value_box, value in zip(layout.labels, layout.label_texts, layout.values, self.values,
                                               strict=True):
            painter.drawText(box, label_align, name)
            painter.drawText(value_box, value_align, self.value_text(value))
        painter.setPen(QPen(faint, 1))  # the base line the bars stand on
        if self.horizontal:
            painter.drawLine(plot.topLeft(), plot.bottomLeft())
        else:
            painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.end()
