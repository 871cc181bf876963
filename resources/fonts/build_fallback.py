"""Build the fallback font subsets that complete AR PL UMing CN (uming.ttc face 0).

Run once by a developer; the outputs are committed, so neither fontTools nor the Debian packages
below are needed at run time or on CI.

Inputs (Debian 12 packages):
    fonts-arphic-uming  /usr/share/fonts/truetype/arphic/uming.ttc         (the main face, shipped as is)
    fonts-hanazono      /usr/share/fonts/truetype/hanazono/HanaMin{A,B}.ttf (20170904, Hanazono Font
                        License or SIL OFL 1.1, see LICENSE-hanazono.txt)
    unicode-data        /usr/share/unicode/Unihan_*.txt.bz2                  (Unicode 15.0 Unihan database)
Build-time Python dependency: fontTools (`.venv/bin/pip install fonttools`).

    .venv/bin/python resources/fonts/build_fallback.py

Outputs, next to this script:
    FieldappExtA.ttf  glyphs from HanaMinA for code points UMing CN lacks
    FieldappExtB.ttf  glyphs from HanaMinB (CJK Ext B and later) for code points neither of the above has

Which code points are kept: the full HanaMin fonts are 53 MB, too much for the installer, so only the
characters a Chinese enforcement document can plausibly contain are kept:
  * in the BMP: every missing code point in the CJK blocks (Ext A, URO, compatibility ideographs,
    radicals, strokes, CJK symbols, enclosed/compatibility CJK, fullwidth forms);
  * outside the BMP: ideographs that Unihan marks as Chinese — listed in 通用规范汉字表 (kTGH), in the
    IICore set, or carrying a Mandarin reading (kMandarin) — which covers rare characters in personal and
    place names;
  * plus ALWAYS_KEEP (characters the tests and users have asked for, e.g. 𠮷 U+20BB7).
The subsets are renamed: the OFL reserves the names "HanaMinA"/"HanaMinB" for unmodified fonts, and we use
the fonts under the Hanazono Font License anyway, which allows modified copies without restriction.
"""

from __future__ import annotations

import bz2
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

HERE = Path(__file__).resolve().parent
UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
HANAZONO = Path("/usr/share/fonts/truetype/hanazono")
UNIHAN = Path("/usr/share/unicode")

ALWAYS_KEEP = {0x20BB7}  # 𠮷, the classic example of a surname outside the BMP

BMP_CJK_RANGES = [
    (0x2E80, 0x2FDF),  # CJK radicals supplement, Kangxi radicals
    (0x2FF0, 0x2FFF),  # ideographic description characters
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x31C0, 0x31EF),  # CJK strokes
    (0x3200, 0x33FF),  # enclosed CJK letters, CJK compatibility
    (0x3400, 0x4DBF),  # Ext A
    (0x4E00, 0x9FFF),  # URO
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half/fullwidth forms
]

CHINESE_FIELDS = {"kTGH", "kIICore", "kMandarin"}


def unihan_chinese() -> set[int]:
    found: set[int] = set()
    for part in ("OtherMappings", "Readings", "IRGSources", "DictionaryLikeData"):
        with bz2.open(UNIHAN / f"Unihan_{part}.txt.bz2", "rt", encoding="utf-8") as fh:
            for line in fh:
                if not line.startswith("U+"):
                    continue
                cp, field, _ = line.split("\t", 2)
                if field in CHINESE_FIELDS:
                    found.add(int(cp[2:], 16))
    return found


def in_bmp_cjk(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in BMP_CJK_RANGES)


def wanted(candidates: Iterable[int], chinese: set[int]) -> set[int]:
    keep = set()
    for cp in candidates:
        if cp < 0x10000:
            if in_bmp_cjk(cp):
                keep.add(cp)
        elif cp in chinese or cp in ALWAYS_KEEP:
            keep.add(cp)
    return keep


def make_subset(source: Path, codepoints: set[int], family: str, target: Path) -> None:
    options = subset.Options()
    options.layout_features = []  # no vertical forms or ligatures are used by reportlab
    options.hinting = False  # printed at 600 dpi; hints only cost bytes
    options.name_IDs = []
    options.notdef_outline = True
    options.glyph_names = False
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    name = font["name"]
    for name_id, value in (
        (0, "Copyright 2008-2017 GlyphWiki Project. Subset for fieldapp; Hanazono Font License."),
        (1, family),
        (2, "Regular"),
        (3, f"{family}-Regular-fieldapp"),
        (4, f"{family} Regular"),
        (6, f"{family}-Regular"),
    ):
        name.setName(value, name_id, 3, 1, 0x409)
        name.setName(value, name_id, 1, 0, 0)
    font.save(target)


def main() -> None:
    main_cmap = set(TTCollection(UMING).fonts[0].getBestCmap())
    chinese = unihan_chinese()
    hana_a = TTFont(HANAZONO / "HanaMinA.ttf", lazy=True)
    hana_b = TTFont(HANAZONO / "HanaMinB.ttf", lazy=True)
    a_cmap = set(hana_a.getBestCmap())
    b_cmap = set(hana_b.getBestCmap())
    from_a = wanted(a_cmap - main_cmap, chinese)
    from_b = wanted(b_cmap - main_cmap - a_cmap, chinese)
    make_subset(HANAZONO / "HanaMinA.ttf", from_a, "FieldappExtA", HERE / "FieldappExtA.ttf")
    make_subset(HANAZONO / "HanaMinB.ttf", from_b, "FieldappExtB", HERE / "FieldappExtB.ttf")
    for path, count in ((HERE / "FieldappExtA.ttf", len(from_a)), (HERE / "FieldappExtB.ttf", len(from_b))):
        print(f"{path.name}: {count} code points, {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
