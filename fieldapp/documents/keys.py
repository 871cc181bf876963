"""The device's signing keys (执法终端密钥), kept in one directory (the app passes ``<data_dir>/keys``).

Two keys, because the two signatures have different constraints:

* an **Ed25519** key signs the QR payload: its 64-byte signatures are the smallest available, and the QR
  code has to stay small enough to print at the top of every page;
* an **ECDSA P-256** key with an X.509 certificate signs the PDF (PAdES): PDF readers and pyHanko's
  validator understand it, Ed25519 in CMS is still poorly supported.

Until the office issues a certificate the device certifies its own key (self-issued); the office CA later
replaces it with ``DeviceKeys.install_certificate``. ``make_office_ca`` and ``issue_device_certificate`` are
the central side of that exchange (used by the tests now).

Private keys are stored unencrypted (PKCS#8 PEM) with 0600 permissions; protecting them at rest with an
OS key store (DPAPI on Windows) is future work. They never appear in ``repr``/``str`` or in logs.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import NameOID

from fieldapp.errors import FieldappError
from fieldapp.fileio import atomic_write

PAYLOAD_KEY_FILE = "payload-ed25519.key"
PDF_KEY_FILE = "pdf-p256.key"
CERT_FILE = "pdf-cert.pem"
CHAIN_FILE = "pdf-chain.pem"
DEVICE_FILE = "device.json"

SELF_ISSUED_DAYS = 3650
DEVICE_CERT_DAYS = 1825
OFFICE_CA_DAYS = 7300
# Offline devices' clocks drift; a certificate that starts "now" would make a signature made on a device
# a few minutes behind the issuer's clock look older than the certificate.
CLOCK_SKEW = dt.timedelta(days=1)


def key_id_for(ed25519_public: bytes) -> str:
    """The short, stable name of a payload key: the first 16 hex digits of SHA-256 of its raw bytes."""
    return hashlib.sha256(ed25519_public).hexdigest()[:16]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _private_pem(key: Ed25519PrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _damaged(path: Path) -> FieldappError:
    return FieldappError(
        f"The device key file {path.name} is damaged. Restore the keys directory from a backup or ask "
        "the office to enrol this device again.",
        f"终端密钥文件 {path.name} 已损坏。请从备份恢复密钥目录，或请局里重新登记本终端。",
    )


def _device_name(device_id: str, device_name: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, device_name or device_id),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, device_id),
    ])


def _signing_extensions(builder: x509.CertificateBuilder) -> x509.CertificateBuilder:
    return (
        builder.add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
    )


def _self_issue(key: ec.EllipticCurvePrivateKey, device_id: str, device_name: str) -> x509.Certificate:
    name = _device_name(device_id, device_name)
    now = _now()
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(now + dt.timedelta(days=SELF_ISSUED_DAYS))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    return _signing_extensions(builder).sign(key, hashes.SHA256())


def _load_cert(data: bytes) -> x509.Certificate:
    try:
        if data.lstrip().startswith(b"-----"):
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise FieldappError("The certificate cannot be read.", "证书无法读取。") from exc


def _load_certs_pem(data: bytes) -> list[x509.Certificate]:
    try:
        return x509.load_pem_x509_certificates(data) if data.strip() else []
    except ValueError as exc:
        raise FieldappError("The certificate chain cannot be read.", "证书链无法读取。") from exc


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


@dataclass(frozen=True)
class DeviceKeys:
    """The keys of this device. Create or load with ``DeviceKeys.load_or_create``."""

    directory: Path
    device_id: str
    device_name: str
    _payload_key: Ed25519PrivateKey = field(repr=False)
    _pdf_key: ec.EllipticCurvePrivateKey = field(repr=False)
    certificate: x509.Certificate = field(repr=False)
    chain: tuple[x509.Certificate, ...] = field(default=(), repr=False)

    @classmethod
    def load_or_create(cls, directory: str | os.PathLike[str], device_id: str,
                       device_name: str = "") -> DeviceKeys:
        """Load the keys from ``directory``; create (and self-certify) whatever is missing."""
        if not device_id.strip():
            raise FieldappError("The device has no id.", "终端缺少编号。")
        path = Path(directory)
        try:
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
            device_file = path / DEVICE_FILE
            if device_file.exists():
                try:
                    stored = json.loads(device_file.read_text("utf-8"))
                    stored_id, stored_name = str(stored["device_id"]), str(stored.get("device_name", ""))
                except (ValueError, KeyError, TypeError) as exc:
                    raise _damaged(device_file) from exc
                if stored_id != device_id:
                    # Keys copied from another device would sign documents in that device's name.
                    raise FieldappError(
                        f"The keys directory belongs to device {stored_id}, not {device_id}.",
                        f"密钥目录属于终端 {stored_id}，而不是 {device_id}。",
                    )
                device_name = stored_name or device_name
            else:
                info = {"device_id": device_id, "device_name": device_name}
                atomic_write(device_file, json.dumps(info, ensure_ascii=False).encode("utf-8"), mode=0o644)

            payload_key = cls._load_or_make_key(path / PAYLOAD_KEY_FILE, Ed25519PrivateKey.generate)
            pdf_key = cls._load_or_make_key(path / PDF_KEY_FILE, lambda: ec.generate_private_key(ec.SECP256R1()))
            if not isinstance(payload_key, Ed25519PrivateKey):
                raise _damaged(path / PAYLOAD_KEY_FILE)
            if not isinstance(pdf_key, ec.EllipticCurvePrivateKey) or pdf_key.curve.name != "secp256r1":
                raise _damaged(path / PDF_KEY_FILE)

            cert_file = path / CERT_FILE
            chain: tuple[x509.Certificate, ...] = ()
            if cert_file.exists():
                cert = _load_cert(cert_file.read_bytes())
                if cert.public_key() != pdf_key.public_key():
                    raise _damaged(cert_file)
                chain_file = path / CHAIN_FILE
                if chain_file.exists():
                    chain = tuple(_load_certs_pem(chain_file.read_bytes()))
            else:
                cert = _self_issue(pdf_key, device_id, device_name)
                atomic_write(cert_file, cert.public_bytes(serialization.Encoding.PEM), mode=0o644)
        except OSError as exc:
            raise FieldappError(
                f"The device keys in {path} cannot be read or written: {exc.strerror or exc}",
                f"无法读写终端密钥目录 {path}：{exc.strerror or exc}",
            ) from exc
        return cls(path, device_id, device_name, payload_key, pdf_key, cert, chain)

    @staticmethod
    def _load_or_make_key(path: Path, make: Any) -> Any:
        if path.exists():
            try:
                return serialization.load_pem_private_key(path.read_bytes(), password=None)
            except (ValueError, TypeError) as exc:
                raise _damaged(path) from exc
        key = make()
        atomic_write(path, _private_pem(key), mode=0o600)
        return key

    # -- public material

    @property
    def payload_public_key(self) -> bytes:
        """The raw 32-byte Ed25519 public key that verifies QR payloads."""
        return self._payload_key.public_key().public_bytes(serialization.Encoding.Raw,
                                                           serialization.PublicFormat.Raw)

    @property
    def public_key_id(self) -> str:
        return key_id_for(self.payload_public_key)

    @property
    def pdf_public_key(self) -> ec.EllipticCurvePublicKey:
        return self._pdf_key.public_key()

    @property
    def self_issued(self) -> bool:
        return self.certificate.issuer == self.certificate.subject and _issued_by(self.certificate,
                                                                                  self.certificate)

    @property
    def signer_name(self) -> str:
        names = self.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(names[0].value) if names else self.device_id

    def known_keys(self) -> dict[str, bytes]:
        """This device's entry for a ``known_keys`` mapping (key id → raw Ed25519 public key)."""
        return {self.public_key_id: self.payload_public_key}

    def trust_roots(self) -> list[x509.Certificate]:
        """What a verifier on this device trusts for PDF signatures: the office root, else its own cert."""
        return [self.chain[-1]] if self.chain else [self.certificate]

    def public_bundle(self) -> dict[str, Any]:
        """Public material only, JSON-serialisable: what the office needs to enrol this device."""
        pem = serialization.Encoding.PEM
        return {
            "device_id": self.device_id,
            "device_name": self.device_name,
            "payload_key_id": self.public_key_id,
            "payload_public_key": base64.b64encode(self.payload_public_key).decode("ascii"),
            "pdf_public_key_pem": self.pdf_public_key.public_bytes(
                pem, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii"),
            "certificate_pem": self.certificate.public_bytes(pem).decode("ascii"),
            "chain_pems": [c.public_bytes(pem).decode("ascii") for c in self.chain],
            "self_issued": self.self_issued,
        }

    # -- signing (private keys stay inside this object)

    def sign_payload(self, data: bytes) -> bytes:
        return self._payload_key.sign(data)

    def pdf_signing_key_der(self) -> bytes:
        """PKCS#8 DER of the PDF key, for handing to pyHanko's signer; never store or log it."""
        return self._pdf_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption())

    # -- certificate from the office

    def install_certificate(self, cert_pem: bytes | str,
                            chain_pems: Sequence[bytes | str] = ()) -> DeviceKeys:
        """Replace the self-issued certificate with one issued by the office; returns the updated keys.

        ``chain_pems`` runs from the issuing CA up to the office root. The certificate must be for this
        device's PDF key, allow signing and be issued by the first certificate of the chain.
        """
        raw = cert_pem.encode("ascii") if isinstance(cert_pem, str) else cert_pem
        cert = _load_cert(raw)
        chain = [_load_cert(c.encode("ascii") if isinstance(c, str) else c) for c in chain_pems]
        if cert.public_key() != self.pdf_public_key:
            raise FieldappError(
                "The certificate was issued for another key, not for this device.",
                "该证书不是为本终端的密钥签发的。",
            )
        try:
            usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
            can_sign = usage.digital_signature or usage.content_commitment
        except x509.ExtensionNotFound:
            can_sign = True
        if not can_sign:
            raise FieldappError("The certificate does not allow signing.", "该证书不允许用于签名。")
        if cert.not_valid_after_utc < _now():
            raise FieldappError("The certificate has expired.", "该证书已过期。")
        for child, parent in zip([cert, *chain], chain, strict=False):
            if not _issued_by(child, parent):
                raise FieldappError(
                    f"The certificate chain is broken at '{child.subject.rfc4514_string()}'.",
                    f"证书链不完整：“{child.subject.rfc4514_string()}”不是由链中下一张证书签发的。",
                )
        pem = serialization.Encoding.PEM
        try:
            atomic_write(self.directory / CHAIN_FILE, b"".join(c.public_bytes(pem) for c in chain), mode=0o644)
            atomic_write(self.directory / CERT_FILE, cert.public_bytes(pem), mode=0o644)
        except OSError as exc:
            raise FieldappError(
                f"The certificate cannot be saved: {exc.strerror or exc}",
                f"无法保存证书：{exc.strerror or exc}",
            ) from exc
        return DeviceKeys(self.directory, self.device_id, self.device_name, self._payload_key,
                          self._pdf_key, cert, tuple(chain))


# ------------------------------------------------------------------------------ office (central) side


@dataclass(frozen=True)
class OfficeCA:
    """An office certification authority. Its private key never appears in ``repr``."""

    certificate: x509.Certificate = field(repr=False)
    _key: ec.EllipticCurvePrivateKey = field(repr=False)

    @property
    def name(self) -> str:
        return self.certificate.subject.rfc4514_string()

    @property
    def certificate_pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    def private_pem(self) -> bytes:
        """PKCS#8 PEM of the CA key, for the office's keys directory only."""
        return _private_pem(self._key)

    def sign(self, builder: x509.CertificateBuilder) -> x509.Certificate:
        """Issue the certificate `builder` describes (issuer name and key identifier filled in here)."""
        builder = builder.issuer_name(self.certificate.subject).add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(self._key.public_key()), critical=False)
        return builder.sign(self._key, hashes.SHA256())

    def __repr__(self) -> str:
        return f"OfficeCA({self.name!r})"


def make_office_ca(name: str, *, organization: str = "", valid_days: int = OFFICE_CA_DAYS) -> OfficeCA:
    """A self-signed office root CA on P-256 (for the central side; tests use it too)."""
    key = ec.generate_private_key(ec.SECP256R1())
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if organization:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
    subject = x509.Name(attrs)
    now = _now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(now + dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=False, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return OfficeCA(cert, key)


def issue_device_certificate(ca: OfficeCA, device_public_key: ec.EllipticCurvePublicKey | bytes | str, *,
                             device_id: str, device_name: str = "",
                             valid_days: int = DEVICE_CERT_DAYS) -> x509.Certificate:
    """Certify a device's PDF key (``DeviceKeys.pdf_public_key`` or the PEM from ``public_bundle``)."""
    if isinstance(device_public_key, str):
        device_public_key = device_public_key.encode("ascii")
    if isinstance(device_public_key, bytes):
        try:
            loaded = serialization.load_pem_public_key(device_public_key)
        except ValueError as exc:
            raise FieldappError("The device public key cannot be read.", "终端公钥无法读取。") from exc
        if not isinstance(loaded, ec.EllipticCurvePublicKey):
            raise FieldappError("The device public key is not an EC key.", "终端公钥不是椭圆曲线密钥。")
        device_public_key = loaded
    now = _now()
    builder = (
        x509.CertificateBuilder()
        .subject_name(_device_name(device_id, device_name))
        .issuer_name(ca.certificate.subject)
        .public_key(device_public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(now + dt.timedelta(days=valid_days))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(device_public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca._key.public_key()),
                       critical=False)
    )
    return _signing_extensions(builder).sign(ca._key, hashes.SHA256())

