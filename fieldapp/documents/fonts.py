"""The shipped CJK faces, and which of them draws each character.

Faces (all TrueType, so reportlab embeds subsets of them; every font in a fieldapp PDF is embedded):
  * ``FieldappSong`` — AR PL UMing CN (``resources/fonts/FieldappMing.ttf``: face 0 of Debian's uming.ttc
    without the embedded bitmaps, outlines unchanged), a Ming/Song face, Arphic Public License. About
    24 000 characters: GB2312, Big5, HKSCS and most of GBK.
  * ``FieldappExtA`` / ``FieldappExtB`` — subsets of Hanazono Mincho A/B holding only the CJK code points
    UMing CN lacks (Ext A leftovers, 𠮷 and the Chinese part of Ext B–G).
All three are built by ``scripts/fonts/build_fonts.py``.

Characters that no face has (emoji, for instance) are printed as ``REPLACEMENT`` (□, the traditional
"unreadable character" mark in Chinese print); joiners and variation selectors are dropped, so an emoji
ZWJ sequence becomes one □. ``missing_glyphs`` lets callers warn the user before printing.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts

from fieldapp.errors import FieldappError
from fieldapp.resources import resource_path

MAIN_FONT = "FieldappSong"
EXT_A_FONT = "FieldappExtA"
EXT_B_FONT = "FieldappExtB"
REPLACEMENT = "□"

# (registered name, file in resources/fonts)
_FACE_FILES: tuple[tuple[str, str], ...] = (
    (MAIN_FONT, "FieldappMing.ttf"),
    (EXT_A_FONT, "FieldappExtA.ttf"),
    (EXT_B_FONT, "FieldappExtB.ttf"),
)

_ZWJ = "\u200d"


@dataclass(frozen=True)
class _Faces:
    order: tuple[str, ...]
    coverage: dict[str, frozenset[int]]


_lock = threading.Lock()
_faces: _Faces | None = None


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's makeToUnicodeCMap, but writing UTF-16BE (surrogate pairs) for code points above U+FFFF.

    The original formats every code point with %04X, so U+20BB7 becomes <20BB7>, which readers take as
    U+20BB followed by a stray digit: text extraction and copy-paste of 𠮷 returned ₻.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
    ]
    for code, cp in enumerate(subset):
        lines.append(f"<{code:02X}> <{chr(cp).encode('utf-16-be', 'surrogatepass').hex().upper()}>")
    lines += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def _load() -> _Faces:
    # reportlab looks the helper up as a module global when it writes each font subset.
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    coverage: dict[str, frozenset[int]] = {}
    for name, filename in _FACE_FILES:
        path = resource_path("fonts", filename)
        if not path.is_file():
            raise FieldappError(
                f"Font file missing: {path}. Reinstall fieldapp.",
                f"缺少字体文件：{path}。请重新安装本程序。",
            )
        try:
            font = ttfonts.TTFont(name, str(path))
        except Exception as exc:  # reportlab raises bare TTFError/struct errors on damaged files
            raise FieldappError(
                f"Font file damaged: {path} ({exc}). Reinstall fieldapp.",
                f"字体文件已损坏：{path}（{exc}）。请重新安装本程序。",
            ) from exc
        pdfmetrics.registerFont(font)
        coverage[name] = frozenset(font.face.charToGlyph)
    return _Faces(order=tuple(n for n, _ in _FACE_FILES), coverage=coverage)


def register_fonts() -> tuple[str, ...]:
    """Register the shipped faces with reportlab (once per process) and return their names, main first."""
    global _faces
    with _lock:
        if _faces is None:
            _faces = _load()
        return _faces.order


def _faces_loaded() -> _Faces:
    register_fonts()
    assert _faces is not None
    return _faces


def face_for(char: str) -> str | None:
    """Name of the first shipped face that has a glyph for ``char``, or None."""
    faces = _faces_loaded()
    cp = ord(char)
    for name in faces.order:
        if cp in faces.coverage[name]:
            return name
    return None


def _is_invisible(char: str) -> bool:
    # Format characters (ZWJ, ZWSP, BOM, variation selectors' neighbours) and emoji skin-tone modifiers
    # carry no glyph of their own; drawing them would only print boxes.
    cp = ord(char)
    if 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF or 0x1F3FB <= cp <= 0x1F3FF:
        return True
    category = unicodedata.category(char)
    return category == "Cf" or (category == "Cc" and char != "\n")


def missing_glyphs(text: str) -> set[str]:
    """Characters of ``text`` that no shipped face can draw (they would print as □)."""
    return {c for c in set(text) if c not in "\n\t" and not _is_invisible(c) and face_for(c) is None}


def split_runs(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into (font name, substring) runs so that every character is drawn by a face that has it.

    Tabs become spaces, invisible format characters are dropped, and characters no face has become
    ``REPLACEMENT`` in the main face (one □ per emoji ZWJ sequence). Newlines are kept in the current run.
    """
    faces = _faces_loaded()
    runs: list[tuple[str, str]] = []
    current_font = MAIN_FONT
    buf: list[str] = []
    last_replaced = False
    joining = False
    for char in text.replace("\t", " "):
        if char == _ZWJ:
            joining = last_replaced
            continue
        if _is_invisible(char):
            continue
        font: str | None
        if char == "\n":
            font, out = current_font, char
        else:
            cp = ord(char)
            font = next((n for n in faces.order if cp in faces.coverage[n]), None)
            out = char
            if font is None:
                if joining:
                    joining = False
                    continue
                font, out = MAIN_FONT, REPLACEMENT
                last_replaced = True
            else:
                last_replaced = False
            joining = False
        if font != current_font and buf:
            runs.append((current_font, "".join(buf)))
            buf = []
        current_font = font
        buf.append(out)
    if buf:
        runs.append((current_font, "".join(buf)))
    return runs


def paragraph_markup(text: str) -> str:
    """reportlab Paragraph markup that prints ``text`` literally, switching faces where needed.

    Everything is XML-escaped first, so ``<b>``, ``&amp;`` or ``<font>`` typed by a user print as typed.
    """
    parts: list[str] = []
    for font, chunk in split_runs(text):
        body = escape(chunk).replace("\n", "<br/>")
        parts.append(body if font == MAIN_FONT else f'<font face="{font}">{body}</font>')
    return "".join(parts)


def string_width(text: str, size: float) -> float:
    """Width in points of ``text`` drawn with ``split_runs`` at ``size``."""
    return sum(pdfmetrics.stringWidth(chunk, font, size) for font, chunk in split_runs(text))


def coverage(font_name: str) -> frozenset[int]:
    """Code points the shipped face ``font_name`` has glyphs for."""
    return _faces_loaded().coverage[font_name]
