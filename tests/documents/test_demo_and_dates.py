"""Paper marks: the demo mark (page, QR, verification), the PDF's dates, and the seal line."""

from __future__ import annotations

import base64
import dataclasses
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.documents import Authority, render
from fieldapp.documents.content import Document
from fieldapp.documents.demo_mark import DEMO_NOTICE
from fieldapp.documents.keys import PAYLOAD_KEY_FILE, DeviceKeys
from fieldapp.documents.pades import sign_pdf
from fieldapp.documents.qr import (
    PREFIX,
    build_payload,
    canonical_json,
    content_hash,
    fields_for,
    parse_payload,
    verify_payload,
    with_payload,
)
from fieldapp.documents.samples import sample_order, sample_record
from fieldapp.documents.verify import verify_pdf, verify_qr_text
from tests.documents.pdf_readback import qr_texts, read_back

# Written by the code before demo documents existed (fieldapp 0eb6bb0), for sample_order() with the seal
# line （印章） and the Ed25519 key whose private bytes are 0..31: a real notice printed before the change.
OLD_REAL_TOKEN = (
    "FA1.AISVQJLHCI4TCMZVGAYTAMCNGAYDAMJQGBMTIMY642RIDZN2STTIBJPIWSR6NFFZ4OAJIMRQGI3OHAEVGE26LD5XFFYW7TJKKQB57"
    "OI5TO4T4B7MKZLEOWVHKRRUOTFXFK3KIP4YIYAB67YBXJUJYMRRX3ONOWTYW4PERGLG7VPLUD6OL54GYKAJCIZFG5JBXQZWTZEVKWMN"
    "H7X4M2W7VUQO4YJLKXSPPBOAK"
)
OLD_REAL_HASH = "29716fcd2a5403dfb91d9bb93e07ec567d583a6fe3ae787fa116bb2024ac46e4"


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> DeviceKeys:
    directory: Path = tmp_path_factory.mktemp("golden") / "keys"
    directory.mkdir()
    key = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    (directory / PAYLOAD_KEY_FILE).write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return DeviceKeys.load_or_create(directory, "dev-golden", "golden")


def demo_order() -> Document:
    return dataclasses.replace(sample_order(), demo=True)


@pytest.fixture(scope="module")
def demo_pdf(keys: DeviceKeys) -> bytes:
    return sign_pdf(render(with_payload(demo_order(), keys)), keys, reason="演示", location="示范县")


# -- the demo mark on paper ---------------------------------------------------------------------------


def test_every_page_of_a_demo_document_says_it_has_no_legal_effect(demo_pdf: bytes) -> None:
    pages = read_back(demo_pdf).pages
    assert len(pages) >= 2
    for text in pages:
        flat = "".join(text.split())
        assert "【演示】" + DEMO_NOTICE in flat  # the head line
        assert DEMO_NOTICE + "：由演示数据生成" in flat  # the foot line
        assert flat.startswith("演示")  # the watermark, drawn first so the notice lies on top of it
    real = read_back(render(sample_order()))
    assert "演示" not in real.text and DEMO_NOTICE not in real.flat
    title = pdfium.PdfDocument(demo_pdf).get_metadata_dict()["Title"]
    assert title.endswith(f"（{DEMO_NOTICE}）")


def test_the_demo_watermark_is_light_and_diagonal(demo_pdf: bytes) -> None:
    page = pdfium.PdfDocument(demo_pdf)[1]
    image = page.render(scale=1).to_pil().convert("RGB")
    w, h = image.size
    # Below the seal the last page is blank but for the mark: tinted pixels, none of them dark.
    tinted = [image.getpixel((x, y)) for x in range(0, w, 3) for y in range(h // 2, int(h * 0.8), 3)]
    marked = [p for p in tinted if p[0] - p[2] > 12]
    assert len(marked) > 200
    assert min(min(p) for p in marked) > 120


def test_demo_payload_is_flagged_signed_and_verification_says_demo(keys: DeviceKeys) -> None:
    token = build_payload(fields_for(demo_order()), keys)
    payload = parse_payload(token)
    assert payload.demo and payload.number == "梁应急责改〔2026〕15号"
    assert verify_payload(payload, keys.known_keys()).valid
    check = verify_qr_text(token, keys.known_keys())
    assert not check.valid and check.demo
    assert check.reasons[0].zh.startswith(DEMO_NOTICE)
    assert "no legal effect" in check.summary("en")
    assert check.summary("zh").startswith("无效：" + DEMO_NOTICE)
    assert any("除演示标记外" in n.zh for n in check.notes)


def test_a_payload_stripped_of_its_demo_flag_fails(keys: DeviceKeys) -> None:
    token = build_payload(fields_for(demo_order()), keys)
    encoded = token[len(PREFIX):]
    raw = bytearray(base64.b32decode(encoded + "=" * (-len(encoded) % 8)))
    assert raw[0] & 0x80
    raw[0] &= 0x7F  # the forger drops the demo flag and keeps the signature
    forged = PREFIX + base64.b32encode(bytes(raw)).decode("ascii").rstrip("=")
    payload = parse_payload(forged)
    assert not payload.demo
    assert not verify_payload(payload, keys.known_keys()).valid
    check = verify_qr_text(forged, keys.known_keys())
    assert not check.valid and any("altered or forged" in r.en for r in check.reasons)


def test_a_demo_document_hashes_differently_from_the_same_real_one() -> None:
    assert b'"demo":true' in canonical_json(demo_order())
    assert b'"demo"' not in canonical_json(sample_order())
    assert content_hash(demo_order()) != content_hash(sample_order())


def test_real_notices_are_unchanged_and_old_ones_still_verify(keys: DeviceKeys) -> None:
    assert content_hash(sample_order()).hex() == OLD_REAL_HASH
    assert build_payload(fields_for(sample_order()), keys) == OLD_REAL_TOKEN
    old = parse_payload(OLD_REAL_TOKEN)
    assert not old.demo
    assert verify_payload(old, keys.known_keys()).valid
    check = verify_qr_text(OLD_REAL_TOKEN, keys.known_keys())
    assert check.valid and not check.demo and check.summary("zh") == "有效"


def test_verifying_a_demo_pdf_says_demo_first_and_the_rest_checks_out(demo_pdf: bytes, keys: DeviceKeys) -> None:
    assert all(page == qr_texts(demo_pdf)[0] for page in qr_texts(demo_pdf))
    check = verify_pdf(demo_pdf, keys.known_keys(), keys.trust_roots())
    assert not check.valid and check.demo
    assert [r.zh.split("：")[0] for r in check.reasons] == [DEMO_NOTICE]
    assert check.signature is not None and check.signature.intact


def test_a_demo_code_on_pages_without_the_printed_mark_fails_the_text_check(keys: DeviceKeys) -> None:
    # A demo payload pasted onto a page rendered without the mark: the page must say what the code says.
    doc = with_payload(demo_order(), keys)
    unmarked = render(dataclasses.replace(doc, demo=False))
    pdf = sign_pdf(unmarked, keys, reason="x", location="y")
    check = verify_pdf(pdf, keys.known_keys(), keys.trust_roots())
    assert not check.valid
    assert any("demo mark" in r.en for r in check.reasons)


# -- the PDF's dates ---------------------------------------------------------------------------------


def _dates(pdf: bytes) -> tuple[str, str]:
    meta = pdfium.PdfDocument(pdf).get_metadata_dict()
    return meta["CreationDate"], meta["ModDate"]


def test_pdf_dates_are_the_issue_time_and_rendering_stays_deterministic() -> None:
    doc = sample_order()
    at = datetime(2026, 3, 5, 14, 30, 5, tzinfo=timezone(timedelta(hours=8)))
    pdf = render(doc, created=at)
    assert _dates(pdf) == ("D:20260305143005+08'00'", "D:20260305143005+08'00'")
    assert render(doc, created=at) == pdf
    assert render(doc, created=at + timedelta(minutes=1)) != pdf
    # Without a time, midnight of the issue date: never the 2000-01-01 of reportlab's invariant mode.
    created, modified = _dates(render(doc))
    assert created.startswith("D:20260305000000") and modified == created
    assert "2000" not in created


def test_pdf_date_of_a_naive_time_is_local(monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldapp.documents.furniture import pdf_date

    naive = datetime(2026, 12, 6, 9, 5, 0)
    offset = naive.astimezone().utcoffset() or timedelta(0)
    hours, minutes = divmod(int(offset.total_seconds()) // 60, 60)
    assert pdf_date(naive) == f"D:20261206090500{'+' if offset >= timedelta(0) else '-'}{abs(hours):02d}'{minutes:02d}'"
    assert pdf_date(datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=-5, minutes=-30)))) == \
        "D:20260102030405-05'30'"


# -- the seal line -----------------------------------------------------------------------------------


def test_seal_line_prints_the_seal_text_not_the_unit_again() -> None:
    for seal, expected in (("", "（印章）"), ("（印章）", "（印章）"), ("（公章）", "（公章）")):
        doc = dataclasses.replace(sample_record(), authority=Authority(name="梁山县应急管理局", seal_text=seal))
        flat = read_back(render(doc, copies=("",))).flat
        tail = flat[flat.rindex("梁山县应急管理局"):]
        assert tail.startswith("梁山县应急管理局" + expected), tail[:40]
        assert "（梁山县应急管理局）" not in flat
