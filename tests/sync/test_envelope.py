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


FIXTURES = Path(__file__).parent / "fixtures"


def test_an_envelope_written_by_format_1_still_opens() -> None:
    """A file sealed by the first release: key derivation, nonces, chunk framing and signature must not drift."""
    facts = json.loads((FIXTURES / "format1-envelope.json").read_text())
    path = FIXTURES / "format1-envelope.fabundle"
    header = envelope.read_header(path)
    assert (header.sender, header.recipient, header.raw["note"]) == ("dev-1", "office", "示范")
    envelope.verify_signature(path, header, bytes.fromhex(facts["sender_ed25519_public"]))
    out = io.BytesIO()
    private = X25519PrivateKey.from_private_bytes(bytes.fromhex(facts["recipient_x25519_private"]))
    envelope.open_to(path, header, out, private)
    assert len(out.getvalue()) == facts["content_size"]
    assert hashlib.sha256(out.getvalue()).hexdigest() == facts["content_sha256"]


def test_the_format_constants_are_those_of_the_specification() -> None:
    # docs/bundle-format.md: chunks of at most 1 MiB, a header of at most 64 KiB, a 64-byte Ed25519 signature.
    assert (CHUNK, envelope.MAX_HEADER, SIG_LEN, MAGIC, envelope.FORMAT) == (1 << 20, 1 << 16, 64, b"FABNDL01", 1)


def test_a_header_without_the_encrypted_flag_counts_as_encrypted() -> None:
    assert envelope.Header({"sender": "a"}, b"{}").encrypted
    assert not envelope.Header({"sender": "a", "encrypted": False}, b"{}").encrypted


def test_a_header_cannot_be_altered_once_read(tmp_path: Path,
                                              keys: tuple[Ed25519PrivateKey, X25519PrivateKey]) -> None:
    import dataclasses

    header = envelope.read_header(sealed(tmp_path, keys, b"zip"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        header.encoded = b"{}"  # type: ignore[misc]


def refusal(call: object) -> tuple[str, str]:
    with pytest.raises(BundleRejected) as err:
        call()  # type: ignore[operator]
    return err.value.en, err.value.zh


def rejected(en: str, zh: str) -> tuple[str, str]:
    return f"bundle rejected: {en}; nothing was changed", f"数据包被拒绝：{zh}；未做任何修改"


def test_each_refusal_says_what_is_wrong_in_both_languages(
        tmp_path: Path, keys: tuple[Ed25519PrivateKey, X25519PrivateKey]) -> None:
    other = tmp_path / "photo.jpg"
    other.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 20)
    assert refusal(lambda: envelope.read_header(other)) == rejected(
        "not a fieldapp bundle (wrong file type)", "不是 fieldapp 数据包（文件类型不符）")
    missing = tmp_path / "missing.fabundle"
    assert refusal(lambda: envelope.read_header(missing)) == rejected(
        "cannot read the file (No such file or directory)", "无法读取文件（No such file or directory）")
    cases = [
        (b"{}", envelope.MAX_HEADER + 1, "the header is too large", "数据包头过大"),
        (b"{}", 40, "the file is truncated", "文件不完整（已截断）"),
        (b"{not json", None, "the header is damaged", "数据包头已损坏"),
        (b'{"sender": "a"}', None, "the header is incomplete", "数据包头不完整"),
        (json.dumps({**HEADER, "format": 3}).encode(), None,
         "format 3 is newer than this fieldapp knows (1); update fieldapp", "数据包格式版本 3 高于本程序支持的版本，请升级软件"),
    ]
    path = tmp_path / "x.fabundle"
    for encoded, length, en, zh in cases:
        write_header(path, encoded, length=length)
        assert refusal(lambda: envelope.read_header(path)) == rejected(en, zh)

    good = sealed(tmp_path, keys, os.urandom(300))
    header = envelope.read_header(good)
    assert refusal(lambda: envelope.verify_signature(good, header, raw(Ed25519PrivateKey.generate().public_key()))
                   ) == rejected("the signature does not match (the file was altered, damaged or not made by the "
                                 "sender)", "签名校验失败（文件被篡改、损坏或并非由发送方生成）")
    assert refusal(lambda: envelope.open_to(good, header, io.BytesIO(), None)) == rejected(
        "this bundle is encrypted but no decryption key is available", "缺少解密密钥")
    assert refusal(lambda: envelope.open_to(good, header, io.BytesIO(), X25519PrivateKey.generate())) == rejected(
        "the bundle cannot be decrypted: it is for another recipient or it was altered",
        "无法解密：数据包不是发给本机的，或已被篡改")
    broken = envelope.Header(dict(header.raw, salt="zz"), header.encoded)
    assert refusal(lambda: envelope.open_to(good, broken, io.BytesIO(), keys[1])) == rejected(
        "the encryption header is damaged", "加密信息已损坏")
    no_prefix = envelope.Header({k: v for k, v in header.raw.items() if k != "nonce_prefix"}, header.encoded)
    assert refusal(lambda: envelope.open_to(good, no_prefix, io.BytesIO(), keys[1])) == rejected(
        "the encryption header is damaged", "加密信息已损坏")

    plain = sealed(tmp_path, keys, b"x", encrypted=False)
    head, _ = chunks_of(plain)
    resign(plain, keys[0], head + struct.pack(">I", CHUNK + 17) + b"\x00" * 40)
    assert refusal(lambda: opened(plain, keys)) == rejected("a chunk is damaged", "数据块已损坏")
    resign(plain, keys[0], head + b"\x00\x00")
    assert refusal(lambda: opened(plain, keys)) == rejected("the file is truncated", "文件不完整（已截断）")
    # Past the signature check (which refuses it already): the reader itself needs the last chunk.
    resign(plain, keys[0], head)
    assert refusal(lambda: opened(plain, keys, verify=False)) == rejected("the file is truncated", "文件不完整（已截断）")
    plain.write_bytes(head[:20])
    assert refusal(lambda: envelope.verify_signature(plain, header, raw(keys[0].public_key()))) == rejected(
        "the file is truncated", "文件不完整（已截断）")


def test_a_chunk_running_past_the_signature_is_damaged(tmp_path: Path,
                                                       keys: tuple[Ed25519PrivateKey, X25519PrivateKey]) -> None:
    path = sealed(tmp_path, keys, b"x", encrypted=False)
    head, _ = chunks_of(path)
    resign(path, keys[0], head + struct.pack(">I", 100) + b"\x00" * 99)  # says 100 bytes, 99 are there
    with pytest.raises(BundleRejected, match="chunk is damaged"):
        opened(path, keys)
    resign(path, keys[0], head + struct.pack(">I", 100) + b"\x00" * 100)
    assert opened(path, keys) == b"\x00" * 100


def test_sealing_writes_the_file_whole_or_not_at_all(tmp_path: Path,
                                                     keys: tuple[Ed25519PrivateKey, X25519PrivateKey]) -> None:
    path = sealed(tmp_path, keys, b"records")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.fabundle", "inner.zip"]  # no .part left behind
    assert opened(path, keys) == b"records"
