"""What the forms are set in: the paragraph styles, Chinese dates, and the flowables a page is built of
(the faux-bold title line, the marker where a copy starts, evidence photos with the inspector's marks).

Importing this module also teaches reportlab's CJK line breaking the Chinese punctuation that may not
start a line.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PIL import Image as PILImage
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib import textsplit as _textsplit_module
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import paragraph as _paragraph_module

from fieldapp.documents.annotations import draw_overlay
from fieldapp.documents.content import EvidencePhoto
from fieldapp.documents.fonts import MAIN_FONT, paragraph_markup, split_runs, string_width
from fieldapp.errors import ValidationError
from fieldapp.models.photo_marks import parse_overlay, valid_shapes

# reportlab's CJK line breaking keeps Japanese closing punctuation (、。」）) off the start of a line, but not
# the Chinese full-width ，；：！？ nor closing quotes and book-title marks, so a notice could have lines that
# begin with "，" (GB/T 15834 forbids it). Both of its CJK line breakers read this set at every line break.
CHINESE_CANNOT_START_LINE = "，；：！？”’》〉％"
for _module in (_paragraph_module, _textsplit_module):
    _module.ALL_CANNOT_START += "".join(c for c in CHINESE_CANNOT_START_LINE if c not in _module.ALL_CANNOT_START)

BODY_SIZE = 14.0  # 四号
BODY_LEADING = 24.0
TITLE_SIZE = 22.0  # 二号
SLOT_WIDTH = 50 * mm  # signature line

BLANK_DATE = "　　年　　月　　日"


def style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": MAIN_FONT,
        "fontSize": BODY_SIZE,
        "leading": BODY_LEADING,
        "wordWrap": "CJK",
        "alignment": TA_LEFT,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


@dataclass(frozen=True)
class Styles:
    authority: ParagraphStyle
    number: ParagraphStyle
    body: ParagraphStyle
    field: ParagraphStyle
    finding: ParagraphStyle
    finding_detail: ParagraphStyle
    right: ParagraphStyle
    caption: ParagraphStyle
    heading: ParagraphStyle
    sig_caption: ParagraphStyle


def styles() -> Styles:
    return Styles(
        authority=style("authority", fontSize=16, leading=26, alignment=TA_CENTER),
        number=style("number", alignment=TA_CENTER, spaceAfter=10),
        body=style("body", firstLineIndent=2 * BODY_SIZE),
        # Hanging indent: a wrapped value lines up under the start of the value, not under the label.
        field=style("field", leftIndent=0, spaceAfter=2),
        finding=style("finding", leftIndent=3 * BODY_SIZE, firstLineIndent=-1.5 * BODY_SIZE, spaceBefore=2),
        finding_detail=style("finding_detail", leftIndent=3 * BODY_SIZE, fontSize=12.5, leading=20),
        right=style("right", alignment=TA_RIGHT),
        caption=style("caption", fontSize=10.5, leading=15, spaceAfter=8),
        heading=style("heading", fontSize=16, leading=28, spaceBefore=4, spaceAfter=6),
        sig_caption=style("sig_caption", fontSize=10, leading=13, alignment=TA_CENTER),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(paragraph_markup(text), style)


def cn_date(value: date | None) -> str:
    """2026年3月5日 (no leading zeros, as in official documents); blanks for handwriting if None."""
    if value is None:
        return BLANK_DATE
    return f"{value.year}年{value.month}月{value.day}日"


def cn_time(value: datetime) -> str:
    return f"{value.hour}时{value.minute}分"


def cn_span(start: datetime, end: datetime) -> str:
    """检查时间 "年 月 日 时 分至 时 分"; the end date is repeated only when the visit crosses midnight."""
    if end < start:
        raise ValidationError(
            "The inspection ends before it starts.",
            "检查结束时间早于开始时间。",
        )
    tail = cn_time(end) if end.date() == start.date() else f"{cn_date(end.date())}{cn_time(end)}"
    return f"{cn_date(start.date())}{cn_time(start)}至{tail}"



# ---------------------------------------------------------------------------------------------- flowables


class BoldLine(Flowable):
    """A centred line in a faux-bold Song face: UMing has no bold, so glyphs are filled and stroked."""

    def __init__(self, text: str, size: float, space_after: float = 6) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.space_after = space_after

    def wrap(self, avail_width: float, _avail_height: float) -> tuple[float, float]:
        self.avail_width = avail_width
        return avail_width, self.size * 1.45 + self.space_after

    def draw(self) -> None:
        canv = self.canv
        # Titles are spaced out a little, as printed forms are.
        tracking = self.size * 0.12
        width = string_width(self.text, self.size) + tracking * (len(self.text) - 1)
        x = (self.avail_width - width) / 2
        y = self.space_after + self.size * 0.35
        canv.saveState()
        canv.setLineWidth(self.size * 0.035)
        canv.setStrokeColor(colors.black)
        text = canv.beginText(x, y)
        text.setTextRenderMode(2)
        text.setCharSpace(tracking)
        for font, chunk in split_runs(self.text):
            text.setFont(font, self.size)
            text.textOut(chunk)
        canv.drawText(text)
        canv.restoreState()


class CopyStart(Flowable):
    """Marks where a copy begins, so the canvas can number the pages of each copy separately."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, avail_width: float, _avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._fieldapp_copy = self.index


class _Jpeg:
    """Hands reportlab the JPEG bytes for DCT pass-through.

    Not an ImageReader on purpose: for ImageReader objects reportlab decodes the whole photo just to
    hash it; for other objects it names the image by ``str()``, which is the SHA-256 here.
    """

    def __init__(self, data: bytes, digest: str) -> None:
        self.data = data
        self.digest = digest

    def jpeg_fh(self) -> io.BytesIO:
        return io.BytesIO(self.data)

    def __str__(self) -> str:
        return f"fieldapp-photo-{self.digest}"


# EXIF orientation → (rotation in degrees counter-clockwise, mirror horizontally)
_ORIENTATIONS: dict[int, tuple[int, bool]] = {
    1: (0, False),
    2: (0, True),
    3: (180, False),
    4: (180, True),
    5: (270, True),
    6: (270, False),
    7: (90, True),
    8: (90, False),
}


class Photo(Flowable):
    """An evidence photo scaled into a box, honouring its EXIF orientation without re-encoding it."""

    def __init__(self, photo: EvidencePhoto, max_width: float, max_height: float) -> None:
        super().__init__()
        self.jpeg = _Jpeg(photo.jpeg, photo.sha256.lower())
        try:
            with PILImage.open(io.BytesIO(photo.jpeg)) as im:
                if im.format != "JPEG":
                    raise ValueError(im.format)
                pixel_w, pixel_h = im.size
                orientation = int(im.getexif().get(0x0112, 1))
        except Exception as exc:  # PIL raises many types for bad data
            raise ValidationError(
                f"Photo '{photo.caption}' is not a readable JPEG image.",
                f"照片“{photo.caption}”不是可读取的 JPEG 图片。",
            ) from exc
        self.rotation, self.mirror = _ORIENTATIONS.get(orientation, (0, False))
        shown_w, shown_h = (pixel_h, pixel_w) if self.rotation in (90, 270) else (pixel_w, pixel_h)
        scale = min(max_width / shown_w, max_height / shown_h)
        self.shown_w = shown_w * scale
        self.shown_h = shown_h * scale
        self.max_width = max_width
        self.shapes = valid_shapes(parse_overlay(photo.overlay))  # the marks that will be drawn

    def wrap(self, avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.max_width, self.shown_h

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.translate((self.max_width - self.shown_w) / 2 + self.shown_w / 2, self.shown_h / 2)
        canv.rotate(self.rotation)
        if self.mirror:
            canv.scale(-1, 1)
        w, h = (self.shown_h, self.shown_w) if self.rotation in (90, 270) else (self.shown_w, self.shown_h)
        # With reportlab's default useA85 the JPEG would be stored ASCII85-encoded: a quarter larger, and no
        # longer byte-identical to the evidence whose SHA-256 is printed. The flag is read while the image
        # object is created, so it is lowered only for this call; any PDF is valid either way.
        previous = rl_config.useA85
        rl_config.useA85 = 0
        try:
            canv.drawImage(self.jpeg, -w / 2, -h / 2, width=w, height=h)
        finally:
            rl_config.useA85 = previous
        canv.restoreState()
        # The marks are placed on the upright picture, as the editor showed it.
        draw_overlay(canv, self.shapes, (self.max_width - self.shown_w) / 2, 0, self.shown_w, self.shown_h)
        canv.setStrokeColor(colors.grey)
        canv.setLineWidth(0.5)
        canv.rect((self.max_width - self.shown_w) / 2, 0, self.shown_w, self.shown_h)
