"""Roles: the central office, and enrolling field devices with it.

`central init` makes a data directory the office: it gets its signing and encryption keys and an office
certification authority. `central enroll` registers a device and writes its enrolment file: the device
id, the office's public keys, settings, officers, number blocks, the registry and the checklists, plus a
one-time secret. The file is signed but not encrypted (the device has no key yet), so it is handed over
in person like a key. On the laptop `fieldapp enroll FILE` applies it; the device's own public keys reach
the office in its first bundle, which proves the secret, and are pinned there.
"""

from __future__ import annotations

import json
import secrets
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.errors import FieldappError
from fieldapp.models import demo, numbering, settings
from fieldapp.models.doc_types import DocType
from fieldapp.models.ids import utc_now, uuid7
from fieldapp.models.store import Store
from fieldapp.sync import bundle, envelope, identity
from fieldapp.sync.applier import Applier
from fieldapp.sync.exchange import _rows
from fieldapp.workspace import Workspace

ENROL_TABLES = ("townships", "grids", "inspectors", "enterprises", "checklist_templates", "device_keys",
                "number_blocks")
SHARED_SETTINGS = ("issuing_unit", "seal_text", "document_prefix", "document_number_format",
                   "document_type_codes", "review_government", "review_department", "court", "default_deadline_days",
                   "reinspection_days", "verify_url")
# Field work done before enrolment: its documents were numbered outside the office's blocks, so such a
# directory cannot join. A registry import, officers, checklists and settings can: they merge with the
# office's records by USCC, certificate number and name.
FIELD_TABLES = ("inspections", "findings", "reinspections", "documents", "evidence")
DEFAULT_BLOCK = 100


def _has_field_records(store: Store) -> bool:
    return any(store.scalar(f"SELECT 1 FROM {t} LIMIT 1") for t in FIELD_TABLES)


def check_enrollable(store: Store) -> None:
    """Refuse a directory that cannot become a field device (see FIELD_TABLES)."""
    if identity.role(store) is not None:
        raise FieldappError(f"this data directory is already a {identity.role(store)}; enrol a fresh one",
                            "该数据目录已注册或已是中心端，请使用新的数据目录注册")
    if demo.is_demo(store):
        raise FieldappError("this is a demo data directory: demo data must never reach an office; enrol the real "
                            "data directory (start fieldapp without --demo)",
                            "这是演示数据目录，演示数据不得进入单位（中心端）；请在正式数据目录中注册")
    if _has_field_records(store):
        raise FieldappError("this database already holds inspections, findings or documents, numbered outside the "
                            "office's number blocks; enrol on a data directory that holds at most a registry import",
                            "该数据库中已有检查记录、隐患或文书（其编号不属于单位分配的号段），无法注册；"
                            "请在只导入过单位名录的数据目录中注册")


def central_init(ws: Workspace, unit: str) -> dict[str, Any]:
    store = ws.store
    unit = unit.strip()
    if not unit:
        raise FieldappError("give the office's name (--unit)", "请填写中心端单位名称")
    current = identity.role(store)
    if current == "central":
        raise FieldappError("this data directory is already the central office", "该数据目录已是中心端")
    if current == "device":
        raise FieldappError("this data directory is an enrolled device, not an office", "该数据目录是已注册的终端，不能作为中心端")
    settings.set_value(store, "issuing_unit", unit)
    with store.transaction():
        identity.set_meta(store, "role", "central")
        identity.set_meta(store, "device_name", unit)
    identity.office_ca(ws, unit)
    identity.x25519_private(ws)
    identity.signing_keys(ws)
    return {"central_id": store.device_id, "unit": unit, "data_dir": str(ws.data_dir)}


@dataclass
class EnrolmentResult:
    device_id: str
    name: str
    path: Path
    blocks: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {"device_id": self.device_id, "name": self.name, "path": str(self.path), "blocks": self.blocks}


def central_enroll(ws: Workspace, name: str, out: Path, *, block_size: int = DEFAULT_BLOCK,
                   year: int | None = None) -> EnrolmentResult:
    store = ws.store
    identity.require_role(store, "central")
    name = name.strip()
    if not name:
        raise FieldappError("give the device a name (--device)", "请填写终端名称")
    if store.scalar("SELECT 1 FROM sync_peers WHERE name = ? AND status != 'revoked'", (name,)):
        raise FieldappError(f"a device called {name!r} is already enrolled", f"已有名为 {name} 的终端")
    year = year or date.today().year
    from fieldapp.models import checklists

    checklists.ensure_builtin(store)  # before the acknowledged point, so the file carries them
    device_id = uuid7()
    token = secrets.token_hex(32)
    blocks = []
    with store.transaction():
        store.conn.execute(
            "INSERT INTO sync_peers (peer_id, role, name, status, enrol_token, created_at) VALUES (?, 'device', ?,"
            " 'enrolled', ?, ?)", (device_id, name, token, utc_now()))
        for doc_type in DocType:
            taken = [(r["first_serial"], r["last_serial"]) for r in store.query(
                "SELECT first_serial, last_serial FROM number_blocks WHERE doc_type = ? AND year = ? AND issuer = ?",
                (doc_type, year, settings.get(store, "document_prefix")))]
            first, last = numbering.next_free_range(taken, block_size)
            numbering.assign_block(store, doc_type=doc_type, year=year, first=first, last=last, device_id=device_id)
            blocks.append({"doc_type": doc_type, "year": year, "first": first, "last": last})
        # The enrolment file carries everything up to now: the first bundle starts after it.
        covered = store.seq
        store.conn.execute("UPDATE sync_peers SET acked_seq = ? WHERE peer_id = ?", (covered, device_id))
    keys = identity.signing_keys(ws)
    ca = identity.office_ca(ws)
    manifest = {
        "kind": "enrolment", "format": envelope.FORMAT, "bundle_id": uuid7(), "sender": store.device_id,
        "recipient": device_id, "device_id": device_id, "device_name": name, "enrol_token": token,
        "central": identity.public_identity(ws, identity.meta(store, "device_name") or "").as_dict(),
        "ca_pem": ca.certificate_pem.decode("ascii"),
        "settings": {k: settings.get(store, k) for k in SHARED_SETTINGS},
        # How far the file carries the office's changes: the device starts its received_seq there, so it
        # acknowledges the office's first bundle (which starts at the same point).
        "upto_seq": covered,
        "created_at": utc_now(),
    }
    with identity.scratch_file(ws) as inner:
        writer = bundle.Writer(inner)
        for table in ENROL_TABLES:
            where, params = ("assigned_device = ?", (device_id,)) if table == "number_blocks" else ("1", ())
            writer.records(table, _rows(store, table, where, params))
        writer.finish(manifest)
        header = {"kind": "enrolment", "bundle_id": manifest["bundle_id"], "sender": store.device_id,
                  "recipient": device_id, "created_at": manifest["created_at"],
                  "sender_ed25519": keys.payload_public_key.hex()}
        out.parent.mkdir(parents=True, exist_ok=True)
        envelope.seal(inner, out, header=header, sign=keys.sign_payload, recipient_x25519=None)
    return EnrolmentResult(device_id, name, out, blocks)


def enroll(ws: Workspace, path: Path) -> dict[str, Any]:
    """Turn this installation (empty, or holding a registry import) into the enrolled device of the office's file."""
    store = ws.store
    check_enrollable(store)
    header = envelope.read_header(Path(path))
    if header.raw.get("kind") != "enrolment":
        raise envelope._reject("this is not an enrolment file", "该文件不是注册文件")
    # First contact: the file is checked against the office key it carries (integrity, not identity,
    # which is why it is handed over in person); from now on only that key is accepted.
    central_key = bytes.fromhex(str(header.raw["sender_ed25519"]))
    envelope.verify_signature(Path(path), header, central_key)
    with identity.scratch_file(ws) as inner:
        with inner.open("wb") as fh:
            envelope.open_to(Path(path), header, fh, None)
        reader = bundle.Reader(inner)
        try:
            m = reader.manifest
            if m.get("kind") != "enrolment" or m.get("device_id") != header.recipient:
                raise envelope._reject("the enrolment manifest disagrees with its envelope", "注册文件内容不一致")
            reader.verify_all()
            central = m["central"]
            if central.get("ed25519") != central_key.hex():
                raise envelope._reject("the office key inside the file does not match its signature", "注册文件密钥不一致")
            device_id = str(m["device_id"])
            with store.transaction():
                # Unused number blocks assigned here before enrolment: only the office's blocks may number
                # documents from now on. They never left this file, so they go without a tombstone.
                store.conn.execute("DELETE FROM number_blocks WHERE assigned_device = ?", (store.device_id,))
                store.conn.execute("UPDATE meta SET value = ? WHERE key = 'device_id'", (device_id,))
                store.device_id = device_id
                for key, value in (("role", "device"), ("device_name", str(m["device_name"])),
                                   ("central_id", str(central["node_id"])), ("central_name", str(central["name"])),
                                   ("enrol_token", str(m["enrol_token"])), ("ca_pem", str(m["ca_pem"]))):
                    identity.set_meta(store, key, value)
                store.conn.execute(
                    "INSERT INTO sync_peers (peer_id, role, name, status, ed25519_public, x25519_public, received_seq,"
                    " created_at) VALUES (?, 'central', ?, 'active', ?, ?, ?, ?)",
                    (central["node_id"], central["name"], central["ed25519"], central["x25519"],
                     int(m.get("upto_seq") or 0), utc_now()))
                for key, value in (m.get("settings") or {}).items():
                    if key in settings.DEFAULTS:
                        store.conn.execute(
                            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key)"
                            " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                            (key, json.dumps(value, ensure_ascii=False), utc_now()))
                applier = Applier(store, str(m["bundle_id"]))
                counts = {}
                for table in ENROL_TABLES:
                    counts[table] = applier.apply(table, reader.records(table)).inserted
                applier.advance_clock()
                store.conn.execute("INSERT INTO sync_log (bundle_id, peer_id, direction, base_seq, upto_seq, at)"
                                   " VALUES (?, ?, 'import', 0, 0, ?)", (m["bundle_id"], central["node_id"], utc_now()))
        finally:
            reader.close()
    _move_old_keys(ws, device_id)
    identity.x25519_private(ws)
    identity.signing_keys(ws)
    return {"device_id": device_id, "name": m["device_name"], "central": central["name"], "records": counts}


def _move_old_keys(ws: Workspace, device_id: str) -> None:
    """Keys made before enrolment (e.g. for a demo) belong to the old id: keep them aside, never reuse them."""
    folder = identity.keys_dir(ws)
    info = folder / "device.json"
    if not info.exists():
        return
    try:
        owner = json.loads(info.read_text(encoding="utf-8")).get("device_id")
    except ValueError:
        owner = None
    if owner != device_id:
        shutil.move(str(folder), str(folder.with_name(f"keys-{owner or 'old'}-{uuid7()[:8]}")))


def revoke(ws: Workspace, ref: str) -> dict[str, Any]:
    from fieldapp.sync.exchange import find_peer

    store = ws.store
    identity.require_role(store, "central")
    device = find_peer(store, ref)
    with store.transaction():
        store.conn.execute("UPDATE sync_peers SET status = 'revoked' WHERE peer_id = ?", (device["peer_id"],))
        for row in store.query("SELECT id FROM device_keys WHERE key_device_id = ?", (device["peer_id"],)):
            store.update("device_keys", row["id"], {"revoked": 1}, audit=None)
    return {"device_id": device["peer_id"], "name": device["name"], "status": "revoked"}
