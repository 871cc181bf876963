"""One hazard, one deadline: every way into the 指令书 shows and prints the hazard's saved deadline."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.documents.layout import cn_date
from fieldapp.models import findings, inspections, inspectors
from fieldapp.ui.app import STYLE
from fieldapp.ui.document_flow import DocumentFlow
from fieldapp.ui.hazards_page import HazardsPage
from fieldapp.ui.inspection_walker import InspectionWalker
from fieldapp.ui.tasks import AppContext
from tests.documents.pdf_readback import read_back

from .conftest import Dialogs

SAVED = date.today() + timedelta(days=24)  # the hazard's own date, far from the 15-day default


def visit_with_hazard(ctx: AppContext, deadline: date | None = SAVED) -> tuple[str, str]:
    store = ctx.workspace.store
    enterprise_id = str(store.scalar("SELECT id FROM enterprises ORDER BY name LIMIT 1"))
    officer_ids = [o["id"] for o in inspectors.list_inspectors(store)[:2]]
    inspection, _ = inspections.create(store, enterprise_id=enterprise_id, officer_ids=officer_ids)
    f = findings.create(store, enterprise_id=enterprise_id, inspection_id=inspection["id"],
                        description="配电箱未设置漏电保护器", requirement="加装漏电保护器",
                        deadline=deadline.isoformat() if deadline else None)
    return inspection["id"], f["id"]


def issue_and_read(qtbot: QtBot, flow: DocumentFlow) -> str:
    qtbot.waitUntil(lambda: flow.pdf is not None, timeout=10000)
    preview = read_back(flow.pdf or b"").flat
    flow.issue()
    qtbot.waitUntil(lambda: flow.issued_row is not None, timeout=15000)
    assert flow.issued_row is not None
    return preview + "\n" + read_back(flow.pdf or b"").flat


def test_ctrl_d_opens_the_order_with_the_hazards_saved_deadline(qtbot: QtBot, ctx: AppContext,
                                                                 dialogs: Dialogs) -> None:
    inspection_id, finding_id = visit_with_hazard(ctx)
    walker = InspectionWalker(ctx)
    qtbot.addWidget(walker)
    walker.show()
    walker.load(inspection_id)
    walker.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is walker, timeout=3000)
    flows: list[Any] = []
    walker.document_opened.connect(flows.append)
    qtbot.keyClick(walker.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # 文书…
    qtbot.waitUntil(lambda: bool(flows), timeout=3000)
    flow: DocumentFlow = flows[0]
    assert flow.doc_type() == "rectification_order" and flow.selected_findings() == [finding_id]
    assert flow.form.deadline.date() == QDate(SAVED.year, SAVED.month, SAVED.day)
    assert not flow.form.deadline_chosen and flow.params()["deadline"] is None
    text = issue_and_read(qtbot, flow)
    # Both copies (第一联, 第二联) of the preview and of the issued notice.
    assert text.count(f"责令你单位于{cn_date(SAVED)}前整改完毕") == 4
    default = date.fromisoformat(findings.default_deadline(ctx.read.store))
    assert cn_date(default) not in text
    assert findings.get(ctx.read.store, finding_id)["deadline"][:10] == SAVED.isoformat()
    assert dialogs.errors == []
    flow.close()
    ctx.tasks.wait_idle()


def test_the_order_button_keeps_the_date_and_a_chosen_date_applies_to_the_hazard(
        qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    _inspection_id, finding_id = visit_with_hazard(ctx)
    page = HazardsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.select_finding(finding_id)
    opened: list[Any] = []
    page.detail.flow_opened.connect(opened.append)
    qtbot.mouseClick(page.detail.buttons["ordered"], Qt.MouseButton.LeftButton)  # 责令限期整改
    flow: DocumentFlow = opened[0]
    assert flow.form.deadline.date() == QDate(SAVED.year, SAVED.month, SAVED.day)
    assert flow.form.deadline_note.text() and not flow.form.own_deadlines_button.isVisibleTo(flow)
    chosen = SAVED + timedelta(days=6)
    flow.form.deadline.setDate(QDate(chosen.year, chosen.month, chosen.day))  # the inspector picks another date
    assert flow.form.deadline_chosen and flow.form.own_deadlines_button.isVisibleTo(flow)
    assert flow.params()["deadline"] == chosen.isoformat()
    text = issue_and_read(qtbot, flow)
    assert f"责令你单位于{cn_date(chosen)}前整改完毕" in text and cn_date(SAVED) not in text
    assert findings.get(ctx.read.store, finding_id)["deadline"][:10] == chosen.isoformat()  # still one deadline
    flow.close()
    ctx.tasks.wait_idle()


def test_two_hazards_with_their_own_deadlines_and_back_to_them(qtbot: QtBot, ctx: AppContext,
                                                               dialogs: Dialogs) -> None:
    inspection_id, first = visit_with_hazard(ctx)
    store = ctx.workspace.store
    enterprise_id = inspections.get(store, inspection_id)["enterprise_id"]
    sooner = date.today() + timedelta(days=4)
    second = findings.create(store, enterprise_id=enterprise_id, inspection_id=inspection_id,
                             description="安全出口堵塞", deadline=sooner.isoformat())["id"]
    flow = DocumentFlow(ctx, inspection_id, None, doc_type="rectification_order")
    qtbot.addWidget(flow)
    flow.show()
    assert sorted(flow.selected_findings()) == sorted([first, second])
    assert sooner.isoformat() in flow.form.deadline_note.text() and SAVED.isoformat() in flow.form.deadline_note.text()
    flow.form.deadline.setDate(flow.form.deadline.date().addDays(1))
    assert flow.form.deadline_chosen
    flow.form.own_deadlines_button.click()  # changed their mind: each hazard keeps its own again
    assert not flow.form.deadline_chosen and flow.params()["deadline"] is None
    qtbot.waitUntil(lambda: flow.pdf is not None, timeout=10000)
    flow.refresh_preview()
    qtbot.waitUntil(lambda: not flow.busy, timeout=10000)
    text = read_back(flow.pdf or b"").flat
    assert cn_date(sooner) in text and cn_date(SAVED) in text
    flow.close()
    ctx.tasks.wait_idle()
    assert dialogs.errors == []


def test_tick_boxes_of_the_hazards_on_the_notice_are_not_clipped(qtbot: QtBot, ctx: AppContext) -> None:
    inspection_id, finding_id = visit_with_hazard(ctx)
    flow = DocumentFlow(ctx, inspection_id, None)
    qtbot.addWidget(flow)
    flow.setStyleSheet(STYLE)  # the application's style, whose 20-pixel tick boxes were cut off
    flow.resize(1366, 768)
    flow.show()
    qtbot.waitExposed(flow)
    box = flow.form.findings
    item = box.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == finding_id
    assert SAVED.isoformat() in item.text()  # each hazard shows the date it carries onto the notice
    indicator = 20  # QListWidget::indicator in the style sheet
    assert box.visualItemRect(item).height() >= indicator + 8
    flow.close()
    ctx.tasks.wait_idle()
