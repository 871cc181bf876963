"""Hazards (隐患): the lists, one hazard with what may be done with it now, and each move of its lifecycle.

The lifecycle itself (which move is legal from which state, and its guards) is models/lifecycle.py; the
front ends ask `actions` which buttons to offer instead of deriving it, and call one function per move.
A hazard is recorded by answering 不符合 (services.inspections.answer_item) or in a visit file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from fieldapp.models import areas, enterprises, lifecycle
from fieldapp.models import findings as model
from fieldapp.models.store import Row
from fieldapp.services.changes import Done, Entity, changed
from fieldapp.services.reinspections import REINSPECTABLE
from fieldapp.workspace import Workspace

# -- lists ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FindingFilters:
    status: str | None = None
    grade: str | None = None
    overdue: bool = False
    township_id: str | None = None
    campaign: str | None = None
    enterprise: str | None = None  # id or USCC
    open_only: bool = False  # only hazards still waiting for rectification; ignored when a status is chosen


@dataclass(frozen=True)
class FindingList:
    rows: list[Row]  # each with the enterprise's name and "overdue" derived for today
    campaigns: list[str]  # the campaigns among the hazards the other filters let through, to choose from


def list_findings(ws: Workspace, filters: FindingFilters | None = None, *, keep: str | None = None,
                  today: date | None = None) -> FindingList:
    """Hazards matching the filters, earliest deadline first. `keep` (a hazard the user has on screen) stays in
    the list when only `open_only` would drop it, so a hazard just closed does not vanish under the finger."""
    f = filters or FindingFilters()
    store = ws.store
    enterprise_id = enterprises.find(store, f.enterprise)["id"] if f.enterprise else None
    rows = model.list_findings(store, status=f.status, overdue=f.overdue, grade=f.grade,
                               township_id=f.township_id, enterprise_id=enterprise_id, today=today)
    campaigns = sorted({r["campaign"] for r in rows if r.get("campaign")})
    if f.campaign:
        rows = [r for r in rows if r.get("campaign") == f.campaign]
    if f.open_only and not f.status:
        rows = [r for r in rows if r["status"] in lifecycle.OPEN_STATES or (keep and r["id"] == keep)]
    return FindingList(rows, campaigns)


def finding_row(ws: Workspace, finding_id: str, *, today: date | None = None) -> Row | None:
    """One hazard as the lists show it (with its enterprise's name and "overdue"); None if it is gone."""
    finding = ws.store.get("findings", finding_id)
    if finding is None:
        return None
    rows = model.list_findings(ws.store, enterprise_id=finding["enterprise_id"], today=today)
    return next((r for r in rows if r["id"] == finding_id), None)


def filter_townships(ws: Workspace) -> list[Row]:
    """The townships the hazard list can be narrowed to."""
    return areas.list_townships(ws.store)


def default_deadline(ws: Workspace) -> str:
    """Today plus the configured number of days (settings: default_deadline_days)."""
    return model.default_deadline(ws.store)


# -- one hazard ----------------------------------------------------------------------------------------


def actions(finding: Mapping[str, Any]) -> frozenset[str]:
    """What may be done with the hazard now, as the buttons name it: "edit" (its text and photos),
    "rectified_on_the_spot" (当场整改), "reinspect", and the lifecycle's moves by their target state
    ("ordered", "reported", "escalated", "closed", "referred", "voided")."""
    status = finding["status"]
    allowed = lifecycle.TRANSITIONS.get(status, frozenset())
    out: set[str] = {t for t in ("ordered", "reported", "closed", "referred", "voided") if t in allowed}
    if finding["grade"] == "major" and "escalated" in allowed:
        out.add("escalated")  # 挂牌督办 is for major hazards only
    if status not in lifecycle.TERMINAL:
        out.add("edit")
    if status in REINSPECTABLE:
        out.add("reinspect")
    if status == "open":
        out.add("rectified_on_the_spot")
    return frozenset(out)


@dataclass(frozen=True)
class FindingView:
    finding: Row  # with "overdue" derived for today
    enterprise_name: str
    events: list[Row]  # its history, oldest first
    plan: dict[str, str]  # the 五到位 rectification plan of a major hazard (empty until recorded)
    actions: frozenset[str]

    @property
    def needs_plan(self) -> bool:
        """A major hazard: it keeps a 五到位 plan and an effect evaluation, both required before 销号."""
        return bool(self.finding["grade"] == "major")


def finding_view(ws: Workspace, finding_id: str, *, today: date | None = None) -> FindingView:
    store = ws.store
    f = model.get(store, finding_id)
    f["overdue"] = lifecycle.is_overdue(f, today)
    enterprise = store.get("enterprises", f["enterprise_id"]) or {}
    return FindingView(f, enterprise.get("name", ""), model.events(store, finding_id),
                       json.loads(f.get("rectification_plan") or "{}"), actions(f))


# -- changing one --------------------------------------------------------------------------------------


def _done(row: Row) -> Done[Row]:
    return Done(row, changed(Entity.FINDINGS, ids=[row["id"]]))


def edit_finding(ws: Workspace, finding_id: str, changes: Mapping[str, Any]) -> Done[Row]:
    """Correct a hazard's description, grade, deadline or place while it is only recorded (open): once a
    notice names it, the printed wording is evidence and a correction is a new notice."""
    return _done(model.update(ws.store, finding_id, dict(changes)))


def transition_finding(ws: Workspace, finding_id: str, target: str, *, note: str | None = None,
                       deadline: str | None = None, referred_to: str | None = None,
                       void_reason: str | None = None) -> Done[Row]:
    """Move a hazard to any state the lifecycle allows from its present one (the command line's move)."""
    return _done(model.transition(ws.store, finding_id, target, note=note, deadline=deadline,
                                  referred_to=referred_to, void_reason=void_reason))


def order_rectification(ws: Workspace, finding_id: str, *, deadline: str) -> Done[Row]:
    """责令整改 without a notice (a hazard recorded outside any inspection): rectify by the deadline."""
    return transition_finding(ws, finding_id, "ordered", deadline=deadline)


def rectified_on_the_spot(ws: Workspace, finding_id: str, *, note: str | None = None) -> Done[Row]:
    """当场整改: fixed while the officers are there, so it is verified at once."""
    return transition_finding(ws, finding_id, "verified", note=note)


def report_rectified(ws: Workspace, finding_id: str) -> Done[Row]:
    """The enterprise reports the hazard rectified (企业报告已整改); a re-inspection verifies it."""
    return transition_finding(ws, finding_id, "reported")


def escalate_finding(ws: Workspace, finding_id: str) -> Done[Row]:
    """挂牌督办: a major hazard put under listed supervision."""
    return transition_finding(ws, finding_id, "escalated")


def close_finding(ws: Workspace, finding_id: str) -> Done[Row]:
    """销号: a verified hazard is closed; a major one needs its plan and effect evaluation first."""
    return transition_finding(ws, finding_id, "closed")


def refer_finding(ws: Workspace, finding_id: str, *, to: str) -> Done[Row]:
    """移送: the hazard is handed to another authority."""
    return transition_finding(ws, finding_id, "referred", referred_to=to)


def void_finding(ws: Workspace, finding_id: str, *, reason: str) -> Done[Row]:
    """作废: the hazard was recorded in error."""
    return transition_finding(ws, finding_id, "voided", void_reason=reason)


def save_plan(ws: Workspace, finding_id: str, plan: Mapping[str, str]) -> Done[Row]:
    """Record the 五到位 rectification plan of a major hazard (every part is required)."""
    return _done(model.set_plan(ws.store, finding_id, dict(plan)))


def save_evaluation(ws: Workspace, finding_id: str, text: str) -> Done[Row]:
    """Record the effect evaluation (整改效果评价) a major hazard needs before it is closed."""
    return _done(model.set_evaluation(ws.store, finding_id, text))
