"""Hazards: the re-inspection flow, escalation, and closure that respects the lifecycle rules."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.models import findings, inspectors
from fieldapp.ui.hazards_page import HazardsPage
from fieldapp.ui.reinspection_dialog import NEW_DEADLINE, RECTIFIED
from fieldapp.ui.tasks import AppContext

from .conftest import Dialogs


def _page(qtbot: QtBot, ctx: AppContext) -> HazardsPage:
    page = HazardsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_reinspection_records_rectified_and_new_deadline(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    store = ctx.workspace.store
    enterprise_id = str(store.scalar("SELECT id FROM enterprises ORDER BY name LIMIT 1"))
    a = findings.create(store, enterprise_id=enterprise_id, description="灭火器失效")
    b = findings.create(store, enterprise_id=enterprise_id, description="安全出口堵塞")
    for f in (a, b):
        findings.order(store, f["id"], "2026-01-10")
    page = _page(qtbot, ctx)
    page.select_finding(a["id"])
    assert page.detail.finding is not None and page.detail.finding["id"] == a["id"]
    assert page.detail.buttons["reinspect"].isVisibleTo(page)
    qtbot.mouseClick(page.detail.buttons["reinspect"], Qt.MouseButton.LeftButton)
    dialog = page.detail.reinspection
    assert dialog is not None
    rows = {r.finding["id"]: r for r in dialog.rows}
    assert rows[a["id"]].outcome.currentData() == RECTIFIED  # the hazard the officer came from
    second = rows[b["id"]]
    second.outcome.setCurrentIndex(second.outcome.findData(NEW_DEADLINE))
    assert second.deadline.isEnabled()
    second.deadline.setDate(second.deadline.date().fromString("2099-03-01", "yyyy-MM-dd"))
    officer_ids = [o["id"] for o in inspectors.list_inspectors(store)[:2]]
    for i in range(dialog.officers.count()):
        item = dialog.officers.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in officer_ids
                           else Qt.CheckState.Unchecked)
    assert dialog.officer_warning.text() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: findings.get(store, a["id"])["status"] == "verified", timeout=3000)
    after = findings.get(store, b["id"])
    assert (after["status"], after["deadline"]) == ("ordered", "2099-03-01")
    assert dialogs.errors == []
    # The page redrew itself from data_changed: the verified hazard the officer came from stays selected and
    # listed (with its new status) although "open only" is on, until another hazard is chosen.
    qtbot.waitUntil(lambda: [r["status"] for r in page.model.rows if r["id"] == a["id"]] == ["verified"],
                    timeout=3000)
    assert page.open_only.isChecked() and page.detail.finding is not None and page.detail.finding["id"] == a["id"]


def test_major_hazard_needs_plan_and_evaluation_before_closure(qtbot: QtBot, ctx: AppContext,
                                                              dialogs: Dialogs) -> None:
    store = ctx.workspace.store
    enterprise_id = str(store.scalar("SELECT id FROM enterprises ORDER BY name LIMIT 1"))
    f = findings.create(store, enterprise_id=enterprise_id, description="粉尘爆炸危险场所设置在多层建筑内",
                        grade="major")
    findings.order(store, f["id"], "2099-01-01")
    page = _page(qtbot, ctx)
    page.select_finding(f["id"])
    detail = page.detail
    assert detail.plan_box.isVisibleTo(page) and detail.buttons["escalated"].isVisibleTo(page)
    qtbot.mouseClick(detail.buttons["escalated"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: findings.get(store, f["id"])["status"] == "escalated", timeout=3000)

    # Writes in a test go through the worker too: the Store must never be used by two threads at once.
    ctx.tasks.call(lambda: findings.transition(store, f["id"], "verified"))
    ctx.notify({"findings"})
    page.select_finding(f["id"])
    assert detail.buttons["closed"].isVisibleTo(page)
    qtbot.mouseClick(detail.buttons["closed"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=3000)
    assert "五到位" in dialogs.errors[0]  # the lifecycle's own Chinese message
    assert findings.get(store, f["id"])["status"] == "verified"

    for key, edit in detail.plan_edits.items():
        edit.setText(f"{key} 已落实")
    qtbot.mouseClick(detail.plan_button, Qt.MouseButton.LeftButton)
    detail.evaluation.setPlainText("经复查，整改有效")
    qtbot.mouseClick(detail.evaluation_button, Qt.MouseButton.LeftButton)
    ctx.tasks.wait_idle()
    qtbot.mouseClick(detail.buttons["closed"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: findings.get(store, f["id"])["status"] == "closed", timeout=3000)
    assert len(dialogs.errors) == 1


def test_overdue_filter_and_void_with_reason(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    store = ctx.workspace.store
    page = _page(qtbot, ctx)
    page.overdue.setChecked(True)
    assert page.model.rowCount() == len(findings.list_findings(store, overdue=True))
    assert all(r["overdue"] for r in page.model.rows)
    enterprise_id = str(store.scalar("SELECT id FROM enterprises ORDER BY name LIMIT 1"))
    f = findings.create(store, enterprise_id=enterprise_id, description="误登记")
    page.overdue.setChecked(False)
    page.select_finding(f["id"])
    dialogs.texts.append("录入重复")
    qtbot.mouseClick(page.detail.buttons["voided"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: findings.get(store, f["id"])["status"] == "voided", timeout=3000)
    assert findings.get(store, f["id"])["void_reason"] == "录入重复"


def test_order_opens_the_document_flow_with_the_hazard_preselected(qtbot: QtBot, ctx: AppContext,
                                                                  dialogs: Dialogs) -> None:
    from fieldapp.models import inspections
    from fieldapp.ui.document_flow import DocumentFlow

    store = ctx.workspace.store
    enterprise_id = str(store.scalar("SELECT id FROM enterprises ORDER BY name LIMIT 1"))
    officer_ids = [o["id"] for o in inspectors.list_inspectors(store)[:2]]
    inspection, _ = inspections.create(store, enterprise_id=enterprise_id, officer_ids=officer_ids)
    other = findings.create(store, enterprise_id=enterprise_id, inspection_id=inspection["id"], description="消防通道堵塞")
    f = findings.create(store, enterprise_id=enterprise_id, inspection_id=inspection["id"], description="配电箱无门")
    page = _page(qtbot, ctx)
    page.select_finding(f["id"])
    opened: list[DocumentFlow] = []
    page.detail.flow_opened.connect(opened.append)
    qtbot.mouseClick(page.detail.buttons["ordered"], Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    flow = opened[0]
    assert flow.inspection_id == inspection["id"] and flow.doc_type() == "rectification_order"
    assert flow.selected_findings() == [f["id"]] and other["id"] != f["id"]
    # Nothing changed yet: the hazard is put under the order only when the notice is issued.
    assert findings.get(store, f["id"])["status"] == "open"
    flow.close()
    ctx.tasks.wait_idle()


def test_order_of_a_hazard_without_inspection_asks_for_a_deadline(qtbot: QtBot, ctx: AppContext,
                                                                  dialogs: Dialogs) -> None:
    store = ctx.workspace.store
    enterprise_id = str(store.scalar("SELECT id FROM enterprises ORDER BY name LIMIT 1"))
    f = findings.create(store, enterprise_id=enterprise_id, description="群众举报：仓库堆放杂物")
    page = _page(qtbot, ctx)
    page.select_finding(f["id"])
    dialogs.dates.append("2099-02-01")
    qtbot.mouseClick(page.detail.buttons["ordered"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: findings.get(store, f["id"])["status"] == "ordered", timeout=3000)
    assert findings.get(store, f["id"])["deadline"][:10] == "2099-02-01"
    assert page.detail.flow is None
