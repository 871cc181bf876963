"""The inner zip of a bundle: manifest, NDJSON records per table, files by hash.

Members are written and read as streams. On reading, the manifest must list exactly the members present,
with their SHA-256 and size, and the counts must match the records; member names are checked against a
fixed pattern (no paths, so no zip-slip), and sizes against limits (no zip bomb).
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from fieldapp.errors import FieldappError
from fieldapp.sync.envelope import reject

MANIFEST = "manifest.json"
NAME_RE = re.compile(r"^(manifest\.json|records/[a-z_]{1,40}\.ndjson|files/[0-9a-f]{64})$")
MAX_MEMBER = 4 * 1024**3
MAX_TOTAL = 16 * 1024**3
MAX_RATIO = 1000  # compressed → uncompressed; NDJSON compresses ~10×, a bomb thousands of times
MAX_MEMBERS = 2_000_000
COPY_CHUNK = 1024 * 1024


class _HashingWriter:
    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self.digest.update(data)
        self.size += len(data)
        self.raw.write(data)


class Writer:
    """Builds the inner zip; call `finish(manifest)` last."""

    def __init__(self, path: Path) -> None:
        self.zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=5,
                                   allowZip64=True)
        self.members: dict[str, dict[str, Any]] = {}
        self.counts: dict[str, int] = {}

    def records(self, table: str, rows: Iterator[dict[str, Any]]) -> int:
        name = f"records/{table}.ndjson"
        count = 0
        with self.zip.open(name, "w", force_zip64=True) as raw:
            out = _HashingWriter(raw)
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
                count += 1
        # An empty member stays (zipfile cannot remove one) and is listed like any other.
        self.members[name] = {"sha256": out.digest.hexdigest(), "size": out.size}
        self.counts[table] = count
        return count

    def file(self, sha256: str, blocks: Iterable[bytes]) -> None:
        name = f"files/{sha256}"
        if name in self.members:
            return
        with self.zip.open(name, "w", force_zip64=True) as raw:
            out = _HashingWriter(raw)
            for block in blocks:
                out.write(block)
        if out.digest.hexdigest() != sha256:
            raise FieldappError(f"stored file {sha256} does not match its hash; run `fieldapp evidence verify`",
                                f"存储的文件 {sha256} 与其摘要不符，请运行证据校验")
        self.members[name] = {"sha256": sha256, "size": out.size}

    def finish(self, manifest: dict[str, Any]) -> None:
        manifest = dict(manifest, members=self.members, counts=self.counts)
        self.zip.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1))
        self.zip.close()


class Reader:
    """Reads and checks an inner zip; every read is checked against the manifest."""

    def __init__(self, path: Path) -> None:
        try:
            self.zip = zipfile.ZipFile(path, "r")
        except (zipfile.BadZipFile, OSError) as exc:
            raise reject(f"the content is not a valid archive ({exc})", "数据包内容不是有效的压缩包") from None
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise reject("too many members", "数据包成员过多")
        total = 0
        names = set()
        for info in infos:
            if not NAME_RE.match(info.filename) or info.filename in names:
                raise reject(f"unexpected member name {info.filename!r}", f"数据包含有非法成员名 {info.filename}")
            names.add(info.filename)
            total += info.file_size
            if info.file_size > MAX_MEMBER or total > MAX_TOTAL:
                raise reject("the content is too large", "数据包内容过大")
            if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1 << 20:
                raise reject("a member expands suspiciously (zip bomb)", "数据包成员压缩比异常（疑似压缩炸弹）")
        if MANIFEST not in names:
            raise reject("the manifest is missing", "缺少清单文件")
        with self.zip.open(MANIFEST) as fh:
            data = fh.read(16 * 1024 * 1024 + 1)
        try:
            self.manifest: dict[str, Any] = json.loads(data)
        except ValueError:
            raise reject("the manifest is damaged", "清单文件已损坏") from None
        members = self.manifest.get("members")
        if not isinstance(members, dict) or set(members) != names - {MANIFEST}:
            raise reject("the manifest does not list exactly the members present",
                          "清单与数据包内容不一致")
        for name, meta in members.items():
            info = self.zip.getinfo(name)
            if not isinstance(meta, dict) or meta.get("size") != info.file_size:
                raise reject(f"the manifest disagrees with {name}", f"清单与成员 {name} 不一致")

    def _open_checked(self, name: str) -> Iterator[bytes]:
        meta = self.manifest["members"][name]
        digest = hashlib.sha256()
        size = 0
        with self.zip.open(name) as fh:
            while block := fh.read(COPY_CHUNK):
                size += len(block)
                if size > meta["size"]:
                    raise reject(f"{name} is larger than declared", f"成员 {name} 大小与清单不符")
                digest.update(block)
                yield block
        if size != meta["size"] or digest.hexdigest() != meta["sha256"]:
            raise reject(f"{name} does not match the manifest (altered or damaged)", f"成员 {name} 与清单不符（被篡改或损坏）")

    def verify_all(self) -> None:
        """Hash every member (used where nothing is written while reading, e.g. enrolment).

        The import path does not need this extra pass: the envelope's signature and authenticated
        encryption already prove the content is the sender's, and each member is checked against the
        manifest while it is applied inside the transaction, which rolls back on the first mismatch.
        """
        for name in self.manifest["members"]:
            for _ in self._open_checked(name):
                pass
        counts = self.manifest.get("counts") or {}
        for table in self.tables():
            lines = sum(block.count(b"\n") for block in self._open_checked(f"records/{table}.ndjson"))
            if counts.get(table) != lines:
                raise reject(f"the manifest counts {counts.get(table)} {table} records, the bundle has {lines}",
                              f"清单记录数与数据包内容不符（{table}）")

    def tables(self) -> list[str]:
        return [n.removeprefix("records/").removesuffix(".ndjson") for n in self.manifest["members"]
                if n.startswith("records/")]

    def records(self, table: str) -> Iterator[dict[str, Any]]:
        """The records of a table, checked against the manifest (hash, size and count) as they stream."""
        name = f"records/{table}.ndjson"
        if name not in self.manifest["members"]:
            return
        buffer = b""
        count = 0
        for block in self._open_checked(name):
            buffer += block
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                count += 1
                yield _parse(line, name)
        if buffer.strip():
            count += 1
            yield _parse(buffer, name)
        expected = (self.manifest.get("counts") or {}).get(table)
        if expected != count:
            raise reject(f"the manifest counts {expected} {table} records, the bundle has {count}",
                          f"清单记录数与数据包内容不符（{table}）")

    def files(self) -> list[str]:
        return [n.removeprefix("files/") for n in self.manifest["members"] if n.startswith("files/")]

    def file_blocks(self, sha256: str) -> Iterator[bytes]:
        """A file's content as it streams, checked against the manifest (hash and size)."""
        return self._open_checked(f"files/{sha256}")

    def close(self) -> None:
        self.zip.close()


def _parse(line: bytes, name: str) -> dict[str, Any]:
    try:
        row = json.loads(line)
    except ValueError:
        raise reject(f"a record in {name} is damaged", f"{name} 中的记录已损坏") from None
    if not isinstance(row, dict):
        raise reject(f"a record in {name} is not an object", f"{name} 中的记录格式错误")
    return row
