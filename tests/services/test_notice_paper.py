"""What the issued notice says on paper: the demo mark, the seal line, the dates, one deadline per hazard."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from fieldapp.documents import qr
from fieldapp.documents.layout import cn_date
from fieldapp.models import demo, findings, numbering, reinspections, settings
from fieldapp.models.doc_types import DocType
from fieldapp.models.documents import DraftSpec
from fieldapp.models.reinspections import ItemResult
from fieldapp.services import drafts, issuing, notices, verification, visits
from fieldapp.workspace import Workspace
from tests.conftest import run_cli
from tests.documents.pdf_readback import qr_texts, read_back

TODAY = date.today()


def day(n: int) -> str:
    return (TODAY + timedelta(days=n)).isoformat()


@pytest.fixture
def blocks(ws: Workspace) -> None:
    for doc_type in DocType:
        numbering.assign_block(ws.store, doc_type=doc_type, year=TODAY.year, first=1, last=40)


def order_text(ws: Workspace, document_id: str) -> str:
    return read_back(issuing.preview_document(ws, document_id)).flat


# -- demo mark ---------------------------------------------------------------------------------------


def test_a_notice_issued_from_demo_data_is_marked_on_every_page_in_the_qr_and_by_verify(
        ws: Workspace, visit: dict[str, str], blocks: None, tmp_path: Path) -> None:
    demo.mark(ws.store)
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  deadline=day(10)).value
    preview = read_back(issuing.preview_document(ws, draft["id"]))
    assert all("演示文书，无法律效力" in "".join(p.split()) for p in preview.pages)
    issued = issuing.issue_document(ws, draft["id"]).value
    pdf = issued.pdf_path.read_bytes()
    back = read_back(pdf)
    assert len(back.pages) >= 2
    for page in back.pages:
        flat = "".join(page.split())
        assert "【演示】演示文书，无法律效力" in flat and "由演示数据生成" in flat
        assert issued.document["number"] in flat and "配电箱未设置漏电保护器" in back.flat
    codes = {code for page in qr_texts(pdf) for code in page}
    assert len(codes) == 1 and qr.parse_payload(codes.pop()).demo
    check = verification.verify_file(ws, issued.pdf_path)
    assert not check.valid and check.demo
    assert check.reasons[0].zh.startswith("演示文书，无法律效力")
    assert check.signature is not None and check.signature.intact  # nothing else is wrong with it
    out = tmp_path / "demo.pdf"
    out.write_bytes(pdf)
    data = ws.data_dir
    ws.close()
    human = run_cli(data, "notices", "verify", str(out))
    assert human.returncode == 1 and "DEMO DOCUMENT, NO LEGAL EFFECT" in human.stdout
    assert "This is a demo document" in human.stderr  # the error line the CLI exits with
    as_json = json.loads(run_cli(data, "notices", "verify", str(out), "--json").stdout)
    assert as_json["demo"] is True and as_json["valid"] is False


def test_a_real_database_prints_no_demo_mark(ws: Workspace, visit: dict[str, str], blocks: None) -> None:
    assert not demo.is_demo(ws.store)
    draft = drafts.draft_document(ws, doc_type="inspection_record", inspection_id=visit["inspection_id"]).value
    issued = issuing.issue_document(ws, draft["id"]).value
    back = read_back(issued.pdf_path.read_bytes())
    assert "演示" not in back.text
    assert not qr.parse_payload(qr_texts(issued.pdf_path.read_bytes())[0][0]).demo
    assert verification.verify_file(ws, issued.pdf_path).valid
    assert '"demo"' not in issued.document["content"]


# -- seal line and dates -----------------------------------------------------------------------------


def test_seal_line_is_the_seal_setting_not_the_unit_name(ws: Workspace, visit: dict[str, str],
                                                        blocks: None) -> None:
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  deadline=day(10)).value
    flat = read_back(issuing.issue_document(ws, draft["id"]).value.pdf_path.read_bytes()).flat
    assert f"示范县应急管理局（印章）{cn_date(TODAY)}" in flat
    assert "（示范县应急管理局）" not in flat
    settings.set_value(ws.store, "seal_text", "（执法专用章）")
    other = drafts.draft_document(ws, doc_type="inspection_record", inspection_id=visit["inspection_id"]).value
    assert f"示范县应急管理局（执法专用章）{cn_date(TODAY)}" in order_text(ws, other["id"])
    assert settings.LABELS_ZH["seal_text"] and settings.DEFAULTS["seal_text"] == "（印章）"


def _meta(pdf: bytes) -> dict[str, str]:
    return dict(pdfium.PdfDocument(pdf).get_metadata_dict())


def _parse_pdf_date(text: str) -> datetime:
    """D:YYYYMMDDHHmmSS followed by Z or ±HH'mm'."""
    moment = datetime.strptime(text[2:16], "%Y%m%d%H%M%S")
    tz = text[16:]
    if tz.startswith("Z"):
        return moment.replace(tzinfo=UTC)
    sign = 1 if tz[0] == "+" else -1
    return moment.replace(tzinfo=timezone(sign * timedelta(hours=int(tz[1:3]), minutes=int(tz[4:6]))))


def test_pdf_dates_are_the_issue_time(ws: Workspace, visit: dict[str, str], blocks: None) -> None:
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  deadline=day(10)).value
    preview = issuing.preview_document(ws, draft["id"])
    assert issuing.preview_document(ws, draft["id"]) == preview  # the same draft renders to the same bytes
    drafted = datetime.fromisoformat(draft["updated_at"].replace("Z", "+00:00"))
    assert abs(_parse_pdf_date(_meta(preview)["CreationDate"]) - drafted) < timedelta(seconds=1)
    issued = issuing.issue_document(ws, draft["id"]).value
    meta = _meta(issued.pdf_path.read_bytes())
    at = datetime.fromisoformat(issued.document["issued_at"].replace("Z", "+00:00"))
    created, modified = _parse_pdf_date(meta["CreationDate"]), _parse_pdf_date(meta["ModDate"])
    assert abs(created - at) < timedelta(seconds=1)
    # The PAdES signature is the last change to the file, made as it was issued.
    assert timedelta(0) <= modified - created.replace(microsecond=0) < timedelta(seconds=30)
    assert created.year == TODAY.year != 2000


# -- one hazard, one deadline ------------------------------------------------------------------------


def test_order_without_a_date_of_its_own_keeps_the_hazards_saved_deadline(
        ws: Workspace, visit: dict[str, str], blocks: None) -> None:
    saved = day(45)  # far from the 15-day default
    findings.update(ws.store, visit["finding_id"], {"deadline": saved})
    # What 文书… (Ctrl+D) drafts: the inspection's open hazards, no date of the order's own.
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"]).value
    assert draft["deadline"] == saved
    assert drafts.order_deadlines(ws, [visit["finding_id"]]) == {visit["finding_id"]: saved}
    text = order_text(ws, draft["id"])
    due = date.fromisoformat(saved)
    assert f"责令你单位于{cn_date(due)}前整改完毕" in text
    assert cn_date(date.fromisoformat(findings.default_deadline(ws.store))) not in text
    issued = issuing.issue_document(ws, draft["id"]).value
    assert findings.get(ws.store, visit["finding_id"])["deadline"][:10] == saved
    payload = qr.parse_payload(qr_texts(issued.pdf_path.read_bytes())[0][0])
    assert payload.deadline == due


def test_hazards_with_different_deadlines_each_keep_theirs(ws: Workspace, visit: dict[str, str],
                                                           blocks: None) -> None:
    findings.update(ws.store, visit["finding_id"], {"deadline": day(20)})
    second = findings.create(ws.store, enterprise_id=visit["enterprise_id"], inspection_id=visit["inspection_id"],
                             description="安全出口堵塞", deadline=day(5))
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"]).value
    text = order_text(ws, draft["id"])
    # Listed newest first: 1. 安全出口堵塞 (5 days), 2. the visit's hazard (20 days).
    assert text.index("1．安全出口堵塞") < text.index("2．配电箱未设置漏电保护器")
    assert (f"对上述第1项问题于{cn_date(TODAY + timedelta(days=5))}前，"
            f"对上述第2项问题于{cn_date(TODAY + timedelta(days=20))}前整改完毕") in text
    issuing.issue_document(ws, draft["id"])
    assert findings.get(ws.store, visit["finding_id"])["deadline"][:10] == day(20)
    assert findings.get(ws.store, second["id"])["deadline"][:10] == day(5)


def test_a_hazard_without_a_deadline_gets_the_default_kept_from_draft_to_issue(
        ws: Workspace, visit: dict[str, str], blocks: None) -> None:
    settings.set_value(ws.store, "default_deadline_days", 12)
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"]).value
    assert DraftSpec.of(draft).fallback_deadline == day(12)
    assert f"于{cn_date(TODAY + timedelta(days=12))}前整改完毕" in order_text(ws, draft["id"])
    issuing.issue_document(ws, draft["id"])
    assert findings.get(ws.store, visit["finding_id"])["deadline"][:10] == day(12)


def test_a_date_chosen_for_the_order_becomes_the_hazards_deadline(ws: Workspace, visit: dict[str, str],
                                                                  blocks: None) -> None:
    findings.update(ws.store, visit["finding_id"], {"deadline": day(30)})
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  deadline=day(9)).value
    assert f"于{cn_date(TODAY + timedelta(days=9))}前整改完毕" in order_text(ws, draft["id"])
    first = issuing.issue_document(ws, draft["id"]).value.document
    assert findings.get(ws.store, visit["finding_id"])["deadline"][:10] == day(9)
    # Voided and replaced with another date: the hazard, already under the order, follows the new paper.
    notices.void_document(ws, first["id"], "期限有误")
    again = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  finding_ids=[visit["finding_id"]], deadline=day(11),
                                  replaces_id=first["id"]).value
    second = issuing.issue_document(ws, again["id"]).value.document
    hazard = findings.get(ws.store, visit["finding_id"])
    assert hazard["status"] == "ordered" and hazard["deadline"][:10] == day(11)
    assert findings.events(ws.store, visit["finding_id"])[-1]["note"] == second["number"]


def test_after_a_failed_reinspection_the_new_order_gets_a_new_deadline(
        ws: Workspace, visit: dict[str, str], blocks: None) -> None:
    findings.update(ws.store, visit["finding_id"], {"deadline": day(3)})
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"]).value
    issuing.issue_document(ws, draft["id"])
    reinspections.record(ws.store, enterprise_id=visit["enterprise_id"],
                         officer_ids=[visit["officer_a"], visit["officer_b"]],
                         results=[ItemResult(visit["finding_id"], False, "未整改")])
    assert findings.get(ws.store, visit["finding_id"])["status"] == "failed_reinspection"
    assert drafts.order_deadlines(ws, [visit["finding_id"]]) == {
        visit["finding_id"]: findings.default_deadline(ws.store)}
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  finding_ids=[visit["finding_id"]]).value
    issuing.issue_document(ws, draft["id"])
    hazard = findings.get(ws.store, visit["finding_id"])
    assert hazard["status"] == "ordered" and hazard["deadline"][:10] == findings.default_deadline(ws.store)


def test_visit_file_order_without_a_date_uses_each_findings_deadline(ws: Workspace, tmp_path: Path) -> None:
    for doc_type in DocType:
        numbering.assign_block(ws.store, doc_type=doc_type, year=TODAY.year, first=1, last=20)
    spec = {"enterprise": {"uscc": "91350100M000100Y43", "name": "宏达化工有限公司"},
            "officers": [{"certificate_no": "C1", "name": "张三"}, {"certificate_no": "C2", "name": "李四"}],
            "findings": [{"description": "安全出口堵塞", "deadline": day(33)}],
            "notices": {"rectification_order": True}}
    path = tmp_path / "visit.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    result = visits.record(ws, path).value
    (doc,) = result.documents
    text = read_back(Path(doc["pdf"]).read_bytes()).flat
    assert f"于{cn_date(TODAY + timedelta(days=33))}前整改完毕" in text
    assert findings.get(ws.store, result.finding_ids[0])["deadline"][:10] == day(33)
