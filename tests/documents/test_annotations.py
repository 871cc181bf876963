"""The inspector's marks over a photo are printed in the appendix, as vectors over the untouched JPEG."""

from __future__ import annotations

import dataclasses
import json

import pypdfium2 as pdfium
from pdf_readback import read_back

from fieldapp.documents import render
from fieldapp.documents.samples import sample_order

MARKS = [
    {"type": "arrow", "x1": 0.10, "y1": 0.90, "x2": 0.45, "y2": 0.50, "color": "#e11d48", "width": 0.01},
    {"type": "ellipse", "x": 0.55, "y": 0.20, "w": 0.30, "h": 0.30, "color": "#e11d48", "width": 0.01},
    {"type": "text", "x": 0.05, "y": 0.05, "text": "无漏电保护 <&\" 𠮷", "color": "#e11d48", "size": 0.06},
    {"type": "star"}, {"type": "arrow", "x1": "left"}, {"type": "ellipse", "x": None}, "not a shape",
]


def red_pixels(pdf: bytes, page_index: int) -> int:
    page = pdfium.PdfDocument(pdf)[page_index]
    image = page.render(scale=1).to_pil().convert("RGB")
    return sum(1 for r, g, b in image.get_flattened_data() if r > 170 and g < 90 and b < 130)


def appendix_pdf(overlay: str) -> tuple[bytes, int]:
    doc = sample_order(findings=1, photos=1)
    photo = dataclasses.replace(doc.photos[0], overlay=overlay)
    pdf = render(dataclasses.replace(doc, photos=(photo,)))
    pages = read_back(pdf).pages
    index = next(i for i, text in enumerate(pages) if "现场照片" in text)
    return pdf, index


def test_marks_are_drawn_over_the_photo_and_said_so_in_the_caption() -> None:
    plain, plain_page = appendix_pdf("")
    marked, marked_page = appendix_pdf(json.dumps(MARKS, ensure_ascii=False))
    assert red_pixels(plain, plain_page) < 20  # the sample photo has no such red
    assert red_pixels(marked, marked_page) > 600
    text = read_back(marked).pages[marked_page]
    assert "无漏电保护" in text and "图上标注为检查人员所加" in "".join(text.split())
    assert "图上标注" not in "".join(read_back(plain).pages[plain_page].split())


def test_the_photo_itself_stays_byte_identical() -> None:
    doc = sample_order(findings=1, photos=1)
    marked, _ = appendix_pdf(json.dumps(MARKS))
    assert doc.photos[0].jpeg in marked  # embedded unchanged: its printed SHA-256 still matches


def test_broken_overlay_text_prints_the_photo_without_marks() -> None:
    huge = "1" + "0" * 400
    for overlay in ("not json", "{}", "[1, 2]", "[{}]", "[" * 100_000 + "]" * 100_000,
                    json.dumps([{"type": "arrow", "x1": 1e308, "y1": "nan", "x2": 0, "y2": 0}]),
                    json.dumps([{"type": "text", "x": 0.1, "y": 0.1, "text": "大", "size": 1e308}]),
                    f'[{{"type": "ellipse", "x": {huge}, "y": 0, "w": 0.1, "h": 0.1}}]'):
        pdf, index = appendix_pdf(overlay)
        assert red_pixels(pdf, index) < 20, overlay[:80]
        assert "图上标注" not in "".join(read_back(pdf).pages[index].split())


def test_marks_stay_inside_the_photo() -> None:
    """A big label near the corner is cut at the photo's edge, as on screen: the caption stays clean."""
    corner = [{"type": "text", "x": 0.7, "y": 0.9, "text": "超出照片的标注文字", "color": "#e11d48", "size": 0.3}]
    pdf, index = appendix_pdf(json.dumps(corner, ensure_ascii=False))
    page = pdfium.PdfDocument(pdf)[index]
    image = page.render(scale=1).to_pil().convert("RGB")
    reds = [(x, y) for y in range(image.height) for x in range(image.width)
            if (lambda p: p[0] > 170 and p[1] < 90 and p[2] < 130)(image.getpixel((x, y)))]
    assert reds, "the visible part of the label is drawn"
    right = max(x for x, _ in reds)
    bottom = max(y for _, y in reds)
    # The photo box (80 mm high at most, centred in the text width) ends well before the page's margins.
    assert right < image.width * 0.8 and bottom < image.height * 0.5
