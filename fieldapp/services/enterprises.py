"""Enterprise actions: registering one found on site, editing one, and linking two records of one.

Inspectors meet unregistered workshops and 三小场所: `add_enterprise` records them on the device (a site
without any licence has no USCC and is recorded by name, operator and address). Such a record syncs like
any other; when the office's registry holds the same USCC the two become one by themselves (sync/applier.py),
and `link_enterprises` lets the office unite a record without a code with its registry record by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldapp.errors import FieldappError, ValidationError
from fieldapp.models import areas, audit, enterprises
from fieldapp.models import uscc as uscc_mod
from fieldapp.models.store import SYNC_FIELDS, Row
from fieldapp.workspace import Workspace


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


def add_enterprise(ws: Workspace, values: Mapping[str, Any], *, confirm_uscc: bool = False) -> Row:
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
    return enterprises.display(enterprises.get(store, row["id"]), areas.township_names(store))


def update_enterprise(ws: Workspace, enterprise_id: str, changes: Mapping[str, Any], *,
                      confirm_uscc: bool = False) -> Row:
    """Edit registry fields; the same checks of the USCC as when adding (DuplicateUscc, confirmation)."""
    if "uscc" in changes:
        _check_code(changes["uscc"], confirm_uscc)
    return enterprises.update(ws.store, enterprise_id, changes)


def link_enterprises(ws: Workspace, device_ref: str, office_ref: str) -> dict[str, Any]:
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
    return result
