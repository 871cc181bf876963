"""Number blocks through the service: assigning says what changed, an overlap assigns nothing."""

from __future__ import annotations

import pytest

from fieldapp.errors import ValidationError
from fieldapp.services import numbers
from fieldapp.services.changes import Entity
from fieldapp.workspace import Workspace


def test_an_assigned_block_is_listed_with_its_serials_left(ws: Workspace) -> None:
    done = numbers.assign_block(ws, doc_type="rectification_order", year=2026, first=1, last=30)
    assert done.changes.entities == {Entity.NUMBERS} and done.changes.ids == {done.value["id"]}
    [block] = numbers.list_blocks(ws)
    assert (block["doc_type"], block["first_serial"], block["last_serial"], block["remaining"]) == \
        ("rectification_order", 1, 30, 30)


def test_an_overlapping_block_or_an_unknown_type_assigns_nothing(ws: Workspace) -> None:
    numbers.assign_block(ws, doc_type="rectification_order", year=2026, first=1, last=30)
    with pytest.raises(ValidationError, match="overlap"):
        numbers.assign_block(ws, doc_type="rectification_order", year=2026, first=30, last=40)
    with pytest.raises(ValidationError, match="unknown document type"):
        numbers.assign_block(ws, doc_type="order", year=2026, first=100, last=140)
    assert len(numbers.list_blocks(ws)) == 1
