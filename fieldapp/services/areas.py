"""Townships (乡镇/街道) and their grids as front ends list them; they are created by registry edits."""

from __future__ import annotations

from fieldapp.errors import ValidationError
from fieldapp.models import areas
from fieldapp.models.store import Row
from fieldapp.workspace import Workspace


def list_townships(ws: Workspace) -> list[Row]:
    """Every township (id, code, name) in the order of their codes."""
    return areas.list_townships(ws.store)


def township_names(ws: Workspace) -> dict[str, str]:
    """township id → name."""
    return areas.township_names(ws.store)


def township_id(ws: Workspace, name: str) -> str:
    """The id of the township called `name`; an unknown name is refused (a typo must not create one)."""
    found = [t["id"] for t in areas.list_townships(ws.store) if t["name"] == name.strip()]
    if not found:
        known = "、".join(t["name"] for t in areas.list_townships(ws.store)) or "（无）"
        raise ValidationError(f"unknown township {name!r}", f"未知的乡镇街道：{name}（已有：{known}）")
    return str(found[0])
