"""Inspectors (执法人员) with their enforcement certificate numbers (执法证号)."""

from __future__ import annotations

from fieldapp.errors import NotFound, ValidationError
from fieldapp.models.store import Row, Store


def create(store: Store, name: str, certificate_no: str, *, township_id: str | None = None,
           unit: str | None = None, phone: str | None = None) -> Row:
    name, certificate_no = name.strip(), certificate_no.strip()
    if not name:
        raise ValidationError("inspector name is empty", "执法人员姓名不能为空")
    if not certificate_no:
        raise ValidationError("certificate number is empty", "执法证号不能为空")
    with store.transaction():
        if store.scalar("SELECT 1 FROM inspectors WHERE certificate_no = ?", (certificate_no,)):
            raise ValidationError(f"certificate number {certificate_no} is already registered",
                                  f"执法证号 {certificate_no} 已登记")
        return store.insert("inspectors", {"name": name, "certificate_no": certificate_no,
                                           "township_id": township_id, "unit": unit, "phone": phone,
                                           "active": 1}, audit=None)


def list_inspectors(store: Store, *, active_only: bool = True) -> list[Row]:
    where = "WHERE active = 1" if active_only else ""
    return store.query(f"SELECT id, name, certificate_no, township_id, unit, phone, active FROM inspectors {where}"
                       " ORDER BY name")


def get_many(store: Store, ids: list[str]) -> list[Row]:
    rows = []
    for inspector_id in ids:
        row = store.get("inspectors", inspector_id)
        if row is None:
            raise NotFound(f"inspector {inspector_id} not found", f"未找到执法人员：{inspector_id}")
        rows.append(row)
    return rows
