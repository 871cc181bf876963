from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.models.store import Store
from fieldapp.resources import resource_path
from fieldapp.ui.enterprise_model import PAGE, EnterpriseTableModel
from fieldapp.workspace import Workspace


@pytest.fixture
def workspace(demo_store: Store) -> Workspace:
    return Workspace(demo_store.path.parent, demo_store)


def test_model_pages_the_registry_without_loading_it_all(demo_store: Store) -> None:
    model = EnterpriseTableModel(demo_store)
    assert model.total == 600 and model.rowCount() == PAGE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert names == sorted(names)


def test_model_search_and_uscc_warning_tooltip(demo_store: Store) -> None:
    from fieldapp.models import enterprises

    enterprises.create(demo_store, {"name": "试点单位", "uscc": "91350100M0001TGQXM"})
    model = EnterpriseTableModel(demo_store)
    model.set_query("试点")
    assert model.rowCount() == 1 and not model.canFetchMore()
    tip = model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert tip


def test_typing_a_search_filters_the_list_and_shows_details(qtbot: QtBot, workspace: Workspace) -> None:
    from fieldapp.models import enterprises
    from fieldapp.ui.main_window import MainWindow

    enterprises.create(workspace.store, {"name": "宏达化工有限公司", "uscc": "91350100M000100Y43"})
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.search, "hdhg")
    qtbot.waitUntil(lambda: window.model.query == "hdhg", timeout=2000)
    assert window.model.rowCount() >= 1
    first = window.model.rows[0]["name"]
    assert first == "宏达化工有限公司"
    qtbot.waitUntil(lambda: window.detail.title.text() == first, timeout=2000)
    window.search.clear()
    window.run_search()
    assert window.model.total == 601


def test_every_ui_string_has_a_chinese_translation() -> None:
    ts = ET.parse(resource_path("translations", "fieldapp_zh_CN.ts"))
    unfinished = [m.findtext("source") for m in ts.iter("message")
                  if m.find("translation") is not None and m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    assert Path(resource_path("translations", "fieldapp_zh_CN.qm")).stat().st_size > 100
