"""The signed, encrypted envelope around a bundle (docs/bundle-format.md).

    "FABNDL01" | u32 header length | header (JSON) | chunks… | Ed25519 signature (64 bytes)

Each chunk is `u32 length | AES-256-GCM ciphertext` of up to 1 MiB of the inner zip; the key comes from
X25519 (an ephemeral key against the recipient's key) and HKDF; the nonce carries the chunk index and
the additional data says whether it is the last chunk, so reordered, dropped or truncated chunks fail.
The signature covers every byte before it and is checked, streaming, before anything is decrypted.
An enrolment file uses the same layout with `"encrypted": false` (the device has no key yet).
Memory use is one chunk, whatever the bundle size.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldapp.errors import FieldappError
from fieldapp.fileio import atomic_writer

MAGIC = b"FABNDL01"
CHUNK = 1024 * 1024
SIG_LEN = 64
MAX_HEADER = 64 * 1024
FORMAT = 1


class BundleRejected(FieldappError):
    """The bundle is refused before anything is applied."""


def reject(en: str, zh: str) -> BundleRejected:
    """The error that refuses a bundle (or an enrolment file) before anything is applied."""
    return BundleRejected(f"bundle rejected: {en}; nothing was changed", f"数据包被拒绝：{zh}；未做任何修改")


@dataclass(frozen=True)
class Header:
    raw: dict[str, Any]
    encoded: bytes

    @property
    def sender(self) -> str:
        return str(self.raw["sender"])

    @property
    def recipient(self) -> str:
        return str(self.raw["recipient"])

    @property
    def encrypted(self) -> bool:
        return bool(self.raw.get("encrypted", True))


def _hkdf(shared: bytes, salt: bytes, header_hash: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
                info=b"fieldapp bundle v1" + header_hash).derive(shared)


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def seal(plain: Path, out: Path, *, header: dict[str, Any], sign: Callable[[bytes], bytes],
         recipient_x25519: bytes | None) -> None:
    """Write `plain` (the inner zip) into `out` as a signed (and, given a recipient key, encrypted) envelope."""
    header = dict(header, format=FORMAT, encrypted=recipient_x25519 is not None, chunk_size=CHUNK)
    key = None
    if recipient_x25519 is not None:
        eph = X25519PrivateKey.generate()
        header["epk"] = eph.public_key().public_bytes(serialization.Encoding.Raw,
                                                      serialization.PublicFormat.Raw).hex()
        salt, prefix = os.urandom(16), os.urandom(8)
        header["salt"], header["nonce_prefix"] = salt.hex(), prefix.hex()
        encoded = json.dumps(header, sort_keys=True, ensure_ascii=False).encode("utf-8")
        shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_x25519))
        key = AESGCM(_hkdf(shared, salt, hashlib.sha256(encoded).digest()))
    else:
        encoded = json.dumps(header, sort_keys=True, ensure_ascii=False).encode("utf-8")
    header_hash = hashlib.sha256(encoded).digest()
    digest = hashlib.sha256()
    size = plain.stat().st_size
    with plain.open("rb") as src, atomic_writer(out) as dst:
        def write(data: bytes) -> None:
            digest.update(data)
            dst.write(data)

        write(MAGIC + struct.pack(">I", len(encoded)) + encoded)
        index = 0
        done = 0
        while True:
            block = src.read(CHUNK)
            done += len(block)
            last = done >= size
            if key is not None:
                aad = header_hash + struct.pack(">I?", index, last)
                block = key.encrypt(_nonce(bytes.fromhex(header["nonce_prefix"]), index), block, aad)
            write(struct.pack(">I", len(block)) + block)
            index += 1
            if last:
                break
        dst.write(sign(digest.digest()))


def read_header(path: Path) -> Header:
    try:
        with path.open("rb") as fh:
            start = fh.read(12)
            if len(start) < 12 or start[:8] != MAGIC:
                raise reject("not a fieldapp bundle (wrong file type)", "不是 fieldapp 数据包（文件类型不符）")
            (length,) = struct.unpack(">I", start[8:])
            if length > MAX_HEADER:
                raise reject("the header is too large", "数据包头过大")
            encoded = fh.read(length)
    except OSError as exc:
        raise reject(f"cannot read the file ({exc.strerror})", f"无法读取文件（{exc.strerror}）") from exc
    if len(encoded) != length:
        raise reject("the file is truncated", "文件不完整（已截断）")
    try:
        raw = json.loads(encoded)
    except ValueError:
        raise reject("the header is damaged", "数据包头已损坏") from None
    if not isinstance(raw, dict) or not {"sender", "recipient", "bundle_id", "format"} <= set(raw):
        raise reject("the header is incomplete", "数据包头不完整")
    if int(raw["format"]) > FORMAT:
        raise reject(f"format {raw['format']} is newer than this fieldapp knows ({FORMAT}); update fieldapp",
                      f"数据包格式版本 {raw['format']} 高于本程序支持的版本，请升级软件")
    return Header(raw, encoded)


def verify_signature(path: Path, header: Header, ed25519_public: bytes) -> None:
    """Check the signature over the whole file (streaming) before any byte is decrypted or trusted."""
    size = path.stat().st_size
    if size < 12 + len(header.encoded) + 4 + SIG_LEN:
        raise reject("the file is truncated", "文件不完整（已截断）")
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        remaining = size - SIG_LEN
        while remaining:
            block = fh.read(min(CHUNK, remaining))
            if not block:
                raise reject("the file is truncated", "文件不完整（已截断）")
            digest.update(block)
            remaining -= len(block)
        signature = fh.read(SIG_LEN)
    try:
        Ed25519PublicKey.from_public_bytes(ed25519_public).verify(signature, digest.digest())
    except (InvalidSignature, ValueError):
        raise reject("the signature does not match (the file was altered, damaged or not made by the sender)",
                      "签名校验失败（文件被篡改、损坏或并非由发送方生成）") from None


def _chunks(path: Path, header: Header) -> Iterator[bytes]:
    size = path.stat().st_size
    end = size - SIG_LEN
    with path.open("rb") as fh:
        fh.seek(12 + len(header.encoded))
        while fh.tell() < end:
            raw = fh.read(4)
            if len(raw) < 4:
                raise reject("the file is truncated", "文件不完整（已截断）")
            (length,) = struct.unpack(">I", raw)
            if length > CHUNK + 16 or fh.tell() + length > end:
                raise reject("a chunk is damaged", "数据块已损坏")
            yield fh.read(length)


def open_to(path: Path, header: Header, out: BinaryIO, recipient_private: X25519PrivateKey | None) -> None:
    """Decrypt (or copy) the verified envelope's content into `out`."""
    key = None
    header_hash = hashlib.sha256(header.encoded).digest()
    if header.encrypted:
        if recipient_private is None:
            raise reject("this bundle is encrypted but no decryption key is available", "缺少解密密钥")
        try:
            shared = recipient_private.exchange(X25519PublicKey.from_public_bytes(bytes.fromhex(header.raw["epk"])))
            key = AESGCM(_hkdf(shared, bytes.fromhex(header.raw["salt"]), header_hash))
            prefix = bytes.fromhex(header.raw["nonce_prefix"])
        except (KeyError, ValueError):
            raise reject("the encryption header is damaged", "加密信息已损坏") from None
    chunks = _chunks(path, header)
    index = 0
    pending = next(chunks, None)
    saw_last = False
    while pending is not None:
        following = next(chunks, None)
        last = following is None
        if key is not None:
            try:
                plain = key.decrypt(_nonce(prefix, index), pending, header_hash + struct.pack(">I?", index, last))
            except InvalidTag:
                raise reject("the bundle cannot be decrypted: it is for another recipient or it was altered",
                              "无法解密：数据包不是发给本机的，或已被篡改") from None
        else:
            plain = pending
        out.write(plain)
        saw_last = last
        index += 1
        pending = following
    if not saw_last:
        raise reject("the file is truncated", "文件不完整（已截断）")
