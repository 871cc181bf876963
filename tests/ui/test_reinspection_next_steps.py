"""整改复查 from the hazards page: full officer names, the original officers ticked, and after 保存复查结果 the
hazard stays on screen with its 复查意见书 and 销号 right there."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.models import findings, inspections, inspectors
from fieldapp.services import drafts, issuing
from fieldapp.ui.app import STYLE
from fieldapp.ui.document_flow import DocumentFlow
from fieldapp.ui.hazards_page import HazardsPage
from fieldapp.ui.reinspection_dialog import RECTIFIED
from fieldapp.ui.tasks import AppContext
from tests.documents.pdf_readback import read_back

from .conftest import Dialogs


def ordered_hazard(ctx: AppContext) -> dict[str, Any]:
    """A hazard under an issued 指令书, found by the two officers whose names sort last (not the default)."""
    store = ctx.workspace.store
    enterprise_id = str(store.scalar("SELECT id FROM enterprises ORDER BY name DESC LIMIT 1"))
    officers = inspectors.list_inspectors(store)[-2:]
    inspection, _ = inspections.create(store, enterprise_id=enterprise_id, officer_ids=[o["id"] for o in officers])
    f = findings.create(store, enterprise_id=enterprise_id, inspection_id=inspection["id"],
                        description="灭火器压力不足", deadline=(date.today() + timedelta(days=7)).isoformat())
    draft = drafts.draft_document(ctx.workspace, doc_type="rectification_order", inspection_id=inspection["id"],
                                  finding_ids=[f["id"]]).value
    order = issuing.issue_document(ctx.workspace, draft["id"]).value.document
    return {"finding_id": f["id"], "enterprise_id": enterprise_id, "officers": officers, "order": order}


def open_reinspection(qtbot: QtBot, ctx: AppContext, finding_id: str) -> tuple[HazardsPage, Any]:
    page = HazardsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.select_finding(finding_id)
    # Back to the filters an inspector starts with: 仅看未闭环.
    page.open_only.setChecked(True)
    assert page.model.index_of(finding_id) >= 0
    qtbot.mouseClick(page.detail.buttons["reinspect"], Qt.MouseButton.LeftButton)
    dialog = page.detail.reinspection
    assert dialog is not None
    return page, dialog


def test_reinspection_shows_full_names_and_ticks_the_original_officers(qtbot: QtBot, ctx: AppContext) -> None:
    hazard = ordered_hazard(ctx)
    _page, dialog = open_reinspection(qtbot, ctx, hazard["finding_id"])
    dialog.setStyleSheet(STYLE)  # the application's item padding is what cut the names to "…"
    dialog.resize(1300, 640)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.officers
    metrics = box.fontMetrics()
    names = [box.item(i).text() for i in range(box.count())]
    assert len(names) == len(inspectors.list_inspectors(ctx.read.store))
    for i in range(box.count()):
        item = box.item(i)
        rect = box.visualItemRect(item)
        # Tick box (20 px), its gap and the item padding, then the whole name.
        assert rect.width() >= metrics.horizontalAdvance(item.text()) + 20 + 8 + 8, item.text()
    ticked = [box.item(i).data(Qt.ItemDataRole.UserRole) for i in range(box.count())
              if box.item(i).checkState() == Qt.CheckState.Checked]
    assert ticked == [o["id"] for o in hazard["officers"]]
    assert [box.item(i).data(Qt.ItemDataRole.UserRole) for i in range(2)] == ticked  # listed first
    assert dialog.officer_warning.text() == ""
    dialog.reject()


def test_after_saving_the_reinspection_the_hazard_stays_with_its_opinion_and_closure(
        qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    hazard = ordered_hazard(ctx)
    fid = hazard["finding_id"]
    page, dialog = open_reinspection(qtbot, ctx, fid)
    rows = {r.finding["id"]: r for r in dialog.rows}
    assert rows[fid].outcome.currentData() == RECTIFIED
    for other in (r for key, r in rows.items() if key != fid):
        other.outcome.setCurrentIndex(0)  # only this hazard is re-inspected now
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # 保存复查结果
    qtbot.waitUntil(lambda: findings.get(ctx.read.store, fid)["status"] == "verified", timeout=5000)
    steps = page.detail.next_steps
    qtbot.waitUntil(lambda: steps.isVisibleTo(page), timeout=3000)

    # Still selected and still listed, although 仅看未闭环 would hide a verified hazard.
    assert page.detail.finding is not None and page.detail.finding["id"] == fid
    row = page.model.index_of(fid)
    assert row >= 0 and page.table.currentIndex().row() == row
    assert page.open_only.isChecked()
    assert steps.opinion_button.isVisibleTo(page) and steps.close_button.isVisibleTo(page)

    flows: list[DocumentFlow] = []
    page.detail.flow_opened.connect(flows.append)
    qtbot.mouseClick(steps.opinion_button, Qt.MouseButton.LeftButton)  # 出具整改复查意见书
    qtbot.waitUntil(lambda: bool(flows), timeout=5000)
    flow = flows[0]
    assert flow.doc_type() == "reinspection_opinion" and not flow.form.type.isEnabled()
    assert not flow.form.findings_box.isVisibleTo(flow) and not flow.form.order_box.isVisibleTo(flow)
    signers = set(flow.officer_rows)
    qtbot.waitUntil(lambda: flow.pdf is not None, timeout=10000)
    flow.issue()
    qtbot.waitUntil(lambda: flow.issued_row is not None, timeout=15000)
    opinion = flow.issued_row
    assert opinion is not None and opinion["doc_type"] == "reinspection_opinion"
    text = read_back(flow.pdf or b"").flat
    assert "整改复查意见书" in text and hazard["order"]["number"] in text and "复查结果：已整改" in text
    assert "灭火器压力不足" in text and "予以销号" in text
    reinspection = ctx.read.store.query("SELECT officer_ids FROM reinspections ORDER BY created_at DESC LIMIT 1")[0]
    assert signers == set(json.loads(reinspection["officer_ids"]))
    flow.close()
    qtbot.waitUntil(lambda: opinion["number"] in steps.label.text(), timeout=3000)
    assert not steps.opinion_button.isVisibleTo(page)

    qtbot.mouseClick(steps.close_button, Qt.MouseButton.LeftButton)  # 销号, right there
    qtbot.waitUntil(lambda: findings.get(ctx.read.store, fid)["status"] == "closed", timeout=5000)
    assert page.detail.finding is not None and page.detail.finding["id"] == fid
    assert dialogs.errors == []
    ctx.tasks.wait_idle()


def test_choosing_another_hazard_lets_the_filters_hide_the_verified_one(qtbot: QtBot, ctx: AppContext,
                                                                        dialogs: Dialogs) -> None:
    hazard = ordered_hazard(ctx)
    fid = hazard["finding_id"]
    page, dialog = open_reinspection(qtbot, ctx, fid)
    for r in dialog.rows:
        if r.finding["id"] != fid:
            r.outcome.setCurrentIndex(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: findings.get(ctx.read.store, fid)["status"] == "verified", timeout=5000)
    qtbot.waitUntil(lambda: page.detail.next_steps.isVisibleTo(page), timeout=3000)
    other = next(r["id"] for r in page.model.rows if r["id"] != fid)
    page.select_finding(other)
    page.open_only.setChecked(False)
    page.open_only.setChecked(True)  # the filters apply again: the verified hazard leaves the list
    assert page.model.index_of(fid) == -1
    assert dialogs.errors == []
