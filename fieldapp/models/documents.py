"""Document records (执法文书): drafts, issuing with a number and frozen content, voiding.

A draft's content is its spec (``DraftSpec``: what the notice is made of until it is issued). An issued
document never changes: its content is frozen as canonical JSON with its SHA-256 (and the PDF's SHA-256)
in the audit trail. A correction voids it and issues a new one that references it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from fieldapp.errors import ValidationError
from fieldapp.models import doc_types, numbering
from fieldapp.models.audit import canonical_json
from fieldapp.models.doc_types import DocType
from fieldapp.models.ids import utc_now
from fieldapp.models.store import Row, Store

STATUS_ZH = {"draft": "草稿", "issued": "已签发", "voided": "已作废"}


@dataclass(frozen=True)
class Measures:
    """The on-site measures a 现场处理措施决定书 decides (安全生产法 第六十五条)."""

    withdraw_workers: bool = False
    danger_zone: str = ""
    suspend_production: bool = False
    suspended_facilities: tuple[str, ...] = ()
    other_measures: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> Measures:
        return cls(withdraw_workers=bool(raw.get("withdraw_workers")), danger_zone=str(raw.get("danger_zone") or ""),
                   suspend_production=bool(raw.get("suspend_production")),
                   suspended_facilities=tuple(str(x) for x in raw.get("suspended_facilities") or ()),
                   other_measures=tuple(str(x) for x in raw.get("other_measures") or ()))

    def as_dict(self) -> dict[str, Any]:
        return {"withdraw_workers": self.withdraw_workers, "danger_zone": self.danger_zone,
                "suspend_production": self.suspend_production,
                "suspended_facilities": list(self.suspended_facilities), "other_measures": list(self.other_measures)}


@dataclass(frozen=True)
class DraftSpec:
    """What a draft notice is made of; kept as ``{"spec": …}`` in the draft's content until it is issued."""

    finding_ids: tuple[str, ...] = ()
    deadline: str | None = None  # one date chosen for the whole order (None: each hazard keeps its own)
    fallback_deadline: str | None = None  # for the hazards of an order that have no deadline of their own
    interim_measures: str = ""
    measures: Measures | None = None
    reinspection_id: str | None = None  # the re-inspection an opinion reports on

    @classmethod
    def of(cls, doc: Row) -> DraftSpec:
        """The spec of a draft (empty for an issued document, whose content is the frozen notice)."""
        try:
            raw = json.loads(doc.get("content") or "{}").get("spec") or {}
        except (ValueError, AttributeError):
            raw = {}
        measures = raw.get("measures")
        return cls(finding_ids=tuple(raw.get("finding_ids") or ()), deadline=raw.get("deadline"),
                   fallback_deadline=raw.get("fallback_deadline"), interim_measures=raw.get("interim_measures") or "",
                   measures=Measures.from_mapping(measures) if measures else None,
                   reinspection_id=raw.get("reinspection_id"))

    def content(self) -> dict[str, Any]:
        return {"spec": {"finding_ids": list(self.finding_ids), "deadline": self.deadline,
                         "fallback_deadline": self.fallback_deadline, "interim_measures": self.interim_measures,
                         "measures": self.measures.as_dict() if self.measures else {},
                         "reinspection_id": self.reinspection_id}}


def create_draft(store: Store, *, doc_type: str, enterprise_id: str, content: dict[str, Any],
                 inspection_id: str | None = None, deadline: str | None = None,
                 replaces_id: str | None = None) -> Row:
    doc_types.get(doc_type)
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
    """A document by its id or by its printed number (示应急责改〔2026〕15号)."""
    if store.get("documents", document_id) is None:
        found = store.query("SELECT id FROM documents WHERE number = ?", (document_id.strip(),))
        if len(found) == 1:
            document_id = found[0]["id"]
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
    types = [t.value for t in DocType if term in t.title_zh]
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
