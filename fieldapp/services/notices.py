"""Enforcement notices (执法文书): draft from the records, preview, issue (number + QR + PAdES), void, verify.

Issuing happens in one transaction: the number is taken from this device's block, the document is built
from the records, carries a QR payload signed with the device's Ed25519 key, is rendered, signed as a
PDF (PAdES) with the device certificate and stored by hash; the record is frozen with the SHA-256 of its
canonical content and of the PDF (both go into the audit trail). Any failure rolls back, number included.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fieldapp.documents import content as c
from fieldapp.documents.keys import DeviceKeys
from fieldapp.errors import FieldappError, ValidationError
from fieldapp.fileio import atomic_write
from fieldapp.models import demo, documents, findings, inspections, numbering, settings
from fieldapp.models.ids import utc_now
from fieldapp.models.store import Row, Store
from fieldapp.photos.blobstore import BlobStore, data_store
from fieldapp.services import drafts
from fieldapp.workspace import Workspace

KIND_OF = {
    "inspection_record": c.DocumentKind.INSPECTION_RECORD,
    "rectification_order": c.DocumentKind.RECTIFICATION_ORDER,
    "reinspection_opinion": c.DocumentKind.REINSPECTION_OPINION,
    "onsite_measures": c.DocumentKind.ONSITE_MEASURES,
}
PREVIEW_NUMBER = "（签发时自动编号）"


def pdf_store(ws: Workspace) -> BlobStore:
    return data_store(ws.data_dir, "documents")


def evidence_store(ws: Workspace) -> BlobStore:
    return data_store(ws.data_dir, "evidence")


# -- keys ------------------------------------------------------------------------------------

def device_keys(ws: Workspace) -> DeviceKeys:
    """This device's signing keys (created on first use) with its public key registered in the database."""
    store = ws.store
    keys = DeviceKeys.load_or_create(ws.data_dir / "keys", store.device_id,
                                     f"{settings.get(store, 'issuing_unit')} 执法终端")
    if not store.scalar("SELECT 1 FROM device_keys WHERE key_id = ?", (keys.public_key_id,)):
        from cryptography.hazmat.primitives import serialization

        with store.transaction():
            store.insert("device_keys", {
                "key_id": keys.public_key_id, "key_device_id": store.device_id, "device_name": keys.signer_name,
                "ed25519_public": keys.payload_public_key.hex(),
                "certificate_pem": keys.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii"),
            }, audit=None)
    return keys


def known_keys(ws: Workspace) -> dict[str, bytes]:
    return {r["key_id"]: bytes.fromhex(r["ed25519_public"]) for r in ws.store.query(
        "SELECT key_id, ed25519_public FROM device_keys WHERE revoked = 0")}


def trust_roots(ws: Workspace) -> list[Any]:
    from cryptography import x509

    roots = []
    # Each device's own (self-issued) certificate: notices signed before the office certified it.
    for row in ws.store.query("SELECT certificate_pem FROM device_keys WHERE revoked = 0 AND certificate_pem IS NOT NULL"):
        roots.append(x509.load_pem_x509_certificate(row["certificate_pem"].encode("ascii")))
    # The office root: notices signed with an office-issued certificate.
    ca_pem = ws.store.scalar("SELECT value FROM meta WHERE key = 'ca_pem'")
    if ca_pem:
        roots.append(x509.load_pem_x509_certificate(str(ca_pem).encode("ascii")))
    ca_file = ws.data_dir / "keys" / "office-ca" / "ca-cert.pem"
    if ca_file.exists():
        roots.append(x509.load_pem_x509_certificate(ca_file.read_bytes()))
    own = ws.data_dir / "keys"
    if own.exists():
        roots.extend(device_keys(ws).trust_roots())
    return roots


# -- signatures ------------------------------------------------------------------------------

@dataclass
class Signatures:
    """Who signed on screen. Missing officers and `enterprise=None` print blank lines for wet ink."""

    officers: dict[str, bytes] = field(default_factory=dict)  # inspector id -> PNG
    enterprise: bytes | c.Refusal | None = None
    enterprise_name: str | None = None


def _check_png(data: bytes, who: str) -> bytes:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.format != "PNG":
                raise ValueError(im.format)
            im.verify()
    except Exception:
        raise ValidationError(f"the signature of {who} is not a PNG image", f"{who}的签名不是有效的 PNG 图片") from None
    return data


def _refusal_ok(refusal: c.Refusal) -> c.Refusal:
    if not refusal.reason.strip() or not refusal.witness.strip():
        raise ValidationError("a refusal to sign needs the reason and a witness",
                              "拒绝签字须记录拒签理由和见证人")
    return refusal


# -- drafts (fieldapp.services.drafts; kept here so callers have one module for notices) ----------------

draft, redraft, discard = drafts.draft, drafts.redraft, drafts.discard


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _dt(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)


def _photos(ws: Workspace, *, finding_ids: list[str], inspection_id: str | None = None) -> tuple[c.EvidencePhoto, ...]:
    store = ws.store
    rows: list[Row] = []
    for fid in finding_ids:
        rows += store.query("SELECT * FROM evidence WHERE finding_id = ? AND kind = 'photo' ORDER BY position",
                            (fid,))
    if inspection_id:
        rows += store.query("SELECT * FROM evidence WHERE inspection_id = ? AND finding_id IS NULL"
                            " AND kind = 'photo' ORDER BY position", (inspection_id,))
    blobs = evidence_store(ws)
    out = []
    for row in rows:
        if not blobs.exists(row["sha256"]):
            raise FieldappError(f"the photo file {row['original_name']} is missing from the evidence store "
                                "(run `fieldapp evidence verify`)",
                                f"证据照片 {row['original_name']} 的文件缺失，请运行“证据校验”")
        captured = _dt(row["captured_at"]) if row.get("captured_at") else _dt(row["created_at"])
        out.append(c.EvidencePhoto(jpeg=blobs.read_bytes(row["sha256"]), caption=row.get("caption") or row["original_name"],
                                   captured_at=captured, sha256=row["sha256"], overlay=row.get("overlay") or ""))
    return tuple(out)


def _findings(store: Store, ids: list[str], deadlines: dict[str, str | None] | None = None
              ) -> tuple[c.Finding, ...]:
    """Findings as printed, each with its saved deadline unless ``deadlines`` (an order's) says otherwise."""
    out = []
    for n, fid in enumerate(ids, 1):
        f = findings.get(store, fid)
        grade = "（重大事故隐患）" if f["grade"] == "major" else ""
        due = deadlines.get(fid) if deadlines is not None else f.get("deadline")
        out.append(c.Finding(number=n, description=f["description"] + grade, legal_basis=f.get("legal_basis") or "",
                             requirement=f.get("requirement") or "", deadline=_date(due)))
    return tuple(out)


def build(ws: Workspace, doc: Row, *, number: str, issued_on: date, signatures: Signatures | None = None
          ) -> c.Document:
    """The printable document for a record (what the PDF and its content hash are made of)."""
    store = ws.store
    spec = json.loads(doc["content"]).get("spec", {})
    signatures = signatures or Signatures()
    inspection = inspections.get(store, doc["inspection_id"])
    enterprise = store.require("enterprises", doc["enterprise_id"], "enterprise", "单位")
    officers = tuple(
        c.Officer(name=o["name"], certificate_no=o["certificate_no"],
                  signature=c.SignatureImage(_check_png(signatures.officers[o["id"]], o["name"]), datetime.now())
                  if o["id"] in signatures.officers else None)
        for o in drafts.signing_officers(store, doc["doc_type"], inspection, spec.get("reinspection_id")))
    signer_name = signatures.enterprise_name or inspection.get("representative") or ""
    ent_sig: c.Signature = None
    if isinstance(signatures.enterprise, bytes):
        ent_sig = c.SignatureImage(_check_png(signatures.enterprise, signer_name or "被检查单位负责人"), datetime.now())
    elif isinstance(signatures.enterprise, c.Refusal):
        ent_sig = _refusal_ok(signatures.enterprise)
    common: dict[str, Any] = {
        "authority": c.Authority(name=settings.get(store, "issuing_unit"),
                                 seal_text=settings.get(store, "seal_text")),
        "number": number,
        "enterprise": c.Enterprise(name=enterprise["name"], uscc=enterprise["uscc"] or "",
                                   address=enterprise.get("address") or "",
                                   responsible_person=inspection.get("representative")
                                   or enterprise.get("principal") or enterprise.get("legal_representative") or "",
                                   position=inspection.get("representative_title") or "",
                                   phone=enterprise.get("phone") or ""),
        "officers": officers,
        "signatory": c.Signatory(name=signer_name, signature=ent_sig,
                                 signed_on=issued_on if ent_sig is not None else None),
        "issued_on": issued_on,
        "demo": demo.is_demo(store),
    }
    rights = c.RightsNotice(review_government=settings.get(store, "review_government"),
                            court=settings.get(store, "court"),
                            review_department=settings.get(store, "review_department") or None)
    kind = doc["doc_type"]
    if kind == "inspection_record":
        ids = [f["id"] for f in findings.list_findings(store, inspection_id=inspection["id"])
               if f["status"] != "voided"]
        from fieldapp.models import checklists

        used = checklists.inspection_templates(store, inspection["id"])
        situation = inspection.get("summary") or ""
        if used:
            situation = (situation + "\n" if situation else "") + "依据" + "、".join(
                f"《{t['title']}》" for t in used) + "进行检查。"
        ended = inspection.get("ended_at") or inspection["started_at"]
        return c.InspectionRecord(**common, place=inspection.get("place") or enterprise.get("address") or "",
                                  start=_dt(inspection["started_at"]), end=_dt(ended),
                                  situation=situation or "现场检查。", findings=_findings(store, ids),
                                  photos=_photos(ws, finding_ids=ids, inspection_id=inspection["id"]))
    if kind == "rectification_order":
        ids = spec["finding_ids"]
        # With a date for the whole order it is printed once; otherwise each hazard's own (one hazard, one date).
        own = None if spec.get("deadline") else drafts.spec_deadlines(store, spec)
        return c.RectificationOrder(**common, findings=_findings(store, ids, own or dict.fromkeys(ids)),
                                    deadline=_date(spec.get("deadline")),
                                    interim_measures=spec.get("interim_measures") or "", rights=rights,
                                    photos=_photos(ws, finding_ids=ids))
    if kind == "onsite_measures":
        m = spec.get("measures") or {}
        measures = c.OnSiteMeasures(withdraw_workers=bool(m.get("withdraw_workers")),
                                    danger_zone=m.get("danger_zone", ""),
                                    suspend_production=bool(m.get("suspend_production")),
                                    suspended_facilities=tuple(m.get("suspended_facilities", ())),
                                    other_measures=tuple(m.get("other_measures", ())))
        ids = spec["finding_ids"]
        return c.OnSiteMeasuresDecision(**common, findings=_findings(store, ids), measures=measures, rights=rights,
                                        photos=_photos(ws, finding_ids=ids))
    reinspection = store.require("reinspections", spec["reinspection_id"], "re-inspection", "复查记录")
    items = store.query("SELECT * FROM reinspection_items WHERE reinspection_id = ? ORDER BY created_at",
                        (reinspection["id"],))
    original = drafts.original_order(store, reinspection)
    result_items = []
    for item in items:
        f = findings.get(store, item["finding_id"])
        if item["rectified"]:
            follow = "已按要求整改，予以销号" if f["grade"] == "general" else "已整改，待整改效果评价后销号"
        elif item.get("new_deadline"):
            follow = f"责令于{item['new_deadline'][:10]}前整改完毕"
        else:
            follow = "依法予以处理"
        note = (item.get("note") or "").strip()
        result_items.append(c.ReinspectionItem(finding_ref=f["description"], rectified=bool(item["rectified"]),
                                               follow_up=f"{note}；{follow}" if note else follow))
    return c.ReinspectionOpinion(**common, original_number=original["number"],
                                 original_date=_date(original["issued_at"]) or issued_on,
                                 reinspected_on=_date(reinspection["reinspected_at"]) or issued_on,
                                 items=tuple(result_items))


def _local(stamp: str) -> datetime:
    """A stored UTC timestamp as an aware local time (what the PDF's dates are printed in)."""
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()


def preview(ws: Workspace, document_id: str, signatures: Signatures | None = None) -> bytes:
    """The PDF as it will print, before numbering (for on-screen review and signing)."""
    from fieldapp.documents import render

    doc = documents.get(ws.store, document_id)
    if doc["status"] != "draft":
        return pdf_bytes(ws, document_id)
    return render(build(ws, doc, number=PREVIEW_NUMBER, issued_on=date.today(), signatures=signatures),
                  created=_local(doc.get("updated_at") or doc["created_at"]))


@dataclass(frozen=True)
class IssueResult:
    document: Row
    pdf_path: Path
    warnings: list[tuple[str, str]]


def issue(ws: Workspace, document_id: str, *, signatures: Signatures | None = None,
          issued_on: date | None = None) -> IssueResult:
    from fieldapp.documents import document_warnings, pades, qr, render

    store = ws.store
    keys = device_keys(ws)
    issued_on = issued_on or date.today()
    blobs = pdf_store(ws)
    doc_row = documents.get(store, document_id)
    spec = json.loads(doc_row["content"]).get("spec", {})
    warnings: list[tuple[str, str]] = []
    order = doc_row["doc_type"] == "rectification_order"
    dues = drafts.spec_deadlines(store, spec) if order else {}
    for fid in spec.get("finding_ids") or []:
        f = findings.get(store, fid)
        due = dues.get(fid) if order else f.get("deadline")
        if order and not due:
            raise ValidationError(f"finding '{f['description'][:20]}' has no deadline; set one for the order",
                                  f"隐患“{f['description'][:20]}”未设整改期限，请设定指令书的整改期限")
        if due and due[:10] < issued_on.isoformat():
            raise ValidationError("a deadline is before the issue date", "整改期限早于签发日期")
    issued_at = utc_now()

    def produce(number: str, day: date) -> tuple[str, bytes]:
        document = build(ws, documents.get(store, document_id), number=number, issued_on=day, signatures=signatures)
        warnings.extend((w.en, w.zh) for w in document_warnings(document))
        document = qr.with_payload(document, keys, settings.get(store, "verify_url") or None)
        pdf = pades.sign_pdf(render(document, created=_local(issued_at)), keys,
                             reason=f"{document.kind.value} {number}", location=settings.get(store, "issuing_unit"))
        blobs.put_bytes(pdf)
        return qr.canonical_json(document).decode("utf-8"), pdf

    with store.transaction():
        row = documents.issue(store, document_id, produce=produce, issued_on=issued_on, issued_at=issued_at)
        for fid, due in dues.items():
            # The hazard takes the date printed for it on the order: one hazard, one deadline.
            f = findings.get(store, fid)
            if f["status"] == "open" and due:
                findings.order(store, fid, due, note=row["number"])
            elif f["status"] == "failed_reinspection" and due:
                findings.transition(store, fid, "ordered", deadline=due, note=row["number"])
            elif due and (f.get("deadline") or "")[:10] != due[:10]:
                findings.set_deadline(store, fid, due, note=row["number"])
    low = numbering.remaining(store, row["doc_type"], issued_on.year)
    if low < numbering.LOW_WATER:
        warnings.append((f"only {low} document numbers left for this type this year: request a new block",
                         f"本年度该类文书编号仅剩 {low} 个，请及时向单位申请新的编号段"))
    return IssueResult(row, blobs.local_path(row["pdf_sha256"]), warnings)


def void(ws: Workspace, document_id: str, reason: str) -> Row:
    return documents.void(ws.store, document_id, reason)


def pdf_bytes(ws: Workspace, document_id: str) -> bytes:
    doc = documents.get(ws.store, document_id)
    if doc["status"] == "draft" or not doc.get("pdf_sha256"):
        raise ValidationError("the document has not been issued yet", "文书尚未签发")
    store = pdf_store(ws)
    if not store.exists(doc["pdf_sha256"]):
        raise FieldappError(f"the PDF of {doc['number']} is missing from the data directory",
                            f"文书 {doc['number']} 的 PDF 文件缺失")
    data = store.read_bytes(doc["pdf_sha256"])
    if hashlib.sha256(data).hexdigest() != doc["pdf_sha256"]:
        raise FieldappError(f"the stored PDF of {doc['number']} has been altered",
                            f"文书 {doc['number']} 的存档 PDF 已被改动")
    return data


def export_pdf(ws: Workspace, document_id: str, out: Path) -> Path:
    return atomic_write(out, pdf_bytes(ws, document_id))


def record_lookup(ws: Workspace) -> Any:
    def lookup(number: str) -> dict[str, Any] | None:
        rows = ws.store.query(
            "SELECT d.id, d.status, d.void_reason, d.content_sha256, e.uscc FROM documents d"
            " JOIN enterprises e ON e.id = d.enterprise_id WHERE d.number = ? AND d.status != 'draft'", (number,))
        if not rows:
            return None
        row = rows[0]
        replaced = ws.store.scalar("SELECT number FROM documents WHERE replaces_id = ? AND status = 'issued'",
                                   (row["id"],))
        return {"status": row["status"], "void_reason": row["void_reason"], "content_hash": row["content_sha256"],
                "uscc": row["uscc"], "replaced_by": replaced}

    return lookup


def verify_file(ws: Workspace, path: Path) -> Any:
    from fieldapp.documents.verify import verify_pdf

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise FieldappError(f"cannot read {path}: {exc.strerror}", f"无法读取文件 {path}：{exc.strerror}") from exc
    return verify_pdf(data, known_keys(ws), trust_roots(ws), record_lookup(ws))


def verify_qr(ws: Workspace, text: str) -> Any:
    from fieldapp.documents.verify import verify_qr_text

    return verify_qr_text(text, known_keys(ws), record_lookup(ws))


def list_notices(ws: Workspace, *, status: str | None = None, enterprise_id: str | None = None,
                 doc_type: str | None = None, query: str | None = None) -> list[Row]:
    """Notices newest first; ``query`` finds them by enterprise name or USCC, number, serial or type name."""
    return documents.list_documents(ws.store, status=status, enterprise_id=enterprise_id, doc_type=doc_type,
                                    query=query)
