"""Read rendered PDFs back: text per page, fonts per character, QR codes, font dictionaries."""

from __future__ import annotations

import ctypes
import io
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import zxingcpp
from pyhanko.pdf_utils.reader import PdfFileReader


@dataclass
class ReadBack:
    pdf: bytes
    pages: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat(self) -> str:
        """All text with line breaks removed, for phrases that wrap."""
        return "".join(self.text.split())


def read_back(pdf: bytes) -> ReadBack:
    document = pdfium.PdfDocument(pdf)
    pages = []
    for page in document:
        textpage = page.get_textpage()
        pages.append(textpage.get_text_range())
    return ReadBack(pdf, pages)


def char_fonts(pdf: bytes, page_index: int = 0) -> Iterator[tuple[str, str]]:
    """(character, base font name) for every character pdfium finds on a page."""
    document = pdfium.PdfDocument(pdf)
    textpage = document[page_index].get_textpage()
    buf = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    for i in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
        if code in (0, 0xFFFE, 0xFFFF) or 0xDC00 <= code <= 0xDFFF:
            continue
        if 0xD800 <= code <= 0xDBFF:
            low = pdfium_c.FPDFText_GetUnicode(textpage.raw, i + 1)
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        size = pdfium_c.FPDFText_GetFontInfo(textpage.raw, i, buf, len(buf), ctypes.byref(flags))
        yield chr(code), buf.raw[: max(size - 1, 0)].decode("utf-8", "replace")


def qr_texts(pdf: bytes) -> list[list[str]]:
    """Decoded QR texts per page (pdfium at scale 2, as a phone photo of a print would see it roughly)."""
    document = pdfium.PdfDocument(pdf)
    out = []
    for page in document:
        image = page.render(scale=2).to_pil()
        out.append([r.text for r in zxingcpp.read_barcodes(image)])
    return out


def font_dicts(pdf: bytes) -> list[dict[str, object]]:
    """Every font dictionary referenced from a page's resources, resolved (pyHanko's reader)."""
    reader = PdfFileReader(io.BytesIO(pdf))
    fonts: list[dict[str, object]] = []

    def walk(node: dict) -> None:  # type: ignore[type-arg]
        if node.get("/Type") == "/Pages":
            for kid in node["/Kids"]:
                walk(kid.get_object())
            return
        resources = node.get("/Resources")
        if resources is not None and "/Font" in resources:
            fonts.extend(font.get_object() if hasattr(font, "get_object") else font
                         for font in resources["/Font"].values())

    walk(reader.root["/Pages"])
    return fonts
