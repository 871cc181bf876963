"""The text of the four forms (domain.md §7): header, addressee, findings, the decision, the rights notice,
signatures and the seal, and the photo appendix; ``FormBuilder(doc).story()`` gives a form's flowables.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from PIL import Image as PILImage
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from fieldapp.documents.content import (
    Document,
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
from fieldapp.documents.fonts import MAIN_FONT, paragraph_markup, string_width
from fieldapp.documents.furniture import MARGIN_LEFT, MARGIN_RIGHT, PAGE_WIDTH
from fieldapp.documents.layout import (
    BODY_SIZE,
    SLOT_WIDTH,
    TITLE_SIZE,
    BoldLine,
    Photo,
    cn_date,
    cn_span,
    cn_time,
    para,
    styles,
)
from fieldapp.errors import ValidationError

ORDER_DEADLINE_TAIL = "整改完毕，达到有关法律法规规章和标准规定的要求。"
SEAL_PLACE = "（印章）"  # where the forms put the ink seal
STATUTE_68_NOTE = "依照《中华人民共和国安全生产法》第六十八条的规定，检查人员已将上述情况记录在案。"


def _sequence_names(numbers: Sequence[int]) -> str:
    return "、".join(str(n) for n in numbers)


class FormBuilder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.s = styles()
        self.body_width = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

    # -- shared pieces

    def header(self) -> list[Flowable]:
        d = self.doc
        return [
            para(d.authority.name, self.s.authority),
            BoldLine(d.kind.title_zh, TITLE_SIZE),
            para(d.number, self.s.number),
        ]

    def addressee(self) -> list[Flowable]:
        # The USCC identifies the addressee beyond doubt and lets a verifier match the QR against the text.
        out = [para(f"{self.doc.enterprise.name}：", self.s.field)]
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
            out.append(para(f"{f.number}．{f.description}", self.s.finding))
            details = []
            if f.legal_basis:
                details.append(f"依据：{f.legal_basis}")
            if f.requirement:
                details.append(f"整改要求：{f.requirement}")
            if show_deadlines and f.deadline is not None:
                details.append(f"整改期限：{cn_date(f.deadline)}前")
            out.extend(para(line, self.s.finding_detail) for line in details)
        return out

    def rights(self, rights: RightsNotice, act: str) -> Flowable:
        review = rights.review_government
        if rights.review_department:
            review += f"或者{rights.review_department}"
        text = (
            f"如果不服本{act}，可以依法在60日内向{review}申请行政复议，"
            f"或者在6个月内依法向{rights.court}提起行政诉讼，但本{act}不停止执行。"
        )
        return para(text, self.s.body)

    def _sig_slot(self, image: SignatureImage | None, refused: bool = False) -> Flowable:
        if refused:
            return para("拒绝签字", self.s.field)
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
            sig_row: list[Any] = [para(label if start == 0 else "", self.s.field)]
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
            [para(label, self.s.field), self._sig_slot(image, refused=refusal is not None),
             para("" if refusal else cn_date(signed), self.s.field)],
            ["", para(sig.name, self.s.sig_caption), ""],
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
            out.append(para(text, self.s.body))
            out.append(self._table(
                [[para("见证人（签名）：", self.s.field), Spacer(1, 10 * mm), ""]],
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
        lines = [para(a.name, self.s.right), para(seal, self.s.right), para(cn_date(self.doc.issued_on), self.s.right)]
        return KeepTogether([Spacer(1, 6 * mm), *lines])

    def appendix(self) -> list[Flowable]:
        photos = self.doc.photos
        if not photos:
            return []
        out: list[Flowable] = [PageBreak(), para(f"附件：现场照片（共{len(photos)}张）", self.s.heading)]
        for i, photo in enumerate(photos, 1):
            picture = Photo(photo, self.body_width, 80 * mm)
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
        out.append(para(
            f"我们是{d.authority.name}执法人员{names}，证件号码为{certs}，这是我们的证件（出示证件）。"
            "现依法对你单位进行现场检查，请予以配合。",
            self.s.body,
        ))
        out.append(self.labelled("检查情况：", ""))
        out.append(para(d.situation, self.s.body))
        if d.findings:
            out.append(para("发现的问题：", self.s.body))
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
        out = [*self.header(), *self.addressee(), para("经查，你单位存在下列问题：", self.s.body)]
        out.extend(self.findings(d.findings, show_deadlines=False))
        out.append(para(self.deadline_sentence(d), self.s.body))
        interim = "整改期间，你单位应当采取措施，确保安全生产。"
        if d.interim_measures:
            interim += f"整改期间应当采取的安全防范措施：{d.interim_measures}"
        out.append(para(interim, self.s.body))
        out.append(self.rights(d.rights, "指令"))
        out.append(self.closing(out.pop(), "执法人员（签名）：", "被检查单位负责人（签名）：", dated=False, statute_68=False))
        return out

    def reinspection_opinion(self, d: ReinspectionOpinion) -> list[Flowable]:
        if not d.items:
            raise ValidationError("A re-inspection opinion needs at least one item.", "复查意见书至少要有一项复查内容。")
        out = [*self.header(), *self.addressee()]
        out.append(para(
            f"本机关于{cn_date(d.original_date)}作出《{d.original_kind.title_zh}》（{d.original_number}），"
            f"于{cn_date(d.reinspected_on)}对你单位整改情况进行了复查，复查意见如下：",
            self.s.body,
        ))
        for i, item in enumerate(d.items, 1):
            out.append(para(f"{i}．{item.finding_ref}", self.s.finding))
            result = "已整改" if item.rectified else "未整改"
            out.append(para(f"复查结果：{result}", self.s.finding_detail))
            if item.follow_up:
                out.append(para(f"处理意见：{item.follow_up}", self.s.finding_detail))
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
        out = [*self.header(), *self.addressee(), para("经查，你单位存在下列问题：", self.s.body)]
        out.extend(self.findings(d.findings, show_deadlines=True))
        out.append(para(f"依据{m.legal_basis}的规定，现作出如下现场处理决定：", self.s.body))
        out.extend(para(f"{i}．{text}；" if i < len(decisions) else f"{i}．{text}。", self.s.finding)
                   for i, text in enumerate(decisions, 1))
        out.append(para("重大事故隐患排除后，经审查同意，方可恢复生产经营和使用。", self.s.body))
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
