"""Hazards through their service: the lists, what a hazard allows now, and each move of the lifecycle."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fieldapp.errors import ValidationError
from fieldapp.models import findings as model
from fieldapp.models.lifecycle import IllegalTransition
from fieldapp.services import findings
from fieldapp.services.changes import Entity
from fieldapp.services.findings import FindingFilters
from fieldapp.workspace import Workspace

PLAN = {"measures": "停用并更换", "responsibility": "设备科", "funding": "2万元", "time_limit": "30日",
        "contingency": "专人监护"}


def _hazard(ws: Workspace, visit: dict[str, str], **values: str) -> str:
    return str(model.create(ws.store, enterprise_id=visit["enterprise_id"], inspection_id=visit["inspection_id"],
                            description=values.pop("description", "另一处隐患"), **values)["id"])


def test_what_a_hazard_allows_follows_its_state_and_grade(ws: Workspace, visit: dict[str, str]) -> None:
    general = findings.finding_view(ws, visit["finding_id"]).actions
    assert general == {"edit", "ordered", "rectified_on_the_spot", "referred", "voided"}
    major = _hazard(ws, visit, grade="major")
    assert "escalated" in findings.finding_view(ws, major).actions  # 挂牌督办: major hazards only
    findings.order_rectification(ws, visit["finding_id"], deadline="2030-01-01")
    assert findings.finding_view(ws, visit["finding_id"]).actions == {"edit", "reported", "reinspect", "referred",
                                                                      "voided"}
    findings.rectified_on_the_spot(ws, major)
    assert findings.finding_view(ws, major).actions == {"edit", "closed"}
    assert findings.actions({"status": "closed", "grade": "general"}) == frozenset()


def test_each_move_reports_the_hazard_it_changed_and_keeps_its_history(ws: Workspace,
                                                                       visit: dict[str, str]) -> None:
    fid = visit["finding_id"]
    done = findings.order_rectification(ws, fid, deadline="2030-01-01")
    assert done.value["status"] == "ordered" and done.changes.entities == {Entity.FINDINGS}
    assert done.changes.ids == {fid}
    findings.report_rectified(ws, fid)
    findings.refer_finding(ws, fid, to="县消防救援大队")
    view = findings.finding_view(ws, fid)
    assert view.finding["referred_to"] == "县消防救援大队" and view.enterprise_name == "宏达化工有限公司"
    assert [e["to_status"] for e in view.events] == ["open", "ordered", "reported", "referred"]
    other = _hazard(ws, visit)
    assert findings.void_finding(ws, other, reason="重复登记").value["void_reason"] == "重复登记"
    with pytest.raises(IllegalTransition):
        findings.escalate_finding(ws, _hazard(ws, visit))  # a general hazard is not escalated


def test_a_major_hazard_closes_only_with_its_plan_and_evaluation(ws: Workspace, visit: dict[str, str]) -> None:
    fid = _hazard(ws, visit, grade="major")
    assert findings.finding_view(ws, fid).needs_plan and not findings.finding_view(ws, visit["finding_id"]).needs_plan
    findings.rectified_on_the_spot(ws, fid, note="当场整改")
    with pytest.raises(IllegalTransition):
        findings.close_finding(ws, fid)
    assert model.get(ws.store, fid)["status"] == "verified"  # refused: nothing changed
    findings.save_plan(ws, fid, PLAN)
    assert findings.finding_view(ws, fid).plan == PLAN
    with pytest.raises(ValidationError):
        findings.save_evaluation(ws, fid, "  ")
    findings.save_evaluation(ws, fid, "复查合格，效果良好")
    assert findings.close_finding(ws, fid).value["status"] == "closed"


def test_only_an_open_hazard_is_edited(ws: Workspace, visit: dict[str, str]) -> None:
    fid = visit["finding_id"]
    done = findings.edit_finding(ws, fid, {"description": "配电箱未设漏电保护器（东侧）", "grade": "major"})
    assert (done.value["description"], done.value["grade"]) == ("配电箱未设漏电保护器（东侧）", "major")
    assert done.changes.entities == {Entity.FINDINGS}
    findings.order_rectification(ws, fid, deadline="2030-01-01")
    with pytest.raises(ValidationError):
        findings.edit_finding(ws, fid, {"description": "改写"})


def test_the_list_keeps_the_hazard_on_screen_and_offers_the_campaigns(ws: Workspace, visit: dict[str, str]) -> None:
    dust = _hazard(ws, visit, campaign="粉尘涉爆专项")
    findings.rectified_on_the_spot(ws, visit["finding_id"])
    by_uscc = FindingFilters(enterprise="91350100M000100Y43", open_only=True)
    listed = findings.list_findings(ws, by_uscc)
    assert [r["id"] for r in listed.rows] == [dust] and listed.campaigns == ["粉尘涉爆专项"]
    kept = findings.list_findings(ws, by_uscc, keep=visit["finding_id"])
    assert {r["id"] for r in kept.rows} == {dust, visit["finding_id"]}
    assert findings.list_findings(ws, FindingFilters(status="verified", open_only=True)).rows[0]["id"] == \
        visit["finding_id"]  # a chosen status wins over "open only"
    narrowed = findings.list_findings(ws, FindingFilters(campaign="粉尘涉爆专项"))
    assert [r["id"] for r in narrowed.rows] == [dust] and narrowed.campaigns == ["粉尘涉爆专项"]


def test_overdue_is_derived_for_the_day_asked(ws: Workspace, visit: dict[str, str]) -> None:
    findings.order_rectification(ws, visit["finding_id"], deadline="2030-01-01")
    after = date(2030, 1, 1) + timedelta(days=1)
    assert findings.list_findings(ws, FindingFilters(overdue=True), today=after).rows[0]["overdue"]
    assert findings.list_findings(ws, FindingFilters(overdue=True), today=date(2029, 12, 31)).rows == []
    row = findings.finding_row(ws, visit["finding_id"], today=after)
    assert row is not None and row["overdue"] and row["enterprise_name"] == "宏达化工有限公司"
    assert findings.finding_view(ws, visit["finding_id"], today=after).finding["overdue"]
    assert findings.finding_row(ws, "no-such-hazard") is None
