"""Render an enforcement document (``fieldapp.documents.content``) to an A4 PDF with reportlab.

Layout follows GB/T 9704 margins (top 37 mm, left 28 mm, body 156 × 225 mm). One PDF holds both copies
(一式两份): 第一联 for the inspected unit, 第二联 for the archive, each numbered "第 x 页 共 y 页" on its own.
When the document has a QR payload, every page carries the code (top right, ≥ 25 mm, error correction H)
with the document number under it. Evidence photos follow the signatures as an appendix; the JPEG bytes
are embedded unchanged, so the SHA-256 printed under a photo can be checked against the PDF itself.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import partial
from typing import Any

from PIL import Image as PILImage
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib import textsplit as _textsplit_module
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import paragraph as _paragraph_module

from fieldapp.documents.annotations import draw_overlay
from fieldapp.documents.content import (
    Document,
    EvidencePhoto,
    Finding,
    InspectionRecord,
    OnSiteMeasuresDecision,
    RectificationOrder,
    Refusal,
    ReinspectionOpinion,
    RightsNotice,
    Signatory,
    SignatureImage,
)
from fieldapp.documents.demo_mark import DEMO_NOTICE
from fieldapp.documents.fonts import MAIN_FONT, paragraph_markup, register_fonts, split_runs, string_width
from fieldapp.documents.furniture import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    QR_TOP,
    DocCanvas,
    Furniture,
    make_qr,
    pdf_date,
    plain,
    watermark,
)
from fieldapp.errors import FieldappError, ValidationError
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

COPY_LABELS = ("第一联　被检查单位留存", "第二联　执法机关存档")

ORDER_DEADLINE_TAIL = "整改完毕，达到有关法律法规规章和标准规定的要求。"
BLANK_DATE = "　　年　　月　　日"
SEAL_PLACE = "（印章）"  # where the forms put the ink seal
STATUTE_68_NOTE = "依照《中华人民共和国安全生产法》第六十八条的规定，检查人员已将上述情况记录在案。"


def _style(name: str, **kw: Any) -> ParagraphStyle:
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
class _Styles:
    authority: ParagraphStyle
    number: ParagraphStyle
    body: ParagraphStyle
    indented: ParagraphStyle
    field: ParagraphStyle
    finding: ParagraphStyle
    finding_detail: ParagraphStyle
    right: ParagraphStyle
    small: ParagraphStyle
    caption: ParagraphStyle
    heading: ParagraphStyle
    sig_caption: ParagraphStyle


def _styles() -> _Styles:
    return _Styles(
        authority=_style("authority", fontSize=16, leading=26, alignment=TA_CENTER),
        number=_style("number", alignment=TA_CENTER, spaceAfter=10),
        body=_style("body", firstLineIndent=2 * BODY_SIZE),
        indented=_style("indented", leftIndent=2 * BODY_SIZE),
        # Hanging indent: a wrapped value lines up under the start of the value, not under the label.
        field=_style("field", leftIndent=0, spaceAfter=2),
        finding=_style("finding", leftIndent=3 * BODY_SIZE, firstLineIndent=-1.5 * BODY_SIZE, spaceBefore=2),
        finding_detail=_style("finding_detail", leftIndent=3 * BODY_SIZE, fontSize=12.5, leading=20),
        right=_style("right", alignment=TA_RIGHT),
        small=_style("small", fontSize=10.5, leading=15),
        caption=_style("caption", fontSize=10.5, leading=15, spaceAfter=8),
        heading=_style("heading", fontSize=16, leading=28, spaceBefore=4, spaceAfter=6),
        sig_caption=_style("sig_caption", fontSize=10, leading=13, alignment=TA_CENTER),
    )


def _p(text: str, style: ParagraphStyle) -> Paragraph:
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


def _sequence_names(numbers: Sequence[int]) -> str:
    return "、".join(str(n) for n in numbers)


# ---------------------------------------------------------------------------------------------- flowables


class _BoldLine(Flowable):
    """A centred line in a faux-bold Song face: UMing has no bold, so glyphs are filled and stroked."""

    def __init__(self, text: str, size: float, space_after: float = 6) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.space_after = space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
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


class _CopyStart(Flowable):
    """Marks where a copy begins, so the canvas can number the pages of each copy separately."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
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


class _Photo(Flowable):
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

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
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


# ---------------------------------------------------------------------------------------------- sections


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.s = _styles()
        self.body_width = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

    # -- shared pieces

    def header(self) -> list[Flowable]:
        d = self.doc
        return [
            _p(d.authority.name, self.s.authority),
            _BoldLine(d.kind.value, TITLE_SIZE),
            _p(d.number, self.s.number),
        ]

    def addressee(self) -> list[Flowable]:
        # The USCC identifies the addressee beyond doubt and lets a verifier match the QR against the text.
        out = [_p(f"{self.doc.enterprise.name}：", self.s.field)]
        if self.doc.enterprise.uscc:
            out.append(self.labelled("（统一社会信用代码：", f"{self.doc.enterprise.uscc}）"))
        return out

    def labelled(self, label: str, value: str) -> Flowable:
        markup = paragraph_markup(label) + paragraph_markup(value or "")
        indent = string_width(label, BODY_SIZE)
        style = ParagraphStyle(f"field-{indent:.0f}", parent=self.s.field, leftIndent=indent,
                               firstLineIndent=-indent)
        return Paragraph(markup, style)

    def findings(self, findings: Iterable[Finding], show_deadlines: bool) -> list[Flowable]:
        out: list[Flowable] = []
        for f in findings:
            out.append(_p(f"{f.number}．{f.description}", self.s.finding))
            details = []
            if f.legal_basis:
                details.append(f"依据：{f.legal_basis}")
            if f.requirement:
                details.append(f"整改要求：{f.requirement}")
            if show_deadlines and f.deadline is not None:
                details.append(f"整改期限：{cn_date(f.deadline)}前")
            out.extend(_p(line, self.s.finding_detail) for line in details)
        return out

    def rights(self, rights: RightsNotice, act: str) -> Flowable:
        review = rights.review_government
        if rights.review_department:
            review += f"或者{rights.review_department}"
        text = (
            f"如果不服本{act}，可以依法在60日内向{review}申请行政复议，"
            f"或者在6个月内依法向{rights.court}提起行政诉讼，但本{act}不停止执行。"
        )
        return _p(text, self.s.body)

    def _sig_slot(self, image: SignatureImage | None, refused: bool = False) -> Flowable:
        if refused:
            return _p("拒绝签字", self.s.field)
        if image is None:
            return Spacer(1, 10 * mm)
        try:
            with PILImage.open(io.BytesIO(image.png)) as im:
                w, h = im.size
        except Exception as exc:  # PIL raises many types for bad data
            raise ValidationError("A signature image cannot be read.", "签名图片无法读取。") from exc
        height = 13 * mm
        width = min(SLOT_WIDTH - 4, height * w / max(h, 1))
        height = width * h / max(w, 1)
        return Image(io.BytesIO(image.png), width=width, height=height, mask="auto")

    def _table(self, rows: list[list[Any]], col_widths: list[float], lined: list[tuple[int, int]]) -> Table:
        table = Table(rows, colWidths=col_widths, hAlign="LEFT")
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), MAIN_FONT),  # else reportlab sets Helvetica, unembedded
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("ALIGN", (1, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
        for col, row in lined:
            commands.append(("LINEBELOW", (col, row), (col, row), 0.6, colors.black))
            commands.append(("RIGHTPADDING", (col, row), (col, row), 0))
        table.setStyle(TableStyle(commands))
        return table

    def officer_signatures(self, label: str, dated: bool) -> Flowable:
        """Officers side by side, two per row: signature above the line, name and certificate below."""
        label_w = string_width(label, BODY_SIZE) + 10
        per_row = 2
        slot_w = (self.body_width - label_w) / per_row
        rows: list[list[Any]] = []
        lined: list[tuple[int, int]] = []
        officers = list(self.doc.officers)
        for start in range(0, len(officers), per_row):
            group = officers[start:start + per_row]
            sig_row: list[Any] = [_p(label if start == 0 else "", self.s.field)]
            caption_row: list[Any] = [""]
            for col, officer in enumerate(group, 1):
                sig_row.append(self._sig_slot(officer.signature))
                caption = f"{officer.name}　执法证号：{officer.certificate_no}"
                if dated:
                    signed = officer.signature.signed_at if officer.signature else None
                    caption += f"<br/>{cn_date(signed.date() if signed else None)}"
                caption_row.append(Paragraph(
                    "<br/>".join(paragraph_markup(part) for part in caption.split("<br/>")), self.s.sig_caption))
                lined.append((col, len(rows)))
            while len(sig_row) < per_row + 1:
                sig_row.append("")
                caption_row.append("")
            rows += [sig_row, caption_row]
        return self._table(rows, [label_w] + [slot_w] * per_row, lined)

    def signatory_block(self, label: str, statute_68: bool) -> list[Flowable]:
        sig: Signatory = self.doc.signatory
        refusal = sig.signature if isinstance(sig.signature, Refusal) else None
        image = sig.signature if isinstance(sig.signature, SignatureImage) else None
        signed = sig.signed_on
        if signed is None and image is not None and image.signed_at is not None:
            signed = image.signed_at.date()
        label_w = string_width(label, BODY_SIZE) + 10
        date_w = self.body_width - label_w - SLOT_WIDTH
        rows: list[list[Any]] = [
            [_p(label, self.s.field), self._sig_slot(image, refused=refusal is not None),
             _p("" if refusal else cn_date(signed), self.s.field)],
            ["", _p(sig.name, self.s.sig_caption), ""],
        ]
        table = self._table(rows, [label_w, SLOT_WIDTH, date_w], [] if refusal else [(1, 0)])
        out: list[Flowable] = [Spacer(1, 4 * mm), table]
        if refusal is not None:
            who = f"被检查单位负责人{sig.name}" if sig.name else "被检查单位负责人"
            when = ""
            if refusal.recorded_at is not None:
                when = f"记录时间：{cn_date(refusal.recorded_at.date())}{cn_time(refusal.recorded_at)}。"
            text = f"{who}拒绝签字，理由：{refusal.reason or '未说明'}。见证人：{refusal.witness}。{when}"
            if statute_68:
                text += STATUTE_68_NOTE
            out.append(_p(text, self.s.body))
            out.append(self._table(
                [[_p("见证人（签名）：", self.s.field), Spacer(1, 10 * mm), ""]],
                [string_width("见证人（签名）：", BODY_SIZE) + 10, SLOT_WIDTH,
                 self.body_width - string_width("见证人（签名）：", BODY_SIZE) - 2 - SLOT_WIDTH],
                [(1, 0)],
            ))
        return out

    def closing(self, lead: Flowable, officer_label: str, signer_label: str, dated: bool,
                statute_68: bool) -> Flowable:
        # Signatures and seal stay on one page together with the last paragraph of the text: a page with
        # only signatures and a seal on it says nothing about what was signed.
        return KeepTogether([
            lead,
            Spacer(1, 4 * mm),
            self.officer_signatures(officer_label, dated),
            *self.signatory_block(signer_label, statute_68),
            self.seal_block(),
        ])

    def seal_block(self) -> Flowable:
        a = self.doc.authority
        seal = a.seal_text.strip() or SEAL_PLACE
        lines = [_p(a.name, self.s.right), _p(seal, self.s.right), _p(cn_date(self.doc.issued_on), self.s.right)]
        return KeepTogether([Spacer(1, 6 * mm), *lines])

    def appendix(self) -> list[Flowable]:
        photos = self.doc.photos
        if not photos:
            return []
        out: list[Flowable] = [PageBreak(), _p(f"附件：现场照片（共{len(photos)}张）", self.s.heading)]
        for i, photo in enumerate(photos, 1):
            picture = _Photo(photo, self.body_width, 80 * mm)
            marked = "（图上标注为检查人员所加，哈希为未加标注的原始照片）" if picture.shapes else ""
            caption = (
                f"照片{i}：{photo.caption}{marked}<br/>拍摄时间：{photo.captured_at:%Y-%m-%d %H:%M:%S}"
                f"<br/>SHA-256：{photo.sha256.lower()}"
            )
            # The caption is user text: escape each part, keep only our own line breaks as markup.
            markup = "<br/>".join(paragraph_markup(part) for part in caption.split("<br/>"))
            out.append(KeepTogether([
                picture,
                Spacer(1, 3),
                Paragraph(markup, self.s.caption),
            ]))
        return out

    # -- document bodies

    def inspection_record(self, d: InspectionRecord) -> list[Flowable]:
        e = d.enterprise
        out = [
            *self.header(),
            self.labelled("被检查单位：", e.name),
            self.labelled("统一社会信用代码：", e.uscc or "无"),
            self.labelled("地址：", e.address),
            self.labelled("法定代表人（负责人）：", f"{e.responsible_person}　　职务：{e.position}　　联系电话：{e.phone}"),
            self.labelled("检查场所：", d.place),
            self.labelled("检查时间：", cn_span(d.start, d.end)),
        ]
        names = "、".join(o.name for o in d.officers)
        certs = "、".join(o.certificate_no for o in d.officers)
        out.append(_p(
            f"我们是{d.authority.name}执法人员{names}，证件号码为{certs}，这是我们的证件（出示证件）。"
            "现依法对你单位进行现场检查，请予以配合。",
            self.s.body,
        ))
        out.append(self.labelled("检查情况：", ""))
        out.append(_p(d.situation, self.s.body))
        if d.findings:
            out.append(_p("发现的问题：", self.s.body))
            out.extend(self.findings(d.findings, show_deadlines=True))
        out.append(self.closing(out.pop(), "检查人员（签名）：", "被检查单位现场负责人（签名）：", dated=True, statute_68=True))
        return out

    def deadline_sentence(self, d: RectificationOrder) -> str:
        groups: dict[date, list[int]] = {}
        for f in d.findings:
            due = f.deadline or d.deadline
            if due is None:
                raise ValidationError(
                    f"Finding {f.number} has no rectification deadline and the order has none either.",
                    f"第{f.number}项问题没有整改期限，指令书也未设定整改期限。",
                )
            groups.setdefault(due, []).append(f.number)
        if len(groups) == 1 and (d.deadline is not None or len(d.findings) == 1):
            (due,) = groups
            return f"责令你单位于{cn_date(due)}前{ORDER_DEADLINE_TAIL}"
        parts = [f"对上述第{_sequence_names(nums)}项问题于{cn_date(due)}前" for due, nums in sorted(groups.items())]
        return f"责令你单位{'，'.join(parts)}{ORDER_DEADLINE_TAIL}"

    def rectification_order(self, d: RectificationOrder) -> list[Flowable]:
        if not d.findings:
            raise ValidationError("An order needs at least one finding.", "指令书至少要列出一项问题。")
        out = [*self.header(), *self.addressee(), _p("经查，你单位存在下列问题：", self.s.body)]
        out.extend(self.findings(d.findings, show_deadlines=False))
        out.append(_p(self.deadline_sentence(d), self.s.body))
        interim = "整改期间，你单位应当采取措施，确保安全生产。"
        if d.interim_measures:
            interim += f"整改期间应当采取的安全防范措施：{d.interim_measures}"
        out.append(_p(interim, self.s.body))
        out.append(self.rights(d.rights, "指令"))
        out.append(self.closing(out.pop(), "执法人员（签名）：", "被检查单位负责人（签名）：", dated=False, statute_68=False))
        return out

    def reinspection_opinion(self, d: ReinspectionOpinion) -> list[Flowable]:
        if not d.items:
            raise ValidationError("A re-inspection opinion needs at least one item.", "复查意见书至少要有一项复查内容。")
        out = [*self.header(), *self.addressee()]
        out.append(_p(
            f"本机关于{cn_date(d.original_date)}作出《{d.original_kind.value}》（{d.original_number}），"
            f"于{cn_date(d.reinspected_on)}对你单位整改情况进行了复查，复查意见如下：",
            self.s.body,
        ))
        for i, item in enumerate(d.items, 1):
            out.append(_p(f"{i}．{item.finding_ref}", self.s.finding))
            result = "已整改" if item.rectified else "未整改"
            out.append(_p(f"复查结果：{result}", self.s.finding_detail))
            if item.follow_up:
                out.append(_p(f"处理意见：{item.follow_up}", self.s.finding_detail))
        out.append(self.closing(out.pop(), "执法人员（签名）：", "被复查单位负责人（签名）：", dated=False, statute_68=False))
        return out

    def onsite_measures(self, d: OnSiteMeasuresDecision) -> list[Flowable]:
        m = d.measures
        decisions: list[str] = []
        if m.withdraw_workers:
            zone = m.danger_zone or "危险区域"
            decisions.append(f"立即从{zone}内撤出作业人员")
        if m.suspend_production:
            decisions.append("暂时停产停业")
        if m.suspended_facilities:
            decisions.append(f"停止使用{'、'.join(m.suspended_facilities)}")
        decisions.extend(m.other_measures)
        if not decisions:
            raise ValidationError("The decision lists no measure.", "决定书未列出任何现场处理措施。")
        out = [*self.header(), *self.addressee(), _p("经查，你单位存在下列问题：", self.s.body)]
        out.extend(self.findings(d.findings, show_deadlines=True))
        out.append(_p(f"依据{m.legal_basis}的规定，现作出如下现场处理决定：", self.s.body))
        out.extend(_p(f"{i}．{text}；" if i < len(decisions) else f"{i}．{text}。", self.s.finding)
                   for i, text in enumerate(decisions, 1))
        out.append(_p("重大事故隐患排除后，经审查同意，方可恢复生产经营和使用。", self.s.body))
        out.append(self.rights(d.rights, "决定"))
        out.append(self.closing(out.pop(), "执法人员（签名）：", "被检查单位负责人（签名）：", dated=False, statute_68=False))
        return out

    def story(self) -> list[Flowable]:
        d = self.doc
        if isinstance(d, InspectionRecord):
            return self.inspection_record(d)
        if isinstance(d, RectificationOrder):
            return self.rectification_order(d)
        if isinstance(d, ReinspectionOpinion):
            return self.reinspection_opinion(d)
        return self.onsite_measures(d)


def _check(doc: Document) -> None:
    if not doc.officers:
        raise ValidationError("A document needs at least one officer.", "执法文书至少需要一名执法人员。")
    if not doc.number.strip():
        raise ValidationError("The document has no number.", "执法文书缺少文号。")
    for photo in doc.photos:
        photo.verify()


def document_warnings(doc: Document) -> list[FieldappError]:
    """Problems that do not stop printing but that the inspector should see first."""
    from fieldapp.documents.fonts import missing_glyphs

    warnings: list[FieldappError] = []
    if len(doc.officers) < 2:
        warnings.append(FieldappError(
            "Fewer than two officers: the document may not be legally sound.",
            "执法人员少于两名，文书可能不符合法定要求。",
        ))
    texts = [doc.enterprise.name, doc.enterprise.address, doc.enterprise.responsible_person, doc.signatory.name]
    texts += [o.name for o in doc.officers]
    for attr in ("findings", "items"):
        for entry in getattr(doc, attr, ()):
            texts.extend(str(v) for v in vars(entry).values() if isinstance(v, str))
    missing = set().union(*(missing_glyphs(t) for t in texts)) if texts else set()
    if missing:
        chars = " ".join(sorted(missing))
        warnings.append(FieldappError(
            f"These characters cannot be printed and will appear as □: {chars}",
            f"以下字符无法打印，将显示为□：{chars}",
        ))
    return warnings


def render(doc: Document, copies: Sequence[str] = COPY_LABELS, *, created: datetime | None = None) -> bytes:
    """Render ``doc`` to PDF bytes: one full copy per label in ``copies`` (default: 第一联 and 第二联).

    ``created`` (the issue time; a draft's last change for a preview) is the PDF's CreationDate and ModDate;
    without it, midnight of the issue date. Everything else is fixed, so the same input gives the same bytes.
    """
    register_fonts()
    _check(doc)
    qr = make_qr(doc.qr_payload, doc.number) if doc.qr_payload else None
    top = MARGIN_TOP
    if qr is not None:
        top = max(MARGIN_TOP, QR_TOP + qr.size + 8 * mm)
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=top,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{doc.kind.value} {doc.number}" + (f"（{DEMO_NOTICE}）" if doc.demo else ""),
        author=doc.authority.name,
        subject=doc.enterprise.name,
        creator="fieldapp",
        initialFontName=MAIN_FONT,
        invariant=True,
    )
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT,
                  PAGE_HEIGHT - top - MARGIN_BOTTOM, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="body")
    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=watermark if doc.demo else plain)])
    story: list[Flowable] = []
    labels = tuple(copies) or ("",)
    for index in range(len(labels)):
        if index:
            story.append(PageBreak())
        story.append(_CopyStart(index))
        # Flowables hold per-build layout state, so each copy gets freshly built ones.
        story.extend(_Builder(doc).story())
        story.extend(_Builder(doc).appendix())
    stamp = pdf_date(created or datetime.combine(doc.issued_on, time()))
    maker: Callable[..., Canvas] = partial(DocCanvas, furniture=Furniture(qr, labels, doc.demo), stamp=stamp)
    template.build(story, canvasmaker=maker)
    return buffer.getvalue()



