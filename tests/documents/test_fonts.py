from __future__ import annotations

import io
import struct
from pathlib import Path

from pdf_readback import char_fonts, font_dicts, read_back
from reportlab.pdfbase.ttfonts import TTFontFile
from reportlab.pdfgen import canvas

from fieldapp.documents.fonts import (
    EXT_A_FONT,
    MAIN_FONT,
    REPLACEMENT,
    coverage,
    face_for,
    missing_glyphs,
    paragraph_markup,
    register_fonts,
    split_runs,
)
from fieldapp.resources import resource_path

RARE_NAMES = "𠮷䶮喆堃昇珺"


def test_every_character_of_rare_names_gets_a_face_that_has_it() -> None:
    text = f"{RARE_NAMES}有限公司 ABC-123"
    runs = split_runs(text)
    assert "".join(chunk for _, chunk in runs) == text
    for font, chunk in runs:
        for char in chunk:
            assert ord(char) in coverage(font), (char, font)
    assert missing_glyphs(text) == set()


def test_ext_b_surname_comes_from_the_fallback_face() -> None:
    assert split_runs("𠮷野") == [(EXT_A_FONT, "𠮷"), (MAIN_FONT, "野")]


def test_emoji_are_reported_and_replaced_one_box_per_sequence() -> None:
    name = "火🔥锅👨\u200d👩\u200d👧店★\ufe0f"
    assert missing_glyphs(name) == {"🔥", "👨", "👩", "👧"}
    printed = "".join(chunk for _, chunk in split_runs(name))
    # ★ exists in UMing; its emoji variation selector is dropped rather than printed as a box.
    assert printed == f"火{REPLACEMENT}锅{REPLACEMENT}店★"


def test_markup_characters_are_escaped() -> None:
    markup = paragraph_markup('<b>A&B</b> "x" \'y\' <font name="Helvetica">z</font>')
    assert "<b>" not in markup and "<font name" not in markup
    assert "&lt;b&gt;A&amp;B&lt;/b&gt;" in markup


def test_fonts_register_once_and_ship_with_licences() -> None:
    assert register_fonts() is register_fonts()
    fonts = resource_path("fonts")
    for name in ("FieldappMing.ttf", "FieldappExtA.ttf", "FieldappExtB.ttf", "LICENSE-ARPHICPL.txt",
                 "LICENSE-ARPHICPL.zh_CN.txt", "COPYRIGHT-uming.debian.txt", "LICENSE-hanazono.txt", "README.md"):
        assert (fonts / name).is_file(), name
    # The build script (scripts/fonts/build_fonts.py) and the 21 MB collection are not shipped.
    assert not (fonts / "uming.ttc").exists() and not list(fonts.glob("*.py"))
    total = sum(p.stat().st_size for p in fonts.iterdir() if p.suffix in (".ttc", ".ttf", ".otf"))
    assert total < 30_000_000


def _name_records(path: Path) -> dict[tuple[int, int], str]:
    """{(platform, name id): text} of a TrueType name table (Windows Unicode and Mac Roman records)."""
    data = TTFontFile(str(path)).get_table("name")
    _, count, strings = struct.unpack(">HHH", data[:6])
    records = {}
    for i in range(count):
        platform, _, _, name_id, length, offset = struct.unpack(">6H", data[6 + 12 * i: 18 + 12 * i])
        raw = data[strings + offset: strings + offset + length]
        records[platform, name_id] = raw.decode("utf-16-be" if platform in (0, 3) else "mac_roman")
    return records


def test_main_face_is_a_single_arphic_face_marked_as_modified() -> None:
    path = resource_path("fonts", "FieldappMing.ttf")
    assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType, not a collection
    tables = TTFontFile(str(path)).table
    assert "glyf" in tables and not {"EBDT", "EBLC", "BDF "} & tables.keys()
    for platform in (1, 3):
        names = _name_records(path)
        assert names[platform, 1] == "AR PL UMing CN"
        assert names[platform, 6] == "UMingCN"  # the PDFs' BaseFont, as before
        assert "Arphic Technology" in names[platform, 0]
        assert names[platform, 13].startswith("ARPHIC PUBLIC LICENSE")
        # Arphic Public License §2a: the modified file states how and when it was changed.
        assert names[platform, 10].startswith("Modified for fieldapp (file FieldappMing.ttf) on 20")
        assert "fieldapp FieldappMing 20" in names[platform, 5]


def _double_byte(codec: str, rows: range, cells: list[int]) -> set[str]:
    found = set()
    for row in rows:
        for cell in cells:
            try:
                char = bytes((row, cell)).decode(codec)
            except UnicodeDecodeError:
                continue
            found.add(char)
    return found


def test_main_face_covers_gb2312_and_big5_hanzi() -> None:
    main = coverage(MAIN_FONT)
    assert len(main) == 24_232  # every code point of AR PL UMing CN (face 0 of Debian's uming.ttc)
    gb2312 = _double_byte("gb2312", range(0xB0, 0xF8), list(range(0xA1, 0xFF)))
    big5 = _double_byte("big5", range(0xA4, 0xFA), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
    assert len(gb2312) == 6763 and len(big5) > 13_000
    assert {c for c in gb2312 | big5 if ord(c) not in main} == set()


def test_main_face_text_is_embedded_and_extracts() -> None:
    text = "安全生产责令限期整改指令书永鑫喆堃昇珺（壹贰叁）《》、。ABC-123"
    assert all(face_for(c) == MAIN_FONT for c in text)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, initialFontName=MAIN_FONT, initialFontSize=12)
    pdf.setFont(MAIN_FONT, 12)
    pdf.drawString(72, 720, text)
    pdf.save()
    data = out.getvalue()
    assert {base.split("+")[-1] for _, base in char_fonts(data)} == {"UMingCN"}
    fonts = font_dicts(data)
    assert fonts
    for font in fonts:
        assert "/FontFile2" in font["/FontDescriptor"]  # an embedded TrueType subset
    assert read_back(data).flat == text
