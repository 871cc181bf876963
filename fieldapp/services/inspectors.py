"""Officers (执法人员) with their enforcement certificate numbers (执法证号): the roster and adding to it."""

from __future__ import annotations

from fieldapp.models import inspectors
from fieldapp.models.store import Row
from fieldapp.services.changes import Done, Entity, changed
from fieldapp.workspace import Workspace


def list_inspectors(ws: Workspace, *, active_only: bool = True) -> list[Row]:
    """The roster ordered by name."""
    return inspectors.list_inspectors(ws.store, active_only=active_only)


def add_inspector(ws: Workspace, name: str, certificate_no: str, *, unit: str | None = None,
                  phone: str | None = None, township_id: str | None = None) -> Done[Row]:
    """Add an officer; a certificate number already on the roster is refused."""
    row = inspectors.create(ws.store, name, certificate_no, township_id=township_id, unit=unit or None,
                            phone=phone or None)
    return Done(row, changed(Entity.INSPECTORS, ids=[row["id"]]))
