"""Build the fonts shipped in resources/fonts/: the main face FieldappMing.ttf and the fallbacks FieldappExtA/B.

Run by a developer when a font changes; the outputs are committed, so neither fontTools nor the Debian
packages below are needed at run time or on CI. This script lives outside resources/ because everything in
resources/ is shipped inside the app.

Inputs (Debian 12 packages):
    fonts-arphic-uming  /usr/share/fonts/truetype/arphic/uming.ttc         (0.2.20080216.2-11; face 0 is
                        AR PL UMing CN, Arphic Public License)
    fonts-hanazono      /usr/share/fonts/truetype/hanazono/HanaMin{A,B}.ttf (20170904-2.1, Hanazono Font
                        License or SIL OFL 1.1, see LICENSE-hanazono.txt)
    unicode-data        /usr/share/unicode/Unihan_*.txt.bz2                  (Unicode 15.0 Unihan database;
                        only for the fallbacks)
Build-time Python dependency: fontTools (`.venv/bin/pip install fonttools`; built with 4.68.0).

    .venv/bin/python scripts/fonts/build_fonts.py                 # all three into resources/fonts/
    .venv/bin/python scripts/fonts/build_fonts.py main            # only FieldappMing.ttf
    .venv/bin/python scripts/fonts/build_fonts.py --out /tmp/f    # somewhere else (e.g. to compare hashes)

The build is deterministic: the same inputs and fontTools version give byte-identical files (head.modified
is pinned instead of taking the build time).

FieldappMing.ttf — face 0 of uming.ttc (AR PL UMing CN) as a single-face TrueType font, with the same
outlines, advance widths, character map, layout features (GSUB/GPOS/GDEF), vertical metrics and name records.
Removed: the 2 827 glyphs that no character of face 0 leads to through the cmap or GSUB (the four faces
share one glyf table; most of these belong to the HK/TW faces, 131 to no face at all), the embedded bitmap
strikes for 11–16 ppem (EBDT/EBLC; reportlab embeds only outlines), the BDF/FFTM tables, and the glyph names
(post format 3). The font has no hinting instructions. The family names are kept ("AR PL UMing CN",
PostScript "UMingCN"); the Arphic Public License §2a notice of the change is written into the name table
(description, nameID 10; a suffix to the version string, nameID 5, and to the unique ID, nameID 3) and into
resources/fonts/README.md.

After writing it the script checks the result against the source and exits non-zero on any difference:
every glyph (points, contours, on-curve flags, bounding box, the decomposed drawing; horizontal and vertical
metrics), every code point of every cmap subtable (same glyph), the GSUB/GPOS/GDEF rules of every glyph text
can reach, and the head/hhea/vhea/maxp/OS/2/gasp tables and name records.

FieldappExtA/B.ttf — fallback subsets that complete AR PL UMing CN. The full HanaMin fonts are 53 MB, too
much for the installer, so only the characters a Chinese enforcement document can plausibly contain are kept:
  * in the BMP: every missing code point in the CJK blocks (Ext A, URO, compatibility ideographs,
    radicals, strokes, CJK symbols, enclosed/compatibility CJK, fullwidth forms);
  * outside the BMP: ideographs that Unihan marks as Chinese — listed in 通用规范汉字表 (kTGH), in the
    IICore set, or carrying a Mandarin reading (kMandarin) — which covers rare characters in personal and
    place names;
  * plus ALWAYS_KEEP (characters the tests and users have asked for, e.g. 𠮷 U+20BB7).
The subsets are renamed: the OFL reserves the names "HanaMinA"/"HanaMinB" for unmodified fonts, and we use
the fonts under the Hanazono Font License anyway, which allows modified copies without restriction.
Their head.modified is pinned to the time they were first built, so rebuilding reproduces the committed files.
"""

from __future__ import annotations

import argparse
import bz2
import hashlib
import io
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fontTools import subset
from fontTools.misc.timeTools import epoch_diff
from fontTools.misc.xmlWriter import XMLWriter
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "fonts"
UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
UMING_PACKAGE = "fonts-arphic-uming 0.2.20080216.2-11"
HANAZONO = Path("/usr/share/fonts/truetype/hanazono")
UNIHAN = Path("/usr/share/unicode")

MAIN_FILE = "FieldappMing.ttf"
# The date of the change, for the licence notice and head.modified (bump it when the build changes).
MAIN_CHANGED = "2026-11-23"
MAIN_VERSION_SUFFIX = f"; fieldapp FieldappMing {MAIN_CHANGED}"
MAIN_NOTICE = (
    f"Modified for fieldapp (file FieldappMing.ttf) on {MAIN_CHANGED}: face 0 (AR PL UMing CN) of uming.ttc "
    f"from Debian {UMING_PACKAGE} extracted as a single-face TrueType font. Removed: the glyphs that no "
    "character of this face leads to (most belong to the HK and TW faces of the collection), the embedded "
    "bitmap strikes (EBDT/EBLC), the BDF and FFTM tables and the glyph names (post table format 3). "
    "Outlines and metrics of the remaining glyphs, the character "
    "map, the layout features and the other name records are unchanged. "
    "Distributed under the ARPHIC PUBLIC LICENSE."
)
MAIN_DROPPED_TABLES = ["EBDT", "EBLC", "EBSC", "BDF", "FFTM"]  # fontTools compares stripped tags

# head.modified of the committed fallbacks (the time they were first built), so rebuilding reproduces them.
FALLBACK_MODIFIED = {"FieldappExtA": 3878265543, "FieldappExtB": 3878265551}

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


def font_timestamp(day: str) -> int:
    """A head-table timestamp (seconds since 1904-01-01) for midnight UTC of ``day`` (YYYY-MM-DD)."""
    unix = datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=UTC).timestamp()
    return int(unix) - int(epoch_diff)


def load_uming() -> TTFont:
    # fontNumber picks face 0 of the collection; no recalculation, so untouched tables keep their values.
    return TTFont(UMING, fontNumber=0, recalcBBoxes=False, recalcTimestamp=False)


# -- main face ----------------------------------------------------------------------------------------


def build_main(target: Path) -> list[str]:
    """Write FieldappMing.ttf; return the source glyph names of its glyphs, in glyph-id order."""
    options = subset.Options()
    options.layout_features = ["*"]  # keep vertical forms etc., as in the original
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True  # the Mac (1, 0, 0) records too
    options.legacy_cmap = True  # the Mac Roman cmap subtable too
    options.notdef_outline = True
    options.notdef_glyph = True
    options.hinting = True  # there are no instructions to drop; False would only zero maxp's hinting limits
    options.glyph_names = False
    options.prune_unicode_ranges = False  # OS/2 stays as it was
    options.prune_codepage_ranges = False
    options.drop_tables = [*options.drop_tables, *MAIN_DROPPED_TABLES]
    font = load_uming()
    subsetter = subset.Subsetter(options)
    legacy = {g for t in font["cmap"].tables if not t.isUnicode() for g in t.cmap.values()}
    subsetter.populate(unicodes=sorted(font.getBestCmap()), glyphs=sorted(legacy))  # keeps the Mac cmap
    subsetter.subset(font)
    name = font["name"]
    for record in list(name.names):
        if record.nameID == 5:
            name.setName(record.toUnicode().rstrip() + MAIN_VERSION_SUFFIX, 5,
                         record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            name.setName(f"{record.toUnicode().rstrip()} : FieldappMing {MAIN_CHANGED}", 3,
                         record.platformID, record.platEncID, record.langID)
    name.setName(MAIN_NOTICE, 10, 3, 1, 0x409)
    name.setName(MAIN_NOTICE, 10, 1, 0, 0)
    font["head"].modified = font_timestamp(MAIN_CHANGED)
    glyph_order: list[str] = font.getGlyphOrder()
    font.save(target, reorderTables=True)
    return glyph_order


def _outline(font: TTFont, glyph_set: Any, glyph_name: str) -> tuple[object, ...]:
    glyf = font["glyf"]
    glyph = glyf[glyph_name]
    coords, end_pts, flags = glyph.getCoordinates(glyf)
    pen = DecomposingRecordingPen(glyph_set)
    glyph_set[glyph_name].draw(pen)
    bounds = (glyph.xMin, glyph.yMin, glyph.xMax, glyph.yMax) if glyph.numberOfContours else None
    return (
        glyph.numberOfContours if glyph.numberOfContours >= 0 else -1,
        list(coords),
        list(end_pts),
        [f & 1 for f in flags],  # on-curve bit; the others only describe the byte encoding
        pen.value,
        bounds,
    )


def _xml(font: TTFont, tag: str) -> str:
    out = io.StringIO()
    writer = XMLWriter(out, newlinestr="\n")
    font[tag].toXML(writer, font)
    writer.close()
    return out.getvalue()


Rule = tuple[Any, ...]


def _layout(font: TTFont, tag: str) -> set[Rule]:
    """The layout table ``tag`` as a set of flat rules naming glyphs, to compare fonts with different glyph sets.

    Scripts and language systems without features are left out: a shaper falls back to DFLT for a script the
    font does not list, and DFLT has the same (empty or not) feature list here. Only the lookup types this
    font uses are understood; anything else stops the check.
    """
    rules: set[Rule] = set()
    table = font[tag].table
    if tag == "GDEF":
        for attr in ("GlyphClassDef", "MarkAttachClassDef"):
            class_def = getattr(table, attr, None)
            for glyph, cls in (class_def.classDefs.items() if class_def else ()):
                rules.add(("class", attr, glyph, cls))
        carets = getattr(table, "LigCaretList", None)
        for glyph, lig in zip(carets.Coverage.glyphs if carets else (), carets.LigGlyph if carets else (),
                              strict=True):
            rules.add(("caret", glyph, tuple((c.Format, getattr(c, "Coordinate", None)) for c in lig.CaretValue)))
        for attr in ("AttachList", "MarkGlyphSetsDef"):
            if getattr(table, attr, None) is not None:
                raise SystemExit(f"GDEF {attr}: not understood by the check")
        return rules
    features = table.FeatureList.FeatureRecord
    for script in table.ScriptList.ScriptRecord:
        langsys = [("dflt", script.Script.DefaultLangSys)] if script.Script.DefaultLangSys else []
        langsys += [(r.LangSysTag, r.LangSys) for r in script.Script.LangSysRecord]
        for lang, sys_ in langsys:
            for index in sys_.FeatureIndex:
                feature = features[index]
                rules.add(("feature", script.ScriptTag, lang, feature.FeatureTag,
                           tuple(feature.Feature.LookupListIndex)))
            if sys_.ReqFeatureIndex != 0xFFFF:
                raise SystemExit(f"{tag}: required features are not understood by the check")
    for index, lookup in enumerate(table.LookupList.Lookup):
        rules.add(("lookup", index, lookup.LookupType, lookup.LookupFlag))
        for sub in lookup.SubTable:
            kind = (tag, lookup.LookupType)
            if kind == ("GSUB", 1):
                rules |= {("sub", index, a, b) for a, b in sub.mapping.items()}
            elif kind == ("GSUB", 4):
                rules |= {("lig", index, (first, *lig.Component), lig.LigGlyph)
                          for first, ligs in sub.ligatures.items() for lig in ligs}
            elif kind in (("GPOS", 4), ("GPOS", 6)):
                if lookup.LookupType == 4:
                    marks, mark_records = sub.MarkCoverage.glyphs, sub.MarkArray.MarkRecord
                    bases, base_records = sub.BaseCoverage.glyphs, sub.BaseArray.BaseRecord
                else:
                    marks, mark_records = sub.Mark1Coverage.glyphs, sub.Mark1Array.MarkRecord
                    bases, base_records = sub.Mark2Coverage.glyphs, sub.Mark2Array.Mark2Record
                for glyph, record in zip(marks, mark_records, strict=True):
                    rules.add(("mark", index, glyph, record.Class, _anchor(record.MarkAnchor)))
                for glyph, record in zip(bases, base_records, strict=True):
                    anchors = record.BaseAnchor if lookup.LookupType == 4 else record.Mark2Anchor
                    rules.add(("base", index, glyph, tuple(_anchor(a) for a in anchors)))
            else:
                raise SystemExit(f"{tag} lookup type {lookup.LookupType}: not understood by the check")
    return rules


def _anchor(anchor: Any) -> tuple[int, int, int] | None:
    return None if anchor is None else (anchor.Format, anchor.XCoordinate, anchor.YCoordinate)


def _glyphs_of(rule: Rule) -> set[str]:
    kind = rule[0]
    if kind == "class":
        return {rule[2]}
    if kind == "caret":
        return {rule[1]}
    if kind in ("sub", "mark", "base"):
        return {rule[2]} | ({rule[3]} if kind == "sub" else set())
    if kind == "lig":
        return {*rule[2], rule[3]}
    return set()


def _inputs_of(rule: Rule) -> set[str]:
    return {rule[2]} if rule[0] == "sub" else set(rule[2])


def check_main(target: Path, glyph_order: list[str]) -> tuple[int, int]:
    """Compare ``target`` with face 0 of uming.ttc; return (code points, glyphs) checked, exit on a difference.

    The built font has no glyph names, so it is read with the source names of its glyphs (``glyph_order``,
    as returned by build_main): then cmap, outlines, metrics and layout tables compare name for name.
    """
    old = load_uming()
    new = TTFont(target)
    new.setGlyphOrder(glyph_order)  # before any table is read
    problems: list[str] = []
    if new["maxp"].numGlyphs != len(glyph_order):
        raise SystemExit(f"{target.name}: {new['maxp'].numGlyphs} glyphs, expected {len(glyph_order)}")
    # Every glyph of the new font against its source glyph (this covers every code point, see below).
    old_set, new_set = old.getGlyphSet(), new.getGlyphSet()
    differs = {g for g in glyph_order if _outline(old, old_set, g) != _outline(new, new_set, g)}
    problems += [f"{g}: outline differs" for g in sorted(differs)]
    metrics = [tag for tag in ("hmtx", "vmtx") if tag in old]
    for tag in metrics:
        for glyph_name in glyph_order:
            if old[tag][glyph_name] != new[tag][glyph_name]:
                problems.append(f"{glyph_name}: {tag} {old[tag][glyph_name]} vs {new[tag][glyph_name]}")
    if "VORG" in old:
        a, b = old["VORG"], new["VORG"]
        if a.defaultVertOriginY != b.defaultVertOriginY or b.VOriginRecords != {
                g: y for g, y in a.VOriginRecords.items() if g in set(glyph_order)}:
            problems.append("VORG differs")
    # Every code point: the same glyph, hence the same outline and metrics.
    old_cmap, new_cmap = old.getBestCmap(), new.getBestCmap()
    for cp in sorted(old_cmap.keys() | new_cmap.keys()):
        glyph_name = old_cmap.get(cp)
        if glyph_name != new_cmap.get(cp):
            problems.append(f"U+{cp:04X}: cmap {glyph_name} vs {new_cmap.get(cp)}")
        elif glyph_name in differs:
            problems.append(f"U+{cp:04X}: outline differs")
    old_tables = {(t.platformID, t.platEncID): t.cmap for t in old["cmap"].tables}
    new_tables = {(t.platformID, t.platEncID): t.cmap for t in new["cmap"].tables}
    if old_tables != new_tables:
        problems.append("cmap subtables differ")
    for tag in ("gasp", "OS/2"):
        if _xml(old, tag) != _xml(new, tag):
            problems.append(f"{tag} differs")
    # Glyphs that text can produce: the cmap's, and what GSUB makes of them. Layout data of other glyphs
    # (those of the unused HK/TW faces, or kept only as components of composite glyphs) can never apply,
    # and fontTools leaves it out.
    reachable = {g for t in old["cmap"].tables for g in t.cmap.values()}
    gsub_rules = _layout(old, "GSUB")
    while True:
        more = {rule[3] for rule in gsub_rules if rule[0] in ("sub", "lig") and _inputs_of(rule) <= reachable}
        if more <= reachable:
            break
        reachable |= more
    if not reachable <= set(glyph_order):
        problems.append(f"{len(reachable - set(glyph_order))} reachable glyphs missing")
    for tag in ("GSUB", "GPOS", "GDEF"):
        old_rules, new_rules = _layout(old, tag), _layout(new, tag)
        live = {rule for rule in old_rules if _glyphs_of(rule) <= reachable}
        if not live <= new_rules or not new_rules <= old_rules:
            problems.append(f"{tag} differs: {len(live - new_rules)} rules lost, {len(new_rules - old_rules)} added")
    # numberOf[HV]Metrics only say how much of hmtx/vmtx is stored in full, compared above glyph by glyph.
    for tag, ignored in (("hhea", "numberOfHMetrics"), ("vhea", "numberOfVMetrics")):
        a = {k: v for k, v in old[tag].__dict__.items() if k != ignored}
        b = {k: v for k, v in new[tag].__dict__.items() if k != ignored}
        if a != b:
            problems.append(f"{tag} differs")
    a = {k: v for k, v in old["maxp"].__dict__.items() if k != "numGlyphs"}
    b = {k: v for k, v in new["maxp"].__dict__.items() if k != "numGlyphs"}
    if a != b:
        problems.append(f"maxp differs: {sorted(k for k in a if a[k] != b.get(k))}")
    a = {k: v for k, v in old["head"].__dict__.items() if k not in ("modified", "checkSumAdjustment")}
    b = {k: v for k, v in new["head"].__dict__.items() if k not in ("modified", "checkSumAdjustment")}
    if a != b:
        problems.append(f"head differs: {sorted(k for k in a if a[k] != b.get(k))}")
    for record in old["name"].names:
        if record.nameID in (3, 5):
            continue
        copy = new["name"].getName(record.nameID, record.platformID, record.platEncID, record.langID)
        if copy is None or copy.toUnicode() != record.toUnicode():
            problems.append(f"name record {record.nameID} {record.platformID}/{record.langID} differs")
    for problem in problems[:50]:
        print(f"  {problem}", file=sys.stderr)
    if problems:
        raise SystemExit(f"{target.name}: {len(problems)} differences from {UMING} face 0")
    return len(old_cmap), len(glyph_order)


# -- fallbacks --------------------------------------------------------------------------------------


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
    font.recalcTimestamp = False
    font["head"].modified = FALLBACK_MODIFIED[family]
    font.save(target)


def build_fallbacks(out: Path) -> list[tuple[Path, int]]:
    main_cmap = set(load_uming().getBestCmap())
    chinese = unihan_chinese()
    a_cmap = set(TTFont(HANAZONO / "HanaMinA.ttf", lazy=True).getBestCmap())
    b_cmap = set(TTFont(HANAZONO / "HanaMinB.ttf", lazy=True).getBestCmap())
    from_a = wanted(a_cmap - main_cmap, chinese)
    from_b = wanted(b_cmap - main_cmap - a_cmap, chinese)
    make_subset(HANAZONO / "HanaMinA.ttf", from_a, "FieldappExtA", out / "FieldappExtA.ttf")
    make_subset(HANAZONO / "HanaMinB.ttf", from_b, "FieldappExtB", out / "FieldappExtB.ttf")
    return [(out / "FieldappExtA.ttf", len(from_a)), (out / "FieldappExtB.ttf", len(from_b))]


def report(path: Path, what: str) -> None:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    print(f"{path.name}: {what}, {path.stat().st_size / 1e6:.1f} MB ({path.stat().st_size} bytes), sha256 {digest}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("which", nargs="*", metavar="main|fallback", help="what to build (default: both)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default: {OUT})")
    args = parser.parse_args(argv)
    which = set(args.which or ["main", "fallback"])
    if which - {"main", "fallback"}:
        parser.error(f"unknown: {', '.join(sorted(which - {'main', 'fallback'}))}")
    needed = [UMING] + ([HANAZONO, UNIHAN] if "fallback" in which else [])
    missing = [str(p) for p in needed if not p.exists()]
    if missing:
        print(f"missing {missing}: apt-get install fonts-arphic-uming fonts-hanazono unicode-data", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    if "main" in which:
        target = args.out / MAIN_FILE
        code_points, glyphs = check_main(target, build_main(target))
        report(target, f"{code_points} code points, {glyphs} glyphs; outlines, metrics, cmap and layout "
                       f"identical to {UMING.name} face 0")
    if "fallback" in which:
        for path, count in build_fallbacks(args.out):
            report(path, f"{count} code points")
    return 0


if __name__ == "__main__":
    sys.exit(main())
