"""The office's half of sync: becoming the central office, enrolling and revoking devices, and what only
the office does in an exchange.

`central init` makes a data directory the office: it gets its signing and encryption keys and an office
certification authority. `central enroll` registers a device and writes its enrolment file: the device
id, the office's public keys, settings, officers, number blocks, the registry and the checklists, plus a
one-time secret. The file is signed but not encrypted (the device has no key yet), so it is handed over
in person like a key. The device's first bundle proves the secret; its keys are pinned then, and its
PDF-signing key is certified by the office's authority.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.errors import FieldappError
from fieldapp.models import numbering, settings
from fieldapp.models.doc_types import DocType
from fieldapp.models.ids import utc_now, uuid7
from fieldapp.models.store import Row, Store
from fieldapp.models.tables import POLICIES
from fieldapp.sync import bundle, envelope, identity, peers, roles
from fieldapp.sync.roles import Role
from fieldapp.workspace import Workspace

SHARED_SETTINGS = ("issuing_unit", "seal_text", "document_prefix", "document_number_format",
                   "document_type_codes", "review_government", "review_department", "court", "default_deadline_days",
                   "reinspection_days", "verify_url")
DEFAULT_BLOCK = 100


def init(ws: Workspace, unit: str) -> dict[str, Any]:
    """Make this data directory the central office of `unit`."""
    store = ws.store
    unit = unit.strip()
    if not unit:
        raise FieldappError("give the office's name (--unit)", "请填写中心端单位名称")
    current = roles.role(store)
    if current is Role.CENTRAL:
        raise FieldappError("this data directory is already the central office", "该数据目录已是中心端")
    if current is Role.DEVICE:
        raise FieldappError("this data directory is an enrolled device, not an office", "该数据目录是已注册的终端，不能作为中心端")
    settings.set_value(store, "issuing_unit", unit)
    with store.transaction():
        identity.set_meta(store, "role", Role.CENTRAL.value)
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


def enroll(ws: Workspace, name: str, out: Path, *, block_size: int = DEFAULT_BLOCK,
           year: int | None = None) -> EnrolmentResult:
    """Register a device called `name` and write its enrolment file to `out`."""
    store = ws.store
    roles.require_role(store, Role.CENTRAL)
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
        for policy in POLICIES:
            if policy.enrolment:
                # The registry whole; of the tables routed by device, what is assigned to this one.
                where, params = ("1", ()) if policy.registry else ("assigned_device = ?", (device_id,))
                writer.records(policy.name, peers.rows(store, policy.name, where, params))
        writer.finish(manifest)
        header = {"kind": "enrolment", "bundle_id": manifest["bundle_id"], "sender": store.device_id,
                  "recipient": device_id, "created_at": manifest["created_at"],
                  "sender_ed25519": keys.payload_public_key.hex()}
        out.parent.mkdir(parents=True, exist_ok=True)
        envelope.seal(inner, out, header=header, sign=keys.sign_payload, recipient_x25519=None)
    return EnrolmentResult(device_id, name, out, blocks)


def revoke(ws: Workspace, ref: str) -> dict[str, Any]:
    """A lost or stolen laptop: its bundles are refused and its keys no longer trusted, on every replica."""
    store = ws.store
    roles.require_role(store, Role.CENTRAL)
    device = peers.find_peer(store, ref)
    with store.transaction():
        store.conn.execute("UPDATE sync_peers SET status = 'revoked' WHERE peer_id = ?", (device["peer_id"],))
        for row in store.query("SELECT id FROM device_keys WHERE key_device_id = ?", (device["peer_id"],)):
            store.update("device_keys", row["id"], {"revoked": 1}, audit=None)
    return {"device_id": device["peer_id"], "name": device["name"], "status": "revoked"}


def devices(ws: Workspace) -> list[dict[str, Any]]:
    """The enrolled devices with their last exchanges and what waits to be sent to each."""
    store = ws.store
    out = []
    for row in store.query("SELECT * FROM sync_peers WHERE role = 'device' ORDER BY name"):
        out.append({"id": row["peer_id"], "name": row["name"], "status": row["status"],
                    "received_seq": row["received_seq"], "acked_seq": row["acked_seq"],
                    "last_import_at": row["last_import_at"], "last_export_at": row["last_export_at"],
                    "pending_changes": peers.pending_changes(store, Role.CENTRAL, row) if row["x25519_public"]
                    else None})
    return out


def status(ws: Workspace) -> dict[str, Any]:
    store = ws.store
    return {"devices": devices(ws),
            "open_conflicts": int(store.scalar("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL"))}


def export_target(store: Store, to: str | None) -> Row:
    """The device a bundle is for: named, enrolled, and heard from (its encryption key came in its first bundle)."""
    if not to:
        raise FieldappError("say which device the bundle is for (--to DEVICE)", "请指定接收数据包的终端（--to）")
    target = peers.find_peer(store, to)
    if target["status"] == "revoked":
        raise FieldappError(f"device {target['name']} is revoked", f"终端 {target['name']} 已被注销")
    if not target["x25519_public"]:
        raise FieldappError(f"device {target['name']} has not sent its first bundle yet: import it first",
                            f"终端 {target['name']} 尚未发来首个数据包，请先导入该终端的数据包")
    return target


def certificates_for(store: Store, device: str) -> list[dict[str, str]]:
    """The certificates the office issued for the device's PDF-signing keys (sent back in every bundle)."""
    return [{"key_id": r["key_id"], "certificate_pem": r["issued_certificate_pem"]} for r in store.query(
        "SELECT key_id, issued_certificate_pem FROM device_keys WHERE key_device_id = ?"
        " AND issued_certificate_pem IS NOT NULL", (device,))]


def after_import(ws: Workspace, manifest: dict[str, Any], sender: Row, pin: bool) -> None:
    """Pin a device's keys at its first bundle; certify its PDF key."""
    ident = manifest.get("identity") or {}
    if pin:
        ws.store.conn.execute("UPDATE sync_peers SET ed25519_public = ?, x25519_public = ?, status = 'active',"
                              " enrol_token = NULL WHERE peer_id = ?",
                              (ident.get("ed25519"), ident.get("x25519"), sender["peer_id"]))
    if ident.get("certificate_pem"):
        _certify_device(ws, sender, ident)


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
