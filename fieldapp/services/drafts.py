"""Drafts of enforcement notices (文书草稿): what a notice is made of before it is numbered and signed.

One hazard, one deadline: a rectification order drafted without a date of its own gives each hazard the
deadline saved on the hazard. Only a hazard that has none (or whose re-inspection failed, so its old date
has passed) gets the default term (``default_deadline_days`` from the day of the draft), and that date is
kept in the draft so the preview and the issued notice say the same. A date chosen for the order itself
applies to every hazard listed on it, and issuing it makes that date the hazards' deadline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from fieldapp.errors import ValidationError
from fieldapp.models import doc_types, documents, findings, inspections, inspectors, lifecycle
from fieldapp.models.doc_types import DocType
from fieldapp.models.documents import DraftSpec, Measures
from fieldapp.models.store import Row, Store
from fieldapp.services.changes import Done, Entity, changed
from fieldapp.workspace import Workspace

# A hazard in these states needs a new date on a new order: its saved one belonged to the failed order.
NEEDS_NEW_DEADLINE = frozenset({"failed_reinspection"})
# The hazards of an inspection a notice may list (a closed or voided one is done with).
LISTABLE = ("open", "ordered", "failed_reinspection")


def own_deadline(finding: Row) -> str | None:
    """The hazard's saved deadline when a new order can keep it."""
    if finding["status"] in NEEDS_NEW_DEADLINE or not finding.get("deadline"):
        return None
    return str(finding["deadline"])[:10]


def hazard_deadlines(store: Store, finding_ids: Iterable[str], fallback: str | None) -> dict[str, str | None]:
    """finding id → the deadline it has on an order without a date of its own (``fallback`` when it has none)."""
    return {fid: own_deadline(findings.get(store, fid)) or fallback for fid in finding_ids}


def order_deadlines(ws: Workspace, finding_ids: Iterable[str]) -> dict[str, str]:
    """What a new order for these hazards would give each of them: for the document flow to show."""
    default = findings.default_deadline(ws.store)
    return {fid: due or default for fid, due in hazard_deadlines(ws.store, finding_ids, default).items()}


def spec_deadlines(store: Store, spec: DraftSpec) -> dict[str, str | None]:
    """finding id → the deadline printed for it on the order drafted with ``spec``."""
    if spec.deadline:
        return dict.fromkeys(spec.finding_ids, spec.deadline)
    return hazard_deadlines(store, spec.finding_ids, spec.fallback_deadline)


def _open_findings(store: Store, inspection_id: str) -> list[str]:
    return [f["id"] for f in findings.list_findings(store, inspection_id=inspection_id)
            if f["status"] in ("open", "ordered")]


def _spec(ws: Workspace, *, doc_type: str, inspection_id: str, finding_ids: list[str] | None,
          deadline: str | None, interim_measures: str, measures: Mapping[str, Any] | None,
          reinspection_id: str | None) -> tuple[Row, DocType, DraftSpec]:
    """Check what a draft is made of; returns the inspection, the type and the draft's spec."""
    store = ws.store
    kind = doc_types.get(doc_type)
    inspection = inspections.get(store, inspection_id)
    if kind.lists_findings:
        finding_ids = finding_ids if finding_ids is not None else _open_findings(store, inspection_id)
        if not finding_ids:
            raise ValidationError("the notice lists no finding: record at least one hazard first",
                                  "文书未列出任何问题：请先登记至少一项隐患")
        for fid in finding_ids:
            f = findings.get(store, fid)
            if f["enterprise_id"] != inspection["enterprise_id"]:
                raise ValidationError("a finding of another enterprise cannot go on this notice",
                                      "不能将其他单位的隐患列入本文书")
            if f["status"] in ("voided", "closed", "verified", "referred"):
                raise ValidationError(f"finding '{f['description'][:20]}' is {f['status']}",
                                      f"隐患“{f['description'][:20]}”已{lifecycle.STATUS_ZH[f['status']]}，不能列入文书")
    if kind is DocType.REINSPECTION_OPINION and not reinspection_id:
        raise ValidationError("a re-inspection opinion needs the re-inspection", "整改复查意见书需要对应的复查记录")
    if kind is DocType.ONSITE_MEASURES and not measures:
        raise ValidationError("say which on-site measures are decided", "请填写现场处理措施")
    if deadline:
        deadline = date.fromisoformat(deadline[:10]).isoformat()
    fallback = None
    if kind is DocType.RECTIFICATION_ORDER and not deadline:
        owned = hazard_deadlines(store, finding_ids or [], None)
        if not all(owned.values()):
            fallback = findings.default_deadline(store)
    spec = DraftSpec(finding_ids=tuple(finding_ids or ()), deadline=deadline, fallback_deadline=fallback,
                     interim_measures=interim_measures, measures=Measures.from_mapping(measures) if measures else None,
                     reinspection_id=reinspection_id)
    return inspection, kind, spec


def _latest(store: Store, kind: DocType, spec: DraftSpec) -> str | None:
    """The date by which everything on the notice must be done (kept on the record for lists)."""
    if kind is not DocType.RECTIFICATION_ORDER:
        return spec.deadline
    dates = [d for d in spec_deadlines(store, spec).values() if d]
    return max(dates) if dates else None


def draft_document(ws: Workspace, *, doc_type: str, inspection_id: str, finding_ids: list[str] | None = None,
                   deadline: str | None = None, interim_measures: str = "", measures: Mapping[str, Any] | None = None,
                   reinspection_id: str | None = None, replaces_id: str | None = None) -> Done[Row]:
    """Draft a notice from the records; nothing is numbered or signed yet."""
    inspection, kind, spec = _spec(ws, doc_type=doc_type, inspection_id=inspection_id, finding_ids=finding_ids,
                                   deadline=deadline, interim_measures=interim_measures, measures=measures,
                                   reinspection_id=reinspection_id)
    row = documents.create_draft(ws.store, doc_type=kind, enterprise_id=inspection["enterprise_id"],
                                 inspection_id=inspection_id, deadline=_latest(ws.store, kind, spec),
                                 replaces_id=replaces_id, content=spec.content())
    return Done(row, changed(Entity.DOCUMENTS, ids=[row["id"]]))


def redraft_document(ws: Workspace, document_id: str, *, doc_type: str | None = None, inspection_id: str,
                     finding_ids: list[str] | None = None, deadline: str | None = None, interim_measures: str = "",
                     measures: Mapping[str, Any] | None = None, reinspection_id: str | None = None,
                     replaces_id: str | None = None) -> Done[Row]:
    """Change a draft in place (the user edits before signing); another type or visit makes a new draft."""
    store = ws.store
    current = documents.get(store, document_id)
    if current["status"] != "draft":
        raise ValidationError("an issued document cannot be changed; void it and issue a new one",
                              "已签发的文书不能修改；如需更正，请作废后重新签发")
    doc_type = doc_type or current["doc_type"]
    if doc_type != current["doc_type"] or inspection_id != current["inspection_id"]:
        with store.transaction():
            gone = discard_draft(ws, document_id)
            new = draft_document(ws, doc_type=doc_type, inspection_id=inspection_id, finding_ids=finding_ids,
                                 deadline=deadline, interim_measures=interim_measures, measures=measures,
                                 reinspection_id=reinspection_id, replaces_id=replaces_id)
            return Done(new.value, gone.changes | new.changes)
    _, kind, spec = _spec(ws, doc_type=doc_type, inspection_id=inspection_id, finding_ids=finding_ids,
                          deadline=deadline, interim_measures=interim_measures, measures=measures,
                          reinspection_id=reinspection_id)
    row = documents.update_draft(store, document_id, spec.content(), deadline=_latest(store, kind, spec))
    return Done(row, changed(Entity.DOCUMENTS, ids=[document_id]))


def discard_draft(ws: Workspace, document_id: str) -> Done[None]:
    """Throw a draft away (it was never numbered or signed; the deletion is recorded like any other)."""
    store = ws.store
    with store.transaction():
        doc = documents.get(store, document_id)
        if doc["status"] != "draft":
            raise ValidationError("only a draft can be discarded; void an issued document instead",
                                  "只有草稿可以删除；已签发的文书请作废")
        store.delete("documents", document_id, reason="draft discarded")
    return Done(None, changed(Entity.DOCUMENTS, ids=[document_id]))


# -- what the document flow starts from ------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeBasis:
    """What a notice of an inspection starts from: the draft being continued (if any), who signs, which hazards."""

    enterprise_name: str
    representative: str  # who signs for the enterprise unless another name is typed
    officers: list[Row]  # who signs for the authority
    hazards: list[Row]  # the inspection's hazards a notice may list
    default_deadline: str
    doc_type: DocType | None  # the draft's type, else the one asked for (None: the flow chooses)
    finding_ids: list[str] | None  # the hazards on it (None: the flow ticks those not yet under an order)
    deadline: str | None  # a date chosen for the whole order
    interim_measures: str = ""
    measures: Measures | None = None
    reinspection_id: str | None = None
    replaces_id: str | None = None
    replaces_number: str | None = None


def notice_basis(ws: Workspace, inspection_id: str, *, document_id: str | None = None,
                 doc_type: str | None = None, finding_ids: list[str] | None = None, deadline: str | None = None,
                 replaces_id: str | None = None, reinspection_id: str | None = None) -> NoticeBasis:
    """Open a notice of an inspection: a draft to continue (``document_id``), else a new one with these values."""
    store = ws.store
    inspection = inspections.get(store, inspection_id)
    enterprise = store.require("enterprises", inspection["enterprise_id"], "enterprise", "单位")
    saved = DraftSpec()
    if document_id is not None:
        doc = documents.get(store, document_id)
        saved = DraftSpec.of(doc)
        doc_type, replaces_id = doc["doc_type"], doc.get("replaces_id")
        finding_ids = list(saved.finding_ids) or finding_ids
        deadline = saved.deadline or deadline
        reinspection_id = saved.reinspection_id or reinspection_id
    kind = DocType.REINSPECTION_OPINION if reinspection_id else doc_types.get(doc_type) if doc_type else None
    replaced = documents.get(store, replaces_id) if replaces_id else None
    return NoticeBasis(
        enterprise_name=enterprise.get("name") or "",
        representative=(inspection.get("representative") or enterprise.get("principal")
                        or enterprise.get("legal_representative") or ""),
        officers=signing_officers(store, kind, inspection, reinspection_id),
        hazards=[f for f in findings.list_findings(store, inspection_id=inspection_id) if f["status"] in LISTABLE],
        default_deadline=findings.default_deadline(store), doc_type=kind, finding_ids=finding_ids,
        deadline=deadline, interim_measures=saved.interim_measures, measures=saved.measures,
        reinspection_id=reinspection_id, replaces_id=replaces_id,
        replaces_number=replaced.get("number") if replaced else None)


# -- re-inspection opinions (整改复查意见书) ------------------------------------------------------------


def reinspection_findings(store: Store, reinspection_id: str) -> list[str]:
    return [r["finding_id"] for r in store.query(
        "SELECT finding_id FROM reinspection_items WHERE reinspection_id = ? ORDER BY created_at", (reinspection_id,))]


def original_order(store: Store, reinspection: Row) -> Row:
    """The issued order (or on-site decision) a re-inspection follows up: the one its hazards were put under."""
    if reinspection.get("original_document_id"):
        return documents.get(store, reinspection["original_document_id"])
    finding_ids = reinspection_findings(store, reinspection["id"])
    # Issuing an order writes its number on each hazard's "ordered" event; a hazard drafted into an order
    # shares that order's inspection.
    numbers = {e["note"] for fid in finding_ids for e in findings.events(store, fid)
               if e["to_status"] == "ordered" and e.get("note")}
    visits = {findings.get(store, fid).get("inspection_id") for fid in finding_ids} - {None}
    candidates = store.query(
        "SELECT * FROM documents WHERE enterprise_id = ? AND status = 'issued'"
        " AND doc_type IN (?, ?) ORDER BY issued_at DESC",
        (reinspection["enterprise_id"], DocType.RECTIFICATION_ORDER, DocType.ONSITE_MEASURES))
    before = [d for d in candidates if (d.get("issued_at") or "") <= (reinspection.get("reinspected_at") or "~")]
    for doc in before + candidates:
        if doc["number"] in numbers or doc.get("inspection_id") in visits:
            return doc
    raise ValidationError("no issued order was found for these findings; issue the order first",
                          "未找到这些隐患对应的已签发整改指令书，请先签发指令书")


def signing_officers(store: Store, doc_type: DocType | None, inspection: Row, reinspection_id: str | None) -> list[Row]:
    """Who signs: the officers of the re-inspection for its opinion, otherwise those of the inspection."""
    if doc_type is DocType.REINSPECTION_OPINION and reinspection_id:
        reinspection = store.require("reinspections", reinspection_id, "re-inspection", "复查记录")
        ids = json.loads(reinspection.get("officer_ids") or "[]")
        if ids:
            return inspectors.get_many(store, ids)
    return inspections.officers(store, inspection)


def opinion_inspection(store: Store, reinspection_id: str) -> str:
    """The inspection an opinion is filed under: the re-inspection's own visit, else the original order's."""
    reinspection = store.require("reinspections", reinspection_id, "re-inspection", "复查记录")
    if reinspection.get("inspection_id"):
        return str(reinspection["inspection_id"])
    order = original_order(store, reinspection)
    if order.get("inspection_id"):
        return str(order["inspection_id"])
    for fid in reinspection_findings(store, reinspection_id):
        found = findings.get(store, fid).get("inspection_id")
        if found:
            return str(found)
    raise ValidationError("the re-inspected hazards were not recorded in an inspection",
                          "复查的隐患不属于任何一次现场检查，无法出具复查意见书")


def draft_opinion(ws: Workspace, reinspection_id: str) -> Done[Row]:
    """Draft the 整改复查意见书 of a re-inspection: the one already drafted, or a new one."""
    store = ws.store
    for doc in documents.list_documents(store, status="draft", doc_type=DocType.REINSPECTION_OPINION):
        row = documents.get(store, doc["id"])
        if DraftSpec.of(row).reinspection_id == reinspection_id:
            return Done(row, changed())
    return draft_document(ws, doc_type=DocType.REINSPECTION_OPINION,
                          inspection_id=opinion_inspection(store, reinspection_id), reinspection_id=reinspection_id)


def opinion_hazards(ws: Workspace, reinspection_id: str) -> list[str]:
    """The hazards a re-inspection checked (what its opinion reports on)."""
    return reinspection_findings(ws.store, reinspection_id)
