"""The statistics bar chart, checked on its rendered pixels (what an inspector sees), not only its numbers."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFontMetricsF, QImage
from pytestqt.qtbot import QtBot

from fieldapp.ui.bar_chart import BarChart, nice_scale
from fieldapp.ui.statistics_page import StatisticsPage
from fieldapp.ui.tasks import AppContext

RED = "#ff0000"  # a bar colour no text or grid line uses, so a pixel of it is a bar pixel


def render(qtbot: QtBot, chart: BarChart, width: int = 420, height: int = 260) -> QImage:
    qtbot.addWidget(chart)
    chart.resize(width, height)
    image = chart.grab().toImage()
    assert image.width() == width  # offscreen renders at device pixel ratio 1: logical = image pixels
    return image


def runs(image: QImage, colour: str, *, horizontal: bool) -> list[int]:
    """The length of each bar in pixels: the longest run of the colour in each group of lines that have it."""
    target = QColor(colour).rgb()
    lines = image.height() if horizontal else image.width()
    length = image.width() if horizontal else image.height()
    bars: list[int] = []
    inside = False
    for i in range(lines):
        run = best = 0
        for j in range(length):
            pixel = image.pixel(j, i) if horizontal else image.pixel(i, j)
            run = run + 1 if pixel == target else 0
            best = max(best, run)
        if best and not inside:
            bars.append(best)
        elif best:
            bars[-1] = max(bars[-1], best)
        inside = bool(best)
    return bars


def test_horizontal_bar_lengths_are_proportional_and_the_first_category_is_on_top(qtbot: QtBot) -> None:
    chart = BarChart("隐患", ["一号", "二号"], [1, 2], colour=RED, horizontal=True)
    image = render(qtbot, chart)
    one, two = runs(image, RED, horizontal=True)  # top to bottom
    assert abs(two / one - 2) < 0.05
    # The scale ends at a round number ≥ the largest value: here 2, so the longer bar spans the whole scale.
    plot = chart.chart_layout().plot
    assert abs(two - plot.width()) <= 2  # bars are filled on whole pixels


def test_vertical_bar_lengths_are_proportional(qtbot: QtBot) -> None:
    chart = BarChart("等级", ["一般隐患", "重大隐患"], [1, 2], colour=RED)
    one, two = runs(render(qtbot, chart), RED, horizontal=False)  # left to right
    assert abs(two / one - 2) < 0.05


def test_first_category_is_drawn_at_the_top(qtbot: QtBot) -> None:
    chart = BarChart("整改率", ["城关街道", "大路口乡", "寿张集镇"], [9, 1, 4], colour=RED, horizontal=True)
    first, second, third = runs(render(qtbot, chart), RED, horizontal=True)
    assert first > third > second


def test_percent_chart_full_bar_reaches_the_end_of_the_scale(qtbot: QtBot) -> None:
    chart = BarChart("整改率（%）", ["建材", "机械"], [100, 50], percent=True, colour=RED, horizontal=True)
    full, half = runs(render(qtbot, chart), RED, horizontal=True)
    layout = chart.chart_layout()
    assert abs(full - layout.plot.width()) <= 2
    assert abs(full / half - 2) < 0.05
    assert layout.ticks[-1][1] == "100"
    # The value label of the full bar fits after the scale, inside the widget.
    assert layout.values[0].left() >= layout.plot.right() and layout.values[0].right() <= chart.width()
    assert "100.0%" in chart.accessibleDescription() and "50.0%" in chart.accessibleDescription()


def test_count_scale_is_a_round_number() -> None:
    assert nice_scale(0, False, 5) == (1, 1)
    assert nice_scale(30, False, 5) == (30, 10)
    assert nice_scale(95, False, 5) == (100, 20)
    assert nice_scale(7, False, 2) == (10, 5)
    assert nice_scale(31.2, True, 5) == (100, 20)


def test_empty_chart_says_so(qtbot: QtBot) -> None:
    chart = BarChart("隐患状态分布", [], [], colour=RED, horizontal=True)
    image = render(qtbot, chart)
    assert runs(image, RED, horizontal=True) == []
    assert chart.accessibleDescription() == chart.empty_text() != ""
    layout = chart.chart_layout()
    background = image.pixel(2, 2)
    middle = [image.pixel(x, int(layout.plot.center().y()) + dy) for x in range(image.width()) for dy in (-3, 0, 3)]
    assert any(p != background for p in middle)  # the empty-state text is drawn in the middle
    assert chart.tooltip_at(layout.plot.center()) is None


def test_long_names_are_elided_and_do_not_run_into_the_bars(qtbot: QtBot) -> None:
    long_name = "某某县某某乡镇人民政府安全生产监督管理办公室所辖特种设备使用单位"
    chart = BarChart("各行业整改率（%）", [long_name, "短"], [50, 100], percent=True, colour=RED,
                     horizontal=True)
    image = render(qtbot, chart, 360, 200)
    layout = chart.chart_layout()
    shown = layout.label_texts[0]
    assert shown != long_name and shown.endswith("…")
    assert QFontMetricsF(chart.label_font()).horizontalAdvance(shown) <= layout.labels[0].width()
    assert layout.label_texts[1] == "短"
    # Between the name column and the bars only background: the name stops before the bar starts.
    background = image.pixel(2, 2)
    band = layout.bands[0]
    for x in range(int(layout.labels[0].right()) + 1, int(layout.plot.left()) - 1):
        for y in range(int(band.top()), int(band.bottom())):
            assert image.pixel(x, y) == background, (x, y)
    assert any(image.pixel(x, int(band.center().y())) != background
               for x in range(int(layout.labels[0].left()), int(layout.labels[0].right())))  # text drawn
    # The full name is in the tooltip, over the bar and over the label.
    assert long_name in (chart.tooltip_at(layout.bars[0].center()) or "")
    assert long_name in (chart.tooltip_at(layout.labels[0].center()) or "")
    assert "短" in (chart.tooltip_at(layout.bars[1].center()) or "")


def test_unusual_characters_are_shown_as_typed(qtbot: QtBot) -> None:
    names = ["𠮷野家", '<b>&"', ""]
    for horizontal in (True, False):
        chart = BarChart('<i>&"𠮷', names, [1, 2, 3], colour=RED, horizontal=horizontal)
        assert len(runs(render(qtbot, chart), RED, horizontal=horizontal)) == 3
        layout = chart.chart_layout()
        assert chart.tooltip_at(layout.bars[1].center()) == "<nobr>&lt;b&gt;&amp;&quot;: 2</nobr>"
        assert "𠮷野家" in (chart.tooltip_at(layout.bars[0].center()) or "")
        assert '<b>&"' in chart.accessibleDescription() and chart.accessibleName() == '<i>&"𠮷'


def test_many_categories_ask_for_height(qtbot: QtBot) -> None:
    few = BarChart("乡镇", [f"第{i}镇" for i in range(5)], list(range(5)), horizontal=True)
    many = BarChart("乡镇", [f"第{i}镇" for i in range(30)], list(range(30)), horizontal=True)
    line = QFontMetricsF(many.label_font()).height()
    assert many.sizeHint().height() > few.sizeHint().height()
    assert many.minimumSizeHint().height() >= 30 * line
    # Laid out at its minimum height, the bands of neighbouring names do not overlap and fit a line each.
    render(qtbot, many, 300, many.minimumSizeHint().height())
    bands = many.chart_layout().bands
    assert all(b.height() >= line for b in bands)
    assert all(a.bottom() <= b.top() + 0.01 for a, b in itertools.pairwise(bands))


def test_statistics_page_draws_its_own_charts(qtbot: QtBot, ctx: AppContext) -> None:
    page = StatisticsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.summary is not None, timeout=3000)
    charts = [page.charts_layout.itemAt(i).widget() for i in range(page.charts_layout.count())]
    assert all(isinstance(c, BarChart) for c in charts)
    townships = next(c for c in charts if isinstance(c, BarChart) and c.percent and c.categories and
                     c.categories[0] == page.township_model.rows[0]["name"])
    assert townships.horizontal and len(townships.categories) == page.township_model.rowCount()
    # No module of the app names QtCharts: the frozen build then leaves it (and QtOpenGL) out.
    package = Path(__file__).resolve().parents[2] / "fieldapp"
    imports = re.compile(r"PySide6\.QtCharts|import[^\n]*\bQtCharts\b")
    assert not [p for p in package.rglob("*.py") if imports.search(p.read_text(encoding="utf-8"))]


def test_tooltip_event_points_at_the_bar_under_the_mouse(qtbot: QtBot) -> None:
    chart = BarChart("隐患", ["已登记", "责令整改"], [12, 30], horizontal=True)
    render(qtbot, chart)
    assert chart.index_at(chart.chart_layout().bars[1].center()) == 1
    assert chart.index_at(QPointF(-5, -5)) is None
