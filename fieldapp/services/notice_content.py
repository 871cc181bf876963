"""What a notice says, assembled from the records: the content ``fieldapp.documents.render`` prints and whose
canonical JSON is hashed into the QR payload and the record when the notice is issued.

The officers and the enterprise's representative sign on screen (``Signatures``) or in ink on the paper; a
refusal to sign is recorded with its reason and a witness.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from fieldapp.documents import content as c
from fieldapp.errors import FieldappError, ValidationError
from fieldapp.models import checklists, demo, doc_types, findings, inspections, settings
from fieldapp.models.doc_types import DocType
from fieldapp.models.documents import DraftSpec
from fieldapp.models.store import Row, Store
from fieldapp.services import drafts, evidence
from fieldapp.workspace import Workspace


@dataclass
class Signatures:
    """Who signed on screen. Missing officers and `enterprise=None` print blank lines for wet ink."""

    officers: dict[str, bytes] = field(default_factory=dict)  # inspector id -> PNG
    enterprise: bytes | c.Refusal | None = None
    enterprise_name: str | None = None

    @classmethod
    def collected(cls, officers: Mapping[str, bytes], enterprise: bytes | tuple[str, str] | None,
                  enterprise_name: str | None) -> Signatures:
        """From what a front end collected on screen: a refusal to sign comes as (reason, witness)."""
        if isinstance(enterprise, tuple):
            return cls(dict(officers), c.Refusal(reason=enterprise[0], witness=enterprise[1]), enterprise_name)
        return cls(dict(officers), enterprise, enterprise_name)


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


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _dt(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)


def _photos(ws: Workspace, *, finding_ids: tuple[str, ...] | list[str], inspection_id: str | None = None
            ) -> tuple[c.EvidencePhoto, ...]:
    store = ws.store
    rows: list[Row] = []
    for fid in finding_ids:
        rows += store.query("SELECT * FROM evidence WHERE finding_id = ? AND kind = 'photo' ORDER BY position",
                            (fid,))
    if inspection_id:
        rows += store.query("SELECT * FROM evidence WHERE inspection_id = ? AND finding_id IS NULL"
                            " AND kind = 'photo' ORDER BY position", (inspection_id,))
    blobs = evidence.blobs(ws)
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


def _findings(store: Store, ids: tuple[str, ...] | list[str], deadlines: dict[str, str | None] | None = None
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


def _common(ws: Workspace, doc: Row, spec: DraftSpec, inspection: Row, *, number: str, issued_on: date,
            signatures: Signatures) -> dict[str, Any]:
    """What every form has: authority, number, addressee, who signs, date, and whether it is a demo."""
    store = ws.store
    enterprise = store.require("enterprises", doc["enterprise_id"], "enterprise", "单位")
    officers = tuple(
        c.Officer(name=o["name"], certificate_no=o["certificate_no"],
                  signature=c.SignatureImage(_check_png(signatures.officers[o["id"]], o["name"]), datetime.now())
                  if o["id"] in signatures.officers else None)
        for o in drafts.signing_officers(store, doc_types.get(doc["doc_type"]), inspection, spec.reinspection_id))
    signer_name = signatures.enterprise_name or inspection.get("representative") or ""
    ent_sig: c.Signature = None
    if isinstance(signatures.enterprise, bytes):
        ent_sig = c.SignatureImage(_check_png(signatures.enterprise, signer_name or "被检查单位负责人"), datetime.now())
    elif isinstance(signatures.enterprise, c.Refusal):
        ent_sig = _refusal_ok(signatures.enterprise)
    return {
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


def _rights(store: Store) -> c.RightsNotice:
    return c.RightsNotice(review_government=settings.get(store, "review_government"), court=settings.get(store, "court"),
                          review_department=settings.get(store, "review_department") or None)


def _inspection_record(ws: Workspace, inspection: Row, common: dict[str, Any]) -> c.InspectionRecord:
    store = ws.store
    ids = [f["id"] for f in findings.list_findings(store, inspection_id=inspection["id"]) if f["status"] != "voided"]
    used = checklists.inspection_templates(store, inspection["id"])
    situation = inspection.get("summary") or ""
    if used:
        situation = (situation + "\n" if situation else "") + "依据" + "、".join(
            f"《{t['title']}》" for t in used) + "进行检查。"
    ended = inspection.get("ended_at") or inspection["started_at"]
    place = inspection.get("place") or common["enterprise"].address
    return c.InspectionRecord(**common, place=place, start=_dt(inspection["started_at"]), end=_dt(ended),
                              situation=situation or "现场检查。", findings=_findings(store, ids),
                              photos=_photos(ws, finding_ids=ids, inspection_id=inspection["id"]))


def _reinspection_opinion(store: Store, spec: DraftSpec, issued_on: date, common: dict[str, Any]
                          ) -> c.ReinspectionOpinion:
    reinspection = store.require("reinspections", spec.reinspection_id or "", "re-inspection", "复查记录")
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


def build(ws: Workspace, doc: Row, *, number: str, issued_on: date, signatures: Signatures | None = None
          ) -> c.Document:
    """The printable document for a draft's record (what the PDF and its content hash are made of)."""
    store = ws.store
    spec = DraftSpec.of(doc)
    inspection = inspections.get(store, doc["inspection_id"])
    common = _common(ws, doc, spec, inspection, number=number, issued_on=issued_on,
                     signatures=signatures or Signatures())
    kind = doc_types.get(doc["doc_type"])
    if kind is DocType.INSPECTION_RECORD:
        return _inspection_record(ws, inspection, common)
    if kind is DocType.RECTIFICATION_ORDER:
        ids = spec.finding_ids
        # With a date for the whole order it is printed once; otherwise each hazard's own (one hazard, one date).
        own = None if spec.deadline else drafts.spec_deadlines(store, spec)
        return c.RectificationOrder(**common, findings=_findings(store, ids, own or dict.fromkeys(ids)),
                                    deadline=_date(spec.deadline), interim_measures=spec.interim_measures,
                                    rights=_rights(store), photos=_photos(ws, finding_ids=ids))
    if kind is DocType.ONSITE_MEASURES:
        m = spec.measures
        measures = c.OnSiteMeasures() if m is None else c.OnSiteMeasures(
            withdraw_workers=m.withdraw_workers, danger_zone=m.danger_zone, suspend_production=m.suspend_production,
            suspended_facilities=m.suspended_facilities, other_measures=m.other_measures)
        return c.OnSiteMeasuresDecision(**common, findings=_findings(store, spec.finding_ids), measures=measures,
                                        rights=_rights(store), photos=_photos(ws, finding_ids=spec.finding_ids))
    return _reinspection_opinion(store, spec, issued_on, common)
