"""PAdES signatures on rendered documents (pyHanko), made with the device certificate.

Signing produces a PAdES baseline B-B signature (``ETSI.CAdES.detached``, SHA-256, ECDSA P-256): no
timestamp, because devices sign offline. Verification is offline too: no revocation fetching, trust comes
only from ``trust_roots`` (the office root, or a device's own self-issued certificate until the office has
issued one).

"One changed byte anywhere must fail": pyHanko checks the digest over the signed byte ranges and that they
cover the whole file; the only bytes it does not cover are the hex string holding the signature itself,
where two spellings can decode to the same bytes (``ab`` vs ``AB``) and zero padding after the DER is
ignored by the CMS parser. ``verify_pdf_signature`` therefore also requires that gap to be exactly what
pyHanko writes: ``<`` + upper-case hex of the DER + zero padding + ``>``.
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from fieldapp.documents.keys import DeviceKeys
from fieldapp.documents.qr import Reason
from fieldapp.errors import FieldappError

log = logging.getLogger(__name__)

FIELD_NAME = "FieldappSignature"
# Room for the CMS blob: an ECDSA signature with a chain of two certificates is about 2 KB.
SIGNATURE_SIZE = 8192  # bytes of hex in the file: 4 KB of CMS


@dataclass(frozen=True)
class SignatureCheck:
    """The result of checking a PDF's signature. ``valid`` is the overall verdict."""

    signed: bool
    intact: bool
    modified: bool
    trusted: bool
    valid: bool
    reason: Reason
    signer: str | None = None
    signed_at: datetime | None = None


def _asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def sign_pdf(pdf_bytes: bytes, keys: DeviceKeys, *, reason: str, location: str) -> bytes:
    """Sign ``pdf_bytes`` (as produced by ``render``) with the device's PDF certificate."""
    signer = signers.SimpleSigner(
        signing_cert=_asn1_cert(keys.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(keys.pdf_signing_key_der()),
        cert_registry=SimpleCertificateStore.from_certs([_asn1_cert(c) for c in keys.chain]),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        reason=reason,
        location=location,
        name=keys.signer_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    started = time.perf_counter()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
        out = signers.PdfSigner(meta, signer).sign_pdf(writer, bytes_reserved=SIGNATURE_SIZE)
    except Exception as exc:  # pyHanko raises many types for an unreadable input
        raise FieldappError(
            "The PDF cannot be signed: it is not a readable PDF.",
            "无法签署该 PDF：文件无法读取。",
        ) from exc
    log.debug("signed PDF in %.0f ms", (time.perf_counter() - started) * 1000)
    return out.getvalue()


def _gap_is_canonical(pdf: bytes, byte_range: list[int], contents: bytes) -> bool:
    start, end = byte_range[0] + byte_range[1], byte_range[2]
    if not 0 <= start < end <= len(pdf):
        return False
    der_len = _der_length(contents)
    if der_len is None or any(contents[der_len:]):
        return False
    return pdf[start:end] == b"<" + contents.hex().upper().encode("ascii") + b">"


def _der_length(data: bytes) -> int | None:
    """Total length of the outer DER element, or None if the header is not DER."""
    if len(data) < 2 or data[0] != 0x30:
        return None
    first = data[1]
    if first < 0x80:
        return 2 + first
    count = first & 0x7F
    if count == 0 or count > 4 or len(data) < 2 + count:
        return None
    return 2 + count + int.from_bytes(data[2:2 + count], "big")


def _signer_name(cert: object) -> str | None:
    try:
        name = cert.subject.native  # type: ignore[attr-defined]
        return str(name.get("common_name") or cert.subject.human_friendly)  # type: ignore[attr-defined]
    except Exception:  # a name that asn1crypto cannot decode is still no reason to fail the check
        return None


def _fail(reason: Reason, *, signed: bool = True, intact: bool = False, modified: bool = True,
          signer: str | None = None, signed_at: datetime | None = None) -> SignatureCheck:
    return SignatureCheck(signed=signed, intact=intact, modified=modified, trusted=False, valid=False,
                          reason=reason, signer=signer, signed_at=signed_at)


def verify_pdf_signature(pdf_bytes: bytes, trust_roots: Iterable[x509.Certificate]) -> SignatureCheck:
    """Check the PDF's signature offline. Never raises for a damaged or foreign file."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        signatures = reader.embedded_signatures
    except Exception:  # pyHanko raises many types for a damaged file
        return _fail(Reason("The file is not a readable PDF.", "文件不是可读取的 PDF。"), signed=False)
    if not signatures:
        return _fail(Reason("The PDF is not signed.", "该 PDF 没有电子签名。"), signed=False, modified=False)
    if len(signatures) > 1:
        return _fail(Reason("The PDF carries more than one signature; fieldapp signs once.",
                            "该 PDF 含有多个签名，与本系统签发的文书不符。"))
    embedded = signatures[0]
    signer = None
    try:
        signer = _signer_name(embedded.signer_cert)
        context = ValidationContext(trust_roots=[_asn1_cert(c) for c in trust_roots], allow_fetching=False,
                                    revocation_mode="soft-fail")
        status = validate_pdf_signature(embedded, signer_validation_context=context)
        gap_ok = _gap_is_canonical(pdf_bytes, list(embedded.byte_range), embedded.pkcs7_content)
    except Exception:
        log.debug("signature validation failed", exc_info=True)
        return _fail(Reason("The signature is damaged and cannot be checked.", "签名已损坏，无法验证。"),
                     signer=signer)
    signed_at = status.signer_reported_dt
    whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    if not (status.intact and status.valid and gap_ok):
        return _fail(Reason("The PDF was altered after it was signed (the signature does not match).",
                            "PDF 签署后被改动（签名与内容不符）。"), signer=signer, signed_at=signed_at)
    if not whole_file:
        return _fail(Reason("Content was added to the PDF after it was signed.",
                            "PDF 签署后被追加了内容。"), intact=True, signer=signer, signed_at=signed_at)
    if not status.trusted:
        return SignatureCheck(
            signed=True, intact=True, modified=False, trusted=False, valid=False,
            reason=Reason(f"The signature is intact, but the signer '{signer}' is not a trusted device "
                          "or its certificate is not valid now.",
                          f"签名完整，但签署者“{signer}”不是受信任的终端，或其证书当前无效。"),
            signer=signer, signed_at=signed_at,
        )
    return SignatureCheck(
        signed=True, intact=True, modified=False, trusted=True, valid=True,
        reason=Reason(f"Signed by '{signer}'; the PDF has not been altered.",
                      f"由“{signer}”签署，PDF 未被改动。"),
        signer=signer, signed_at=signed_at,
    )
