"""整改复查 through its service: the form's defaults and recording what the officers found."""

from __future__ import annotations

import pytest

from fieldapp.errors import ValidationError
from fieldapp.models import findings as model
from fieldapp.models import inspectors
from fieldapp.services import findings, reinspections
from fieldapp.services.changes import Entity
from fieldapp.services.reinspections import ItemResult
from fieldapp.workspace import Workspace


def test_the_form_ticks_the_original_officers_and_offers_the_hazards_waiting(ws: Workspace,
                                                                             visit: dict[str, str]) -> None:
    inspectors.create(ws.store, "陈另组", "37083001005")
    major = model.create(ws.store, enterprise_id=visit["enterprise_id"], inspection_id=visit["inspection_id"],
                         description="液氨储罐无泄漏报警", grade="major")["id"]
    for fid in (visit["finding_id"], major):
        findings.order_rectification(ws, fid, deadline="2030-01-01")
    form = reinspections.reinspection_form(ws, visit["enterprise_id"], finding_id=visit["finding_id"])
    assert form.enterprise["name"] == "宏达化工有限公司"
    assert form.ticked == [visit["officer_a"], visit["officer_b"]]
    assert [o["id"] for o in form.officers[:2]] == form.ticked and len(form.officers) == 3
    assert {f["id"] for f in form.hazards} == {visit["finding_id"], major}
    assert form.escalatable == {major}
    assert form.default_deadline > "2020"


def test_recording_moves_the_hazards_on_and_reports_them(ws: Workspace, visit: dict[str, str]) -> None:
    fid = visit["finding_id"]
    findings.order_rectification(ws, fid, deadline="2030-01-01")
    assert reinspections.reinspection_form(ws, visit["enterprise_id"]).hazards
    with pytest.raises(ValidationError):
        reinspections.record_reinspection(ws, enterprise_id=visit["enterprise_id"], officer_ids=[], results=[])
    done = reinspections.record_reinspection(
        ws, enterprise_id=visit["enterprise_id"], officer_ids=[visit["officer_a"], visit["officer_b"]],
        results=[ItemResult(fid, False, "未整改", new_deadline="2030-02-01")], note="企业申请复查")
    assert done.changes.entities == {Entity.REINSPECTIONS, Entity.FINDINGS}
    assert done.changes.ids == {done.value["id"], fid}
    assert model.get(ws.store, fid)["status"] == "ordered" and model.get(ws.store, fid)["deadline"] == "2030-02-01"
    assert reinspections.reinspected_findings(ws, done.value["id"]) == [fid]
