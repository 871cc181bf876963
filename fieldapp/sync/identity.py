"""Who this database is in the sync network (device or central) and the keys that prove it.

This is the one place that knows where this installation's keys are: the device's signing keys (QR
payloads and PDFs, ``fieldapp.documents.keys.DeviceKeys``), the X25519 key that opens bundles sent to it,
and on the central side the office CA; and which keys a notice may be verified with (``known_keys``,
``trust_roots``). Private keys live in <data>/keys (0600), never in the database, a bundle or a log. The
database keeps only the role, ids and the public keys of the devices and peers.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.documents.keys import DeviceKeys, OfficeCA, make_office_ca
from fieldapp.errors import FieldappError
from fieldapp.fileio import atomic_write
from fieldapp.models import settings
from fieldapp.models.store import Store
from fieldapp.workspace import Workspace

X25519_FILE = "bundle-x25519.key"
CA_DIR = "office-ca"
CA_CERT_FILE, CA_KEY_FILE = "ca-cert.pem", "ca-p256.key"


def meta(store: Store, key: str) -> str | None:
    value = store.scalar("SELECT value FROM meta WHERE key = ?", (key,))
    return None if value is None else str(value)


def set_meta(store: Store, key: str, value: str) -> None:
    store.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       (key, value))


def keys_dir(ws: Workspace) -> Path:
    return ws.data_dir / "keys"


def signing_keys(ws: Workspace) -> DeviceKeys:
    """This device's signing keys (created on first use), with the public key registered in the database."""
    store = ws.store
    keys = DeviceKeys.load_or_create(keys_dir(ws), store.device_id, f"{settings.get(store, 'issuing_unit')} 执法终端")
    if not store.scalar("SELECT 1 FROM device_keys WHERE key_id = ?", (keys.public_key_id,)):
        with store.transaction():
            store.insert("device_keys", {
                "key_id": keys.public_key_id, "key_device_id": store.device_id, "device_name": keys.signer_name,
                "ed25519_public": keys.payload_public_key.hex(),
                "certificate_pem": keys.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii"),
            }, audit=None)
    return keys


def known_keys(ws: Workspace) -> dict[str, bytes]:
    """The QR payload keys a notice may be signed with: every registered device's that is not revoked."""
    return {r["key_id"]: bytes.fromhex(r["ed25519_public"]) for r in ws.store.query(
        "SELECT key_id, ed25519_public FROM device_keys WHERE revoked = 0")}


def trust_roots(ws: Workspace) -> list[x509.Certificate]:
    """The certificates a notice's PDF signature may chain to."""
    store = ws.store
    # Each device's own (self-issued) certificate: notices signed before the office certified it.
    roots = [x509.load_pem_x509_certificate(row["certificate_pem"].encode("ascii")) for row in store.query(
        "SELECT certificate_pem FROM device_keys WHERE revoked = 0 AND certificate_pem IS NOT NULL")]
    # The office root: notices signed with an office-issued certificate.
    ca_pem = meta(store, "ca_pem")
    if ca_pem:
        roots.append(x509.load_pem_x509_certificate(ca_pem.encode("ascii")))
    ca_file = keys_dir(ws) / CA_DIR / CA_CERT_FILE
    if ca_file.exists():
        roots.append(x509.load_pem_x509_certificate(ca_file.read_bytes()))
    if keys_dir(ws).exists():
        roots.extend(signing_keys(ws).trust_roots())
    return roots


def x25519_private(ws: Workspace) -> X25519PrivateKey:
    path = keys_dir(ws) / X25519_FILE
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except ValueError:
            raise FieldappError(f"the key file {path} is damaged", f"密钥文件 {path} 已损坏") from None
        if not isinstance(key, X25519PrivateKey):
            raise FieldappError(f"the key file {path} is damaged", f"密钥文件 {path} 已损坏")
        return key
    key = X25519PrivateKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_write(path, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption()), mode=0o600)
    return key


def x25519_public(ws: Workspace) -> bytes:
    return x25519_private(ws).public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def office_ca(ws: Workspace, unit: str | None = None) -> OfficeCA:
    folder = keys_dir(ws) / CA_DIR
    cert_path, key_path = folder / CA_CERT_FILE, folder / CA_KEY_FILE
    if cert_path.exists() and key_path.exists():
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        assert isinstance(key, ec.EllipticCurvePrivateKey)
        return OfficeCA(x509.load_pem_x509_certificate(cert_path.read_bytes()), key)
    if unit is None:
        raise FieldappError("the office certification authority is missing", "中心端证书颁发机构缺失")
    ca = make_office_ca(f"{unit} 执法终端根证书", organization=unit)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_write(key_path, ca.private_pem(), mode=0o600)
    atomic_write(cert_path, ca.certificate_pem, mode=0o644)
    return ca


@dataclass(frozen=True)
class Public:
    """The public identity one side gives the other (enrolment file, first bundle)."""

    node_id: str
    name: str
    ed25519: str
    x25519: str
    certificate_pem: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def public_identity(ws: Workspace, name: str) -> Public:
    keys = signing_keys(ws)
    return Public(ws.store.device_id, name, keys.payload_public_key.hex(), x25519_public(ws).hex(),
                  keys.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii"))


@contextmanager
def scratch_file(ws: Workspace, suffix: str = ".zip") -> Iterator[Path]:
    """A temporary file in the data directory (same disk as the result), removed afterwards."""
    folder = ws.data_dir / "tmp"
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(suffix=suffix, dir=folder)
    os.close(fd)
    path = Path(name)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
