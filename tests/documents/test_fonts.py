from __future__ import annotations

from fieldapp.documents.fonts import (
    EXT_A_FONT,
    MAIN_FONT,
    REPLACEMENT,
    coverage,
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
    for name in ("uming.ttc", "FieldappExtA.ttf", "FieldappExtB.ttf", "LICENSE-ARPHICPL.txt",
                 "LICENSE-hanazono.txt", "build_fallback.py"):
        assert (fonts / name).is_file(), name
    total = sum(p.stat().st_size for p in fonts.iterdir() if p.suffix in (".ttc", ".ttf"))
    assert total < 35_000_000
