"""整改复查: who goes back (by default the officers of the visit that found the hazards), recording what they
found, and the re-inspection opinion that follows."""

from __future__ import annotations

import json
from dataclasses import dataclass

from fieldapp.models import findings, inspections, inspectors
from fieldapp.models import reinspections as model
from fieldapp.models.reinspections import ItemResult as ItemResult
from fieldapp.models.store import Row, Store
from fieldapp.services import drafts
from fieldapp.services.changes import Done, Entity, changed
from fieldapp.workspace import Workspace

# Hazards whose rectification is being waited for: these are what a re-inspection checks.
REINSPECTABLE = ("ordered", "reported", "escalated", "failed_reinspection")


def _waiting(store: Store, enterprise_id: str) -> list[Row]:
    return [f for f in findings.list_findings(store, enterprise_id=enterprise_id) if f["status"] in REINSPECTABLE]


def _original_officers(store: Store, enterprise_id: str, finding_id: str | None = None) -> list[str]:
    """The officers to tick first: those of the inspection that found the hazard the user came from, else
    of the latest inspection that found one of the hazards waiting, else of the enterprise's latest visit."""
    visits: list[str] = []
    if finding_id:
        visits.append(findings.get(store, finding_id).get("inspection_id") or "")
    waiting = sorted(_waiting(store, enterprise_id), key=lambda f: f.get("found_at") or "", reverse=True)
    visits += [f.get("inspection_id") or "" for f in waiting]
    for inspection_id in visits:
        if inspection_id:
            return list(json.loads(inspections.get(store, inspection_id)["officer_ids"] or "[]"))
    latest = inspections.list_inspections(store, enterprise_id=enterprise_id, limit=1)
    return list(json.loads(latest[0]["officer_ids"] or "[]")) if latest else []


@dataclass(frozen=True)
class ReinspectionForm:
    enterprise: Row
    officers: list[Row]  # the officers of the original visit first: usually they go back themselves
    ticked: list[str]  # those original officers
    hazards: list[Row]  # the enterprise's hazards waiting for re-inspection
    escalatable: frozenset[str]  # the hazards that may be escalated (挂牌督办) when not rectified: major ones
    default_deadline: str  # for a new order when a hazard is not rectified


def reinspection_form(ws: Workspace, enterprise_id: str, *, finding_id: str | None = None) -> ReinspectionForm:
    """What the re-inspection form offers; `finding_id`: the hazard the user came from."""
    store = ws.store
    ticked = _original_officers(store, enterprise_id, finding_id)
    officers = sorted(inspectors.list_inspectors(store), key=lambda o: o["id"] not in ticked)
    hazards = _waiting(store, enterprise_id)
    return ReinspectionForm(store.get("enterprises", enterprise_id) or {}, officers, ticked, hazards,
                            frozenset(f["id"] for f in hazards if f["grade"] == "major"),
                            findings.default_deadline(store))


def record_reinspection(ws: Workspace, *, enterprise_id: str, officer_ids: list[str], results: list[ItemResult],
                        note: str | None = None) -> Done[Row]:
    """Record the re-inspection (one transaction); the hazards move on (verified, new deadline, escalated)."""
    row = model.record(ws.store, enterprise_id=enterprise_id, officer_ids=officer_ids, results=results, note=note)
    return Done(row, changed(Entity.REINSPECTIONS, Entity.FINDINGS,
                             ids=[row["id"], *(r.finding_id for r in results)]))


def reinspected_findings(ws: Workspace, reinspection_id: str) -> list[str]:
    """The hazards a re-inspection covered."""
    return drafts.reinspection_findings(ws.store, reinspection_id)


def draft_opinion(ws: Workspace, reinspection_id: str) -> Done[Row]:
    """The 整改复查意见书 of a re-inspection, to sign and issue: its draft if there is one, else a new draft."""
    return drafts.draft_opinion(ws, reinspection_id)
