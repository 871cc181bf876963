"""Annotating an evidence photo: shapes drawn by dragging are stored as a normalised overlay, never in the file."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPixmap
from pytestqt.qtbot import QtBot

from fieldapp.models import findings
from fieldapp.services import evidence
from fieldapp.ui.evidence_panel import EvidencePanel
from fieldapp.ui.photo_annotator import AnnotationCanvas, PhotoAnnotator, parse_overlay, with_overlay
from fieldapp.ui.tasks import AppContext

from .conftest import Dialogs


def _finding_with_photo(ctx: AppContext, tmp_path: Path) -> tuple[str, dict[str, Any]]:
    photo = tmp_path / "配电箱.jpg"
    image = Image.new("RGB", (1200, 800), (90, 110, 130))
    ImageDraw.Draw(image).rectangle([400, 200, 800, 650], fill=(200, 200, 190), outline=(40, 40, 40), width=8)
    image.save(photo, "JPEG", quality=90)
    store = ctx.workspace.store
    enterprise_id = str(store.scalar("SELECT id FROM enterprises ORDER BY name LIMIT 1"))

    def make() -> tuple[str, dict[str, Any]]:
        finding_id = str(findings.create(store, enterprise_id=enterprise_id, description="配电箱门损坏")["id"])
        return finding_id, evidence.attach(ctx.workspace, finding_id=finding_id, paths=[photo]).value[0]

    return ctx.tasks.call(make)


def _drag(qtbot: QtBot, canvas: AnnotationCanvas, a: tuple[float, float], b: tuple[float, float]) -> None:
    start, end = canvas.to_widget(*a).toPoint(), canvas.to_widget(*b).toPoint()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 6):
        qtbot.mouseMove(canvas, start + (end - start) * (i / 5))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)


def _open(qtbot: QtBot, panel: EvidencePanel) -> PhotoAnnotator:
    qtbot.waitUntil(lambda: panel.strip.count() == 1, timeout=10000)
    panel.strip.setCurrentRow(0)
    assert panel.annotate_button.isEnabled()
    qtbot.mouseClick(panel.annotate_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, PhotoAnnotator)
    dialog.resize(1000, 720)
    qtbot.waitExposed(dialog)
    return dialog


def test_annotations_round_trip_as_a_normalised_overlay_and_leave_the_photo_alone(
        qtbot: QtBot, ctx: AppContext, dialogs: Dialogs, tmp_path: Path) -> None:
    finding_id, item = _finding_with_photo(ctx, tmp_path)
    stored = Path(item["path"]).read_bytes()
    panel = EvidencePanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_finding(finding_id)
    dialog = _open(qtbot, panel)
    canvas = dialog.canvas
    assert canvas.shapes == [] and not dialog.undo_button.isEnabled()

    _drag(qtbot, canvas, (0.20, 0.80), (0.45, 0.50))  # arrow (the default tool), in red
    qtbot.mouseClick(dialog.tool_buttons["ellipse"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.color_buttons["#facc15"], Qt.MouseButton.LeftButton)
    _drag(qtbot, canvas, (0.35, 0.25), (0.65, 0.80))
    qtbot.mouseClick(dialog.tool_buttons["text"], Qt.MouseButton.LeftButton)
    dialogs.texts.append("门锁损坏")
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.to_widget(0.10, 0.10).toPoint())
    _drag(qtbot, canvas, (0.5, 0.5), (0.501, 0.501))  # a slip of the finger is not a shape
    assert [s["type"] for s in canvas.shapes] == ["arrow", "ellipse", "text"]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == PhotoAnnotator.DialogCode.Accepted, timeout=5000)
    assert dialogs.errors == []

    row = ctx.tasks.call(lambda: evidence.list_for(ctx.workspace, finding_id=finding_id))[0]
    overlay = json.loads(row["overlay"])
    arrow, ellipse, text = overlay
    tol = 0.01  # one pixel of the canvas
    assert arrow["type"] == "arrow" and arrow["color"] == "#e11d48" and 0 < arrow["width"] < 0.05
    assert [arrow[k] for k in ("x1", "y1", "x2", "y2")] == pytest.approx([0.20, 0.80, 0.45, 0.50], abs=tol)
    assert ellipse["color"] == "#facc15"
    assert [ellipse[k] for k in ("x", "y", "w", "h")] == pytest.approx([0.35, 0.25, 0.30, 0.55], abs=tol)
    assert (text["text"], text["color"]) == ("门锁损坏", "#facc15")
    assert [text["x"], text["y"]] == pytest.approx([0.10, 0.10], abs=tol)
    assert all(0 <= v <= 1 for s in overlay for k, v in s.items() if k in ("x", "y", "w", "h", "x1", "y1", "x2",
                                                                           "y2"))
    # The evidence file is untouched: same bytes, same hash as recorded.
    assert Path(row["path"]).read_bytes() == stored
    assert hashlib.sha256(stored).hexdigest() == row["sha256"] == item["sha256"]

    # The strip redraws with the overlay, and reopening loads it for more editing.
    qtbot.waitUntil(lambda: bool(panel.items and panel.items[0].get("overlay")), timeout=5000)
    again = _open(qtbot, panel)
    assert again.canvas.shapes == overlay
    qtbot.mouseClick(again.undo_button, Qt.MouseButton.LeftButton)  # undo works only on this session's edits
    assert not again.undo_button.isEnabled()
    qtbot.mouseClick(again.clear_button, Qt.MouseButton.LeftButton)
    assert again.canvas.shapes == []
    qtbot.mouseClick(again.undo_button, Qt.MouseButton.LeftButton)
    assert again.canvas.shapes == overlay
    dialogs.answer = False
    again.reject()  # nothing changed: closes without asking
    assert dialogs.questions == []


def test_overlay_is_drawn_over_the_thumbnail_and_bad_shapes_are_skipped(qtbot: QtBot) -> None:
    thumb = QPixmap(200, 100)
    thumb.fill(QColor("black"))
    overlay = json.dumps([{"type": "ellipse", "x": 0.25, "y": 0.25, "w": 0.5, "h": 0.5, "color": "#ffffff",
                           "width": 0.03}, {"type": "hexagon"}, {"type": "arrow", "x1": 0.1}])
    out = with_overlay(thumb, overlay).toImage()
    left_edge = out.pixelColor(QPoint(50, 50))  # on the ellipse's left-most point
    assert left_edge.lightness() > 150
    assert out.pixelColor(QPoint(100, 50)).lightness() < 30  # the inside is not filled
    assert thumb.toImage().pixelColor(QPoint(50, 50)).lightness() < 30  # the original is not drawn on
    assert len(parse_overlay(overlay)) == 3 and parse_overlay("not json") == [] and parse_overlay(None) == []
