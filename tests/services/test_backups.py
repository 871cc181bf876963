"""Backups: written on request (kept, or pruned to backup_keep), listed newest first, restored with a safety copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.errors import FieldappError
from fieldapp.services import backups, inspectors, settings
from fieldapp.services.changes import EVERYTHING, Entity
from fieldapp.workspace import Workspace


def test_backups_by_hand_are_kept_unless_pruned(ws: Workspace) -> None:
    settings.save_settings(ws, {"backup_keep": 2})
    for _ in range(3):
        done = backups.back_up(ws)
        assert done.value.parent == ws.backups_dir and Entity.BACKUPS in done.changes
    listed = backups.list_backups(ws)
    assert len(listed) == 3 and {b.kind for b in listed} == {"manual"}
    assert [b.written for b in listed] == sorted((b.written for b in listed), reverse=True)
    assert backups.last_backup(ws) == listed[0].written
    backups.back_up(ws, prune=True)
    assert len(backups.list_backups(ws)) == 2  # the setting's number of backups stays in the folder


def test_a_backup_to_a_chosen_file_never_overwrites(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "usb" / "fieldapp.sqlite3"
    assert backups.back_up(ws, out).value == out and out.stat().st_size > 0
    with pytest.raises(FieldappError, match="already exists"):
        backups.back_up(ws, out)
    assert backups.list_backups(ws) == []  # nothing in the data directory's folder


def test_restore_brings_the_backup_back_and_keeps_what_it_replaced(ws: Workspace) -> None:
    inspectors.add_inspector(ws, "张执法", "37083001001")
    saved = backups.back_up(ws).value
    inspectors.add_inspector(ws, "后加", "37083001002")
    done = backups.restore(ws, saved)
    assert done.changes == EVERYTHING
    assert [o["name"] for o in inspectors.list_inspectors(ws)] == ["张执法"]
    kinds = {b.path: b.kind for b in backups.list_backups(ws)}
    assert kinds[done.value] == "before-restore"
