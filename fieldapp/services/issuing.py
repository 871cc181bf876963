"""Issuing a notice (签发): preview the draft, then number, sign and freeze it.

Issuing happens in one transaction: the number is taken from this device's block, the document is built
from the records, carries a QR payload signed with the device's Ed25519 key, is rendered, signed as a
PDF (PAdES) with the device certificate and stored by hash; the record is frozen with the SHA-256 of its
canonical content and of the PDF (both go into the audit trail). Any failure rolls back, number included.
An order makes the date printed for each hazard that hazard's deadline (one hazard, one deadline).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from fieldapp.errors import ValidationError
from fieldapp.models import documents, findings, numbering, settings
from fieldapp.models.doc_types import DocType
from fieldapp.models.documents import DraftSpec
from fieldapp.models.ids import utc_now
from fieldapp.models.store import Row
from fieldapp.services import drafts, notices
from fieldapp.services.changes import Done, Entity, changed
from fieldapp.services.notice_content import Signatures, build
from fieldapp.sync import identity
from fieldapp.workspace import Workspace

PREVIEW_NUMBER = "（签发时自动编号）"


def _local(stamp: str) -> datetime:
    """A stored UTC timestamp as an aware local time (what the PDF's dates are printed in)."""
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()


def preview_document(ws: Workspace, document_id: str, signatures: Signatures | None = None) -> bytes:
    """The PDF as it will print, before numbering (for on-screen review and signing); an issued one as filed."""
    from fieldapp.documents import render

    doc = documents.get(ws.store, document_id)
    if doc["status"] != "draft":
        return notices.document_pdf(ws, document_id)
    return render(build(ws, doc, number=PREVIEW_NUMBER, issued_on=date.today(), signatures=signatures),
                  created=_local(doc.get("updated_at") or doc["created_at"]))


@dataclass(frozen=True)
class IssueResult:
    document: Row
    pdf_path: Path
    warnings: list[tuple[str, str]]  # (English, Chinese): what the inspector should see before printing


def _hazard_deadlines(ws: Workspace, doc: Row, spec: DraftSpec, issued_on: date) -> dict[str, str | None]:
    """An order's date for each hazard (checked: every hazard has one, none before the issue date)."""
    store = ws.store
    order = doc["doc_type"] == DocType.RECTIFICATION_ORDER
    dues = drafts.spec_deadlines(store, spec) if order else {}
    for fid in spec.finding_ids:
        f = findings.get(store, fid)
        due = dues.get(fid) if order else f.get("deadline")
        if order and not due:
            raise ValidationError(f"finding '{f['description'][:20]}' has no deadline; set one for the order",
                                  f"隐患“{f['description'][:20]}”未设整改期限，请设定指令书的整改期限")
        if due and due[:10] < issued_on.isoformat():
            raise ValidationError("a deadline is before the issue date", "整改期限早于签发日期")
    return dues


def issue_document(ws: Workspace, document_id: str, *, signatures: Signatures | None = None,
                   issued_on: date | None = None) -> Done[IssueResult]:
    """Issue a draft: number, signed QR, signed PDF; an order puts its hazards under its deadlines."""
    from fieldapp.documents import document_warnings, pades, qr, render

    store = ws.store
    keys = identity.signing_keys(ws)
    issued_on = issued_on or date.today()
    blobs = notices.pdf_store(ws)
    doc_row = documents.get(store, document_id)
    dues = _hazard_deadlines(ws, doc_row, DraftSpec.of(doc_row), issued_on)
    warnings: list[tuple[str, str]] = []
    issued_at = utc_now()

    def produce(number: str, day: date) -> tuple[str, bytes]:
        document = build(ws, documents.get(store, document_id), number=number, issued_on=day, signatures=signatures)
        warnings.extend((w.en, w.zh) for w in document_warnings(document))
        document = qr.with_payload(document, keys, settings.get(store, "verify_url") or None)
        pdf = pades.sign_pdf(render(document, created=_local(issued_at)), keys,
                             reason=f"{document.kind.title_zh} {number}", location=settings.get(store, "issuing_unit"))
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
    result = IssueResult(row, blobs.local_path(row["pdf_sha256"]), warnings)
    return Done(result, changed(Entity.DOCUMENTS, Entity.FINDINGS, Entity.NUMBERS, ids=[document_id, *dues]))
