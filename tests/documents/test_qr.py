from __future__ import annotations

import base64
import dataclasses
import re
from datetime import date

import pytest
import qrcode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.documents.content import Finding
from fieldapp.documents.keys import DeviceKeys
from fieldapp.documents.qr import (
    PREFIX,
    Payload,
    PayloadFields,
    build_payload,
    canonical_json,
    content_hash,
    fields_for,
    parse_payload,
    verify_payload,
    with_payload,
)
from fieldapp.documents.samples import sample_order, sample_photo, sample_record
from fieldapp.errors import FieldappError
from fieldapp.models.doc_types import DocType

URL = "https://yjj.liangshan.example.gov.cn/v?p="
QR_ALPHANUMERIC = re.compile(r"^[0-9A-Z $%*+\-./:]+$")


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> DeviceKeys:
    return DeviceKeys.load_or_create(tmp_path_factory.mktemp("k") / "keys", "dev-001", "终端1")


@pytest.fixture(scope="module")
def other_keys(tmp_path_factory: pytest.TempPathFactory) -> DeviceKeys:
    return DeviceKeys.load_or_create(tmp_path_factory.mktemp("k2") / "keys", "dev-002", "终端2")


@pytest.fixture(scope="module")
def token(keys: DeviceKeys) -> str:
    return build_payload(fields_for(sample_order()), keys)


def test_round_trip_keeps_chinese_number_and_all_fields(keys: DeviceKeys, token: str) -> None:
    doc = sample_order()
    payload = parse_payload(token)
    assert payload.kind is DocType.RECTIFICATION_ORDER
    assert payload.number == "梁应急责改〔2026〕15号"
    assert payload.uscc == "91350100M000100Y43"
    assert payload.issued_on == date(2026, 3, 5)
    assert payload.deadline == date(2026, 3, 20)
    assert payload.content_hash == content_hash(doc)[:16]
    assert payload.key_id == keys.public_key_id
    assert payload.verify_url is None
    assert verify_payload(payload, keys.known_keys()).valid


def test_bare_form_is_qr_alphanumeric_and_small(token: str) -> None:
    assert token.startswith(PREFIX)
    assert QR_ALPHANUMERIC.match(token)
    assert len(token) < 260
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_H, border=0)
    code.add_data(token.encode("utf-8"))
    code.make(fit=True)
    assert code.version <= 13  # ≤ 69 modules: about 29 mm at the renderer's minimum module size
    assert [d.mode for d in code.data_list] == [qrcode.util.MODE_ALPHA_NUM]


def test_url_form_and_case_insensitive_parse(keys: DeviceKeys, token: str) -> None:
    with_url = build_payload(fields_for(sample_order()), keys, verify_url=URL)
    assert with_url.startswith(URL) and with_url.endswith(token[len(PREFIX):])
    for text in (with_url, token.lower(), f"  {token}\n", URL + token.replace(".", "%2E"),
                 "https://x.example/v?lang=zh&p=" + token):
        payload = parse_payload(text)
        assert payload.number == "梁应急责改〔2026〕15号"
        assert verify_payload(payload, keys.known_keys()).valid
    assert parse_payload(with_url).verify_url == URL


def test_unknown_or_mismatched_key_is_invalid(keys: DeviceKeys, other_keys: DeviceKeys, token: str) -> None:
    payload = parse_payload(token)
    result = verify_payload(payload, other_keys.known_keys())
    assert not result.valid and "unknown" in result.reason.en and "未登记" in result.reason.zh
    swapped = {keys.public_key_id: other_keys.payload_public_key}
    assert not verify_payload(payload, swapped).valid
    assert not verify_payload(payload, {keys.public_key_id: b"short"}).valid


def test_forged_payload_fails(keys: DeviceKeys, other_keys: DeviceKeys, token: str) -> None:
    # Same fields, signed by another device but claiming this device's key id.
    forged_fields = dataclasses.replace(fields_for(sample_order()), deadline=date(2026, 6, 30))
    forged = parse_payload(build_payload(forged_fields, other_keys))
    raw = base64.b32decode(token[len(PREFIX):] + "=" * (-len(token[len(PREFIX):]) % 8))
    forged_raw = base64.b32decode(forged.token[len(PREFIX):] + "=" * (-len(forged.token[len(PREFIX):]) % 8))
    # Splice this device's key id into the forged record.
    at = len(forged_raw) - 64 - 8
    spliced = forged_raw[:at] + raw[len(raw) - 64 - 8:len(raw) - 64] + forged_raw[at + 8:]
    text = PREFIX + base64.b32encode(spliced).decode().rstrip("=")
    result = verify_payload(parse_payload(text), keys.known_keys())
    assert not result.valid and "altered or forged" in result.reason.en


def test_every_truncation_is_a_clean_error(token: str) -> None:
    for end in range(len(token)):
        with pytest.raises(FieldappError):
            parse_payload(token[:end])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_fuzz_arbitrary_text(text: str) -> None:
    try:
        payload = parse_payload(text)
    except FieldappError:
        return
    assert isinstance(payload, Payload)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["", URL, "HTTPS://X/V?P="]))
def test_fuzz_well_formed_base32_of_random_bytes(data: bytes, url: str) -> None:
    try:
        payload = parse_payload(url + PREFIX + base64.b32encode(data).decode().rstrip("="))
    except FieldappError:
        return
    assert isinstance(payload, Payload)
    assert not verify_payload(payload, {}).valid


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_fuzz_changed_character_never_verifies(keys: DeviceKeys, token: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(len(PREFIX), len(token) - 1))
    char = data.draw(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567=!中"))
    changed = token[:index] + char + token[index + 1:]
    try:
        payload = parse_payload(changed)
    except FieldappError:
        return
    # The last base32 character also carries unused bits; a change there may decode to the same bytes.
    if payload.token != parse_payload(token).token:
        assert not verify_payload(payload, keys.known_keys()).valid


def test_content_hash_is_canonical() -> None:
    doc = sample_order()
    assert canonical_json(doc) == canonical_json(sample_order(qr="something else"))
    assert content_hash(doc) == content_hash(sample_order(qr=None))
    assert "梁应急责改〔2026〕15号".encode() in canonical_json(doc)  # UTF-8, not \\u escapes
    changed = dataclasses.replace(doc, findings=(*doc.findings[:2], Finding(3, "安全出口被占用。")))
    assert content_hash(changed) != content_hash(doc)
    with_photo = sample_order(photos=1)
    other_photo = dataclasses.replace(with_photo, photos=(sample_photo(2),))
    assert content_hash(with_photo) != content_hash(other_photo)


def test_deadline_falls_back_to_latest_finding_and_none(keys: DeviceKeys) -> None:
    findings = (Finding(1, "a", deadline=date(2026, 3, 10)), Finding(2, "b", deadline=date(2026, 4, 1)))
    order = dataclasses.replace(sample_order(), findings=findings, deadline=None)
    assert fields_for(order).deadline == date(2026, 4, 1)
    record = with_payload(sample_record(), keys)
    payload = parse_payload(record.qr_payload or "")
    assert payload.deadline is None and payload.kind is DocType.INSPECTION_RECORD


def test_fields_that_cannot_be_encoded_are_refused(keys: DeviceKeys) -> None:
    base = fields_for(sample_order())
    with pytest.raises(FieldappError):
        build_payload(dataclasses.replace(base, uscc="９１３５"), keys)
    with pytest.raises(FieldappError):
        build_payload(dataclasses.replace(base, number="号" * 90), keys)
    with pytest.raises(FieldappError):
        build_payload(dataclasses.replace(base, issued_on=date(1999, 12, 31)), keys)
    with pytest.raises(FieldappError):
        build_payload(PayloadFields(base.kind, base.number, base.uscc, base.issued_on, None, b"x"), keys)
