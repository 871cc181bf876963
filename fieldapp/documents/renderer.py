"""Render an enforcement document (``fieldapp.documents.content``) to an A4 PDF with reportlab.

Layout follows GB/T 9704 margins (top 37 mm, left 28 mm, body 156 × 225 mm). One PDF holds both copies
(一式两份): 第一联 for the inspected unit, 第二联 for the archive, each numbered "第 x 页 共 y 页" on its own.
When the document has a QR payload, every page carries the code (top right, ≥ 25 mm, error correction H)
with the document number under it. Evidence photos follow the signatures as an appendix; the JPEG bytes
are embedded unchanged, so the SHA-256 printed under a photo can be checked against the PDF itself.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import datetime, time
from functools import partial

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from fieldapp.documents.content import Document
from fieldapp.documents.demo_mark import DEMO_NOTICE
from fieldapp.documents.fonts import MAIN_FONT, register_fonts
from fieldapp.documents.forms import FormBuilder
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
from fieldapp.documents.layout import CopyStart
from fieldapp.errors import FieldappError, ValidationError

COPY_LABELS = ("第一联　被检查单位留存", "第二联　执法机关存档")


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
        title=f"{doc.kind.title_zh} {doc.number}" + (f"（{DEMO_NOTICE}）" if doc.demo else ""),
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
        story.append(CopyStart(index))
        # Flowables hold per-build layout state, so each copy gets freshly built ones.
        story.extend(FormBuilder(doc).story())
        story.extend(FormBuilder(doc).appendix())
    stamp = pdf_date(created or datetime.combine(doc.issued_on, time()))
    maker: Callable[..., Canvas] = partial(DocCanvas, furniture=Furniture(qr, labels, doc.demo), stamp=stamp)
    template.build(story, canvasmaker=maker)
    return buffer.getvalue()
