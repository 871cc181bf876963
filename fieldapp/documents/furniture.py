"""What every page of a notice carries besides its text: the copy label, "第 x 页 共 y 页", the signed QR
code with the document number under it, the demo mark when there is one, and the PDF's dates.

The page geometry (GB/T 9704 margins) lives here too, since the furniture is placed in those margins.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import qrcode
import qrcode.exceptions
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate

from fieldapp.documents import demo_mark
from fieldapp.documents.fonts import split_runs, string_width
from fieldapp.errors import FieldappError

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
MARGIN_TOP = 37 * mm
MARGIN_BOTTOM = 35 * mm

QR_MIN_SIZE = 25 * mm
QR_MIN_MODULE = 0.42 * mm  # below this a phone or pdfium at 144 dpi starts to misread
QR_MAX_MODULES = 97  # version 20; beyond it the code no longer fits the top margin at QR_MIN_MODULE
QR_TOP = 7 * mm


@dataclass(frozen=True)
class QR:
    modules: tuple[tuple[bool, ...], ...]
    size: float
    caption: str


def make_qr(payload: str, caption: str) -> QR:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_H, border=0)
    try:
        code.add_data(payload.encode("utf-8"))
        code.make(fit=True)
    except (qrcode.exceptions.DataOverflowError, ValueError) as exc:  # ValueError: "Invalid version (41)"
        raise FieldappError(
            f"The QR payload is too long ({len(payload.encode('utf-8'))} bytes).",
            f"二维码内容过长（{len(payload.encode('utf-8'))} 字节）。",
        ) from exc
    matrix = code.get_matrix()
    if len(matrix) > QR_MAX_MODULES:
        raise FieldappError(
            f"The QR payload is too long to print legibly ({len(payload.encode('utf-8'))} bytes).",
            f"二维码内容过长，无法清晰打印（{len(payload.encode('utf-8'))} 字节）。",
        )
    size = max(QR_MIN_SIZE, len(matrix) * QR_MIN_MODULE)
    return QR(tuple(tuple(bool(v) for v in row) for row in matrix), size, caption)


def _draw_qr(canv: Canvas, qr: QR, x: float, y_top: float) -> None:
    n = len(qr.modules)
    cell = qr.size / n
    canv.saveState()
    canv.setFillColor(colors.black)
    path = canv.beginPath()
    # One rectangle per horizontal run of dark modules keeps the page stream small.
    for r, row in enumerate(qr.modules):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.rect(x + start * cell, y_top - (r + 1) * cell, (c - start) * cell, cell)
            else:
                c += 1
    canv.drawPath(path, stroke=0, fill=1)
    canv.restoreState()


def _draw_runs(canv: Canvas, text: str, size: float, x: float, y: float, align: str = "left") -> None:
    width = string_width(text, size)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    obj = canv.beginText(x, y)
    for font, chunk in split_runs(text):
        obj.setFont(font, size)
        obj.textOut(chunk)
    canv.drawText(obj)


class DocCanvas(Canvas):
    """Defers page output until the end, so that each page can say "第 x 页 共 y 页" within its copy."""

    def __init__(self, *args: Any, furniture: Furniture, stamp: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # invariant=True keeps the output reproducible but dates it 2000-01-01: the real date replaces it.
        self.setDateFormatter(lambda *_ymdhms: stamp)
        self._fieldapp_copy = 0
        self._fieldapp_pages: list[dict[str, Any]] = []
        self._fieldapp_furniture = furniture

    def showPage(self) -> None:
        self._fieldapp_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals: dict[int, int] = {}
        for state in self._fieldapp_pages:
            totals[state["_fieldapp_copy"]] = totals.get(state["_fieldapp_copy"], 0) + 1
        seen: dict[int, int] = {}
        for state in self._fieldapp_pages:
            self.__dict__.update(state)
            copy = state["_fieldapp_copy"]
            seen[copy] = seen.get(copy, 0) + 1
            self._fieldapp_furniture.draw(self, copy, seen[copy], totals[copy])
            Canvas.showPage(self)
        Canvas.save(self)


@dataclass(frozen=True)
class Furniture:
    qr: QR | None
    copies: tuple[str, ...]
    demo: bool = False

    def draw(self, canv: Canvas, copy: int, page: int, total: int) -> None:
        canv.saveState()
        if self.demo:
            demo_mark.draw_lines(canv, PAGE_WIDTH, PAGE_HEIGHT - 15 * mm, MARGIN_BOTTOM - 19 * mm)
        canv.setFillColor(colors.black)
        label = self.copies[copy] if copy < len(self.copies) else ""
        _draw_runs(canv, label, 10.5, MARGIN_LEFT, PAGE_HEIGHT - 15 * mm)
        _draw_runs(canv, f"第 {page} 页　共 {total} 页", 10.5, PAGE_WIDTH / 2, MARGIN_BOTTOM - 12 * mm, "center")
        if self.qr is not None:
            right = PAGE_WIDTH - 16 * mm
            x = right - self.qr.size
            top = PAGE_HEIGHT - QR_TOP
            _draw_qr(canv, self.qr, x, top)
            caption_w = string_width(self.qr.caption, 8)
            cx = x + self.qr.size / 2
            # Long numbers are right-aligned to the code so they never run off the page.
            if caption_w > self.qr.size:
                _draw_runs(canv, self.qr.caption, 8, right, top - self.qr.size - 9, "right")
            else:
                _draw_runs(canv, self.qr.caption, 8, cx, top - self.qr.size - 9, "center")
        canv.restoreState()


def watermark(canv: Canvas, _template: BaseDocTemplate) -> None:
    # Drawn as each page starts, so the notice's text lies on top of the demo mark.
    demo_mark.draw_watermark(canv, PAGE_WIDTH, PAGE_HEIGHT)


def plain(canv: Canvas, _template: BaseDocTemplate) -> None:
    pass


def pdf_date(moment: datetime) -> str:
    """A PDF date string (``D:20261123143005+08'00'``); a naive time is taken as this computer's local time."""
    local = moment.astimezone() if moment.tzinfo is None else moment
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"D:{local:%Y%m%d%H%M%S}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"
