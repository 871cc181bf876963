"""The signed, encrypted envelope: what it accepts and each way it refuses (sync/envelope.py)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.sync import envelope
from fieldapp.sync.envelope import CHUNK, MAGIC, SIG_LEN, BundleRejected

HEADER = {"sender": "dev-1", "recipient": "office", "bundle_id": "b-1"}


def raw(public: object) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)  # type: ignore[attr-defined]


@pytest.fixture
def keys() -> tuple[Ed25519PrivateKey, X25519PrivateKey]:
    return Ed25519PrivateKey.generate(), X25519PrivateKey.generate()


def sealed(tmp_path: Path, keys: tuple[Ed25519PrivateKey, X25519PrivateKey], content: bytes,
           encrypted: bool = True) -> Path:
    signer, recipient = keys
    plain = tmp_path / "inner.zip"
    plain.write_bytes(content)
    out = tmp_path / "b.fabundle"
    envelope.seal(plain, out, header=HEADER, sign=signer.sign,
                  recipient_x25519=raw(recipient.public_key()) if encrypted else None)
    return out


def opened(path: Path, keys: tuple[Ed25519PrivateKey, X25519PrivateKey], *, verify: bool = True) -> bytes:
    signer, recipient = keys
    header = envelope.read_header(path)
    if verify:
        envelope.verify_signature(path, header, raw(signer.public_key()))
    out = io.BytesIO()
    envelope.open_to(path, header, out, recipient if header.encrypted else None)
    return out.getvalue()


def resign(path: Path, signer: Ed25519PrivateKey, body: bytes) -> None:
    """Write `body` with a valid signature, as an attacker holding a device key (or a bug) could."""
    path.write_bytes(body + signer.sign(hashlib.sha256(body).digest()))


def chunks_of(path: Path) -> tuple[bytes, list[bytes]]:
    data = path.read_bytes()[:-SIG_LEN]
    (length,) = struct.unpack(">I", data[8:12])
    pos = 12 + length
    head, parts = data[:pos], []
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        parts.append(data[pos:pos + 4 + n])
        pos += 4 + n
    return head, parts


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 17])
def test_content_of_any_size_comes_back_exactly(tmp_path: Path, keys: tuple[Ed25519PrivateKey, X25519PrivateKey],
                                                 size: int) -> None:
    content = os.urandom(size)
    path = sealed(tmp_path, keys, content)
    assert opened(path, keys) == content
    _, parts = chunks_of(path)
    assert len(parts) == max(1, -(-size // CHUNK))
    assert size < 64 or content[:64] not in path.read_bytes()  # encrypted, not copied


def test_the_header_says_who_and_how(tmp_path: Path, keys: tuple[Ed25519PrivateKey, X25519PrivateKey]) -> None:
    header = envelope.read_header(sealed(tmp_path, keys, b"zip"))
    assert (header.sender, header.recipient, header.encrypted) == ("dev-1", "office", True)
    assert header.raw["format"] == envelope.FORMAT and header.raw["chunk_size"] == CHUNK
    plain = envelope.read_header(sealed(tmp_path, keys, b"zip", encrypted=False))
    assert not plain.encrypted and "epk" not in plain.raw


def test_an_unencrypted_envelope_is_still_signed(tmp_path: Path,
                                                 keys: tuple[Ed25519PrivateKey, X25519PrivateKey]) -> None:
    path = sealed(tmp_path, keys, b"enrolment", encrypted=False)
    assert opened(path, keys) == b"enrolment"
    data = bytearray(path.read_bytes())
    data[-SIG_LEN - 3] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(BundleRejected, match="signature does not match"):
        opened(path, keys)


def test_every_flipped_byte_is_refused_before_decryption(tmp_path: Path,
                                                        keys: tuple[Ed25519PrivateKey, X25519PrivateKey]) -> None:
    path = sealed(tmp_path, keys, os.urandom(3000))
    good = path.read_bytes()
    for offset in range(0, len(good), 97):
        data = bytearray(good)
        data[offset] ^= 0x20
        path.write_bytes(bytes(data))
        with pytest.raises(BundleRejected):
            opened(path, keys)


@pytest.mark.parametrize("keep", [0, 7, 11, 12, 40, -SIG_LEN - 1, -SIG_LEN, -1])
def test_a_truncated_file_is_refused(tmp_path: Path, keys: tuple[Ed25519PrivateKey, X25519PrivateKey],
                                     keep: int) -> None:
    path = sealed(tmp_path, keys, os.urandom(500))
    path.write_bytes(path.read_bytes()[:keep])
    with pytest.raises(BundleRejected) as err:
        opened(path, keys)
    assert "nothing was changed" in err.value.en and "未做任何修改" in err.value.zh


def test_reordered_chunks_fail_even_when_re_signed(tmp_path: Path,
                                                   keys: tuple[Ed25519PrivateKey, X25519PrivateKey]) -> None:
    path = sealed(tmp_path, keys, os.urandom(2 * CHUNK + 10))
    head, parts = chunks_of(path)
    resign(path, keys[0], head + parts[1] + parts[0] + parts[2])
    with pytest.raises(BundleRejected, match="cannot be decrypted"):
        opened(path, keys)


def test_a_dropped_last_chunk_fails_even_when_re_signed(tmp_path: Path,
                                                        keys: tuple[Ed25519PrivateKey, X25519PrivateKey]) -> None:
    path = sealed(tmp_path, keys, os.urandom(CHUNK + 10))
    head, parts = chunks_of(path)
    resign(path, keys[0], head + parts[0])
    with pytest.raises(BundleRejected, match="cannot be decrypted"):
        opened(path, keys)


def test_an_unencrypted_envelope_without_chunks_is_truncated(tmp_path: Path,
                                                            keys: tuple[Ed25519PrivateKey, X25519PrivateKey]) -> None:
    path = sealed(tmp_path, keys, b"x", encrypted=False)
    head, _ = chunks_of(path)
    resign(path, keys[0], head + struct.pack(">I", 0))
    assert opened(path, keys) == b""
    resign(path, keys[0], head)
    with pytest.raises(BundleRejected, match="truncated"):
        opened(path, keys)


def test_a_bundle_for_another_recipient_cannot_be_opened(tmp_path: Path,
                                                         keys: tuple[Ed25519PrivateKey, X25519PrivateKey]) -> None:
    path = sealed(tmp_path, keys, b"secret records")
    with pytest.raises(BundleRejected, match="another recipient"):
        opened(path, (keys[0], X25519PrivateKey.generate()))
    header = envelope.read_header(path)
    with pytest.raises(BundleRejected, match="no decryption key"):
        envelope.open_to(path, header, io.BytesIO(), None)


def test_a_signature_by_another_key_is_refused(tmp_path: Path,
                                               keys: tuple[Ed25519PrivateKey, X25519PrivateKey]) -> None:
    path = sealed(tmp_path, keys, b"records")
    with pytest.raises(BundleRejected, match="signature does not match"):
        envelope.verify_signature(path, envelope.read_header(path), raw(Ed25519PrivateKey.generate().public_key()))


def write_header(path: Path, header: object, *, length: int | None = None) -> None:
    encoded = json.dumps(header).encode() if not isinstance(header, bytes) else header
    path.write_bytes(MAGIC + struct.pack(">I", len(encoded) if length is None else length) + encoded)


@pytest.mark.parametrize(("header", "message"), [
    (b"{not json", "header is damaged"),
    ([1, 2], "header is incomplete"),
    ({"sender": "a", "recipient": "b"}, "header is incomplete"),
    ({**HEADER, "format": 2}, "format 2 is newer"),
])
def test_a_bad_header_is_refused_by_name(tmp_path: Path, header: object, message: str) -> None:
    path = tmp_path / "x.fabundle"
    write_header(path, header)
    with pytest.raises(BundleRejected, match=message):
        envelope.read_header(path)


def test_a_header_of_the_current_format_is_read(tmp_path: Path) -> None:
    path = tmp_path / "x.fabundle"
    write_header(path, {**HEADER, "format": envelope.FORMAT})
    assert envelope.read_header(path).sender == "dev-1"


def test_an_oversized_or_short_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.fabundle"
    write_header(path, b"{}", length=envelope.MAX_HEADER + 1)
    with pytest.raises(BundleRejected, match="too large"):
        envelope.read_header(path)
    write_header(path, b"{}" * 10, length=envelope.MAX_HEADER)
    with pytest.raises(BundleRejected, match="truncated"):
        envelope.read_header(path)


def test_another_file_type_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    with pytest.raises(BundleRejected, match="wrong file type"):
        envelope.read_header(path)
    with pytest.raises(BundleRejected, match="cannot read the file"):
        envelope.read_header(tmp_path / "missing.fabundle")


def test_a_damaged_encryption_header_is_refused(tmp_path: Path,
                                                keys: tuple[Ed25519PrivateKey, X25519PrivateKey]) -> None:
    path = sealed(tmp_path, keys, b"records")
    header = envelope.read_header(path)
    broken = envelope.Header(dict(header.raw, epk="zz"), header.encoded)
    with pytest.raises(BundleRejected, match="encryption header is damaged"):
        envelope.open_to(path, broken, io.BytesIO(), keys[1])


def test_an_oversized_chunk_length_is_refused(tmp_path: Path,
                                              keys: tuple[Ed25519PrivateKey, X25519PrivateKey]) -> None:
    path = sealed(tmp_path, keys, b"x", encrypted=False)
    head, _ = chunks_of(path)
    resign(path, keys[0], head + struct.pack(">I", CHUNK + 17) + b"\x00" * (CHUNK + 17))
    with pytest.raises(BundleRejected, match="chunk is damaged"):
        opened(path, keys)
    resign(path, keys[0], head + struct.pack(">I", CHUNK + 16) + b"\x00" * (CHUNK + 16))
    assert len(opened(path, keys)) == CHUNK + 16
