"""Record a whole visit described in a JSON file (docs/visit-format.md) and issue its notices.

The scripted twin of the UI's inspection flow: the same service calls, in one transaction, so a bad
file (an unknown officer, a missing photo, a deadline before the visit) records and issues nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.documents.content import Refusal
from fieldapp.errors import FieldappError, ValidationError
from fieldapp.models import checklists, enterprises, findings, inspections
from fieldapp.models import uscc as uscc_mod
from fieldapp.models.doc_types import DocType
from fieldapp.services import drafts, evidence, issuing
from fieldapp.services.changes import Done, Entity, changed
from fieldapp.services.notice_content import Signatures
from fieldapp.workspace import Workspace

FORMAT = 1


@dataclass
class VisitResult:
    inspection_id: str
    finding_ids: list[str] = field(default_factory=list)
    evidence_ids: list[str] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"inspection_id": self.inspection_id, "findings": self.finding_ids, "evidence": self.evidence_ids,
                "documents": self.documents, "warnings": self.warnings}


def _bad(en: str, zh: str) -> ValidationError:
    return ValidationError(f"visit file: {en}", f"检查记录文件有误：{zh}")


def _file(base: Path, name: Any, what_en: str, what_zh: str) -> Path:
    if not isinstance(name, str) or not name:
        raise _bad(f"{what_en} must be a file name", f"{what_zh}必须是文件名")
    path = (base / name).resolve()
    if not path.is_file():
        raise _bad(f"{what_en} {name} not found", f"找不到{what_zh}文件 {name}")
    return path


def _officer(ws: Workspace, ref: dict[str, Any]) -> str:
    cert = str(ref.get("certificate_no") or "").strip()
    rows = ws.store.query("SELECT id FROM inspectors WHERE certificate_no = ?", (cert,))
    if rows:
        return str(rows[0]["id"])
    if not ref.get("name"):
        raise _bad(f"officer with certificate {cert!r} is not registered", f"执法证号 {cert} 的执法人员未登记")
    from fieldapp.models import inspectors

    return str(inspectors.create(ws.store, str(ref["name"]), cert)["id"])


def _enterprise(ws: Workspace, ref: dict[str, Any]) -> str:
    if ref.get("id") and ws.store.get("enterprises", str(ref["id"])):
        return str(ref["id"])  # e.g. a site registered without a USCC
    code = ref.get("uscc")
    if not code:
        raise _bad("enterprise.uscc (or the id of a registered enterprise) is required",
                   "缺少被检查单位的统一社会信用代码（或已登记单位的编号）")
    found = ws.store.query("SELECT id FROM enterprises WHERE uscc = ?", (uscc_mod.parse(str(code)).code,))
    if found:
        return str(found[0]["id"])
    if not ref.get("name"):
        raise _bad(f"enterprise {code} is not in the registry (give its name to add it)",
                   f"名录中没有统一社会信用代码为 {code} 的单位（如需新增请填写单位名称）")
    return str(enterprises.create(ws.store, {k: v for k, v in ref.items() if isinstance(v, str | int | float)})["id"])


def record(ws: Workspace, path: Path, *, today: date | None = None) -> Done[VisitResult]:
    """Record the visit a JSON file describes (docs/visit-format.md) and issue the notices it asks for."""
    path = Path(path)
    try:
        spec = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise FieldappError(f"cannot read {path}: {exc.strerror}", f"无法读取文件 {path}：{exc.strerror}") from exc
    except ValueError as exc:
        raise _bad(f"not valid JSON ({exc})", f"不是有效的 JSON（{exc}）") from exc
    if not isinstance(spec, dict):
        raise _bad("the file must hold one JSON object", "文件内容必须是一个 JSON 对象")
    if int(spec.get("format", FORMAT)) > FORMAT:
        raise _bad(f"format {spec['format']} is newer than this fieldapp knows", "文件格式版本过新，请升级软件")
    base = path.parent
    store = ws.store
    # Check every referenced file before touching the database.
    for f in spec.get("findings", []):
        for p in f.get("photos", []):
            _file(base, p["path"] if isinstance(p, dict) else p, "photo", "照片")
    for o in spec.get("officers", []):
        if o.get("signature"):
            _file(base, o["signature"], "signature image", "签名图片")
    rep = spec.get("representative") or {}
    if rep.get("signature"):
        _file(base, rep["signature"], "signature image", "签名图片")
    with store.transaction():
        enterprise_id = _enterprise(ws, spec.get("enterprise") or {})
        officer_refs = spec.get("officers") or []
        officer_ids = [_officer(ws, o) for o in officer_refs]
        ins, warnings = inspections.create(
            store, enterprise_id=enterprise_id, officer_ids=officer_ids, type=spec.get("type", "日常检查"),
            started_at=spec.get("started_at"), place=spec.get("place"), representative=rep.get("name"),
            representative_title=rep.get("title"), campaign=spec.get("campaign"),
            unannounced=bool(spec.get("unannounced")), cross_area=bool(spec.get("cross_area")))
        result = VisitResult(ins["id"], warnings=[w[0] for w in warnings])
        for t in spec.get("templates", []):
            checklists.add_to_inspection(store, ins["id"], t["id"], t.get("version"))
            for code, answer in (t.get("answers") or {}).items():
                value, note = (answer, None) if isinstance(answer, str) else (answer.get("answer"), answer.get("note"))
                _, finding = checklists.answer(store, ins["id"], t["id"], code, str(value), note, today=today)
                if finding:
                    result.finding_ids.append(finding["id"])
        for f in spec.get("findings", []):
            row = findings.create(
                store, enterprise_id=enterprise_id, inspection_id=ins["id"], description=str(f.get("description", "")),
                grade=f.get("grade", "general"), legal_basis=f.get("legal_basis"), requirement=f.get("requirement"),
                deadline=f.get("deadline"), location=f.get("location"), campaign=spec.get("campaign"))
            result.finding_ids.append(row["id"])
            for p in f.get("photos", []):
                name, caption = (p["path"], p.get("caption")) if isinstance(p, dict) else (p, None)
                rows = evidence.attach(ws, finding_id=row["id"], paths=[_file(base, name, "photo", "照片")],
                                       caption=caption).value
                result.evidence_ids += [r["id"] for r in rows]
        inspections.complete(store, ins["id"], ended_at=spec.get("ended_at"), summary=spec.get("summary"))
        sigs = Signatures(
            officers={oid: _file(base, o["signature"], "signature image", "签名图片").read_bytes()
                      for oid, o in zip(officer_ids, officer_refs, strict=True) if o.get("signature")},
            enterprise_name=rep.get("name"))
        if rep.get("signature"):
            sigs.enterprise = _file(base, rep["signature"], "signature image", "签名图片").read_bytes()
        elif rep.get("refusal"):
            sigs.enterprise = Refusal(reason=str(rep["refusal"].get("reason", "")),
                                      witness=str(rep["refusal"].get("witness", "")))
        wanted = spec.get("notices") or {}
        # The re-inspection opinion is not issued from a visit: it follows a later re-inspection.
        for doc_type in (DocType.INSPECTION_RECORD, DocType.RECTIFICATION_ORDER, DocType.ONSITE_MEASURES):
            options = wanted.get(doc_type)
            if not options:
                continue
            options = options if isinstance(options, dict) else {}
            draft = drafts.draft_document(ws, doc_type=doc_type, inspection_id=ins["id"],
                                          deadline=options.get("deadline"),
                                          interim_measures=options.get("interim_measures", ""),
                                          measures=options.get("measures"),
                                          finding_ids=None if doc_type is not DocType.ONSITE_MEASURES else [
                                              fid for fid in result.finding_ids
                                              if findings.get(store, fid)["grade"] == "major"] or None).value
            issued = issuing.issue_document(ws, draft["id"], signatures=sigs, issued_on=today).value
            result.documents.append({"id": issued.document["id"], "type": doc_type.value,
                                     "number": issued.document["number"], "pdf": str(issued.pdf_path)})
            result.warnings += [w[0] for w in issued.warnings]
    everything = (Entity.ENTERPRISES, Entity.INSPECTORS, Entity.INSPECTIONS, Entity.ANSWERS, Entity.FINDINGS,
                  Entity.EVIDENCE, Entity.DOCUMENTS, Entity.NUMBERS)
    return Done(result, changed(*everything, ids=[result.inspection_id, *result.finding_ids, *result.evidence_ids,
                                                 *(d["id"] for d in result.documents)]))
