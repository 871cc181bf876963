"""Export and import of bundles (docs/bundle-format.md).

Export takes what the other side has not acknowledged (seq > acked), so a lost bundle is simply
produced again and the next bundle covers it. Import checks the envelope signature, the recipient, the
manifest and every member before it opens a transaction; then applies everything in that one
transaction (files are written durably before it commits). The same bundle twice, or an old one after
a newer one, changes nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.errors import FieldappError
from fieldapp.models.ids import utc_now, uuid7
from fieldapp.models.store import Row, Store
from fieldapp.photos.blobstore import BlobStore, data_store
from fieldapp.sync import bundle, envelope, identity, naming
from fieldapp.sync.applier import Applier
from fieldapp.sync.merge import OWNED_TABLES_SET, REGISTRY_TABLES, TABLE_ORDER
from fieldapp.sync.naming import BUNDLE_SUFFIX
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


# -- peers -----------------------------------------------------------------------------------

def peer(store: Store, peer_id: str) -> Row | None:
    rows = store.query("SELECT * FROM sync_peers WHERE peer_id = ?", (peer_id,))
    return rows[0] if rows else None


def find_peer(store: Store, ref: str) -> Row:
    rows = store.query("SELECT * FROM sync_peers WHERE peer_id = ? OR name = ?", (ref, ref))
    if not rows:
        raise FieldappError(f"unknown device {ref!r}", f"未知的终端：{ref}")
    if len(rows) > 1:
        raise FieldappError(f"several devices are called {ref!r}; use the device id", f"有多个终端名为 {ref}，请使用终端编号")
    return rows[0]


def _out_path(ws: Workspace, out: Path | None, target: Row) -> Path:
    """A *.fabundle path is the file; anything else a folder (made if needed) that gets a readable name."""
    if out is not None and out.suffix.lower() == BUNDLE_SUFFIX and not out.is_dir():
        return out
    folder = out if out is not None else ws.data_dir / "outbox"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / naming.bundle_name(ws.store, identity.meta(ws.store, "device_name"), target["name"],
                                       target["peer_id"], folder)


# -- export ----------------------------------------------------------------------------------

def _rows(store: Store, table: str, where: str, params: tuple[Any, ...]) -> Iterator[Row]:
    cur = store.conn.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY seq, id", params)
    names = [d[0] for d in cur.description]
    for values in cur:
        row = dict(zip(names, values, strict=True))
        row.pop("seq", None)
        row.pop("search_key", None)
        yield row


def _selection(role: str, table: str, recipient: str) -> tuple[str, tuple[Any, ...]]:
    """Which changed rows go to `recipient` (besides seq > acked and not last written by it)."""
    if role == "device" or table in REGISTRY_TABLES:
        return "1", ()
    if table in ("number_blocks", "assignments"):
        return "assigned_device = ?", (recipient,)
    if table == "inspections":
        return "(owner_device = ? OR assigned_device = ?)", (recipient, recipient)
    if table in OWNED_TABLES_SET:
        return "owner_device = ?", (recipient,)
    return "0", ()


def changes(store: Store, role: str, recipient: str, base: int) -> list[tuple[str, str, tuple[Any, ...]]]:
    """(table, WHERE, params) of everything that travels to `recipient` since its acknowledged `base`."""
    out = []
    for table in TABLE_ORDER:
        extra, params = _selection(role, table, recipient)
        out.append((table, f"seq > ? AND device_id != ? AND {extra}", (base, recipient, *params)))
    tomb_where = "seq > ? AND device_id != ?"
    tomb_params: tuple[Any, ...] = (base, recipient)
    if role == "central":
        registry = ", ".join(f"'{t}'" for t in sorted(REGISTRY_TABLES))
        tomb_where += f" AND (table_name IN ({registry}) OR owner_device = ?)"
        tomb_params += (recipient,)
    out.append(("tombstones", tomb_where, tomb_params))
    if role == "device":
        out.append(("audit_log", "seq > ? AND device_id != ?", (base, recipient)))
    return out


def export(ws: Workspace, *, to: str | None = None, out: Path | None = None, progress: Progress | None = None
           ) -> ExportResult:
    store = ws.store
    role = identity.role(store)
    if role == "device":
        central = identity.meta(store, "central_id")
        assert central is not None
        target = peer(store, central)
        if to and to not in (central, identity.meta(store, "central_name")):
            raise FieldappError("a device exports only to its central office", "终端只能向中心端导出")
    elif role == "central":
        if not to:
            raise FieldappError("say which device the bundle is for (--to DEVICE)", "请指定接收数据包的终端（--to）")
        target = find_peer(store, to)
        if target["status"] == "revoked":
            raise FieldappError(f"device {target['name']} is revoked", f"终端 {target['name']} 已被注销")
        if not target["x25519_public"]:
            raise FieldappError(f"device {target['name']} has not sent its first bundle yet: import it first",
                                f"终端 {target['name']} 尚未发来首个数据包，请先导入该终端的数据包")
    else:
        identity.require_role(store, "device")
        raise AssertionError("unreachable")
    assert target is not None
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
        selected = changes(store, role, recipient, base)
        for n, (table, where, params) in enumerate(selected):
            rows = _rows(store, table, where, params)
            if role == "device" and table in ("evidence", "documents"):
                rows = _collect_files(rows, table, files, evidence_store, pdf_store)
            counts[table] = writer.records(table, rows)
            if progress:
                progress("records", n + 1, len(selected))
        for i, (sha, source) in enumerate(sorted(files.items())):
            writer.file(sha, source.chunks(sha))
            if progress and i % 100 == 0:
                progress("files", i, len(files))
        manifest: dict[str, Any] = {
            "format": envelope.FORMAT, "bundle_id": bundle_id, "sender": store.device_id, "sender_role": role,
            "recipient": recipient, "base_seq": base, "upto_seq": upto, "created_at": utc_now(),
            "acks": {"received_seq": int(target["received_seq"])},
            "file_stores": {sha: ("documents" if source is pdf_store else "evidence")
                            for sha, source in files.items()},
            "identity": identity.public_identity(ws, identity.meta(store, "device_name") or "").as_dict(),
        }
        if role == "central":
            manifest["certificates"] = _certificates_for(store, recipient)
        writer.finish(manifest)
        header = {"bundle_id": bundle_id, "sender": store.device_id, "recipient": recipient,
                  "sender_role": role, "created_at": manifest["created_at"],
                  "sender_ed25519": keys.payload_public_key.hex(),
                  "sender_x25519": identity.x25519_public(ws).hex()}
        if role == "device":
            token = identity.meta(store, "enrol_token")
            if token:
                header["enrol_mac"] = enrol_mac(token, header)
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


def _certificates_for(store: Store, device: str) -> list[dict[str, str]]:
    return [{"key_id": r["key_id"], "certificate_pem": r["issued_certificate_pem"]} for r in store.query(
        "SELECT key_id, issued_certificate_pem FROM device_keys WHERE key_device_id = ?"
        " AND issued_certificate_pem IS NOT NULL", (device,))]


def enrol_mac(token: str, header: dict[str, Any]) -> str:
    message = "|".join(str(header[k]) for k in ("bundle_id", "sender", "recipient", "sender_ed25519",
                                                 "sender_x25519"))
    return hmac.new(bytes.fromhex(token), message.encode("utf-8"), hashlib.sha256).hexdigest()


# -- import ----------------------------------------------------------------------------------

def _check_sender(store: Store, header: envelope.Header) -> tuple[Row, bool]:
    """The known peer that sent this bundle, and whether its keys get pinned now (first bundle)."""
    raw = header.raw
    if header.recipient != store.device_id:
        raise envelope._reject("it is addressed to another recipient", "数据包的接收方不是本机")
    sender = peer(store, header.sender)
    if sender is None:
        raise envelope._reject("it comes from an unknown device", "数据包来自未知终端")
    if sender["status"] == "revoked":
        raise envelope._reject("it comes from a revoked device", "数据包来自已注销的终端")
    key = str(raw.get("sender_ed25519") or "")
    if sender["ed25519_public"]:
        if key != sender["ed25519_public"]:
            raise envelope._reject("the sender's key does not match the one pinned at enrolment",
                                   "发送方密钥与注册时登记的不一致")
        return sender, False
    token = sender.get("enrol_token")
    mac = str(raw.get("enrol_mac") or "")
    if not token or not hmac.compare_digest(mac, enrol_mac(token, raw)):
        raise envelope._reject("the device's first bundle does not prove its enrolment",
                               "终端首个数据包未能证明其注册身份")
    return sender, True


def import_bundle(ws: Workspace, path: Path, *, progress: Progress | None = None) -> ImportResult:
    store = ws.store
    if identity.role(store) not in ("device", "central"):
        identity.require_role(store, "device")
    path = Path(path)
    header = envelope.read_header(path)
    if header.raw.get("kind") == "enrolment":
        raise envelope._reject("this is an enrolment file: use `fieldapp enroll FILE`", "这是注册文件，请使用注册功能导入")
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
            raise envelope._reject("the manifest disagrees with the envelope", "清单与数据包封装信息不一致")
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
        target.put_stream(_member(reader, sha), sha, durable=durable_each)

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
        for n, table in enumerate(TABLE_ORDER):
            if table in tables:
                applier.apply(table, reader.records(table))
            if progress:
                progress("records", n + 1, len(TABLE_ORDER))
        if "tombstones" in tables:
            applier.apply_tombstones(reader.records("tombstones"))
        if "audit_log" in tables and identity.role(store) == "central":
            applier.apply_audit(reader.records("audit_log"))
        result.conflicts = applier.record_conflicts()
        applier.advance_clock()
        _after_import(ws, m, sender, pin)
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


def _member(reader: bundle.Reader, sha: str) -> Iterator[bytes]:
    yield from reader._open_checked(f"files/{sha}")


def _after_import(ws: Workspace, manifest: dict[str, Any], sender: Row, pin: bool) -> None:
    """Pin a device's keys at its first bundle; certify its PDF key; install a certificate from central."""
    store = ws.store
    ident = manifest.get("identity") or {}
    if identity.role(store) == "central":
        if pin:
            store.conn.execute("UPDATE sync_peers SET ed25519_public = ?, x25519_public = ?, status = 'active',"
                               " enrol_token = NULL WHERE peer_id = ?",
                               (ident.get("ed25519"), ident.get("x25519"), sender["peer_id"]))
        if ident.get("certificate_pem"):
            _certify_device(ws, sender, ident)
    else:
        for cert in manifest.get("certificates") or []:
            _install_certificate(ws, cert)
        if identity.meta(store, "enrol_token"):
            # Central has seen us (it answered); the enrolment secret is no longer needed.
            store.conn.execute("DELETE FROM meta WHERE key = 'enrol_token'")


def _certify_device(ws: Workspace, sender: Row, ident: dict[str, Any]) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    from fieldapp.documents.keys import issue_device_certificate, key_id_for

    store = ws.store
    key_id = key_id_for(bytes.fromhex(str(ident["ed25519"])))
    existing = store.query("SELECT * FROM device_keys WHERE key_id = ?", (key_id,))
    if existing and existing[0]["issued_certificate_pem"]:
        return
    presented = x509.load_pem_x509_certificate(str(ident["certificate_pem"]).encode("ascii"))
    cert = issue_device_certificate(identity.office_ca(ws), presented.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
        device_id=sender["peer_id"], device_name=sender["name"])
    pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
    if existing:
        store.update("device_keys", existing[0]["id"], {"issued_certificate_pem": pem}, audit=None)
    else:
        store.insert("device_keys", {"key_id": key_id, "key_device_id": sender["peer_id"],
                                     "device_name": sender["name"], "ed25519_public": ident["ed25519"],
                                     "certificate_pem": ident["certificate_pem"], "issued_certificate_pem": pem},
                     audit=None)


def _install_certificate(ws: Workspace, cert: dict[str, Any]) -> None:
    keys = identity.signing_keys(ws)
    if cert.get("key_id") != keys.public_key_id or not cert.get("certificate_pem"):
        return
    ca_pem = identity.meta(ws.store, "ca_pem")
    if not keys.self_issued:
        return
    keys.install_certificate(str(cert["certificate_pem"]), [ca_pem] if ca_pem else [])


# -- status ----------------------------------------------------------------------------------

def pending_changes(store: Store, peer_row: Row) -> int:
    """Records the peer has not acknowledged yet (what the next bundle to it would carry)."""
    role = identity.role(store) or "device"
    return sum(int(store.scalar(f"SELECT count(*) FROM {table} WHERE {where}", params))
               for table, where, params in changes(store, role, peer_row["peer_id"], int(peer_row["acked_seq"]))
               if table != "audit_log")


def status(ws: Workspace) -> dict[str, Any]:
    store = ws.store
    role = identity.role(store)
    data: dict[str, Any] = {"role": role or "standalone", "device_id": store.device_id,
                            "name": identity.meta(store, "device_name"), "current_seq": store.current_seq()}
    if role == "device":
        central = peer(store, identity.meta(store, "central_id") or "")
        if central:
            pending = pending_changes(store, central)
            data.update(central=central["name"], acked_seq=central["acked_seq"], received_seq=central["received_seq"],
                        last_export_at=central["last_export_at"], last_import_at=central["last_import_at"],
                        pending_changes=pending, all_synced=pending == 0)
    elif role == "central":
        data["devices"] = devices(ws)
        data["open_conflicts"] = int(store.scalar("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL"))
    return data


def devices(ws: Workspace) -> list[dict[str, Any]]:
    store = ws.store
    out = []
    for row in store.query("SELECT * FROM sync_peers WHERE role = 'device' ORDER BY name"):
        out.append({"id": row["peer_id"], "name": row["name"], "status": row["status"],
                    "received_seq": row["received_seq"], "acked_seq": row["acked_seq"],
                    "last_import_at": row["last_import_at"], "last_export_at": row["last_export_at"],
                    "pending_changes": pending_changes(store, row) if row["x25519_public"] else None})
    return out


def last_sync(store: Store) -> str | None:
    value = store.scalar("SELECT max(at) FROM sync_log")
    return None if value is None else str(value)
