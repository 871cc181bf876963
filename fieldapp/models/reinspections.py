"""Re-inspections (复查): the officer checks the findings of an order after its deadline."""

from __future__ import annotations

import json
from dataclasses import dataclass

from fieldapp.errors import ValidationError
from fieldapp.models import findings
from fieldapp.models.ids import utc_now
from fieldapp.models.store import Row, Store


@dataclass(frozen=True)
class ItemResult:
    finding_id: str
    rectified: bool
    note: str | None = None
    new_deadline: str | None = None  # when not rectified: a new order; None → escalate or leave failed
    escalate: bool = False


def record(store: Store, *, enterprise_id: str, officer_ids: list[str], results: list[ItemResult],
           reinspected_at: str | None = None, original_document_id: str | None = None,
           inspection_id: str | None = None, note: str | None = None) -> Row:
    if not results:
        raise ValidationError("a re-inspection needs at least one finding", "复查至少需要包含一项隐患")
    at = reinspected_at or utc_now()
    with store.transaction():
        row = store.insert("reinspections", {
            "enterprise_id": enterprise_id, "inspection_id": inspection_id,
            "original_document_id": original_document_id, "reinspected_at": at,
            "officer_ids": json.dumps(officer_ids), "note": note,
        })
        for item in results:
            finding = findings.get(store, item.finding_id)
            if finding["enterprise_id"] != enterprise_id:
                raise ValidationError(f"finding {item.finding_id} belongs to another enterprise",
                                      "该隐患不属于本单位")
            store.insert("reinspection_items", {
                "reinspection_id": row["id"], "finding_id": item.finding_id, "rectified": int(item.rectified),
                "note": item.note, "new_deadline": item.new_deadline,
            })
            if item.rectified:
                findings.transition(store, item.finding_id, "verified", note=item.note, at=at)
                continue
            findings.transition(store, item.finding_id, "failed_reinspection", note=item.note, at=at)
            if item.escalate:
                findings.transition(store, item.finding_id, "escalated", note=item.note, at=at)
            elif item.new_deadline:
                findings.transition(store, item.finding_id, "ordered", deadline=item.new_deadline,
                                    note=item.note, at=at)
        return row
