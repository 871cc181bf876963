"""A visit through the real widgets: search, start, answer with the keyboard, a finding, finish."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.models import enterprises, findings, inspections
from fieldapp.ui.finding_editor import FindingEditor
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.tasks import AppContext

from .conftest import Dialogs


def test_inspection_visit_with_the_keyboard(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    store = ctx.workspace.store
    enterprise = enterprises.create(store, {"name": "宏达化工有限公司", "uscc": "91350100M000100Y43",
                                            "industry": "危险化学品/生产", "principal": "王伟"})
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_page("enterprises")
    page = window.enterprises.list
    qtbot.keyClicks(page.search, "hdhg")
    qtbot.waitUntil(lambda: page.summary.enterprise_id == enterprise["id"], timeout=3000)
    qtbot.mouseClick(page.summary.start_button, Qt.MouseButton.LeftButton)

    start = window.inspection.start_view
    assert window.inspection.stack.currentWidget() is start
    assert start.officer_warning.text()  # no officer chosen yet: the legal warning is on screen
    start.officers.item(0).setCheckState(Qt.CheckState.Checked)
    assert "两名" in start.officer_warning.text() or "two" in start.officer_warning.text()
    start.officers.item(1).setCheckState(Qt.CheckState.Checked)
    assert start.officer_warning.text() == ""
    assert start.templates.item(0).checkState() == Qt.CheckState.Checked
    template_id = start.templates.item(0).data(Qt.ItemDataRole.UserRole)
    assert template_id.startswith("hazchem")  # the industry's own checklist is suggested first
    qtbot.mouseClick(start.start_button, Qt.MouseButton.LeftButton)

    walker = window.inspection.walker
    qtbot.waitUntil(lambda: window.inspection.stack.currentWidget() is walker, timeout=3000)
    inspection_id = walker.inspection_id
    assert inspection_id is not None
    assert len(inspections.officers(store, inspections.get(store, inspection_id))) == 2

    opened: list[FindingEditor] = []
    walker.finding_opened.connect(opened.append)
    table = walker.table
    qtbot.keyClick(table, "1")
    qtbot.keyClick(table, "3")
    assert walker.current_row() == 2
    qtbot.keyClick(table, "n")
    assert walker.note.hasFocus() or walker.focusWidget() is walker.note
    walker.note.insert("现场未见")  # QTest types ASCII only; an IME delivers Chinese like this
    qtbot.keyClick(table, "2")
    qtbot.waitUntil(lambda: bool(opened), timeout=3000)
    assert walker.saved_label.text() in ("✓ 已保存", "✓ Saved")

    answers = {a["item_code"]: a for a in __import__("fieldapp.models.checklists", fromlist=["answers"]).answers(
        store, inspection_id)}
    codes = [item.code for item in walker.model.items[:3]]
    assert [answers[c]["answer"] for c in codes] == ["yes", "na", "no"]
    found = findings.list_findings(store, inspection_id=inspection_id)
    assert len(found) == 1 and found[0]["status"] == "open"
    assert found[0]["item_code"] == codes[2] and "现场未见" in found[0]["description"]

    editor = opened[0]
    assert editor.findChild(type(editor.evidence), "evidencePanel") is editor.evidence
    assert editor.basis.text()  # the item's legal basis is visible while the finding is written
    editor.deadline.setDate(editor.deadline.date().addDays(5))
    flows: list = []
    walker.document_opened.connect(flows.append)
    qtbot.mouseClick(editor.order_button, Qt.MouseButton.LeftButton)  # 责令整改 drafts the order
    qtbot.waitUntil(lambda: bool(flows), timeout=3000)
    assert flows[0].selected_findings() == [found[0]["id"]]
    assert flows[0].form.deadline.date() == editor.deadline.date()
    qtbot.waitUntil(lambda: flows[0].pdf is not None, timeout=10000)
    flows[0].accept()
    walker.open_editors = False  # finishing would open the next notice

    qtbot.mouseClick(walker.finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: inspections.get(store, inspection_id)["status"] == "completed", timeout=3000)
    assert dialogs.questions  # unanswered items were pointed out before finishing
    assert dialogs.errors == []


def test_changing_no_to_yes_voids_the_new_finding(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    store = ctx.workspace.store
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    enterprise_id = window.enterprises.list.model.enterprise_id(0)
    window.inspection.start_for(enterprise_id)
    start = window.inspection.start_view
    start.set_checked(start.officers, [start.officers.item(i).data(Qt.ItemDataRole.UserRole) for i in (0, 1)])
    start.start()
    walker = window.inspection.walker
    qtbot.waitUntil(lambda: walker.inspection_id is not None, timeout=3000)
    walker.open_editors = False
    qtbot.keyClick(walker.table, "2")
    ctx.tasks.wait_idle()
    qtbot.keyClick(walker.table, Qt.Key.Key_Up)
    qtbot.keyClick(walker.table, "1")
    ctx.tasks.wait_idle()
    found = findings.list_findings(store, inspection_id=walker.inspection_id)
    assert [f["status"] for f in found] == ["voided"]
    assert walker.model.items[0].answer == "yes" and walker.model.items[0].finding_id is None
