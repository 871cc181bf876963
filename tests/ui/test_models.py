"""The Qt table models, tested without any widget (napari's pattern)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from fieldapp.models import checklists, findings, inspections, inspectors
from fieldapp.models.store import Store
from fieldapp.services import inspections as inspection_service
from fieldapp.ui.table_models import (
    RED,
    ChecklistItemsModel,
    Column,
    FindingFilters,
    FindingTableModel,
    RowsModel,
)
from fieldapp.workspace import Workspace

HEADERS = ["enterprise", "hazard", "grade", "status", "deadline", "campaign"]


def _workspace(store: Store) -> Workspace:
    return Workspace(store.path.parent, store)


def _enterprise(store: Store) -> str:
    return str(store.scalar("SELECT id FROM enterprises ORDER BY name LIMIT 1"))


def test_overdue_findings_are_red_and_say_so(demo_store: Store) -> None:
    model = FindingTableModel(_workspace(demo_store), HEADERS)
    model.reload(FindingFilters(overdue=True))
    assert model.rowCount() > 0
    index = model.index(0, 3)
    assert "逾期" in model.data(index) or "overdue" in model.data(index)
    brush = model.data(index, Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color() == RED
    assert model.rowCount() == len(findings.list_findings(demo_store, overdue=True))


def test_campaign_filter_narrows_findings(demo_store: Store) -> None:
    enterprise_id = _enterprise(demo_store)
    for campaign in ("粉尘涉爆专项", None):
        findings.create(demo_store, enterprise_id=enterprise_id, description="测试隐患", campaign=campaign)
    model = FindingTableModel(_workspace(demo_store), HEADERS)
    model.reload(FindingFilters(enterprise=enterprise_id))
    assert "粉尘涉爆专项" in model.campaigns
    model.reload(FindingFilters(enterprise=enterprise_id, campaign="粉尘涉爆专项"))
    assert model.rowCount() == 1 and model.row(0)["campaign"] == "粉尘涉爆专项"


def test_checklist_model_tracks_answers(demo_store: Store) -> None:
    officer_ids = [r["id"] for r in inspectors.list_inspectors(demo_store)[:2]]
    ins, _ = inspections.create(demo_store, enterprise_id=_enterprise(demo_store), officer_ids=officer_ids)
    template_id = checklists.library(demo_store)[0]["id"]
    checklists.add_to_inspection(demo_store, ins["id"], template_id)
    first = checklists.get(demo_store, template_id)["sections"][0]["items"][0]["code"]
    checklists.answer(demo_store, ins["id"], template_id, first, "no")
    model = ChecklistItemsModel(["code", "check", "result"])
    model.load(inspection_service.walk(_workspace(demo_store), ins["id"]).items)
    answered, total, bad = model.counts()
    assert (answered, bad) == (1, 1) and total > 1
    assert model.items[0].finding_id is not None
    assert model.data(model.index(0, 2)) in ("不符合",)
    assert model.first_unanswered() == 1
    model.set_answer(1, "yes")
    assert model.counts()[0] == 2


def test_rows_model_formats_and_tones() -> None:
    model = RowsModel([Column("a", "A"), Column("b", "B", lambda r: r["b"] * 2)], tone=lambda r: RED)
    model.set_rows([{"id": "x", "a": None, "b": 2}])
    assert model.data(model.index(0, 0)) == ""
    assert model.data(model.index(0, 1)) == "4"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == "x"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "B"


# -- documents and sync (no widget) ------------------------------------------------------------------

def test_sync_summary_rows_name_the_tables_in_chinese() -> None:
    from fieldapp.ui.sync_office import ConflictModel
    from fieldapp.ui.sync_widgets import import_summary, summary_rows

    rows = summary_rows({"findings": {"inserted": 2, "updated": 1, "deleted": 0},
                         "evidence": {"inserted": 0, "updated": 0, "deleted": 0}, "documents": 3})
    assert rows == [{"table": "隐患", "inserted": 2, "updated": 1, "deleted": 0},
                    {"table": "执法文书", "inserted": 3, "updated": 0, "deleted": 0}]

    from types import SimpleNamespace

    result = SimpleNamespace(status="applied", files=4, conflicts=1,
                             counts={"findings": {"inserted": 2, "updated": 1, "deleted": 0}})
    text = import_summary(result)
    assert "3 条变更" in text and "4 个文件" in text and "1 处" in text

    model = ConflictModel()
    model.set_rows([{"id": "c1", "label": "宏达化工", "table_name": "enterprises", "field": "phone",
                     "kept_value": "0591-1", "lost_value": None, "detected_at": "2026-11-20T08:00:00Z"}])
    values = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert values[:5] == ["宏达化工", "单位", "联系电话", "0591-1", "（空）"]


def test_document_rows_filter_by_type_and_verification_text() -> None:
    from types import SimpleNamespace

    from fieldapp.ui.documents_page import document_rows, verification_text

    rows = [{"id": "1", "type": "rectification_order"}, {"id": "2", "type": "inspection_record"}]
    assert [r["id"] for r in document_rows(rows, "inspection_record")] == ["2"]
    assert len(document_rows(rows, None)) == 2
    check = SimpleNamespace(valid=False, reasons=[SimpleNamespace(en="altered", zh="文件已被改动")], notes=[],
                            signer="示范县 执法终端", payload=None)
    valid, text = verification_text(check)
    assert not valid and "✗ 文件已被改动" in text and "示范县 执法终端" in text
