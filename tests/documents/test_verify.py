"""End to end: real documents rendered with a real signed payload, PAdES-signed, then verified."""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

import pytest

from fieldapp.documents import render
from fieldapp.documents.content import Document
from fieldapp.documents.keys import DeviceKeys
from fieldapp.documents.pades import sign_pdf
from fieldapp.documents.qr import build_payload, content_hash, fields_for, with_payload
from fieldapp.documents.samples import sample_order, sample_record
from fieldapp.documents.verify import NoticeCheck, verify_pdf, verify_qr_text

URL = "https://yjj.liangshan.example.gov.cn/v?p="


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> DeviceKeys:
    return DeviceKeys.load_or_create(tmp_path_factory.mktemp("k") / "keys", "dev-001", "拳铺镇终端1")


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> DeviceKeys:
    return DeviceKeys.load_or_create(tmp_path_factory.mktemp("k2") / "keys", "dev-002", "终端2")


def _issue(doc: Document, keys: DeviceKeys, url: str | None = URL) -> tuple[Document, bytes]:
    doc = with_payload(doc, keys, verify_url=url)
    return doc, sign_pdf(render(doc), keys, reason="责令限期整改", location="梁山县")


@pytest.fixture(scope="module")
def order(keys: DeviceKeys) -> tuple[Document, bytes]:
    return _issue(sample_order(photos=1), keys)


def _check(pdf: bytes, keys: DeviceKeys, lookup: Any = None) -> NoticeCheck:
    return verify_pdf(pdf, keys.known_keys(), keys.trust_roots(), lookup)


def _record(doc: Document, **extra: Any) -> Any:
    def lookup(number: str) -> Mapping[str, Any] | None:
        if number != doc.number:
            return None
        return {"status": "ordered", "content_hash": content_hash(doc).hex(), **extra}
    return lookup


def _flip(pdf: bytes, at: int) -> bytes:
    out = bytearray(pdf)
    out[at] ^= 0x01
    return bytes(out)


def test_valid_order_end_to_end(order: tuple[Document, bytes], keys: DeviceKeys) -> None:
    doc, pdf = order
    check = _check(pdf, keys, _record(doc))
    assert check.valid, check.summary()
    assert check.reasons == ()
    assert check.signer == "拳铺镇终端1"
    assert check.key_id == keys.public_key_id
    assert check.payload is not None and check.payload.number == "梁应急责改〔2026〕15号"
    assert check.payload.verify_url == URL
    assert check.record_found is True
    assert check.pages >= 4  # two copies, each with a photo appendix
    assert check.summary("zh") == "有效"


def test_valid_inspection_record_compares_printed_uscc(keys: DeviceKeys) -> None:
    _, pdf = _issue(sample_record(), keys, url=None)
    check = _check(pdf, keys)
    assert check.valid, check.summary()
    assert not check.notes  # the record prints its USCC, so it was compared with the text


@pytest.mark.parametrize("where", ["content", "signature", "end"])
def test_flipped_byte_is_invalid(order: tuple[Document, bytes], keys: DeviceKeys, where: str) -> None:
    _, pdf = order
    found = re.search(rb"/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)", pdf)
    assert found
    at = {"content": len(pdf) // 3, "signature": int(found.group(1)) + 100, "end": len(pdf) - 1}[where]
    check = _check(_flip(pdf, at), keys)
    assert not check.valid
    assert check.signature is not None and not check.signature.valid


def test_wrong_key_is_invalid(order: tuple[Document, bytes], keys: DeviceKeys, other: DeviceKeys) -> None:
    _, pdf = order
    check = verify_pdf(pdf, other.known_keys(), other.trust_roots())
    assert not check.valid
    text = check.summary()
    assert "unknown device key" in text and "not a trusted device" in text


def test_payload_text_mismatch_is_invalid(keys: DeviceKeys) -> None:
    # A correctly signed payload for one deadline, printed on a document that states another.
    doc = sample_order()
    signed_for = dataclasses.replace(doc, deadline=date(2026, 4, 30))
    printed = dataclasses.replace(doc, qr_payload=build_payload(fields_for(signed_for), keys))
    check = _check(sign_pdf(render(printed), keys, reason="r", location="l"), keys)
    assert not check.valid
    assert any("2026年4月30日" in r.zh and "整改期限" in r.zh for r in check.reasons), check.summary("zh")
    assert any("deadline" in r.en for r in check.reasons)


def test_number_mismatch_is_invalid(keys: DeviceKeys) -> None:
    doc = sample_order()
    other_number = dataclasses.replace(doc, number="梁应急责改〔2026〕16号")
    printed = dataclasses.replace(doc, qr_payload=build_payload(fields_for(other_number), keys))
    check = _check(sign_pdf(render(printed), keys, reason="r", location="l"), keys)
    assert not check.valid
    assert any("梁应急责改〔2026〕16号" in r.zh for r in check.reasons)


def test_voided_record_is_invalid(order: tuple[Document, bytes], keys: DeviceKeys) -> None:
    doc, pdf = order
    check = _check(pdf, keys, _record(doc, status="voided", void_reason="文号录入错误",
                                      replaced_by="梁应急责改〔2026〕18号"))
    assert not check.valid
    assert check.signature is not None and check.signature.valid
    assert any("已作废" in r.zh and "文号录入错误" in r.zh and "18号" in r.zh for r in check.reasons)
    qr_check = verify_qr_text(doc.qr_payload or "", keys.known_keys(), _record(doc, status="voided"))
    assert not qr_check.valid and "voided" in qr_check.summary()


def test_record_hash_mismatch_and_missing_record(order: tuple[Document, bytes], keys: DeviceKeys) -> None:
    _, pdf = order
    check = _check(pdf, keys, lambda n: {"status": "ordered", "content_hash": "00" * 32})
    assert not check.valid and "content hash" in check.summary()
    missing = _check(pdf, keys, lambda n: None)
    assert missing.valid and missing.record_found is False
    assert any("尚无" in n.zh for n in missing.notes)


@pytest.mark.parametrize("kind", ["random", "empty", "truncated", "half", "text"])
def test_garbage_is_invalid_without_exception(order: tuple[Document, bytes], keys: DeviceKeys,
                                              kind: str) -> None:
    _, pdf = order
    data = {
        "random": os.urandom(20_000),
        "empty": b"",
        "truncated": pdf[: len(pdf) - 200],
        "half": pdf[: len(pdf) // 2],
        "text": "%PDF-1.7 这不是PDF".encode(),
    }[kind]
    check = _check(data, keys)
    assert not check.valid and check.reasons


def test_pdf_without_qr_is_invalid(keys: DeviceKeys) -> None:
    pdf = sign_pdf(render(sample_order(qr=None)), keys, reason="r", location="l")
    check = _check(pdf, keys)
    assert not check.valid
    assert check.signature is not None and check.signature.valid
    assert any("没有可识别的执法文书二维码" in r.zh for r in check.reasons)


def test_verify_qr_text(order: tuple[Document, bytes], keys: DeviceKeys, other: DeviceKeys) -> None:
    doc, _ = order
    assert verify_qr_text(doc.qr_payload or "", keys.known_keys(), _record(doc)).valid
    assert not verify_qr_text(doc.qr_payload or "", other.known_keys()).valid
    for garbage in ("", "hello", "FA1.", URL, "https://evil.example/?p=FA1.AAAA", "\x00" * 50):
        check = verify_qr_text(garbage, keys.known_keys())
        assert not check.valid and check.reasons
