"""The inspector's marks over an evidence photo, drawn as vectors over the photo in a notice's appendix.

Same shapes and look as on screen (fieldapp.models.photo_marks; fieldapp.ui.photo_annotator paints them with
Qt): coloured strokes and text with a thin dark halo. The JPEG itself stays byte-identical to the evidence
whose SHA-256 is printed under it; the marks are separate drawing operations on top.
"""

from __future__ import annotations

import math
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from fieldapp.documents.fonts import split_runs
from fieldapp.models.photo_marks import STROKE, TEXT_SIZE, colour, number, valid_shapes

HALO_ALPHA = 120 / 255  # as on screen: black at 47 %
MIN_STROKE = 0.6  # points; thinner lines vanish in print
ASCENT = 0.86  # of the font size, for placing a text by its top edge as the editor does


def draw_overlay(canv: Canvas, shapes: list[dict[str, Any]], x: float, y: float, w: float, h: float) -> int:
    """Draw `shapes` over an upright image shown at (x, y) (bottom-left, points) with size w × h.

    Returns how many shapes were drawn; malformed or unknown shapes are skipped.
    """
    unit = max(w, h)
    if unit <= 0:
        return 0

    def at(fx: float, fy: float) -> tuple[float, float]:
        return x + fx * w, y + (1 - fy) * h  # overlay y runs down, PDF y up

    drawn = 0
    canv.saveState()
    # As on screen, nothing reaches outside the photo (over the caption and its SHA-256).
    frame = canv.beginPath()
    frame.rect(x, y, w, h)
    canv.clipPath(frame, stroke=0, fill=0)
    canv.setLineCap(1)
    canv.setLineJoin(1)
    for shape in valid_shapes(shapes):
        try:
            kind = shape.get("type")
            ink = HexColor(colour(shape))
            if kind in ("arrow", "ellipse"):
                width = max(MIN_STROKE, number(shape, "width", STROKE) * unit)
                if kind == "arrow":
                    (tx, ty), (px, py) = at(number(shape, "x1"), number(shape, "y1")), \
                        at(number(shape, "x2"), number(shape, "y2"))
                    length = math.hypot(px - tx, py - ty)
                    if length < 1e-6:
                        continue
                    ux, uy = (px - tx) / length, (py - ty) / length
                    head = min(length * 0.6, max(width * 4.5, unit * 0.02))
                    bx, by = px - ux * head, py - uy * head
                    half = head * 0.55
                    line = canv.beginPath()
                    line.moveTo(tx, ty)
                    line.lineTo(bx, by)
                    tip = canv.beginPath()
                    tip.moveTo(px, py)
                    tip.lineTo(bx - uy * half, by + ux * half)
                    tip.lineTo(bx + uy * half, by - ux * half)
                    tip.close()
                    _stroke(canv, line, width, ink)
                    _stroke(canv, tip, 0, ink, fill=True)
                else:
                    (x1, y1) = at(number(shape, "x"), number(shape, "y"))
                    (x2, y2) = at(number(shape, "x") + number(shape, "w"), number(shape, "y") + number(shape, "h"))
                    ring = canv.beginPath()
                    ring.ellipse(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1))
                    _stroke(canv, ring, width, ink)
            elif kind == "text":
                text = " ".join(str(shape.get("text") or "").split())
                if not text:
                    continue
                size = max(4.0, number(shape, "size", TEXT_SIZE) * unit)
                left, top = at(number(shape, "x"), number(shape, "y"))
                _text(canv, text, left, top - size * ASCENT, size, ink)
            else:
                continue
            drawn += 1
        except (KeyError, TypeError, ValueError):
            continue
    canv.restoreState()
    return drawn


def _stroke(canv: Canvas, path: Any, width: float, ink: HexColor, *, fill: bool = False) -> None:
    """The path stroked (or filled) in `ink` over a slightly wider translucent black halo."""
    canv.saveState()
    canv.setStrokeColorRGB(0, 0, 0, alpha=HALO_ALPHA)
    canv.setLineWidth(width + max(1.0, width * 0.6))
    canv.drawPath(path, stroke=1, fill=0)
    canv.restoreState()
    canv.saveState()
    canv.setStrokeColor(ink)
    canv.setFillColor(ink)
    canv.setLineWidth(width)
    canv.drawPath(path, stroke=0 if fill else 1, fill=1 if fill else 0)
    canv.restoreState()


def _text(canv: Canvas, text: str, left: float, baseline: float, size: float, ink: HexColor) -> None:
    """One line in the shipped faces (rare characters from the fallback faces), halo first, then fill."""
    runs = split_runs(text)
    for mode, halo in ((1, True), (0, False)):  # 1: stroke only (the halo), 0: fill
        obj = canv.beginText(left, baseline)
        obj.setTextRenderMode(mode)
        canv.saveState()
        if halo:
            canv.setStrokeColorRGB(0, 0, 0, alpha=HALO_ALPHA)
            canv.setLineWidth(max(0.6, size * 0.08))
        else:
            canv.setFillColor(ink)
        for font, chunk in runs:
            obj.setFont(font, size)
            obj.textOut(chunk)
        canv.drawText(obj)
        canv.restoreState()
