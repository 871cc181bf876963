"""Townships (乡镇/街道) and grids (网格)."""

from __future__ import annotations

from fieldapp.errors import ValidationError
from fieldapp.models.store import Row, Store


def list_townships(store: Store) -> list[Row]:
    return store.query("SELECT id, code, name FROM townships ORDER BY code, name")


def list_grids(store: Store, township_id: str | None = None) -> list[Row]:
    if township_id:
        return store.query("SELECT id, township_id, name FROM grids WHERE township_id = ? ORDER BY name",
                           (township_id,))
    return store.query("SELECT id, township_id, name FROM grids ORDER BY township_id, name")


def ensure_township(store: Store, name: str, code: str | None = None) -> str:
    name = name.strip()
    if not name:
        raise ValidationError("township name is empty", "乡镇街道名称为空")
    found = store.scalar("SELECT id FROM townships WHERE name = ?", (name,))
    if found:
        return str(found)
    with store.transaction():
        return str(store.insert("townships", {"name": name, "code": code}, audit=None)["id"])


def ensure_grid(store: Store, township_id: str, name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError("grid name is empty", "网格名称为空")
    found = store.scalar("SELECT id FROM grids WHERE township_id = ? AND name = ?", (township_id, name))
    if found:
        return str(found)
    with store.transaction():
        return str(store.insert("grids", {"township_id": township_id, "name": name}, audit=None)["id"])


def township_names(store: Store) -> dict[str, str]:
    return {r["id"]: r["name"] for r in store.query("SELECT id, name FROM townships")}
