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


def test_camera_button_is_disabled_with_a_visible_explanation_without_camera(qtbot: QtBot, ctx: AppContext,
                                                                            dialogs: Dialogs) -> None:
    from fieldapp.ui import camera_dialog

    assert not camera_dialog.has_camera()  # offscreen: no video input
    editor = FindingEditor(ctx, _finding(ctx))
    qtbot.addWidget(editor)
    editor.show()
    panel = editor.evidence
    qtbot.waitUntil(lambda: panel.camera_checked, timeout=3000)
    assert not panel.camera_button.isEnabled()
    assert panel.no_camera.isVisibleTo(editor) and "camera" in panel.no_camera.text()  # (zh when translated)
    assert panel.camera_button.height() >= 44 and panel.annotate_button.height() >= 44
    assert panel.add_button.isEnabled() and not panel.annotate_button.isEnabled()  # nothing to annotate yet


def test_a_focused_field_is_scrolled_above_the_on_screen_keyboard(qtbot: QtBot, ctx: AppContext,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    from fieldapp.ui import util

    monkeypatch.setattr(util, "has_touch_screen", lambda: True)  # a tablet: the form gets room to scroll up
    util.follow_keyboard(QApplication.instance())  # type: ignore[arg-type]
    editor = FindingEditor(ctx, _finding(ctx))
    qtbot.addWidget(editor)
    editor.resize(800, 420)  # what the keyboard leaves of the screen
    editor.show()
    editor.activateWindow()
    qtbot.waitActive(editor)
    area = editor.findChild(util.FormScroll)
    assert area is not None and area.verticalScrollBar().value() == 0
    editor.location.setFocus()
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() > 0, timeout=3000)
    bottom = editor.location.mapTo(area.viewport(), QPoint(0, editor.location.height())).y()
    assert bottom <= area.viewport().height() * 2 // 3 + 45  # in the upper part, clear of the keyboard
    editor.grade.setFocus()  # leaving the text fields gives the room back
    qtbot.waitUntil(lambda: area.widget().contentsMargins().bottom() == 0, timeout=3000)


def test_camera_dialog_without_a_device_says_so_and_cannot_shoot(qtbot: QtBot, tmp_path: Path) -> None:
    from fieldapp.ui.camera_dialog import CameraDialog

    dialog = CameraDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "No camera" in dialog.state.text() and not dialog.shoot_button.isEnabled()
    dialog.shoot()  # ignored, no crash
    assert (tmp_path / "camera").is_dir() and not list((tmp_path / "camera").iterdir())
