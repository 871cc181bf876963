"""The enterprise registry: import, search, one enterprise's summary, registering, editing, linking.

Inspectors meet unregistered workshops and 三小场所: `add_enterprise` records them on the device (a site
without any licence has no USCC and is recorded by name, operator and address). Such a record syncs like
any other; when the office's registry holds the same USCC the two become one by themselves (sync/applier.py),
and `link_enterprises` lets the office unite a record without a code with its registry record by hand.

`enterprise_summary` is the one place an enterprise is put together for people (the list's side pane, the
detail page, `fieldapp enterprises show`): registry fields as displayed, its inspections, open hazards and
documents.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.errors import FieldappError, ValidationError
from fieldapp.models import (
    areas,
    audit,
    documents,
    enterprises,
    findings,
    inspections,
    lifecycle,
    registry,
    search,
)
from fieldapp.models import uscc as uscc_mod
from fieldapp.models.enterprises import DuplicateUscc, FieldError
from fieldapp.models.search import Filters
from fieldapp.models.store import SYNC_FIELDS, Row
from fieldapp.services.changes import NOTHING, Done, Entity, changed
from fieldapp.workspace import Workspace

# What front ends catch and build queries with.
__all__ = [
    "DuplicateUscc", "EnterpriseSummary", "FieldError", "Filters", "UsccNeedsConfirmation", "add_enterprise",
    "count_enterprises", "count_matches", "current_id", "enterprise_summary", "import_registry", "link_enterprises",
    "list_enterprises", "search_enterprises", "update_enterprise", "uscc_note",
]


class UsccNeedsConfirmation(ValidationError):
    """A well-formed code whose check character is wrong: early pilot codes are legal yet fail it, so it is
    accepted once the user confirms (domain.md §4)."""

    def __init__(self, parsed: uscc_mod.Uscc) -> None:
        super().__init__(f"{parsed.warning}; if the code is right (some early codes fail the check), confirm it"
                         " (--accept-check-character)", parsed.warning_zh)
        self.code = parsed.code


def _check_code(value: Any, confirm_uscc: bool) -> None:
    text = "" if value is None else str(value).strip()
    if not text:
        return
    parsed = uscc_mod.parse(text)  # a malformed code is refused here (ValidationError)
    if not parsed.check_ok and not confirm_uscc:
        raise UsccNeedsConfirmation(parsed)


def _text(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v.strip() if isinstance(v, str) else v for k, v in values.items()
            if v is not None and not (isinstance(v, str) and not v.strip())}


def uscc_note(text: str) -> str:
    """What to say under a USCC field while it is typed: a malformed or a failing code ("" when fine or short)."""
    code = uscc_mod.normalise(text)
    if not code or len(code) < uscc_mod.LENGTH:
        return ""
    try:
        parsed = uscc_mod.parse(code)
    except FieldappError as exc:
        return "⚠ " + exc.zh
    return "⚠ " + parsed.warning_zh if parsed.warning_zh else ""


# -- finding enterprises ---------------------------------------------------------------------------

def search_enterprises(ws: Workspace, query: str, *, limit: int = 20, filters: Filters | None = None
                       ) -> list[Row]:
    """Ranked search by name, address, people, phone, USCC prefix or pinyin (hdhg finds 宏达化工)."""
    return search.search(ws.store.conn, query, limit=limit, filters=filters)


def count_matches(ws: Workspace, query: str, *, filters: Filters | None = None) -> int:
    """How many enterprises a search finds (without reading them)."""
    return search.count(ws.store.conn, query, filters=filters)


def list_enterprises(ws: Workspace, *, offset: int = 0, limit: int = 50, filters: Filters | None = None
                     ) -> list[Row]:
    """One page of the registry ordered by name."""
    return enterprises.page(ws.store, offset, limit, filters)


def count_enterprises(ws: Workspace, *, filters: Filters | None = None) -> int:
    return enterprises.count(ws.store, filters)


def current_id(ws: Workspace, enterprise_id: str) -> str | None:
    """The id the enterprise has now: its own, or the record it was merged into by a sync; None when gone."""
    if ws.store.get("enterprises", enterprise_id) is not None:
        return enterprise_id
    try:
        return str(enterprises.find(ws.store, enterprise_id)["id"])
    except FieldappError:
        return None


# -- one enterprise ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class EnterpriseSummary:
    """An enterprise as people see it, with what was done there."""

    enterprise: dict[str, Any]  # registry fields: township by name, tags as a list, `uscc_warning` (English)
    grid: str  # the grid (网格) by name
    uscc_warning_zh: str | None  # a code whose check character is wrong, said in Chinese
    inspections: list[Row]  # newest first, each with its number of findings
    open_findings: list[Row]  # hazards not yet verified, closed, voided or referred
    documents: list[Row]  # newest first

    @property
    def overdue(self) -> int:
        return sum(1 for f in self.open_findings if f["overdue"])

    def as_dict(self) -> dict[str, Any]:
        """The summary as `fieldapp enterprises show --json` prints it."""
        return {**self.enterprise, "inspections": self.inspections, "open_findings": self.open_findings}


def enterprise_summary(ws: Workspace, ref: str) -> EnterpriseSummary:
    """One enterprise by id or USCC (a merged record's id finds the survivor), with its history."""
    store = ws.store
    row = enterprises.find(store, ref)
    shown = enterprises.display(row, areas.township_names(store))
    grids = {g["id"]: g["name"] for g in areas.list_grids(store, row.get("township_id"))}
    warning = uscc_mod.parse(row["uscc"]).warning_zh if row.get("uscc") else None
    return EnterpriseSummary(
        enterprise=shown, grid=grids.get(row.get("grid_id") or "", ""), uscc_warning_zh=warning,
        inspections=inspections.list_inspections(store, enterprise_id=row["id"]),
        open_findings=[f for f in findings.list_findings(store, enterprise_id=row["id"])
                       if f["status"] in lifecycle.OPEN_STATES],
        documents=documents.list_documents(store, enterprise_id=row["id"]))


# -- changing the registry -------------------------------------------------------------------------

def import_registry(ws: Workspace, path: Path, *, skip_invalid: bool = False,
                    progress: Callable[[int], None] | None = None) -> Done[registry.ImportReport]:
    """Import or update enterprises from a registry file (企业名录, CSV or XLSX), matched by USCC.

    All-or-nothing unless `skip_invalid`: the report then lists the invalid rows and nothing is written.
    """
    report = registry.import_file(ws.store, Path(path), skip_invalid=skip_invalid, progress=progress)
    return Done(report, changed(Entity.ENTERPRISES) if report.imported else NOTHING)


def add_enterprise(ws: Workspace, values: Mapping[str, Any], *, confirm_uscc: bool = False) -> Done[Row]:
    """Register an enterprise on site; returns it as displayed (township by name, `uscc_warning`).

    Name and address are required, the USCC is optional: without one the operator (经营者, kept as the
    legal representative) is required too. A code held by another enterprise raises DuplicateUscc naming
    it; a wrong check character raises UsccNeedsConfirmation unless `confirm_uscc`.
    """
    data = _text(values)
    for column, en, zh in (("name", "the name is required", "单位名称不能为空"),
                           ("address", "the address is required", "地址不能为空")):
        if not data.get(column):
            raise enterprises.FieldError(column, en, zh)
    _check_code(data.get("uscc"), confirm_uscc)
    store = ws.store
    row = enterprises.create(store, data, allow_no_uscc=True)
    shown = enterprises.display(enterprises.get(store, row["id"]), areas.township_names(store))
    return Done(shown, changed(Entity.ENTERPRISES, ids=[row["id"]]))


def update_enterprise(ws: Workspace, enterprise_id: str, changes: Mapping[str, Any], *,
                      confirm_uscc: bool = False) -> Done[Row]:
    """Edit registry fields; the same checks of the USCC as when adding (DuplicateUscc, confirmation)."""
    if "uscc" in changes:
        _check_code(changes["uscc"], confirm_uscc)
    row = enterprises.update(ws.store, enterprise_id, changes)
    return Done(row, changed(Entity.ENTERPRISES, ids=[enterprise_id]))


def link_enterprises(ws: Workspace, device_ref: str, office_ref: str) -> Done[dict[str, Any]]:
    """At the office: the record made on site (`device_ref`) and the registry's (`office_ref`) are one.

    They become one enterprise on every replica: the older id survives (so all replicas agree, whatever
    order bundles arrive in), carrying the registry record's values and whatever only the on-site record
    knew; every inspection, hazard and document of both points to it. Signed documents keep their content
    and PDF (the name they were issued with). Recorded in the audit log.
    """
    from fieldapp.sync.applier import Applier
    from fieldapp.sync.roles import Role, role

    store = ws.store
    if role(store) is Role.DEVICE:
        raise FieldappError("only the office links enterprises; the link reaches this device with the next bundle",
                            "只有中心端可以合并单位；合并结果会随下一个数据包同步到本终端")
    on_site = enterprises.find(store, device_ref)
    office = enterprises.find(store, office_ref)
    if on_site["id"] == office["id"]:
        raise ValidationError("both references name the same enterprise", "两个参数指向同一个单位")
    with store.transaction():
        store.conn.execute("PRAGMA defer_foreign_keys = ON")  # references move after the merged row goes
        applier = Applier(store, f"link-{office['id']}")
        survivor = applier.unite("enterprises", on_site, office)
        assert survivor is not None
        registry_values = {k: v for k, v in office.items()
                           if k not in SYNC_FIELDS and k not in ("seq", "search_key") and v is not None}
        survivor = store.update("enterprises", survivor["id"], registry_values, audit=None)
        moved = {t: int(store.scalar(f"SELECT count(*) FROM {t} WHERE enterprise_id = ?", (survivor["id"],)))
                 for t in ("inspections", "findings", "documents")}
        result = {"survivor": survivor["id"], "merged": sorted({on_site["id"], office["id"]} - {survivor["id"]})[0],
                  "device_record": on_site["id"], "office_record": office["id"], "name": survivor["name"],
                  "uscc": survivor["uscc"], "records": moved}
        audit.append(store, "link", "enterprises", survivor["id"],
                     {**result, "device_record_name": on_site["name"], "office_record_name": office["name"]})
    # Inspections, hazards and documents now point to the survivor.
    return Done(result, changed(Entity.ENTERPRISES, Entity.INSPECTIONS, Entity.FINDINGS, Entity.DOCUMENTS,
                                ids=[result["survivor"], result["merged"]]))
