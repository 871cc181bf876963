"""The signed QR payload printed on every page of an enforcement document.

Text form: ``FA1.`` + unpadded RFC 4648 base32 of a binary record, optionally behind an office
verification URL (``https://yjj.example.gov.cn/v?p=FA1.…``) so that a phone's camera app opens the
office's check page. The parser accepts both forms, in any letter case.

Why base32: the renderer lets ``qrcode`` put runs of ≥ 20 characters from the QR alphanumeric set
(``0-9 A-Z $%*+-./:`` and space) into alphanumeric mode, 5.5 bits per character. Base32 (``A-Z2-7``) is in
that set and is safe in a URL query: 40 data bits cost 44 bits of code. Base45 would be ~7 % denser but
uses space, ``%``, ``+`` and ``/``, which URLs mangle; base64url is case-sensitive, so it falls back to
byte mode (8 bits per 6 data bits, ~20 % more modules than base32).

Binary record (big-endian; ``FA1`` is the version, so a new layout gets a new prefix):

====  ==============================================================================
u8    document type (1 现场检查记录, 2 责令限期整改指令书, 3 整改复查意见书, 4 现场处理措施决定书);
      bit 7 (0x80) set: a demo document (演示文书，无法律效力), issued from demo data
u16   issue date, days since 2000-01-01
u16   deadline, days since 2000-01-01; 0xFFFF = none
u8+n  USCC, ASCII (may be empty)
u8+n  document number, UTF-8 (e.g. ``梁应急责改〔2026〕15号``, 30 bytes)
16    SHA-256 of the document's canonical JSON, truncated to 128 bits
8     key id: first 8 bytes of SHA-256 of the raw Ed25519 public key (16 hex digits)
64    Ed25519 signature over ``b"FA1\\0"`` + all the bytes above
====  ==============================================================================

The demo flag rides in the type byte, so a real notice's payload is byte for byte what it was before the
flag existed, and the flag is covered by the signature: a payload stripped of it no longer verifies.
Verifiers that predate the flag reject a demo payload as damaged, which is also the right answer.

The content hash is truncated because the QR must stay small (a typical payload is 144 bytes → 231
characters → QR version 13 at level H, about 29 mm). 128 bits still leave second-preimage attacks out of
reach; the only party that could exploit birthday collisions (2^64) is the signing device itself, which
can sign whatever it likes anyway. The full hash lives in the office's record.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import enum
import hashlib
import json
import struct
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldapp.documents.content import Document
from fieldapp.documents.keys import DeviceKeys, key_id_for
from fieldapp.errors import FieldappError
from fieldapp.models import doc_types
from fieldapp.models.doc_types import DocType

PREFIX = "FA1."
SIGNING_CONTEXT = b"FA1\x00"
HASH_BYTES = 16
KEY_ID_BYTES = 8
SIGNATURE_BYTES = 64
NO_DATE = 0xFFFF
EPOCH = date(2000, 1, 1)
MAX_TEXT = 4096  # far beyond any QR this app prints; stops work on absurd input early

DEMO_FLAG = 0x80  # or-ed into the document type byte


@dataclass(frozen=True)
class Reason:
    en: str
    zh: str

    def message(self, lang: str = "en") -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class PayloadFields:
    """What the QR code vouches for. ``content_hash`` may be the full SHA-256; only 16 bytes are kept."""

    kind: DocType
    number: str
    uscc: str
    issued_on: date
    deadline: date | None
    content_hash: bytes
    demo: bool = field(default=False, kw_only=True)  # a demo document: no legal effect


@dataclass(frozen=True)
class Payload(PayloadFields):
    """A parsed payload; not yet verified (see ``verify_payload``)."""

    key_id: str
    signature: bytes = field(repr=False)
    signed_data: bytes = field(repr=False)
    verify_url: str | None = None  # the URL the token was found in, if any
    token: str = field(default="", repr=False)  # the canonical ``FA1.…`` text


@dataclass(frozen=True)
class VerifyResult:
    valid: bool
    reason: Reason
    payload: Payload | None = None


# ------------------------------------------------------------------------------------- content hashing


def _jsonable(value: Any) -> Any:
    if isinstance(value, DocType):
        return value.title_zh  # documents have always hashed their type by its printed title
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        kind = getattr(type(value), "kind", None)
        if isinstance(kind, DocType):
            out["kind"] = _jsonable(kind)
        return out
    if isinstance(value, bytes):
        # Photos and signature images enter by digest: the hash must not cost a pass over megabytes twice,
        # and the photo digests are printed on the document anyway.
        return {"sha256": hashlib.sha256(value).hexdigest()}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


def canonical_json(doc: Document) -> bytes:
    """The document as canonical JSON (sorted keys, no spaces, UTF-8), without its own QR payload."""
    data = _jsonable(doc)
    data.pop("qr_payload", None)
    if not data.get("demo"):
        data.pop("demo", None)  # a real notice hashes exactly as it did before demo documents existed
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_hash(doc: Document) -> bytes:
    """Full SHA-256 of ``canonical_json(doc)``; store this in the record, the QR carries its first 16 bytes."""
    return hashlib.sha256(canonical_json(doc)).digest()


def document_deadline(doc: Document) -> date | None:
    """The date by which everything must be done: the order's deadline, else the latest finding deadline."""
    deadline = getattr(doc, "deadline", None)
    if isinstance(deadline, date):
        return deadline
    dates = [f.deadline for f in getattr(doc, "findings", ()) if f.deadline is not None]
    return max(dates) if dates else None


def fields_for(doc: Document) -> PayloadFields:
    return PayloadFields(
        kind=doc.kind,
        number=doc.number,
        uscc=doc.enterprise.uscc,
        issued_on=doc.issued_on,
        deadline=document_deadline(doc),
        content_hash=content_hash(doc),
        demo=doc.demo,
    )


def with_payload(doc: Document, keys: DeviceKeys, verify_url: str | None = None) -> Document:
    """``doc`` carrying its signed QR payload, ready for ``render``."""
    return dataclasses.replace(doc, qr_payload=build_payload(fields_for(doc), keys, verify_url=verify_url))


# ------------------------------------------------------------------------------------------ build/parse


def _day(value: date, what: str) -> int:
    days = (value - EPOCH).days
    if not 0 <= days < NO_DATE:
        raise FieldappError(f"The {what} {value} cannot be encoded.", f"{what}日期 {value} 超出可编码范围。")
    return days


def _short(data: bytes, what_en: str, what_zh: str) -> bytes:
    if len(data) > 255:
        raise FieldappError(f"The {what_en} is too long for the QR code.", f"{what_zh}过长，无法写入二维码。")
    return bytes([len(data)]) + data


def build_payload(fields: PayloadFields, keys: DeviceKeys, *, verify_url: str | None = None) -> str:
    """The signed payload text; with ``verify_url`` (e.g. ``https://…/v?p=``) the token follows the URL."""
    if len(fields.content_hash) < HASH_BYTES:
        raise FieldappError("The content hash is too short.", "内容摘要长度不足。")
    try:
        uscc = fields.uscc.strip().encode("ascii")
    except UnicodeEncodeError as exc:
        raise FieldappError(f"The USCC '{fields.uscc}' contains invalid characters.",
                            f"统一社会信用代码“{fields.uscc}”含有非法字符。") from exc
    body = (
        struct.pack(">BHH", fields.kind.qr_code | (DEMO_FLAG if fields.demo else 0),
                    _day(fields.issued_on, "issue date"),
                    NO_DATE if fields.deadline is None else _day(fields.deadline, "deadline"))
        + _short(uscc, "USCC", "统一社会信用代码")
        + _short(fields.number.encode("utf-8"), "document number", "文号")
        + fields.content_hash[:HASH_BYTES]
        + bytes.fromhex(keys.public_key_id)
    )
    signature = keys.sign_payload(SIGNING_CONTEXT + body)
    token = PREFIX + base64.b32encode(body + signature).decode("ascii").rstrip("=")
    return (verify_url or "") + token


def _malformed(detail_en: str, detail_zh: str) -> FieldappError:
    return FieldappError(f"Not a valid fieldapp QR code: {detail_en}.", f"不是有效的执法文书二维码：{detail_zh}。")


def _token_from(text: str) -> tuple[str, str | None]:
    if text.lower().startswith(("http://", "https://")):
        try:
            parts = urlsplit(text)
            values = parse_qs(parts.query).get("p") or parse_qs(parts.fragment).get("p")
        except ValueError as exc:
            raise _malformed("the URL cannot be read", "网址无法解析") from exc
        if not values:
            raise _malformed("the URL carries no payload", "网址中没有文书信息")
        return values[0].strip(), text[: text.find(values[0])] if values[0] in text else text
    return text, None


def parse_payload(text: str) -> Payload:
    """Parse a scanned QR text (bare token or verification URL). Raises FieldappError if malformed."""
    if not isinstance(text, str):
        raise _malformed("not text", "不是文本")
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise _malformed("too long", "内容过长")
    token, url = _token_from(text)
    if token[: len(PREFIX)].upper() != PREFIX:
        raise _malformed("unknown format", "格式无法识别")
    encoded = token[len(PREFIX):].upper()
    try:
        raw = base64.b32decode(encoded + "=" * (-len(encoded) % 8))
    except (binascii.Error, ValueError) as exc:
        raise _malformed("damaged code", "编码已损坏") from exc
    try:
        return _unpack(raw, url)
    except (struct.error, IndexError, UnicodeDecodeError, ValueError, KeyError) as exc:
        raise _malformed("incomplete or damaged", "内容不完整或已损坏") from exc


def _unpack(raw: bytes, url: str | None) -> Payload:
    type_byte, issued, deadline = struct.unpack_from(">BHH", raw, 0)
    kind_code, demo = type_byte & ~DEMO_FLAG, bool(type_byte & DEMO_FLAG)
    pos = 5
    uscc_len = raw[pos]
    uscc = raw[pos + 1:pos + 1 + uscc_len].decode("ascii")
    pos += 1 + uscc_len
    number_len = raw[pos]
    number = raw[pos + 1:pos + 1 + number_len].decode("utf-8")
    pos += 1 + number_len
    expected = pos + HASH_BYTES + KEY_ID_BYTES + SIGNATURE_BYTES
    if len(raw) != expected or len(uscc) != uscc_len:
        raise ValueError("length")
    kind = doc_types.by_qr_code(kind_code)
    if kind is None or issued == NO_DATE or not number:
        raise ValueError("field")
    digest = raw[pos:pos + HASH_BYTES]
    key_id = raw[pos + HASH_BYTES:pos + HASH_BYTES + KEY_ID_BYTES].hex()
    signature = raw[pos + HASH_BYTES + KEY_ID_BYTES:]
    return Payload(
        kind=kind,
        number=number,
        uscc=uscc,
        issued_on=date.fromordinal(EPOCH.toordinal() + issued),
        deadline=None if deadline == NO_DATE else date.fromordinal(EPOCH.toordinal() + deadline),
        content_hash=digest,
        demo=demo,
        key_id=key_id,
        signature=signature,
        signed_data=SIGNING_CONTEXT + raw[: len(raw) - SIGNATURE_BYTES],
        verify_url=url,
        token=PREFIX + base64.b32encode(raw).decode("ascii").rstrip("="),
    )


def verify_payload(payload: Payload, known_keys: Mapping[str, bytes]) -> VerifyResult:
    """Check the payload's signature against the known device keys (key id → raw Ed25519 public key)."""
    public = known_keys.get(payload.key_id)
    if public is None:
        return VerifyResult(False, Reason(
            f"Signed by an unknown device key ({payload.key_id}).",
            f"签名所用的终端密钥未登记（{payload.key_id}）。",
        ), payload)
    if key_id_for(bytes(public)) != payload.key_id:
        return VerifyResult(False, Reason(
            f"The registered key for {payload.key_id} does not match its id.",
            f"登记的密钥与其编号 {payload.key_id} 不符。",
        ), payload)
    try:
        Ed25519PublicKey.from_public_bytes(bytes(public)).verify(payload.signature, payload.signed_data)
    except (InvalidSignature, ValueError):
        return VerifyResult(False, Reason(
            "The QR code's signature is not valid: the code was altered or forged.",
            "二维码签名无效：二维码被改动或伪造。",
        ), payload)
    return VerifyResult(True, Reason("The QR code's signature is valid.", "二维码签名有效。"), payload)
