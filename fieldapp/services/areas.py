"""Townships (乡镇/街道) and their grids as front ends list them; they are created by registry edits."""

from __future__ import annotations

from fieldapp.models import areas
from fieldapp.models.store import Row
from fieldapp.workspace import Workspace


def list_townships(ws: Workspace) -> list[Row]:
    """Every township (id, code, name) in the order of their codes."""
    return areas.list_townships(ws.store)


def township_names(ws: Workspace) -> dict[str, str]:
    """township id → name."""
    return areas.township_names(ws.store)
