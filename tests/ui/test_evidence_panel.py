"""The finding editor's photo panel against fieldapp.services.evidence (attach / list_for)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from fieldapp.models import findings
from fieldapp.ui import evidence_panel
from fieldapp.ui.finding_editor import FindingEditor
from fieldapp.ui.tasks import AppContext

from .conftest import Dialogs


def _finding(ctx: AppContext) -> str:
    store = ctx.workspace.store
    enterprise_id = str(store.scalar("SELECT id FROM enterprises ORDER BY name LIMIT 1"))
    return str(findings.create(store, enterprise_id=enterprise_id, description="配电箱无漏电保护")["id"])


def test_attached_photo_appears_as_a_thumbnail(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs,
                                               tmp_path: Path) -> None:
    photo = tmp_path / "现场.jpg"
    Image.new("RGB", (640, 480), (200, 40, 40)).save(photo, "JPEG")
    editor = FindingEditor(ctx, _finding(ctx))
    qtbot.addWidget(editor)
    panel = editor.findChild(evidence_panel.EvidencePanel, "evidencePanel")
    assert panel is not None
    panel.attach([photo])
    qtbot.waitUntil(lambda: panel.strip.count() == 1, timeout=10000)
    assert dialogs.errors == []
    assert not panel.strip.item(0).icon().isNull()


def test_missing_evidence_service_is_explained_in_chinese(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs,
                                                          monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def unavailable() -> None:
        raise evidence_panel.FieldappError("not yet", "照片证据功能尚未就绪")

    monkeypatch.setattr(evidence_panel, "evidence_service", unavailable)
    editor = FindingEditor(ctx, _finding(ctx))
    qtbot.addWidget(editor)
    assert "尚未就绪" in editor.evidence.hint.text()
    editor.evidence.attach([tmp_path / "x.jpg"])
    assert dialogs.errors == ["照片证据功能尚未就绪"]
