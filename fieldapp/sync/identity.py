"""Who this database is in the sync network (device or central) and the keys that prove it.

Private keys live in <data>/keys (0600), never in the database, a bundle or a log. The database keeps
only the role, ids and the public keys of the peers.
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
from fieldapp.models.store import Store
from fieldapp.workspace import Workspace

X25519_FILE = "bundle-x25519.key"
CA_DIR = "office-ca"


def meta(store: Store, key: str) -> str | None:
    value = store.scalar("SELECT value FROM meta WHERE key = ?", (key,))
    return None if value is None else str(value)


def set_meta(store: Store, key: str, value: str) -> None:
    store.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       (key, value))


def keys_dir(ws: Workspace) -> Path:
    return ws.data_dir / "keys"


def signing_keys(ws: Workspace) -> DeviceKeys:
    from fieldapp.services.notices import device_keys

    return device_keys(ws)


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
    cert_path, key_path = folder / "ca-cert.pem", folder / "ca-p256.key"
    if cert_path.exists() and key_path.exists():
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        assert isinstance(key, ec.EllipticCurvePrivateKey)
        return OfficeCA(x509.load_pem_x509_certificate(cert_path.read_bytes()), key)
    if unit is None:
        raise FieldappError("the office certification authority is missing", "中心端证书颁发机构缺失")
    ca = make_office_ca(f"{unit} 执法终端根证书", organization=unit)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_write(key_path, ca._key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption()), mode=0o600)
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
