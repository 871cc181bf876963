"""整改复查: who goes back (by default the officers of the visit that found the hazards) and recording it."""

from __future__ import annotations

import json

from fieldapp.models import findings, inspections
from fieldapp.models import reinspections as model
from fieldapp.models.reinspections import ItemResult
from fieldapp.models.store import Row, Store

# Hazards whose rectification is being waited for: these are what a re-inspection checks.
REINSPECTABLE = ("ordered", "reported", "escalated", "failed_reinspection")


def candidates(store: Store, enterprise_id: str) -> list[Row]:
    return [f for f in findings.list_findings(store, enterprise_id=enterprise_id) if f["status"] in REINSPECTABLE]


def original_officers(store: Store, enterprise_id: str, finding_id: str | None = None) -> list[str]:
    """The officers to tick first: those of the inspection that found the hazard the user came from, else
    of the latest inspection that found one of the hazards waiting, else of the enterprise's latest visit."""
    visits: list[str] = []
    if finding_id:
        visits.append(findings.get(store, finding_id).get("inspection_id") or "")
    waiting = sorted(candidates(store, enterprise_id), key=lambda f: f.get("found_at") or "", reverse=True)
    visits += [f.get("inspection_id") or "" for f in waiting]
    for inspection_id in visits:
        if inspection_id:
            return list(json.loads(inspections.get(store, inspection_id)["officer_ids"] or "[]"))
    latest = inspections.list_inspections(store, enterprise_id=enterprise_id, limit=1)
    return list(json.loads(latest[0]["officer_ids"] or "[]")) if latest else []


def record(store: Store, *, enterprise_id: str, officer_ids: list[str], results: list[ItemResult],
           note: str | None = None) -> Row:
    """Record the re-inspection (one transaction); the hazards move on (verified, new deadline, escalated)."""
    return model.record(store, enterprise_id=enterprise_id, officer_ids=officer_ids, results=results, note=note)
