"""Export and import of bundles (docs/bundle-format.md).

Export takes what the other side has not acknowledged (seq > acked), so a lost bundle is simply
produced again and the next bundle covers it. Import checks the envelope signature, the recipient, the
manifest and every member before it opens a transaction; then applies everything in that one
transaction (files are written durably before it commits). The same bundle twice, or an old one after
a newer one, changes nothing. What only a device or only the office does (whom it exports to, what it
adds to a bundle, what it does after an import) is in device.py and central.py.
"""

from __future__ import annotations

import hmac
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.models.ids import utc_now, uuid7
from fieldapp.models.store import Row, Store
from fieldapp.models.tables import POLICIES
from fieldapp.photos.blobstore import BlobStore, data_store
from fieldapp.sync import bundle, central, device, envelope, identity, naming, peers, roles
from fieldapp.sync.applier import Applier
from fieldapp.sync.naming import BUNDLE_SUFFIX
from fieldapp.sync.roles import Role
from fieldapp.workspace import Workspace

Progress = Callable[[str, int, int], None]


@dataclass
class ExportResult:
    path: Path
    bundle_id: str
    recipient: str
    base_seq: int
    upto_seq: int
    counts: dict[str, int]
    files: int

    def as_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "bundle_id": self.bundle_id, "recipient": self.recipient,
                "base_seq": self.base_seq, "upto_seq": self.upto_seq, "counts": self.counts, "files": self.files,
                "records": sum(self.counts.values())}


@dataclass
class ImportResult:
    bundle_id: str
    sender: str
    status: str  # applied | already_imported | nothing_new
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    files: int = 0
    conflicts: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"bundle_id": self.bundle_id, "sender": self.sender, "status": self.status, "counts": self.counts,
                "files": self.files, "conflicts": self.conflicts}

    @property
    def message(self) -> str:
        if self.status == "already_imported":
            return "this bundle was already imported; nothing changed"
        if self.status == "nothing_new":
            return "this bundle is older than what was already imported; nothing changed"
        total = sum(c.get("inserted", 0) + c.get("updated", 0) + c.get("deleted", 0) for c in self.counts.values())
        return f"imported {total} change(s), {self.files} file(s), {self.conflicts} conflict(s) to review"


def _out_path(ws: Workspace, out: Path | None, target: Row) -> Path:
    """A *.fabundle path is the file; anything else a folder (made if needed) that gets a readable name."""
    if out is not None and out.suffix.lower() == BUNDLE_SUFFIX and not out.is_dir():
        return out
    folder = out if out is not None else ws.data_dir / "outbox"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / naming.bundle_name(ws.store, identity.meta(ws.store, "device_name"), target["name"],
                                       target["peer_id"], folder)


# -- export ----------------------------------------------------------------------------------

def export(ws: Workspace, *, to: str | None = None, out: Path | None = None, progress: Progress | None = None
           ) -> ExportResult:
    """Write everything the other side has not acknowledged into one bundle (a device: to its office)."""
    store = ws.store
    role = roles.role(store)
    if role is Role.DEVICE:
        target = device.export_target(store, to)
    elif role is Role.CENTRAL:
        target = central.export_target(store, to)
    else:
        roles.require_role(store, Role.DEVICE)
        raise AssertionError("unreachable")
    recipient = target["peer_id"]
    base, upto = int(target["acked_seq"]), store.current_seq()
    bundle_id = uuid7()
    out = _out_path(ws, out, target)
    keys = identity.signing_keys(ws)
    counts: dict[str, int] = {}
    files: dict[str, BlobStore] = {}
    evidence_store, pdf_store = data_store(ws.data_dir, "evidence"), data_store(ws.data_dir, "documents")
    with identity.scratch_file(ws) as inner:
        writer = bundle.Writer(inner)
        selected = peers.changes(role, recipient, base)
        for n, (table, where, params) in enumerate(selected):
            rows = peers.rows(store, table, where, params)
            if role is Role.DEVICE and table in ("evidence", "documents"):
                rows = _collect_files(rows, table, files, evidence_store, pdf_store)
            counts[table] = writer.records(table, rows)
            if progress:
                progress("records", n + 1, len(selected))
        for i, (sha, source) in enumerate(sorted(files.items())):
            writer.file(sha, source.chunks(sha))
            if progress and i % 100 == 0:
                progress("files", i, len(files))
        manifest: dict[str, Any] = {
            "format": envelope.FORMAT, "bundle_id": bundle_id, "sender": store.device_id, "sender_role": role.value,
            "recipient": recipient, "base_seq": base, "upto_seq": upto, "created_at": utc_now(),
            "acks": {"received_seq": int(target["received_seq"])},
            "file_stores": {sha: ("documents" if source is pdf_store else "evidence")
                            for sha, source in files.items()},
            "identity": identity.public_identity(ws, identity.meta(store, "device_name") or "").as_dict(),
        }
        if role is Role.CENTRAL:
            manifest["certificates"] = central.certificates_for(store, recipient)
        writer.finish(manifest)
        header = {"bundle_id": bundle_id, "sender": store.device_id, "recipient": recipient,
                  "sender_role": role.value, "created_at": manifest["created_at"],
                  "sender_ed25519": keys.payload_public_key.hex(),
                  "sender_x25519": identity.x25519_public(ws).hex()}
        if role is Role.DEVICE:
            device.sign_header(store, header)
        out.parent.mkdir(parents=True, exist_ok=True)
        envelope.seal(inner, out, header=header, sign=keys.sign_payload,
                      recipient_x25519=bytes.fromhex(target["x25519_public"]))
    with store.transaction():
        store.conn.execute("INSERT INTO sync_log (bundle_id, peer_id, direction, base_seq, upto_seq, at, summary)"
                           " VALUES (?, ?, 'export', ?, ?, ?, ?)",
                           (bundle_id, recipient, base, upto, utc_now(), json.dumps(counts)))
        store.conn.execute("UPDATE sync_peers SET last_export_at = ? WHERE peer_id = ?", (utc_now(), recipient))
    return ExportResult(out, bundle_id, recipient, base, upto, {k: v for k, v in counts.items() if v}, len(files))


def _collect_files(rows: Iterator[Row], table: str, files: dict[str, BlobStore], evidence_store: BlobStore,
                   pdf_store: BlobStore) -> Iterator[Row]:
    for row in rows:
        if table == "evidence":
            hashes = [row["sha256"], row.get("thumb_sha256")]
            if row.get("original_kept") and row.get("original_sha256"):
                hashes.append(row["original_sha256"])
            for sha in hashes:
                if sha and evidence_store.exists(sha):
                    files[sha] = evidence_store
        elif row.get("pdf_sha256") and pdf_store.exists(row["pdf_sha256"]):
            files[row["pdf_sha256"]] = pdf_store
        yield row


# -- import ----------------------------------------------------------------------------------

def _check_sender(store: Store, header: envelope.Header) -> tuple[Row, bool]:
    """The known peer that sent this bundle, and whether its keys get pinned now (first bundle)."""
    raw = header.raw
    if header.recipient != store.device_id:
        raise envelope.reject("it is addressed to another recipient", "数据包的接收方不是本机")
    sender = peers.peer(store, header.sender)
    if sender is None:
        raise envelope.reject("it comes from an unknown device", "数据包来自未知终端")
    if sender["status"] == "revoked":
        raise envelope.reject("it comes from a revoked device", "数据包来自已注销的终端")
    key = str(raw.get("sender_ed25519") or "")
    if sender["ed25519_public"]:
        if key != sender["ed25519_public"]:
            raise envelope.reject("the sender's key does not match the one pinned at enrolment",
                                   "发送方密钥与注册时登记的不一致")
        return sender, False
    token = sender.get("enrol_token")
    mac = str(raw.get("enrol_mac") or "")
    if not token or not hmac.compare_digest(mac, peers.enrol_mac(token, raw)):
        raise envelope.reject("the device's first bundle does not prove its enrolment",
                               "终端首个数据包未能证明其注册身份")
    return sender, True


def import_bundle(ws: Workspace, path: Path, *, progress: Progress | None = None) -> ImportResult:
    """Check a bundle whole, then apply it in one transaction (the same bundle twice changes nothing)."""
    store = ws.store
    if roles.role(store) is Role.STANDALONE:
        roles.require_role(store, Role.DEVICE)
    path = Path(path)
    header = envelope.read_header(path)
    if header.raw.get("kind") == "enrolment":
        raise envelope.reject("this is an enrolment file: use `fieldapp enroll FILE`", "这是注册文件，请使用注册功能导入")
    sender, pin = _check_sender(store, header)
    envelope.verify_signature(path, header, bytes.fromhex(str(header.raw["sender_ed25519"])))
    with identity.scratch_file(ws) as inner:
        with inner.open("wb") as fh:
            envelope.open_to(path, header, fh, identity.x25519_private(ws))
        reader = bundle.Reader(inner)
        try:
            return _apply(ws, reader, header, sender, pin, progress)
        finally:
            reader.close()


def _apply(ws: Workspace, reader: bundle.Reader, header: envelope.Header, sender: Row, pin: bool,
           progress: Progress | None) -> ImportResult:
    store = ws.store
    m = reader.manifest
    for key in ("bundle_id", "sender", "recipient"):
        if m.get(key) != header.raw.get(key):
            raise envelope.reject("the manifest disagrees with the envelope", "清单与数据包封装信息不一致")
    bundle_id = str(m["bundle_id"])
    result = ImportResult(bundle_id, header.sender, "applied")
    if store.scalar("SELECT 1 FROM sync_log WHERE bundle_id = ?", (bundle_id,)):
        result.status = "already_imported"
        return result
    base, upto = int(m.get("base_seq", 0)), int(m.get("upto_seq", 0))
    if upto <= int(sender["received_seq"]) and not pin:
        result.status = "nothing_new"
        return result
    stores = {"evidence": data_store(ws.data_dir, "evidence"), "documents": data_store(ws.data_dir, "documents")}
    durable_each = not hasattr(os, "sync")
    file_stores = m.get("file_stores") or {}
    names = reader.files()

    def put(sha: str) -> None:
        target = stores.get(str(file_stores.get(sha, "evidence")), stores["evidence"])
        target.put_stream(reader.file_blocks(sha), sha, durable=durable_each)

    with store.transaction():
        store.conn.execute("PRAGMA defer_foreign_keys = ON")
        # Files first (small ones into the pack): each is checked against its hash while it is written,
        # and all are durable before the rows that point at them are committed.
        for i, sha in enumerate(names):
            put(sha)
            if progress and i % 500 == 0:
                progress("files", i, len(names))
        result.files = len(names)
        if result.files:
            for blob_store in stores.values():
                blob_store.flush()
        applier = Applier(store, bundle_id)
        tables = set(reader.tables())
        for n, policy in enumerate(POLICIES):
            if policy.name in tables:
                applier.apply(policy.name, reader.records(policy.name))
            if progress:
                progress("records", n + 1, len(POLICIES))
        if "tombstones" in tables:
            applier.apply_tombstones(reader.records("tombstones"))
        if "audit_log" in tables and roles.role(store) is Role.CENTRAL:
            applier.apply_audit(reader.records("audit_log"))
        result.conflicts = applier.record_conflicts()
        applier.advance_clock()
        if roles.role(store) is Role.CENTRAL:
            central.after_import(ws, m, sender, pin)
        else:
            device.after_import(ws, m)
        received = int(sender["received_seq"])
        if base <= received:
            received = max(received, upto)
        acked = max(int(sender["acked_seq"]), int((m.get("acks") or {}).get("received_seq", 0)))
        store.conn.execute("UPDATE sync_peers SET received_seq = ?, acked_seq = ?, last_import_at = ? WHERE peer_id = ?",
                           (received, acked, utc_now(), sender["peer_id"]))
        result.counts = {t: c.as_dict() for t, c in applier.counts.items()}
        store.conn.execute("INSERT INTO sync_log (bundle_id, peer_id, direction, base_seq, upto_seq, at, summary)"
                           " VALUES (?, ?, 'import', ?, ?, ?, ?)",
                           (bundle_id, sender["peer_id"], base, upto, utc_now(), json.dumps(result.as_dict())))
    return result


# -- status ----------------------------------------------------------------------------------

def status(ws: Workspace) -> dict[str, Any]:
    """This installation's role and, by role, how far it is with its office or with each device."""
    store = ws.store
    role = roles.role(store)
    data: dict[str, Any] = {"role": role.value, "device_id": store.device_id,
                            "name": identity.meta(store, "device_name"), "current_seq": store.current_seq()}
    if role is Role.DEVICE:
        data.update(device.status(store))
    elif role is Role.CENTRAL:
        data.update(central.status(ws))
    return data


def last_sync(store: Store) -> str | None:
    value = store.scalar("SELECT max(at) FROM sync_log")
    return None if value is None else str(value)
