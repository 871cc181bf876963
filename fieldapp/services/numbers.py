"""Document numbers (文书编号): the blocks of serials this device issues from (``fieldapp.models.numbering``).

An enrolled device receives its blocks from the office with the next sync; a standalone office assigns
them here.
"""

from __future__ import annotations

from fieldapp.models import numbering
from fieldapp.models.store import Row
from fieldapp.services.changes import Done, Entity, changed
from fieldapp.workspace import Workspace


def list_blocks(ws: Workspace) -> list[Row]:
    """Every number block with how many serials it has left."""
    return numbering.list_blocks(ws.store)


def assign_block(ws: Workspace, *, doc_type: str, year: int, first: int, last: int) -> Done[Row]:
    """Give this device the serials ``first``–``last`` of a document type and year (they may not overlap)."""
    row = numbering.assign_block(ws.store, doc_type=doc_type, year=year, first=first, last=last)
    return Done(row, changed(Entity.NUMBERS, ids=[row["id"]]))
