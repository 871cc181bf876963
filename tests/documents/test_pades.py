from __future__ import annotations

import os
import re

import pytest
from cryptography.hazmat.primitives import serialization

from fieldapp.documents import render
from fieldapp.documents.keys import DeviceKeys, issue_device_certificate, make_office_ca
from fieldapp.documents.pades import sign_pdf, verify_pdf_signature
from fieldapp.documents.qr import with_payload
from fieldapp.documents.samples import sample_order
from fieldapp.errors import FieldappError


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> DeviceKeys:
    return DeviceKeys.load_or_create(tmp_path_factory.mktemp("k") / "keys", "dev-001", "拳铺镇终端1")


@pytest.fixture(scope="module")
def unsigned(keys: DeviceKeys) -> bytes:
    return render(with_payload(sample_order(), keys))


@pytest.fixture(scope="module")
def signed(unsigned: bytes, keys: DeviceKeys) -> bytes:
    return sign_pdf(unsigned, keys, reason="责令限期整改", location="梁山县拳铺镇")


def _byte_range(pdf: bytes) -> tuple[int, int, int, int]:
    found = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", pdf)
    assert found
    a, b, c, d = (int(x) for x in found.groups())
    return a, b, c, d


def _flip(pdf: bytes, at: int) -> bytes:
    out = bytearray(pdf)
    out[at] ^= 0x01
    return bytes(out)


def test_self_issued_signature_verifies_against_own_certificate(signed: bytes, keys: DeviceKeys) -> None:
    check = verify_pdf_signature(signed, keys.trust_roots())
    assert check.valid and check.intact and check.trusted and not check.modified
    assert check.signer == "拳铺镇终端1"
    assert check.signed_at is not None
    assert "拳铺镇终端1" in check.reason.zh


def test_signature_is_pades(signed: bytes) -> None:
    assert b"/ETSI.CAdES.detached" in signed


@pytest.mark.parametrize("where", ["start", "middle", "signature", "padding", "after_signature", "end"])
def test_one_changed_byte_anywhere_fails(signed: bytes, keys: DeviceKeys, where: str) -> None:
    _, gap_start, gap_end, _ = _byte_range(signed)
    at = {
        "start": 20,
        "middle": gap_start // 2,
        "signature": gap_start + 200,  # inside the hex of the DER
        "padding": gap_end - 10,  # the zero padding after the DER, ignored by CMS parsers
        "after_signature": gap_end + 30,
        "end": len(signed) - 1,
    }[where]
    check = verify_pdf_signature(_flip(signed, at), keys.trust_roots())
    assert not check.valid


def test_hex_case_change_in_signature_fails(signed: bytes, keys: DeviceKeys) -> None:
    _, gap_start, gap_end, _ = _byte_range(signed)
    gap = signed[gap_start:gap_end]
    index = next(i for i, c in enumerate(gap) if chr(c) in "ABCDEF")
    changed = signed[:gap_start + index] + chr(gap[index]).lower().encode() + signed[gap_start + index + 1:]
    assert not verify_pdf_signature(changed, keys.trust_roots()).valid


def test_appended_content_fails(signed: bytes, keys: DeviceKeys) -> None:
    check = verify_pdf_signature(signed + b"\n% appended\n", keys.trust_roots())
    assert not check.valid and "added" in check.reason.en


def test_untrusted_signer_is_intact_but_invalid(signed: bytes) -> None:
    check = verify_pdf_signature(signed, [make_office_ca("other office").certificate])
    assert check.intact and not check.trusted and not check.valid
    assert "不是受信任的终端" in check.reason.zh


def test_office_issued_certificate(unsigned: bytes, keys: DeviceKeys, tmp_path_factory:
                                   pytest.TempPathFactory) -> None:
    ca = make_office_ca("梁山县应急管理局 CA")
    device = DeviceKeys.load_or_create(tmp_path_factory.mktemp("office") / "keys", "dev-003", "终端3")
    cert = issue_device_certificate(ca, device.pdf_public_key, device_id="dev-003", device_name="终端3")
    device = device.install_certificate(cert.public_bytes(serialization.Encoding.PEM), [ca.certificate_pem])
    signed = sign_pdf(unsigned, device, reason="r", location="l")
    assert verify_pdf_signature(signed, [ca.certificate]).valid
    assert not verify_pdf_signature(signed, keys.trust_roots()).valid


def test_unsigned_and_garbage(unsigned: bytes, signed: bytes, keys: DeviceKeys) -> None:
    check = verify_pdf_signature(unsigned, keys.trust_roots())
    assert not check.signed and not check.valid
    for data in (b"", os.urandom(3000), signed[: len(signed) // 2], signed[: len(signed) - 40]):
        assert not verify_pdf_signature(data, keys.trust_roots()).valid


def test_signing_garbage_is_a_clean_error(keys: DeviceKeys) -> None:
    with pytest.raises(FieldappError):
        sign_pdf(b"not a pdf", keys, reason="r", location="l")
