from __future__ import annotations

import dataclasses
import hashlib
import re
from datetime import date

import pytest
from pdf_readback import char_fonts, font_dicts, qr_texts, read_back

from fieldapp.documents import (
    COPY_LABELS,
    Enterprise,
    Finding,
    RightsNotice,
    document_warnings,
    render,
)
from fieldapp.documents.content import Document
from fieldapp.documents.fonts import EXT_A_FONT, EXT_B_FONT, MAIN_FONT, REPLACEMENT, coverage
from fieldapp.documents.samples import (
    ENTERPRISE,
    sample_measures,
    sample_order,
    sample_photo,
    sample_record,
    sample_reinspection,
)
from fieldapp.errors import FieldappError, ValidationError

ALL_SAMPLES = {
    "record": sample_record,
    "order": sample_order,
    "reinspection": sample_reinspection,
    "measures": sample_measures,
}


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[Document, bytes]]:
    out = {}
    for name, make in ALL_SAMPLES.items():
        doc = make()
        out[name] = (doc, render(doc))
    return out


def common_fields(doc: Document) -> list[str]:
    e = doc.enterprise
    fields = [doc.kind.title_zh, doc.number, doc.authority.name, e.name]
    fields += [o.name for o in doc.officers] + [o.certificate_no for o in doc.officers]
    return fields


@pytest.mark.parametrize("name", list(ALL_SAMPLES))
def test_every_common_field_is_printed(rendered: dict[str, tuple[Document, bytes]], name: str) -> None:
    doc, pdf = rendered[name]
    flat = read_back(pdf).flat
    for value in common_fields(doc):
        assert "".join(value.split()) in flat, value
    assert "2026年3月" in flat


def test_inspection_record_fields(rendered: dict[str, tuple[Document, bytes]]) -> None:
    _, pdf = rendered["record"]
    flat = read_back(pdf).flat
    e = ENTERPRISE
    for value in (e.uscc, e.address, e.responsible_person, e.position, e.phone, "生产车间、抛光打磨区、成品仓库",
                  "2026年3月5日9时30分至11时5分", "这是我们的证件（出示证件）", "检查情况：",
                  "检查人员（签名）", "被检查单位现场负责人（签名）"):
        assert value in flat, value


def test_order_wording_deadline_and_rights(rendered: dict[str, tuple[Document, bytes]]) -> None:
    doc, pdf = rendered["order"]
    flat = read_back(pdf).flat
    assert "经查，你单位存在下列问题：" in flat
    assert "责令你单位于2026年3月20日前整改完毕，达到有关法律法规规章和标准规定的要求。" in flat
    assert "整改期间，你单位应当采取措施，确保安全生产。" in flat
    assert ("如果不服本指令，可以依法在60日内向梁山县人民政府申请行政复议，或者在6个月内依法向梁山县人民法院"
            "提起行政诉讼，但本指令不停止执行。") in flat
    for finding in doc.findings:  # type: ignore[union-attr]
        assert f"{finding.number}．{finding.description}" in flat
        assert finding.legal_basis.replace(" ", "") in flat


def test_per_finding_deadlines_are_grouped() -> None:
    base = sample_order(findings=3)
    findings = (
        dataclasses.replace(base.findings[0], deadline=date(2026, 3, 10)),
        base.findings[1],
        dataclasses.replace(base.findings[2], deadline=date(2026, 3, 10)),
    )
    flat = read_back(render(dataclasses.replace(base, findings=findings))).flat
    assert ("责令你单位对上述第1、3项问题于2026年3月10日前，对上述第2项问题于2026年3月20日前"
            "整改完毕，达到有关法律法规规章和标准规定的要求。") in flat


def test_order_without_any_deadline_is_refused() -> None:
    with pytest.raises(ValidationError):
        render(sample_order(deadline=None))


def test_reinspection_refers_to_the_original_order(rendered: dict[str, tuple[Document, bytes]]) -> None:
    _, pdf = rendered["reinspection"]
    flat = read_back(pdf).flat
    assert "本机关于2026年3月5日作出《责令限期整改指令书》（梁应急责改〔2026〕15号）" in flat
    assert "于2026年3月21日对你单位整改情况进行了复查" in flat
    assert "复查结果：已整改" in flat and "处理意见：予以销号" in flat
    assert "复查结果：未整改" in flat


def test_onsite_measures_decision(rendered: dict[str, tuple[Document, bytes]]) -> None:
    _, pdf = rendered["measures"]
    flat = read_back(pdf).flat
    assert "依据《中华人民共和国安全生产法》第六十五条第一款第（三）项的规定，现作出如下现场处理决定：" in flat
    assert "立即从抛光打磨车间内撤出作业人员" in flat
    assert "停止使用1号除尘器、2号抛光生产线" in flat
    assert "向梁山县人民政府或者济宁市应急管理局申请行政复议" in flat
    assert "但本决定不停止执行" in flat


@pytest.mark.parametrize("name", list(ALL_SAMPLES))
def test_each_copy_is_labelled_and_numbered_on_its_own(
    rendered: dict[str, tuple[Document, bytes]], name: str
) -> None:
    _, pdf = rendered[name]
    pages = [("".join(p.split())) for p in read_back(pdf).pages]
    per_copy = len(pages) // 2
    assert per_copy * 2 == len(pages)
    for copy, label in enumerate(COPY_LABELS):
        for i in range(per_copy):
            page = pages[copy * per_copy + i]
            assert "".join(label.split()) in page
            assert f"第{i + 1}页共{per_copy}页" in page


@pytest.mark.parametrize("name", list(ALL_SAMPLES))
def test_all_fonts_are_embedded_and_helvetica_is_never_referenced(
    rendered: dict[str, tuple[Document, bytes]], name: str
) -> None:
    _, pdf = rendered[name]
    fonts = font_dicts(pdf)
    assert fonts
    for font in fonts:
        base = str(font["/BaseFont"])
        assert "Helvetica" not in base
        descriptor = font["/FontDescriptor"]
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), base
    assert b"Helvetica" not in pdf


def _face_of_pdf_font(base: str) -> str:
    for marker, face in (("UMingCN", MAIN_FONT), ("FieldappExtA", EXT_A_FONT), ("FieldappExtB", EXT_B_FONT)):
        if marker in base:
            return face
    raise AssertionError(f"unexpected font {base}")


def test_rare_name_characters_have_glyphs_and_extract_correctly() -> None:
    rare = "𠮷䶮喆堃昇珺"
    doc = sample_record(enterprise=dataclasses.replace(ENTERPRISE, name=f"{rare}五金厂"))
    pdf = render(doc)
    assert document_warnings(doc) == []
    seen = set()
    for char, base in char_fonts(pdf):
        if char in rare:
            seen.add(char)
            assert ord(char) in coverage(_face_of_pdf_font(base)), (char, base)
    # All six, 𠮷 included: the ToUnicode map is fixed for characters outside the BMP.
    assert seen == set(rare)
    assert f"{rare}五金厂" in read_back(pdf).flat


def test_markup_in_user_text_prints_literally() -> None:
    name = '<b>A&amp;B</b> "引号" \'单\' <font name="Helvetica">x</font> & < >'
    pdf = render(sample_order(enterprise=dataclasses.replace(ENTERPRISE, name=name)))
    assert "".join(name.split()) in read_back(pdf).flat
    assert b"Helvetica" not in pdf


def test_emoji_in_enterprise_name_does_not_crash_and_is_warned() -> None:
    doc = sample_order(enterprise=dataclasses.replace(ENTERPRISE, name="🔥旺火锅店"))
    flat = read_back(render(doc)).flat
    assert f"{REPLACEMENT}旺火锅店" in flat
    assert any("🔥" in w.en for w in document_warnings(doc))


def test_qr_code_decodes_to_the_payload_on_every_page() -> None:
    payload = "FA1|梁应急责改〔2026〕15号|91350100M000100Y43|" + hashlib.sha256(b"x").hexdigest()
    pdf = render(sample_order(findings=8, photos=2, qr=payload))
    decoded = qr_texts(pdf)
    assert len(decoded) >= 4
    for page in decoded:
        assert page == [payload]


def test_no_qr_without_payload() -> None:
    pages = qr_texts(render(sample_reinspection(qr_payload=None)))
    assert pages and all(found == [] for found in pages)


def test_oversized_qr_payload_is_a_user_error() -> None:
    with pytest.raises(FieldappError):
        render(sample_order(qr="汉" * 600))


def test_800_character_finding_wraps_across_pages() -> None:
    long_text = "".join(f"第{i:03d}处可燃物堆放未清理；" for i in range(80))[:800]
    base = sample_order(findings=3)
    findings = (Finding(1, long_text, "《安全生产法》第四十一条", "立即整改"), *base.findings[1:])
    pdf = render(dataclasses.replace(base, findings=findings))
    back = read_back(pdf)
    per_copy = len(back.pages) // 2
    assert per_copy >= 2
    first, second = ("".join(p.split()) for p in back.pages[:2])
    assert "1．第000处可燃物" in first
    assert long_text[-40:] in first + second and long_text[-40:] not in first
    # Page furniture (copy label, page number, number under the QR) is drawn last on each page.
    furniture = re.compile(r"第一联被检查单位留存第\d+页共\d+页" + re.escape(base.number) + "$")
    body = "".join(furniture.sub("", "".join(page.split())) for page in back.pages[:per_copy])
    assert long_text in body


def test_signatures_images_and_refusal_wording(rendered: dict[str, tuple[Document, bytes]]) -> None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    _, order_pdf = rendered["order"]
    document = pdfium.PdfDocument(order_pdf)
    images = sum(
        1 for page in document for obj in page.get_objects() if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE
    )
    assert images >= 2 * 3  # two officers and the unit's person, in each copy

    _, record_pdf = rendered["record"]
    flat = read_back(record_pdf).flat
    assert "拒绝签字" in flat
    assert "被检查单位负责人吉珺拒绝签字，理由：认为检查结论有误。见证人：王红梅。" in flat
    assert "依照《中华人民共和国安全生产法》第六十八条的规定，检查人员已将上述情况记录在案。" in flat
    assert "见证人（签名）" in flat


def test_blank_signature_lines_for_wet_ink(rendered: dict[str, tuple[Document, bytes]]) -> None:
    _, pdf = rendered["reinspection"]
    flat = read_back(pdf).flat
    assert "被复查单位负责人（签名）：" in flat
    assert "年月日" in flat  # date left blank for handwriting


def test_photo_appendix_with_captions_times_and_hashes() -> None:
    doc = sample_order(photos=3)
    pdf = render(doc)
    flat = read_back(pdf).flat
    assert "附件：现场照片（共3张）" in flat
    for i, photo in enumerate(doc.photos, 1):
        assert f"照片{i}：{photo.caption}" in flat
        assert photo.captured_at.strftime("%Y-%m-%d%H:%M:%S") in flat
        assert photo.sha256 in flat
        # Embedded byte for byte, once, though both copies show it.
        assert pdf.count(photo.jpeg) == 1


def test_tampered_photo_is_refused() -> None:
    photo = sample_photo(1)
    bad = dataclasses.replace(photo, sha256=hashlib.sha256(b"other").hexdigest())
    with pytest.raises(ValidationError):
        render(dataclasses.replace(sample_order(), photos=(bad,)))


def test_fewer_than_two_officers_is_warned_not_refused() -> None:
    base = sample_order()
    doc = dataclasses.replace(base, officers=base.officers[:1])
    assert any("two officers" in w.en for w in document_warnings(doc))
    assert render(doc).startswith(b"%PDF")


def test_rights_notice_without_department_names_only_the_government() -> None:
    doc = sample_order(rights=RightsNotice(review_government="某县人民政府", court="某县人民法院"))
    flat = read_back(render(doc)).flat
    assert "向某县人民政府申请行政复议" in flat


def test_output_is_deterministic() -> None:
    doc = sample_order(photos=1)
    assert render(doc) == render(doc)


def test_document_number_is_under_the_qr_on_every_page(rendered: dict[str, tuple[Document, bytes]]) -> None:
    import pypdfium2 as pdfium
    import zxingcpp

    doc, pdf = rendered["order"]
    pages = read_back(pdf).pages
    per_copy = int(re.findall(r"共 (\d+) 页", pages[0])[0])
    from fieldapp.documents.renderer import COPY_LABELS

    assert len(COPY_LABELS) == 2 and len(pages) == per_copy * 2  # 一式两份
    document = pdfium.PdfDocument(pdf)
    scale = 2
    for page in document:
        height = page.get_height()
        codes = zxingcpp.read_barcodes(page.render(scale=scale).to_pil())
        assert len(codes) == 1
        corners = [codes[0].position.top_left, codes[0].position.top_right, codes[0].position.bottom_left,
                   codes[0].position.bottom_right]
        qr_left, qr_right = min(p.x for p in corners) / scale, max(p.x for p in corners) / scale
        qr_bottom = height - max(p.y for p in corners) / scale  # PDF points, origin at the bottom
        textpage = page.get_textpage()
        searcher = textpage.search(doc.number)
        under_code = []
        while (found := searcher.get_next()) is not None:
            boxes = [textpage.get_charbox(i) for i in range(found[0], found[0] + found[1])]
            left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
            top = max(b[3] for b in boxes)
            centred = abs((left + right) / 2 - (qr_left + qr_right) / 2) < 3 or abs(right - qr_right) < 3
            if qr_bottom - 16 < top < qr_bottom and centred:
                under_code.append(found)
        assert len(under_code) == 1, "the number sits just under the code, once"


def test_enterprise_dataclass_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Enterprise(name="x").name = "y"  # type: ignore[misc]


def test_chinese_punctuation_never_starts_a_line() -> None:
    """GB/T 15834: ，；：！？ and closing quotes or book-title marks stay on the line before (reportlab alone
    only knows the Japanese set, and broke "……防范措施" / "，整改完成后" across lines)."""
    from reportlab.platypus import Paragraph

    from fieldapp.documents import layout
    from fieldapp.documents.fonts import register_fonts

    register_fonts()
    style = layout.style("kinsoku")
    for punct in "，；：！？”》、。）":
        for n in range(8, 30):  # every position of the mark relative to the line end
            para = Paragraph("重" * n + punct + "整改完成后向监管部门报告并经复查合格方可恢复生产经营" * 2, style)
            para.wrap(200, 1000)
            lines = ["".join(line[1]) for line in para.blPara.lines]
            assert len(lines) > 1 and not any(line.startswith(punct) for line in lines[1:]), (punct, n, lines)
            assert "".join(lines).replace(" ", "").startswith("重" * n + punct)
