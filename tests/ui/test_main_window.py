from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.models.store import Store
from fieldapp.resources import resource_path
from fieldapp.ui.enterprise_model import PAGE, EnterpriseTableModel
from fieldapp.ui.tasks import AppContext
from fieldapp.workspace import Workspace


def test_model_pages_the_registry_without_loading_it_all(demo_store: Store) -> None:
    model = EnterpriseTableModel(Workspace(demo_store.path.parent, demo_store))
    assert model.total == 600 and model.rowCount() == PAGE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert names == sorted(names)


def test_model_search_and_uscc_warning_tooltip(demo_store: Store) -> None:
    from fieldapp.models import enterprises

    enterprises.create(demo_store, {"name": "试点单位", "uscc": "91350100M0001TGQXM"})
    model = EnterpriseTableModel(Workspace(demo_store.path.parent, demo_store))
    model.set_query("试点")
    assert model.rowCount() == 1 and not model.canFetchMore()
    tip = model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert tip


def test_typing_a_search_filters_the_list_and_shows_details(qtbot: QtBot, ctx: AppContext) -> None:
    from fieldapp.models import enterprises
    from fieldapp.ui.main_window import MainWindow

    enterprises.create(ctx.workspace.store, {"name": "宏达化工有限公司", "uscc": "91350100M000100Y43"})
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_page("enterprises")
    page = window.enterprises.list
    qtbot.keyClicks(page.search, "hdhg")
    qtbot.waitUntil(lambda: page.model.query == "hdhg", timeout=2000)
    assert page.model.rowCount() >= 1
    first = page.model.rows[0]["name"]
    assert first == "宏达化工有限公司"
    qtbot.waitUntil(lambda: page.summary.title.text() == first, timeout=2000)
    page.search.clear()
    page.run_search()
    assert page.model.total == 601


def test_main_window_still_accepts_a_bare_workspace(qtbot: QtBot, workspace: Workspace) -> None:
    """fieldapp.selftest opens the window with a Workspace and drives model/search/run_search."""
    from fieldapp.ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.model.total == 600
    window.search.setText("化工")
    window.run_search()
    assert window.model.rowCount() > 0
    window.close()


def test_filters_narrow_the_registry(qtbot: QtBot, ctx: AppContext) -> None:
    from fieldapp.ui.enterprise_page import EnterpriseListView

    view = EnterpriseListView(ctx)
    qtbot.addWidget(view)
    total = view.model.total
    view.industry.setCurrentIndex(view.industry.findData("危险化学品"))
    assert 0 < view.model.total < total
    assert {r["industry"] for r in view.model.rows} == {"危险化学品"}
    industry_total = view.model.total
    view.open_only.setChecked(True)
    assert view.model.total < industry_total


def test_every_ui_string_has_a_chinese_translation() -> None:
    ts = ET.parse(resource_path("translations", "fieldapp_zh_CN.ts"))
    unfinished = [m.findtext("source") for m in ts.iter("message")
                  if m.find("translation") is not None and m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    assert Path(resource_path("translations", "fieldapp_zh_CN.qm")).stat().st_size > 100


def test_translations_cover_every_source_file() -> None:
    """lupdate only scans fieldapp/ui/*.py (the Makefile): a screen in a subpackage would stay English."""
    ui = Path(resource_path("..", "fieldapp", "ui")).resolve()
    nested = [p for p in ui.rglob("*.py") if p.parent != ui and "self.tr(" in p.read_text(encoding="utf-8")]
    assert nested == []
