"""The field device's half of sync: enrolling with the office's file, and what only a device does in an exchange.

On the laptop `fieldapp enroll FILE` applies the office's enrolment file (sync/central.py writes it):
the device takes the id the office gave it, pins the office's keys, and receives the registry, officers,
checklists, settings and its number blocks. Its own public keys reach the office in its first bundle,
which proves the file's one-time secret. A device exports only to its office; the office's answer may
carry the certificate it issued for the device's PDF-signing key.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from fieldapp.errors import FieldappError
from fieldapp.models import demo, settings
from fieldapp.models.ids import utc_now, uuid7
from fieldapp.models.store import Row, Store
from fieldapp.models.tables import POLICIES
from fieldapp.sync import bundle, envelope, identity, peers, roles
from fieldapp.sync.applier import Applier
from fieldapp.sync.roles import Role
from fieldapp.workspace import Workspace


def check_enrollable(store: Store) -> None:
    """Refuse a directory that cannot become a field device.

    Field work done before enrolment had its documents numbered outside the office's blocks, so such a
    directory cannot join (the tables marked `field_work`). A registry import, officers, checklists and
    settings can: they merge with the office's records by USCC, certificate number and name.
    """
    current = roles.role(store)
    if current is not Role.STANDALONE:
        raise FieldappError(f"this data directory is already a {current}; enrol a fresh one",
                            "该数据目录已注册或已是中心端，请使用新的数据目录注册")
    if demo.is_demo(store):
        raise FieldappError("this is a demo data directory: demo data must never reach an office; enrol the real "
                            "data directory (start fieldapp without --demo)",
                            "这是演示数据目录，演示数据不得进入单位（中心端）；请在正式数据目录中注册")
    if any(store.scalar(f"SELECT 1 FROM {p.name} LIMIT 1") for p in POLICIES if p.field_work):
        raise FieldappError("this database already holds inspections, findings or documents, numbered outside the "
                            "office's number blocks; enrol on a data directory that holds at most a registry import",
                            "该数据库中已有检查记录、隐患或文书（其编号不属于单位分配的号段），无法注册；"
                            "请在只导入过单位名录的数据目录中注册")


def enroll(ws: Workspace, path: Path) -> dict[str, Any]:
    """Turn this installation (empty, or holding a registry import) into the enrolled device of the office's file."""
    store = ws.store
    check_enrollable(store)
    header = envelope.read_header(Path(path))
    if header.raw.get("kind") != "enrolment":
        raise envelope.reject("this is not an enrolment file", "该文件不是注册文件")
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
                raise envelope.reject("the enrolment manifest disagrees with its envelope", "注册文件内容不一致")
            reader.verify_all()
            central = m["central"]
            if central.get("ed25519") != central_key.hex():
                raise envelope.reject("the office key inside the file does not match its signature", "注册文件密钥不一致")
            device_id = str(m["device_id"])
            with store.transaction():
                # Unused number blocks assigned here before enrolment: only the office's blocks may number
                # documents from now on. They never left this file, so they go without a tombstone.
                store.conn.execute("DELETE FROM number_blocks WHERE assigned_device = ?", (store.device_id,))
                store.conn.execute("UPDATE meta SET value = ? WHERE key = 'device_id'", (device_id,))
                store.device_id = device_id
                for key, value in (("role", Role.DEVICE.value), ("device_name", str(m["device_name"])),
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
                for policy in POLICIES:
                    if policy.enrolment:
                        counts[policy.name] = applier.apply(policy.name, reader.records(policy.name)).inserted
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


def office(store: Store) -> Row:
    """The one peer a device exchanges with."""
    found = peers.peer(store, identity.meta(store, "central_id") or "")
    assert found is not None, "an enrolled device knows its office"
    return found


def export_target(store: Store, to: str | None) -> Row:
    target = office(store)
    if to and to not in (target["peer_id"], identity.meta(store, "central_name")):
        raise FieldappError("a device exports only to its central office", "终端只能向中心端导出")
    return target


def sign_header(store: Store, header: dict[str, Any]) -> None:
    """Until the office has answered, every bundle proves the enrolment secret (the first one pins the keys)."""
    token = identity.meta(store, "enrol_token")
    if token:
        header["enrol_mac"] = peers.enrol_mac(token, header)


def after_import(ws: Workspace, manifest: dict[str, Any]) -> None:
    """Install the certificate the office issued for this device's PDF key; forget the enrolment secret."""
    for cert in manifest.get("certificates") or []:
        _install_certificate(ws, cert)
    if identity.meta(ws.store, "enrol_token"):
        # Central has seen us (it answered); the enrolment secret is no longer needed.
        ws.store.conn.execute("DELETE FROM meta WHERE key = 'enrol_token'")


def _install_certificate(ws: Workspace, cert: dict[str, Any]) -> None:
    keys = identity.signing_keys(ws)
    if cert.get("key_id") != keys.public_key_id or not cert.get("certificate_pem"):
        return
    ca_pem = identity.meta(ws.store, "ca_pem")
    if not keys.self_issued:
        return
    keys.install_certificate(str(cert["certificate_pem"]), [ca_pem] if ca_pem else [])


def status(store: Store) -> dict[str, Any]:
    """How far this device is with its office: last exchanges, and what waits to be sent."""
    central = peers.peer(store, identity.meta(store, "central_id") or "")
    if central is None:
        return {}
    pending = peers.pending_changes(store, Role.DEVICE, central)
    return {"central": central["name"], "acked_seq": central["acked_seq"], "received_seq": central["received_seq"],
            "last_export_at": central["last_export_at"], "last_import_at": central["last_import_at"],
            "pending_changes": pending, "all_synced": pending == 0}
