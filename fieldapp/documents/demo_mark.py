"""The mark on every page of a document issued from demo data (演示文书).

A demo county makes notices that look real: numbers, seals, QR codes. Printed and handed over, such a page
must not pass for an order, so each page carries a large light diagonal 演示 behind the text, a red line
at the head and the foot saying it has no legal effect, and the QR payload carries the flag too
(``fieldapp.documents.qr``), so verification says the same.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from fieldapp.documents.fonts import split_runs, string_width

DEMO_WORD = "演示"
DEMO_NOTICE = "演示文书，无法律效力"
HEAD_LINE = f"【{DEMO_WORD}】{DEMO_NOTICE}"
FOOT_LINE = f"{DEMO_NOTICE}：由演示数据生成，不得作为执法文书使用"

WATERMARK_SIZE = 150.0
WATERMARK_ANGLE = 40.0
# Light enough to read the notice through, dark enough to survive a grey-scale office printer.
WATERMARK_COLOUR = colors.Color(0.75, 0.1, 0.1, alpha=0.13)
LINE_COLOUR = colors.Color(0.72, 0.0, 0.0)


def _text(canv: Canvas, text: str, size: float, x: float, y: float, *, heavy: bool = False) -> None:
    obj = canv.beginText(x, y)
    if heavy:
        obj.setTextRenderMode(2)  # fill and stroke: the Song face's hairlines would vanish at this lightness
    for font, chunk in split_runs(text):
        obj.setFont(font, size)
        obj.textOut(chunk)
    canv.drawText(obj)


def draw_watermark(canv: Canvas, page_width: float, page_height: float) -> None:
    """The diagonal 演示 across the middle of the page (drawn before the page's text, so it lies beneath)."""
    canv.saveState()
    canv.setFillColor(WATERMARK_COLOUR)
    canv.setStrokeColor(WATERMARK_COLOUR)
    canv.setLineWidth(WATERMARK_SIZE * 0.03)
    canv.translate(page_width / 2, page_height / 2)
    canv.rotate(WATERMARK_ANGLE)
    width = string_width(DEMO_WORD, WATERMARK_SIZE)
    _text(canv, DEMO_WORD, WATERMARK_SIZE, -width / 2, -WATERMARK_SIZE * 0.35, heavy=True)
    canv.restoreState()


def draw_lines(canv: Canvas, page_width: float, head_y: float, foot_y: float) -> None:
    """The red head and foot lines, centred on the page."""
    canv.saveState()
    canv.setFillColor(LINE_COLOUR)
    for text, size, y in ((HEAD_LINE, 12.0, head_y), (FOOT_LINE, 9.0, foot_y)):
        _text(canv, text, size, (page_width - string_width(text, size)) / 2, y)
    canv.restoreState()

