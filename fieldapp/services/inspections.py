"""Inspections (现场检查): starting a visit, walking its checklists item by item, completing it; the lists.

The desktop's start form and checklist walker and the command line's `inspections` commands call these;
a whole visit described in a file goes through services/visits.py.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fieldapp.models import audit, checklist_format, checklists, enterprises, findings, inspectors
from fieldapp.models import inspections as model
from fieldapp.models.inspections import officer_warning as officer_warning
from fieldapp.models.store import Row
from fieldapp.services.changes import Done, Entity, changed
from fieldapp.workspace import Workspace

# -- starting -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StartForm:
    """What the start form offers for one enterprise (and the office's assignment, when it came from one)."""

    enterprise: Row
    officers: list[Row]  # the enterprise's own township's officers first: usually they are the ones going
    templates: list[Row]  # checklists that apply (each with "reason" and its "items" count), industry first
    representative: str  # the enterprise's person likely on site
    type: str | None = None  # preset by the assignment
    officer_ids: list[str] = field(default_factory=list)  # preset by the assignment
    note: str | None = None  # the office's note on the assignment


def start_form(ws: Workspace, enterprise_id: str, assignment: Mapping[str, Any] | None = None) -> StartForm:
    store = ws.store
    enterprise = enterprises.get(store, enterprise_id)
    officers = sorted(inspectors.list_inspectors(store),
                      key=lambda o: o.get("township_id") != enterprise.get("township_id"))
    preset: list[str] = []
    if assignment:
        try:
            preset = [str(x) for x in json.loads(assignment.get("officer_ids") or "[]")]
        except ValueError:
            preset = []
    return StartForm(
        enterprise=enterprise, officers=officers, templates=checklists.suggest(store, enterprise),
        representative=enterprise.get("principal") or enterprise.get("legal_representative") or "",
        type=(assignment or {}).get("type") or None, officer_ids=preset,
        note=(assignment or {}).get("note") or None)


def assigned_visits(ws: Workspace) -> list[Row]:
    """The visits the office assigned to this device and not yet made, soonest planned first."""
    from fieldapp.sync import assignments  # loads the crypto libraries: not at the desktop's start-up

    return assignments.for_device(ws)


@dataclass(frozen=True)
class Started:
    inspection: Row
    warnings: list[tuple[str, str]]  # (en, zh) the user must see, e.g. fewer than two officers


def start_inspection(ws: Workspace, *, enterprise_id: str, officer_ids: list[str], templates: list[str],
                     assignment_id: str | None = None, type: str = "日常检查", representative: str | None = None,
                     campaign: str | None = None, unannounced: bool = False, cross_area: bool = False,
                     ) -> Done[Started]:
    """Start an inspection with the chosen checklists; an assignment from the office it answers is done."""
    store = ws.store
    with store.transaction():
        row, warnings = model.create(store, enterprise_id=enterprise_id, officer_ids=officer_ids, type=type,
                                     representative=representative, campaign=campaign, unannounced=unannounced,
                                     cross_area=cross_area)
        for template_id in templates:
            checklists.add_to_inspection(store, row["id"], template_id)
        if assignment_id:
            from fieldapp.sync import assignments  # loads the crypto libraries: not at the desktop's start-up

            assignments.mark_done(ws, assignment_id, row["id"])
    entities = (Entity.INSPECTIONS, Entity.SYNC) if assignment_id else (Entity.INSPECTIONS,)
    return Done(Started(row, warnings), changed(*entities, ids=[row["id"], assignment_id]))


# -- walking the checklist ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistItem:
    """One item of a template the inspection uses, with its answer so far."""

    template_id: str
    template_title: str
    section: str
    item: dict[str, Any]
    basis: str  # the legal basis as one text
    answer: str | None = None
    note: str | None = None
    finding_id: str | None = None


@dataclass(frozen=True)
class Walk:
    inspection: Row
    enterprise_name: str
    officer_names: list[str]
    items: list[ChecklistItem]

    @property
    def in_progress(self) -> bool:
        return bool(self.inspection["status"] == "in_progress")


def walk(ws: Workspace, inspection_id: str) -> Walk:
    """The inspection with every item of its checklists (the exact template versions it used), in order."""
    store = ws.store
    inspection = model.get(store, inspection_id)
    enterprise = store.get("enterprises", inspection["enterprise_id"]) or {}
    by_key = {(a["template_id"], a["item_code"]): a for a in checklists.answers(store, inspection_id)}
    items = []
    for template in checklists.inspection_templates(store, inspection_id):
        for section in template["sections"]:
            for it in section["items"]:
                a = by_key.get((template["id"], it["code"])) or {}
                items.append(ChecklistItem(template["id"], template["title"], section["title"], it,
                                           checklist_format.basis_text(it), a.get("answer"), a.get("note"),
                                           a.get("finding_id")))
    return Walk(inspection, enterprise.get("name", ""), [o["name"] for o in model.officers(store, inspection)],
                items)


@dataclass(frozen=True)
class Answered:
    answer: Row
    finding: Row | None  # the hazard this 不符合 answer recorded, if it recorded one


def answer_item(ws: Workspace, inspection_id: str, *, template_id: str, item_code: str, answer: str,
                note: str | None = None, today: date | None = None) -> Done[Answered]:
    """Answer one checklist item (符合/不符合/不适用); 不符合 records the hazard, pre-filled from the item, and
    changing a 不符合 back voids the hazard it recorded if nothing has happened to it yet."""
    row, finding = checklists.answer(ws.store, inspection_id, template_id, item_code, answer, note, today=today)
    return Done(Answered(row, finding), changed(Entity.ANSWERS, Entity.FINDINGS,
                                                ids=[row["id"], row.get("finding_id")]))


def complete_inspection(ws: Workspace, inspection_id: str, *, summary: str | None = None,
                        ended_at: str | None = None) -> Done[Row]:
    """Finish the visit: its end time is set and its answers can no longer change."""
    row = model.complete(ws.store, inspection_id, ended_at=ended_at, summary=summary)
    return Done(row, changed(Entity.INSPECTIONS, ids=[inspection_id]))


# -- lists ---------------------------------------------------------------------------------------------


def list_inspections(ws: Workspace, *, enterprise: str | None = None, limit: int | None = None,
                     open_first: bool = False) -> list[Row]:
    """Inspections, newest first (`open_first`: those still in progress before the completed ones);
    `enterprise` is an id or USCC."""
    store = ws.store
    enterprise_id = enterprises.find(store, enterprise)["id"] if enterprise else None
    rows = model.list_inspections(store, enterprise_id=enterprise_id, limit=limit)
    for r in rows:
        r["officer_ids"] = json.loads(r["officer_ids"] or "[]")
    if open_first:
        rows.sort(key=lambda r: r["status"] == "completed")
    return rows


def inspection_record(ws: Workspace, inspection_id: str) -> dict[str, Any]:
    """One inspection with its enterprise, officers, hazards and the log of what was done when."""
    store = ws.store
    row = model.get(store, inspection_id)
    data = dict(row)
    data["officer_ids"] = json.loads(row["officer_ids"])
    data["officers"] = [{"id": o["id"], "name": o["name"], "certificate_no": o["certificate_no"]}
                        for o in model.officers(store, row)]
    data["enterprise"] = store.get("enterprises", row["enterprise_id"])
    data["findings"] = findings.list_findings(store, inspection_id=inspection_id)
    data["log"] = audit.history(store, "inspections", inspection_id)
    return data
