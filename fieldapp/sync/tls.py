"""TLS between devices and the office's server, pinned to the office CA the devices received at enrolment.

The office CA (sync.identity.office_ca) issues the server's certificate for the names and addresses devices
use to reach it; a device trusts that CA alone, never the operating system's list, so a certificate from any
other authority — or a proxy on the extranet — is refused. Key and certificate live in <data>/keys (0600).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from fieldapp.errors import FieldappError, ValidationError
from fieldapp.fileio import atomic_write
from fieldapp.sync import identity
from fieldapp.sync.roles import Role, require_role
from fieldapp.workspace import Workspace

SERVER_CERT_FILE, SERVER_KEY_FILE = "server-cert.pem", "server-key.pem"
SERVER_CERT_DAYS = 825  # the longest validity browsers accept for a server certificate


@dataclass(frozen=True)
class ServerFiles:
    certificate: Path
    key: Path
    ca: Path
    hosts: tuple[str, ...]


def _subject_names(hosts: list[str]) -> list[x509.GeneralName]:
    names: list[x509.GeneralName] = []
    for host in hosts:
        host = host.strip()
        if not host:
            continue
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            if any(c.isspace() or c in "/:@" for c in host):
                raise ValidationError(f"{host!r} is not a host name or address", f"“{host}”不是主机名或地址") from None
            names.append(x509.DNSName(host.lower()))
    if not names:
        raise ValidationError("name at least one host name or address of the server",
                              "请至少填写一个服务器主机名或地址")
    return names


def issue_server_certificate(ws: Workspace, hosts: list[str]) -> ServerFiles:
    """A new key and certificate for the server, issued by this office's CA for `hosts` (names or IPs)."""
    require_role(ws.store, Role.CENTRAL)
    names = _subject_names(hosts)
    ca = identity.office_ca(ws)
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    first = names[0].value
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, str(first))]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=SERVER_CERT_DAYS))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    cert = ca.sign(builder)
    folder = identity.keys_dir(ws)
    atomic_write(folder / SERVER_KEY_FILE, key.private_bytes(serialization.Encoding.PEM,
                                                              serialization.PrivateFormat.PKCS8,
                                                              serialization.NoEncryption()), mode=0o600)
    atomic_write(folder / SERVER_CERT_FILE, cert.public_bytes(serialization.Encoding.PEM) + ca.certificate_pem,
                 mode=0o644)
    return server_files(ws)


def server_files(ws: Workspace) -> ServerFiles:
    """The server's key and certificate, refused with the command to make them when missing."""
    folder = identity.keys_dir(ws)
    cert, key = folder / SERVER_CERT_FILE, folder / SERVER_KEY_FILE
    if not (cert.exists() and key.exists()):
        raise FieldappError("the server has no TLS certificate yet: run `fieldapp central server-cert --host NAME`"
                            " with the names devices use to reach it",
                            "服务器尚无 TLS 证书：请先运行 fieldapp central server-cert --host 主机名")
    loaded = x509.load_pem_x509_certificate(cert.read_bytes())
    san = loaded.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    hosts = tuple(str(n.value) for n in san)
    return ServerFiles(cert, key, folder / identity.CA_DIR / identity.CA_CERT_FILE, hosts)

