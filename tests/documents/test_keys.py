from __future__ import annotations

import base64
import hashlib
import json
import logging
import stat
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from fieldapp.documents.keys import (
    CERT_FILE,
    CHAIN_FILE,
    PAYLOAD_KEY_FILE,
    PDF_KEY_FILE,
    DeviceKeys,
    issue_device_certificate,
    make_office_ca,
)
from fieldapp.errors import FieldappError


@pytest.fixture
def keys(tmp_path: Path) -> DeviceKeys:
    return DeviceKeys.load_or_create(tmp_path / "keys", "dev-001", "拳铺镇终端1")


def _private_secrets(keys: DeviceKeys) -> list[str]:
    """Every spelling of the private keys that could leak: PEM body, raw hex, raw base64."""
    out = []
    for name in (PAYLOAD_KEY_FILE, PDF_KEY_FILE):
        pem = (keys.directory / name).read_text()
        out += [line for line in pem.splitlines() if line and not line.startswith("-----")]
    raw = keys._payload_key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                          serialization.NoEncryption())
    scalar = keys._pdf_key.private_numbers().private_value.to_bytes(32, "big")
    for secret in (raw, scalar):
        out += [secret.hex(), base64.b64encode(secret).decode(), str(int.from_bytes(secret, "big"))]
    return out


def test_private_key_files_are_0600_and_directory_private(keys: DeviceKeys) -> None:
    for name in (PAYLOAD_KEY_FILE, PDF_KEY_FILE):
        assert stat.S_IMODE((keys.directory / name).stat().st_mode) == 0o600
    assert stat.S_IMODE(keys.directory.stat().st_mode) == 0o700
    # Atomic writes leave no temp files behind.
    assert not [p for p in keys.directory.iterdir() if p.name.startswith(".")]


def test_no_private_material_in_repr_str_bundle_or_logs(tmp_path: Path,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        keys = DeviceKeys.load_or_create(tmp_path / "k", "dev-001", "终端")
        bundle = keys.public_bundle()
    visible = " ".join([repr(keys), str(keys), json.dumps(bundle, ensure_ascii=False), caplog.text])
    assert "PRIVATE" not in visible
    for secret in _private_secrets(keys):
        assert secret not in visible
    ca = make_office_ca("梁山县应急管理局")
    assert "PRIVATE" not in repr(ca) + str(ca)
    assert str(ca._key.private_numbers().private_value) not in repr(ca)


def test_reload_gives_the_same_identity(keys: DeviceKeys) -> None:
    again = DeviceKeys.load_or_create(keys.directory, "dev-001", "another name")
    assert again.public_key_id == keys.public_key_id
    assert again.certificate == keys.certificate
    assert again.device_name == "拳铺镇终端1"  # the stored name wins


def test_key_id_is_short_fingerprint_of_raw_ed25519_key(keys: DeviceKeys) -> None:
    assert len(keys.payload_public_key) == 32
    assert keys.public_key_id == hashlib.sha256(keys.payload_public_key).hexdigest()[:16]
    assert keys.known_keys() == {keys.public_key_id: keys.payload_public_key}


def test_public_bundle_has_only_public_material(keys: DeviceKeys) -> None:
    bundle = keys.public_bundle()
    assert bundle["device_id"] == "dev-001"
    assert bundle["payload_key_id"] == keys.public_key_id
    assert base64.b64decode(bundle["payload_public_key"]) == keys.payload_public_key
    assert serialization.load_pem_public_key(bundle["pdf_public_key_pem"].encode()) == keys.pdf_public_key
    assert bundle["self_issued"] is True


def test_self_issued_certificate_allows_signing(keys: DeviceKeys) -> None:
    cert = keys.certificate
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    assert keys.self_issued
    assert keys.signer_name == "拳铺镇终端1"
    assert keys.trust_roots() == [cert]


def test_keys_of_another_device_are_refused(keys: DeviceKeys) -> None:
    with pytest.raises(FieldappError) as info:
        DeviceKeys.load_or_create(keys.directory, "dev-002", "x")
    assert "dev-001" in info.value.zh


def test_damaged_key_file_is_reported_not_replaced(keys: DeviceKeys) -> None:
    (keys.directory / PDF_KEY_FILE).write_text("garbage")
    with pytest.raises(FieldappError, match="damaged"):
        DeviceKeys.load_or_create(keys.directory, "dev-001")
    assert (keys.directory / PDF_KEY_FILE).read_text() == "garbage"


def test_install_office_certificate(keys: DeviceKeys) -> None:
    ca = make_office_ca("梁山县应急管理局 CA", organization="梁山县应急管理局")
    bundle = keys.public_bundle()
    cert = issue_device_certificate(ca, bundle["pdf_public_key_pem"], device_id="dev-001",
                                    device_name="拳铺镇终端1")
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    pem = cert.public_bytes(serialization.Encoding.PEM)
    installed = keys.install_certificate(pem, [ca.certificate_pem])
    assert not installed.self_issued
    assert installed.trust_roots() == [ca.certificate]
    assert (keys.directory / CHAIN_FILE).exists()
    reloaded = DeviceKeys.load_or_create(keys.directory, "dev-001")
    assert reloaded.certificate == cert
    assert reloaded.chain == (ca.certificate,)
    assert reloaded.public_key_id == keys.public_key_id  # the QR key does not change


def test_install_refuses_foreign_or_broken_certificates(keys: DeviceKeys, tmp_path: Path) -> None:
    ca = make_office_ca("CA")
    other = DeviceKeys.load_or_create(tmp_path / "other", "dev-009")
    foreign = issue_device_certificate(ca, other.pdf_public_key, device_id="dev-009")
    with pytest.raises(FieldappError, match="another key"):
        keys.install_certificate(foreign.public_bytes(serialization.Encoding.PEM), [ca.certificate_pem])
    mine = issue_device_certificate(ca, keys.pdf_public_key, device_id="dev-001")
    with pytest.raises(FieldappError, match="chain is broken"):
        keys.install_certificate(mine.public_bytes(serialization.Encoding.PEM),
                                 [make_office_ca("other CA").certificate_pem])
    with pytest.raises(FieldappError):
        keys.install_certificate(b"not a certificate")
    before = (keys.directory / CERT_FILE).read_bytes()
    assert DeviceKeys.load_or_create(keys.directory, "dev-001").certificate.public_bytes(
        serialization.Encoding.PEM) == before
