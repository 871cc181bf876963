"""Inspections as the desktop and the command line drive them: start, walk, answer, complete, list."""

from __future__ import annotations

import json

import pytest

from fieldapp.errors import NotFound, ValidationError
from fieldapp.models import enterprises, findings, inspectors
from fieldapp.services import inspections
from fieldapp.services.changes import Entity
from fieldapp.workspace import Workspace


def _first_template(ws: Workspace, enterprise_id: str) -> str:
    return str(inspections.start_form(ws, enterprise_id).templates[0]["id"])


def test_start_form_puts_the_enterprises_own_officers_first_and_takes_the_assignments_presets(
        ws: Workspace, visit: dict[str, str]) -> None:
    store = ws.store
    home = enterprises.update(store, visit["enterprise_id"], {"township": "拳铺镇", "principal": "赵厂长"})["township_id"]
    local = inspectors.create(store, "王本镇", "37083001009", township_id=home)
    assignment = {"type": "双随机抽查", "note": "县局双随机", "officer_ids": json.dumps([visit["officer_a"]])}

    form = inspections.start_form(ws, visit["enterprise_id"], assignment)

    assert form.officers[0]["id"] == local["id"]
    assert {o["id"] for o in form.officers} >= {visit["officer_a"], visit["officer_b"]}
    assert form.representative == "赵厂长"
    assert form.templates and form.templates[0]["reason"] == "industry"
    assert (form.type, form.officer_ids, form.note) == ("双随机抽查", [visit["officer_a"]], "县局双随机")
    assert inspections.start_form(ws, visit["enterprise_id"]).officer_ids == []


def test_starting_adds_the_checklists_and_closes_the_assignment_it_answers(ws: Workspace,
                                                                           visit: dict[str, str]) -> None:
    template = _first_template(ws, visit["enterprise_id"])
    with ws.store.transaction():  # as a bundle from the office brings it (sync/assignments.assign at central)
        assignment = ws.store.insert("assignments", {"enterprise_id": visit["enterprise_id"],
                                                     "assigned_device": ws.store.device_id, "status": "open"})
    assert [a["id"] for a in inspections.assigned_visits(ws)] == [assignment["id"]]

    done = inspections.start_inspection(ws, enterprise_id=visit["enterprise_id"], templates=[template],
                                        officer_ids=[visit["officer_a"], visit["officer_b"]],
                                        assignment_id=assignment["id"], type="双随机抽查")

    inspection = done.value.inspection
    assert done.value.warnings == []
    assert done.changes.entities == {Entity.INSPECTIONS, Entity.SYNC} and inspection["id"] in done.changes.ids
    assert {i.template_id for i in inspections.walk(ws, inspection["id"]).items} == {template}
    closed = ws.store.get("assignments", assignment["id"])
    assert closed is not None and (closed["status"], closed["inspection_id"]) == ("done", inspection["id"])
    assert inspections.assigned_visits(ws) == []


def test_one_officer_starts_with_the_warning_and_a_bad_start_changes_nothing(ws: Workspace,
                                                                            visit: dict[str, str]) -> None:
    template = _first_template(ws, visit["enterprise_id"])
    before = ws.store.scalar("SELECT count(*) FROM inspections")
    with pytest.raises(ValidationError):
        inspections.start_inspection(ws, enterprise_id=visit["enterprise_id"], templates=[template],
                                     officer_ids=[visit["officer_a"], visit["officer_a"]])
    with pytest.raises(NotFound):
        inspections.start_inspection(ws, enterprise_id=visit["enterprise_id"], templates=["no-such-template"],
                                     officer_ids=[visit["officer_a"], visit["officer_b"]])
    assert ws.store.scalar("SELECT count(*) FROM inspections") == before

    done = inspections.start_inspection(ws, enterprise_id=visit["enterprise_id"], templates=[template],
                                        officer_ids=[visit["officer_a"]])
    assert done.value.warnings == [inspections.officer_warning(1)]
    assert done.changes.entities == {Entity.INSPECTIONS}


def test_walking_answers_items_and_a_non_conformity_records_its_hazard(ws: Workspace,
                                                                       visit: dict[str, str]) -> None:
    template = _first_template(ws, visit["enterprise_id"])
    started = inspections.start_inspection(ws, enterprise_id=visit["enterprise_id"], templates=[template],
                                           officer_ids=[visit["officer_a"], visit["officer_b"]]).value.inspection
    walk = inspections.walk(ws, started["id"])
    assert walk.enterprise_name == "宏达化工有限公司" and walk.officer_names == ["张执法", "李检查"]
    assert walk.in_progress and all(i.answer is None for i in walk.items) and walk.items[0].basis
    first, second = walk.items[0], walk.items[1]

    done = inspections.answer_item(ws, started["id"], template_id=template, item_code=first.item["code"],
                                   answer="不符合", note="东侧配电箱")
    finding = done.value.finding
    assert finding is not None and "东侧配电箱" in finding["description"]
    assert done.changes.entities == {Entity.ANSWERS, Entity.FINDINGS} and finding["id"] in done.changes.ids
    inspections.answer_item(ws, started["id"], template_id=template, item_code=second.item["code"], answer="1")
    after = inspections.walk(ws, started["id"]).items
    assert (after[0].answer, after[0].finding_id, after[1].answer) == ("no", finding["id"], "yes")

    # Changed back to 符合: the hazard it recorded, untouched since, is voided.
    inspections.answer_item(ws, started["id"], template_id=template, item_code=first.item["code"], answer="yes")
    assert findings.get(ws.store, finding["id"])["status"] == "voided"


def test_a_completed_inspection_keeps_its_answers(ws: Workspace, visit: dict[str, str]) -> None:
    template = _first_template(ws, visit["enterprise_id"])
    started = inspections.start_inspection(ws, enterprise_id=visit["enterprise_id"], templates=[template],
                                           officer_ids=[visit["officer_a"], visit["officer_b"]]).value.inspection
    done = inspections.complete_inspection(ws, started["id"], summary="检查 3 项")
    assert done.value["status"] == "completed" and done.value["summary"] == "检查 3 项"
    assert done.changes.entities == {Entity.INSPECTIONS}
    assert not inspections.walk(ws, started["id"]).in_progress
    code = inspections.walk(ws, started["id"]).items[0].item["code"]
    with pytest.raises(ValidationError):
        inspections.answer_item(ws, started["id"], template_id=template, item_code=code, answer="yes")
    with pytest.raises(ValidationError):
        inspections.complete_inspection(ws, started["id"])


def test_lists_put_work_in_progress_first_and_find_the_enterprise_by_uscc(ws: Workspace,
                                                                          visit: dict[str, str]) -> None:
    inspections.complete_inspection(ws, visit["inspection_id"])
    template = _first_template(ws, visit["enterprise_id"])
    later = inspections.start_inspection(ws, enterprise_id=visit["enterprise_id"], templates=[template],
                                         officer_ids=[visit["officer_a"], visit["officer_b"]]).value.inspection
    rows = inspections.list_inspections(ws, enterprise="91350100M000100Y43", open_first=True)
    assert [r["id"] for r in rows] == [later["id"], visit["inspection_id"]]
    assert rows[1]["officer_ids"] == [visit["officer_a"], visit["officer_b"]] and rows[1]["findings"] == 1


def test_the_inspection_record_has_officers_hazards_and_its_log(ws: Workspace, visit: dict[str, str]) -> None:
    record = inspections.inspection_record(ws, visit["inspection_id"])
    assert [o["certificate_no"] for o in record["officers"]] == ["37083001001", "37083001002"]
    assert record["enterprise"]["name"] == "宏达化工有限公司"
    assert [f["id"] for f in record["findings"]] == [visit["finding_id"]]
    assert record["log"] and record["log"][0]["action"]
