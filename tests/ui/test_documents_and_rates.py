"""The 文书 page at 1366 px (every column on screen, search by enterprise or number) and 整改率 colours."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.models import documents, enterprises, findings, inspections, inspectors, stats
from fieldapp.services import drafts, issuing, notices
from fieldapp.ui.app import STYLE
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.statistics_page import TONE_COLOURS, StatisticsPage
from fieldapp.ui.tasks import AppContext
from fieldapp.workspace import Workspace

LONG_NAME = "示范县拳铺镇宏达精细化工科技有限公司"


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The application's style sheet, as `fieldapp gui` sets it before any window is built."""
    qapp.setStyleSheet(STYLE)
    yield
    qapp.setStyleSheet("")


def issue_orders(ws: Workspace) -> dict[str, list[str]]:
    """Two orders for a long-named enterprise and one for another: enterprise name → numbers."""
    store = ws.store
    long_id = enterprises.create(store, {"name": LONG_NAME, "uscc": "91350100M000100Y43"})["id"]
    other_id = str(store.scalar("SELECT id FROM enterprises WHERE id != ? ORDER BY name LIMIT 1", (long_id,)))
    officers = [o["id"] for o in inspectors.list_inspectors(store)[:2]]
    out: dict[str, list[str]] = {}
    for enterprise_id, count in ((long_id, 2), (other_id, 1)):
        for n in range(count):
            inspection, _ = inspections.create(store, enterprise_id=enterprise_id, officer_ids=officers)
            findings.create(store, enterprise_id=enterprise_id, inspection_id=inspection["id"],
                            description=f"安全出口堵塞{n}", deadline=(date.today() + timedelta(days=9)).isoformat())
            draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=inspection["id"]).value
            doc = issuing.issue_document(ws, draft["id"]).value.document
            name = store.get("enterprises", enterprise_id)["name"]
            out.setdefault(name, []).append(doc["number"])
    return out


def test_documents_page_fits_1366_and_finds_notices_by_enterprise_or_number(qtbot: QtBot, ctx: AppContext,
                                                                             styled: None) -> None:
    issued = issue_orders(ctx.workspace)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_page("documents")
    page = window.documents
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=3000)
    table = page.table
    metrics = table.fontMetrics()
    viewport = table.viewport().width()
    last = page.model.columnCount() - 1
    # 签发 (the last column) ends inside the visible table: nothing to scroll sideways for.
    assert table.columnViewportPosition(last) + table.columnWidth(last) <= viewport
    for col in range(page.model.columnCount()):
        for row in range(page.model.rowCount()):
            text = str(page.model.data(page.model.index(row, col)))
            # Whole text on screen: on one line, or wrapped onto lines the row is tall enough for.
            lines = math.ceil((metrics.horizontalAdvance(text) + 8) / table.columnWidth(col))
            assert lines <= 2 and lines * metrics.lineSpacing() <= table.rowHeight(row), (col, text)
    assert not page.void_button.isVisibleTo(window)  # nothing selected yet: no actions
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.pdf is not None, timeout=5000)
    for button in (page.print_button, page.export_button, page.void_button, page.reissue_button):
        assert button.isVisibleTo(window) and button.isEnabled()
        right = button.mapTo(window, button.rect().bottomRight())
        assert right.x() <= window.width() and right.y() <= window.height()

    page.search.insert("宏达精细")  # QTest types ASCII only; an IME delivers Chinese like this
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    assert {r["number"] for r in page.model.rows} == set(issued[LONG_NAME])
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=3000)
    wanted = next(iter(n for name, numbers in issued.items() if name != LONG_NAME for n in numbers))
    page.search.insert(wanted)
    qtbot.waitUntil(lambda: [r["number"] for r in page.model.rows] == [wanted], timeout=3000)
    page.search.clear()
    serial = wanted.split("〕")[1].rstrip("号")
    page.search.insert(f"指令书 {serial}")  # a type's name and the serial
    qtbot.waitUntil(lambda: [r["number"] for r in page.model.rows] == [wanted], timeout=3000)
    page.search.setText("没有这家单位")
    qtbot.waitUntil(lambda: page.list_stack.currentWidget() is page.empty, timeout=3000)
    assert page.empty.text() == page.no_match_text
    ctx.tasks.wait_idle()


def test_document_search_is_a_model_query(ctx: AppContext) -> None:
    issued = issue_orders(ctx.workspace)
    store = ctx.workspace.store
    assert {r["number"] for r in documents.list_documents(store, query="宏达 责改")} == set(issued[LONG_NAME])
    assert {r["number"] for r in notices.list_documents(ctx.workspace, query="91350100M000100y43")} == \
        set(issued[LONG_NAME])
    assert documents.list_documents(store, query="100%") == []  # LIKE wildcards are taken literally
    assert len(documents.list_documents(store, query="  ")) == 3


def test_rectification_rate_is_coloured_by_threshold(qtbot: QtBot, ctx: AppContext, styled: None) -> None:
    assert [stats.rate_tone(v) for v in (None, 0.204, 0.599, 0.60, 0.899, 0.90, 1.0)] == \
        ["", "red", "red", "orange", "orange", "green", "green"]
    assert stats.RATE_RED_BELOW == 0.60 and stats.RATE_GREEN_FROM == 0.90
    page = StatisticsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.summary is not None, timeout=5000)
    summary = page.summary
    assert summary is not None
    tone = stats.rate_tone(summary["整改率"])
    assert tone and page.rate_tile.property("tone") == tone
    expected = QColor(TONE_COLOURS[tone])
    page.show()
    qtbot.waitExposed(page)
    assert page.rate_tile.value.palette().color(page.rate_tile.value.foregroundRole()) == expected
    for model, rows in ((page.township_model, summary["by_township"]), (page.industry_model, summary["by_industry"])):
        for i, r in enumerate(rows):
            brush = model.data(model.index(i, 4), Qt.ItemDataRole.ForegroundRole)
            if r["整改率"] is not None:
                assert brush.color() == QColor(TONE_COLOURS[stats.rate_tone(r["整改率"])])
    township_chart = page.charts_layout.itemAt(2).widget()
    assert [c.name() for c in township_chart.colours] == [
        QColor(TONE_COLOURS[stats.rate_tone(r["整改率"])]).name() for r in summary["by_township"]]
