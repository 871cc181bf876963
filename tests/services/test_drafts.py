"""Drafting a notice and opening it again: what the draft services change and what the document flow starts from."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fieldapp.errors import ValidationError
from fieldapp.models import findings, inspectors, numbering, reinspections
from fieldapp.models.doc_types import DocType
from fieldapp.models.documents import DraftSpec, Measures
from fieldapp.models.reinspections import ItemResult
from fieldapp.services import drafts, issuing, notices
from fieldapp.services.changes import Entity
from fieldapp.workspace import Workspace

TODAY = date.today()


def day(n: int) -> str:
    return (TODAY + timedelta(days=n)).isoformat()


@pytest.fixture
def blocks(ws: Workspace) -> None:
    for doc_type in DocType:
        numbering.assign_block(ws.store, doc_type=doc_type, year=TODAY.year, first=1, last=20)


def test_drafting_says_which_document_it_made_and_changes_nothing_else(ws: Workspace, visit: dict[str, str]) -> None:
    done = drafts.draft_document(ws, doc_type="onsite_measures", inspection_id=visit["inspection_id"],
                                 finding_ids=[visit["finding_id"]], measures={"withdraw_workers": True})
    assert done.changes.entities == {Entity.DOCUMENTS} and done.changes.ids == {done.value["id"]}
    assert DraftSpec.of(done.value).measures == Measures(withdraw_workers=True)
    again = drafts.redraft_document(ws, done.value["id"], inspection_id=visit["inspection_id"],
                                    finding_ids=[visit["finding_id"]], measures={"suspend_production": True})
    assert again.value["id"] == done.value["id"] and Entity.DOCUMENTS in again.changes
    assert DraftSpec.of(again.value).measures == Measures(suspend_production=True)
    gone = drafts.discard_draft(ws, done.value["id"])
    assert gone.changes.ids == {done.value["id"]} and notices.list_documents(ws) == []


def test_an_unknown_type_or_a_measures_decision_without_measures_drafts_nothing(ws: Workspace,
                                                                                visit: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="unknown document type"):
        drafts.draft_document(ws, doc_type="order", inspection_id=visit["inspection_id"])
    with pytest.raises(ValidationError, match="on-site measures"):
        drafts.draft_document(ws, doc_type="onsite_measures", inspection_id=visit["inspection_id"])
    assert notices.list_documents(ws) == []


def test_issuing_says_it_changed_the_notice_its_hazards_and_the_numbers(ws: Workspace, visit: dict[str, str],
                                                                         blocks: None) -> None:
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  deadline=day(10)).value
    done = issuing.issue_document(ws, draft["id"])
    assert done.changes.entities == {Entity.DOCUMENTS, Entity.FINDINGS, Entity.NUMBERS}
    assert done.changes.ids == {draft["id"], visit["finding_id"]}
    assert findings.get(ws.store, visit["finding_id"])["status"] == "ordered"
    voided = notices.void_document(ws, draft["id"], "期限有误")
    assert voided.value["status"] == "voided" and voided.changes.entities == {Entity.DOCUMENTS}


def test_a_draft_opened_again_starts_from_what_was_saved(ws: Workspace, visit: dict[str, str]) -> None:
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  finding_ids=[visit["finding_id"]], deadline=day(12),
                                  interim_measures="停用配电箱").value
    basis = drafts.notice_basis(ws, visit["inspection_id"], document_id=draft["id"])
    assert basis.doc_type is DocType.RECTIFICATION_ORDER and basis.finding_ids == [visit["finding_id"]]
    assert basis.deadline == day(12) and basis.interim_measures == "停用配电箱"
    assert basis.enterprise_name == "宏达化工有限公司" and basis.representative == "赵厂长"
    assert [o["name"] for o in basis.officers] == ["张执法", "李检查"]
    assert [h["id"] for h in basis.hazards] == [visit["finding_id"]]
    fresh = drafts.notice_basis(ws, visit["inspection_id"])
    assert fresh.doc_type is None and fresh.finding_ids is None and fresh.deadline is None


def test_an_opinion_is_signed_by_the_officers_who_reinspected(ws: Workspace, visit: dict[str, str],
                                                              blocks: None) -> None:
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  deadline=day(5)).value
    order = issuing.issue_document(ws, draft["id"]).value.document
    third = inspectors.create(ws.store, "王复查", "37083001003")
    reinspection = reinspections.record(ws.store, enterprise_id=visit["enterprise_id"],
                                        officer_ids=[visit["officer_b"], third["id"]],
                                        results=[ItemResult(visit["finding_id"], True)])
    first = drafts.draft_opinion(ws, reinspection["id"])
    assert Entity.DOCUMENTS in first.changes and first.value["doc_type"] == DocType.REINSPECTION_OPINION
    second = drafts.draft_opinion(ws, reinspection["id"])
    assert second.value["id"] == first.value["id"] and not second.changes  # the draft already there
    basis = drafts.notice_basis(ws, visit["inspection_id"], document_id=first.value["id"])
    assert basis.doc_type is DocType.REINSPECTION_OPINION and basis.reinspection_id == reinspection["id"]
    assert [o["name"] for o in basis.officers] == ["李检查", "王复查"]
    assert drafts.opinion_hazards(ws, reinspection["id"]) == [visit["finding_id"]]
    replacement = drafts.notice_basis(ws, visit["inspection_id"], replaces_id=order["id"])
    assert replacement.replaces_number == order["number"]
