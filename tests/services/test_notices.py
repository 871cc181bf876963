from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image, ImageDraw

from fieldapp.documents import Refusal
from fieldapp.errors import FieldappError, ValidationError
from fieldapp.models import findings, numbering, settings
from fieldapp.models.doc_types import DocType
from fieldapp.services import drafts, evidence, issuing, notices, verification
from fieldapp.services.notice_content import Signatures
from fieldapp.workspace import Workspace
from tests.conftest import run_cli

TODAY = date.today()


def signature_png(tmp_path: Path, name: str) -> bytes:
    image = Image.new("RGBA", (300, 120), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(10, 90), (80, 20), (160, 100), (290, 30)], fill=(0, 0, 0, 255), width=5)
    path = tmp_path / name
    image.save(path)
    return path.read_bytes()


def pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    return "".join(page.get_textpage().get_text_range() for page in pdf)


@pytest.fixture
def blocks(ws: Workspace) -> None:
    settings.set_value(ws.store, "document_prefix", "梁应急")
    for doc_type in DocType:
        numbering.assign_block(ws.store, doc_type=doc_type, year=TODAY.year, first=15, last=30)


def test_issue_order_end_to_end(ws: Workspace, visit: dict[str, str], blocks: None, tmp_path: Path) -> None:
    photo = tmp_path / "p.jpg"
    Image.new("RGB", (1200, 900), (90, 120, 150)).save(photo)
    attached = evidence.attach(ws, finding_id=visit["finding_id"], paths=[photo], caption="配电箱").value
    # The inspector circled the hazard on the photo: the notice prints the mark and says who added it.
    evidence.set_overlay(ws, attached[0]["id"], [{"type": "text", "x": 0.1, "y": 0.1, "text": "未装漏保"}])
    deadline = (TODAY + timedelta(days=10)).isoformat()
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  deadline=deadline, interim_measures="停用该配电箱").value
    preview = issuing.preview_document(ws, draft["id"])
    assert "签发时自动编号" in pdf_text(preview)
    sigs = Signatures(officers={visit["officer_a"]: signature_png(tmp_path, "a.png"),
                                visit["officer_b"]: signature_png(tmp_path, "b.png")},
                      enterprise=signature_png(tmp_path, "r.png"))
    result = issuing.issue_document(ws, draft["id"], signatures=sigs).value
    row = result.document
    assert row["number"] == f"梁应急责改〔{TODAY.year}〕15号" and row["status"] == "issued"
    data = result.pdf_path.read_bytes()
    text = pdf_text(data)
    for expected in ("责令限期整改指令书", row["number"], "宏达化工有限公司", "91350100M000100Y43", "配电箱未设置漏电保护器",
                     "加装漏电保护器", "示范县人民政府", "示范县人民法院", "张执法", "37083001001", "第 1 页",
                     "被检查单位留存", "执法机关存档", "停用该配电箱", "SHA-256", "未装漏保", "图上标注为检查人员所加"):
        assert expected in text, expected
    assert findings.get(ws.store, visit["finding_id"])["status"] == "ordered"
    assert findings.get(ws.store, visit["finding_id"])["deadline"] == deadline
    audit = ws.store.query("SELECT data FROM audit_log WHERE entity = 'documents' AND action = 'issue'")
    logged = json.loads(audit[0]["data"])
    assert logged["pdf_sha256"] == row["pdf_sha256"] and logged["content_sha256"] == row["content_sha256"]
    page = pdfium.PdfDocument(data)[0].render(scale=2).to_pil()
    codes = zxingcpp.read_barcodes(page)
    assert codes and verification.verify_qr(ws, codes[0].text).valid
    check = verification.verify_file(ws, result.pdf_path)
    assert check.valid, [r.en for r in check.reasons]
    assert check.signature is not None and check.signature.intact


def test_one_flipped_byte_fails_verification(ws: Workspace, visit: dict[str, str], blocks: None,
                                             tmp_path: Path) -> None:
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  deadline=(TODAY + timedelta(days=5)).isoformat()).value
    issued = issuing.issue_document(ws, draft["id"]).value
    data = bytearray(issued.pdf_path.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(data))
    assert not verification.verify_file(ws, bad).valid
    with pytest.raises(FieldappError, match="altered"):
        issued.pdf_path.write_bytes(bytes(data))
        notices.document_pdf(ws, issued.document["id"])


def test_void_and_replace(ws: Workspace, visit: dict[str, str], blocks: None, tmp_path: Path) -> None:
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  deadline=(TODAY + timedelta(days=5)).isoformat()).value
    issued = issuing.issue_document(ws, draft["id"]).value
    with pytest.raises(ValidationError):
        drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                              replaces_id=issued.document["id"])
    notices.void_document(ws, issued.document["id"], "单位名称有误")
    check = verification.verify_file(ws, issued.pdf_path)
    assert not check.valid and any("voided" in r.en and "单位名称有误" in r.en for r in check.reasons)
    replacement = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                        deadline=(TODAY + timedelta(days=5)).isoformat(),
                                        replaces_id=issued.document["id"]).value
    new = issuing.issue_document(ws, replacement["id"]).value.document
    assert new["replaces_id"] == issued.document["id"] and new["serial"] == issued.document["serial"] + 1
    again = verification.verify_file(ws, issued.pdf_path)
    assert any(new["number"] in r.en for r in again.reasons)


def test_refusal_to_sign_is_printed(ws: Workspace, visit: dict[str, str], blocks: None) -> None:
    draft = drafts.draft_document(ws, doc_type="inspection_record", inspection_id=visit["inspection_id"]).value
    sigs = Signatures(enterprise=Refusal(reason="不认可检查结果", witness="网格员王立新"))
    text = pdf_text(issuing.issue_document(ws, draft["id"], signatures=sigs).value.pdf_path.read_bytes())
    assert "拒绝签字" in text and "不认可检查结果" in text and "网格员王立新" in text
    with pytest.raises(ValidationError, match="witness"):
        record = drafts.draft_document(ws, doc_type="inspection_record", inspection_id=visit["inspection_id"]).value
        issuing.issue_document(ws, record["id"], signatures=Signatures(enterprise=Refusal(reason="不签", witness="")))


def test_bad_input_issues_nothing(ws: Workspace, visit: dict[str, str], blocks: None) -> None:
    findings.transition(ws.store, visit["finding_id"], "voided", void_reason="重复")
    with pytest.raises(ValidationError, match="no finding"):
        drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"])
    f = findings.create(ws.store, enterprise_id=visit["enterprise_id"], inspection_id=visit["inspection_id"],
                        description="长" * 800, requirement="整改")
    early = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  deadline=(TODAY - timedelta(days=1)).isoformat()).value
    with pytest.raises(ValidationError, match="before the issue date"):
        issuing.issue_document(ws, early["id"])
    assert ws.store.scalar("SELECT count(*) FROM documents WHERE status = 'issued'") == 0
    assert numbering.remaining(ws.store, "rectification_order", TODAY.year) == 16
    ok = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                               finding_ids=[f["id"]], deadline=(TODAY + timedelta(days=3)).isoformat()).value
    issued = issuing.issue_document(ws, ok["id"]).value
    assert pdf_text(issued.pdf_path.read_bytes()).count("长") >= 800


def test_missing_photo_file_and_exhausted_block(ws: Workspace, visit: dict[str, str], tmp_path: Path) -> None:
    numbering.assign_block(ws.store, doc_type="rectification_order", year=TODAY.year, first=1, last=1)
    photo = tmp_path / "p.jpg"
    Image.new("RGB", (800, 600), (90, 120, 150)).save(photo)
    row = evidence.attach(ws, finding_id=visit["finding_id"], paths=[photo]).value[0]
    evidence.blobs(ws).remove(row["sha256"])  # the stored photo is lost (disk error, deletion)
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  deadline=(TODAY + timedelta(days=3)).isoformat()).value
    with pytest.raises(FieldappError, match="missing"):
        issuing.issue_document(ws, draft["id"])
    assert numbering.remaining(ws.store, "rectification_order", TODAY.year) == 1
    evidence.unlink(ws, row["id"])
    issuing.issue_document(ws, draft["id"])
    second = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                   deadline=(TODAY + timedelta(days=3)).isoformat()).value
    with pytest.raises(FieldappError) as err:
        issuing.issue_document(ws, second["id"])
    assert "request a new" in err.value.en and "申请新的编号段" in err.value.zh


def test_enterprise_name_with_emoji_and_markup(ws: Workspace, visit: dict[str, str], blocks: None) -> None:
    from fieldapp.models import enterprises

    enterprises.update(ws.store, visit["enterprise_id"], {"name": "宏达<b>化工</b> & 😀 𠮷"})
    draft = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  deadline=(TODAY + timedelta(days=3)).isoformat()).value
    result = issuing.issue_document(ws, draft["id"]).value
    assert "宏达<b>化工</b> &" in pdf_text(result.pdf_path.read_bytes())
    assert any("😀" in w[0] for w in result.warnings)


def test_cli_visit_list_export_verify_void(tmp_path: Path, ws: Workspace) -> None:
    photo = tmp_path / "现场 照片.jpg"
    Image.new("RGB", (1600, 1200), (100, 100, 100)).save(photo)
    (tmp_path / "a.png").write_bytes(signature_png(tmp_path, "a.png"))
    visit = {"enterprise": {"uscc": "91350100M000100Y43", "name": "宏达化工有限公司"},
             "officers": [{"certificate_no": "C1", "name": "张三", "signature": "a.png"},
                          {"certificate_no": "C2", "name": "李四"}],
             "representative": {"name": "王五", "refusal": {"reason": "不同意", "witness": "赵六"}},
             "templates": [{"id": "gongmao-general", "answers": {"GMTY-01-01": "不符合"}}],
             "findings": [{"description": "安全出口堵塞", "deadline": (TODAY + timedelta(days=7)).isoformat(),
                           "photos": [{"path": photo.name, "caption": "出口"}]}],
             "notices": {"inspection_record": True,
                         "rectification_order": {"deadline": (TODAY + timedelta(days=7)).isoformat()}}}
    (tmp_path / "visit.json").write_text(json.dumps(visit, ensure_ascii=False), encoding="utf-8")
    data = ws.data_dir
    for doc_type in DocType:
        numbering.assign_block(ws.store, doc_type=doc_type, year=TODAY.year, first=1, last=20)
    ws.close()
    result = run_cli(data, "inspections", "record", str(tmp_path / "visit.json"), "--json")
    assert result.returncode == 0, result.stderr
    recorded = json.loads(result.stdout)
    assert len(recorded["documents"]) == 2 and len(recorded["findings"]) == 2
    listed = json.loads(run_cli(data, "notices", "list", "--json").stdout)
    assert all({"id", "number", "type", "status"} <= set(r) for r in listed)
    order = next(r for r in listed if r["type"] == "rectification_order")
    out = tmp_path / "order.pdf"
    assert run_cli(data, "notices", "export", order["id"], "--out", str(out)).returncode == 0
    ok = run_cli(data, "notices", "verify", str(out), "--json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["valid"]
    assert run_cli(data, "notices", "void", order["id"], "--reason", "期限有误").returncode == 0
    bad = run_cli(data, "notices", "verify", str(out))
    assert bad.returncode == 1 and "voided" in bad.stderr
    garbage = run_cli(data, "notices", "verify", "--qr", "FA1.NOTAPAYLOAD")
    assert garbage.returncode == 1 and "Traceback" not in garbage.stderr
    broken = dict(visit, findings=[{"description": "x", "photos": ["nope.jpg"]}])
    (tmp_path / "broken.json").write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    before = json.loads(run_cli(data, "stats", "--json").stdout)
    failed = run_cli(data, "inspections", "record", str(tmp_path / "broken.json"))
    assert failed.returncode == 1 and "nope.jpg" in failed.stderr
    assert json.loads(run_cli(data, "stats", "--json").stdout) == before


def test_redraft_changes_the_draft_in_place_and_discard_removes_it(ws: Workspace, visit: dict[str, str],
                                                                   blocks: None) -> None:
    first = drafts.draft_document(ws, doc_type="rectification_order", inspection_id=visit["inspection_id"],
                                  deadline=(TODAY + timedelta(days=5)).isoformat()).value
    later = (TODAY + timedelta(days=9)).isoformat()
    again = drafts.redraft_document(ws, first["id"], inspection_id=visit["inspection_id"], deadline=later,
                                    interim_measures="停用配电箱").value
    assert again["id"] == first["id"] and again["deadline"] == later
    other = drafts.redraft_document(ws, first["id"], doc_type="inspection_record",
                                    inspection_id=visit["inspection_id"]).value
    assert other["id"] != first["id"] and ws.store.get("documents", first["id"]) is None
    assert [d["type"] for d in notices.list_documents(ws, doc_type="inspection_record")] == ["inspection_record"]
    drafts.discard_draft(ws, other["id"])
    assert notices.list_documents(ws) == []
    record = drafts.draft_document(ws, doc_type="inspection_record", inspection_id=visit["inspection_id"]).value
    issued = issuing.issue_document(ws, record["id"]).value
    with pytest.raises(ValidationError):
        drafts.discard_draft(ws, issued.document["id"])
