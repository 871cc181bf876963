"""Document records (执法文书): drafts, issuing with a number and frozen content, voiding.

An issued document never changes: its content is frozen as canonical JSON with its SHA-256 (and the
PDF's SHA-256) in the audit trail. A correction voids it and issues a new one that references it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from typing import Any

from fieldapp.errors import ValidationError
from fieldapp.models import numbering
from fieldapp.models.audit import canonical_json
from fieldapp.models.ids import utc_now
from fieldapp.models.store import Row, Store

STATUS_ZH = {"draft": "草稿", "issued": "已签发", "voided": "已作废"}


def create_draft(store: Store, *, doc_type: str, enterprise_id: str, content: dict[str, Any],
                 inspection_id: str | None = None, deadline: str | None = None,
                 replaces_id: str | None = None) -> Row:
    numbering.check_doc_type(doc_type)
    with store.transaction():
        store.require("enterprises", enterprise_id, "enterprise", "单位")
        if replaces_id:
            old = get(store, replaces_id)
            if old["status"] != "voided":
                raise ValidationError("void the document before issuing its replacement",
                                      "请先作废原文书，再签发替代文书")
        return store.insert("documents", {
            "doc_type": doc_type, "status": "draft", "enterprise_id": enterprise_id,
            "inspection_id": inspection_id, "deadline": deadline, "replaces_id": replaces_id,
            "content": canonical_json(content),
        })


def update_draft(store: Store, document_id: str, content: dict[str, Any], deadline: str | None = None) -> Row:
    with store.transaction():
        doc = get(store, document_id)
        if doc["status"] != "draft":
            raise ValidationError("an issued document cannot be changed; void it and issue a new one",
                                  "已签发的文书不能修改；如需更正，请作废后重新签发")
        return store.update("documents", document_id, {"content": canonical_json(content), "deadline": deadline})


Producer = Callable[[str, date], tuple[str, bytes]]


def issue(store: Store, document_id: str, *, produce: Producer | None = None,
          issued_on: date | None = None, issued_at: str | None = None) -> Row:
    """Give the draft its number and freeze it, in one transaction.

    `produce(number, issued_on)` returns the frozen content (canonical JSON) and the PDF bytes; it runs
    inside the transaction, so a failure there rolls the number back. Without it only the record is frozen.
    """
    issued_on = issued_on or date.today()
    with store.transaction():
        doc = get(store, document_id)
        if doc["status"] != "draft":
            raise ValidationError(f"document is already {doc['status']}", f"文书已{STATUS_ZH[doc['status']]}")
        if doc["deadline"] and doc["deadline"][:10] < issued_on.isoformat():
            raise ValidationError("the deadline is before the issue date", "整改期限早于签发日期")
        alloc = numbering.allocate(store, doc["doc_type"], issued_on.year)
        if produce is None:
            content = json.loads(doc["content"])
            content["number"] = alloc.number
            frozen, pdf = canonical_json(content), None
        else:
            frozen, pdf = produce(alloc.number, issued_on)
        return store.update("documents", document_id, {
            "status": "issued", "issuer": alloc.issuer, "year": alloc.year, "serial": alloc.serial,
            "number": alloc.number, "block_id": alloc.block_id, "issued_at": issued_at or utc_now(), "content": frozen,
            "content_sha256": hashlib.sha256(frozen.encode("utf-8")).hexdigest(),
            "pdf_sha256": hashlib.sha256(pdf).hexdigest() if pdf is not None else None,
        }, audit="issue")


def void(store: Store, document_id: str, reason: str) -> Row:
    if not reason.strip():
        raise ValidationError("voiding a document needs a reason", "作废文书必须填写原因")
    with store.transaction():
        doc = get(store, document_id)
        if doc["status"] != "issued":
            raise ValidationError("only an issued document can be voided", "只有已签发的文书才能作废")
        return store.update("documents", document_id, {"status": "voided", "void_reason": reason.strip(),
                                                       "voided_at": utc_now()}, audit="void")


def get(store: Store, document_id: str) -> Row:
    return store.require("documents", document_id, "document", "文书")


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _search_clause(term: str) -> tuple[str, list[Any]]:
    """One search word: part of the number, the enterprise's name or USCC, a serial (8 → …8号), or a
    document type's name (指令书)."""
    like = _like(term)
    parts = ["d.number LIKE ? ESCAPE '\\'", "e.name LIKE ? ESCAPE '\\'", "e.uscc LIKE ? ESCAPE '\\'"]
    params: list[Any] = [like, like, like.upper()]
    if term.isdigit():
        parts.append("d.serial = ?")
        params.append(int(term))
    types = [code for code, name in numbering.DOC_TYPES.items() if term in name]
    if types:
        parts.append(f"d.doc_type IN ({', '.join('?' * len(types))})")
        params.extend(types)
    return "(" + " OR ".join(parts) + ")", params


def list_documents(store: Store, *, enterprise_id: str | None = None, status: str | None = None,
                   doc_type: str | None = None, query: str | None = None) -> list[Row]:
    """Documents newest first; ``query``: words that must each match (see ``_search_clause``)."""
    clauses, params = ["1"], []
    for column, value in (("d.enterprise_id", enterprise_id), ("d.status", status), ("d.doc_type", doc_type)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    for term in (query or "").replace("　", " ").split():
        clause, values = _search_clause(term)
        clauses.append(clause)
        params.extend(values)
    return store.query(
        "SELECT d.id, d.number, d.doc_type AS type, d.status, d.issued_at, d.deadline, d.enterprise_id,"
        " e.name AS enterprise_name FROM documents d JOIN enterprises e ON e.id = d.enterprise_id WHERE "
        + " AND ".join(clauses) + " ORDER BY d.issued_at DESC, d.created_at DESC", tuple(params))
