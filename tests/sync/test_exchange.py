from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from fieldapp.errors import FieldappError
from fieldapp.models import enterprises, findings
from fieldapp.services import evidence
from fieldapp.sync import central as sync_central
from fieldapp.sync import conflicts, exchange, identity, peers, roles
from fieldapp.sync.envelope import BundleRejected
from tests.sync.conftest import Network, record_visit, uscc_for


def test_enrolment_gives_the_device_its_id_registry_blocks_and_officers(net: Network) -> None:
    device = net.enrol("拳铺镇-1")
    store = device.store
    assert roles.role(store) == "device"
    assert store.scalar("SELECT peer_id FROM sync_peers WHERE role = 'central'") == net.central.store.device_id
    assert store.scalar("SELECT count(*) FROM enterprises") == 5
    assert store.scalar("SELECT count(*) FROM inspectors") == 2
    assert store.scalar("SELECT count(*) FROM checklist_templates") >= 18
    blocks = store.query("SELECT * FROM number_blocks")
    assert len(blocks) == 4 and all(b["assigned_device"] == store.device_id for b in blocks)
    central_view = net.central.store.query("SELECT * FROM sync_peers WHERE peer_id = ?", (store.device_id,))[0]
    assert central_view["status"] == "enrolled" and central_view["ed25519_public"] is None


def test_round_trip_with_evidence_acks_and_all_synced(net: Network, tmp_path: Path) -> None:
    device = net.enrol("拳铺镇-1")
    made = record_visit(device, tmp_path)
    assert not exchange.status(device)["all_synced"]
    bundle = net.send(device, net.central)
    result = exchange.import_bundle(net.central, bundle)
    assert result.status == "applied" and result.files == 2
    central = net.central.store
    assert central.get("findings", made["finding"]["id"])["description"] == "灭火器失效"
    peer = central.query("SELECT * FROM sync_peers WHERE peer_id = ?", (device.store.device_id,))[0]
    assert peer["status"] == "active" and peer["ed25519_public"]
    assert evidence.verify(net.central)[1] == []
    # Central acknowledges in its bundle back; then the device has nothing pending.
    exchange.import_bundle(device, net.send(net.central, device))
    assert exchange.status(device)["all_synced"]
    again = exchange.import_bundle(net.central, bundle)
    assert again.status == "already_imported"


def test_older_bundle_after_newer_and_lost_bundle_resent(net: Network, tmp_path: Path) -> None:
    device = net.enrol("拳铺镇-1")
    record_visit(device, tmp_path, photo=False)
    first = net.send(device, net.central)
    second_visit = record_visit(device, tmp_path, enterprise_n=2, photo=False)
    second = net.send(device, net.central)  # covers the first too: nothing acknowledged yet
    assert exchange.import_bundle(net.central, second).status == "applied"
    assert net.central.store.get("findings", second_visit["finding"]["id"]) is not None
    before = net.central.store.scalar("SELECT count(*) FROM findings")
    assert exchange.import_bundle(net.central, first).status == "nothing_new"
    assert net.central.store.scalar("SELECT count(*) FROM findings") == before


def test_closure_is_never_undone_by_a_stale_bundle(net: Network, tmp_path: Path) -> None:
    device = net.enrol("拳铺镇-1")
    f = record_visit(device, tmp_path, photo=False)["finding"]
    findings.order(device.store, f["id"], f["deadline"])
    stale = net.send(device, net.central)
    findings.transition(device.store, f["id"], "verified")
    findings.set_plan(device.store, f["id"], dict.fromkeys(findings.PLAN_KEYS, "落实"))
    findings.set_evaluation(device.store, f["id"], "有效")
    findings.transition(device.store, f["id"], "closed")
    fresh = net.send(device, net.central)
    exchange.import_bundle(net.central, fresh)
    assert net.central.store.get("findings", f["id"])["status"] == "closed"
    # The stale bundle arrives late (older bundle id, never imported): the closure stays.
    net.central.store.conn.execute("UPDATE sync_peers SET received_seq = 0")
    exchange.import_bundle(net.central, stale)
    assert net.central.store.get("findings", f["id"])["status"] == "closed"


def test_central_escalation_reaches_the_owning_device(net: Network, tmp_path: Path) -> None:
    device = net.enrol("拳铺镇-1")
    f = record_visit(device, tmp_path, photo=False)["finding"]
    findings.order(device.store, f["id"], f["deadline"])
    net.sync(device)
    findings.transition(net.central.store, f["id"], "escalated", note="县安委会挂牌督办")
    exchange.import_bundle(device, net.send(net.central, device))
    assert device.store.get("findings", f["id"])["status"] == "escalated"
    events = device.store.query("SELECT to_status FROM finding_events WHERE finding_id = ?", (f["id"],))
    assert "escalated" in {e["to_status"] for e in events}


def test_field_level_merge_and_conflict_review(net: Network) -> None:
    device = net.enrol("拳铺镇-1")
    target = enterprises.find(device.store, uscc_for(1))["id"]
    enterprises.update(device.store, target, {"phone": "13911111111", "address": "新地址1号"})
    # Concurrent, but the office's edit comes a second later by the clock (within the same millisecond the
    # device ids would decide).
    net.central.store.wall_ms = lambda: time.time_ns() // 1_000_000 + 1000
    enterprises.update(net.central.store, target, {"phone": "05377777777", "legal_representative": "刘局"})
    exchange.import_bundle(net.central, net.send(device, net.central))
    merged = net.central.store.get("enterprises", target)
    assert merged["address"] == "新地址1号" and merged["legal_representative"] == "刘局"  # different fields both kept
    assert merged["phone"] == "05377777777"  # the later of two concurrent edits wins …
    listed = conflicts.list_conflicts(net.central)
    assert [(c["field"], c["lost_value"]) for c in listed] == [("phone", "13911111111")]  # … the other is kept
    exchange.import_bundle(device, net.send(net.central, device))
    assert device.store.get("enterprises", target)["phone"] == "05377777777"
    conflicts.resolve(net.central, listed[0]["id"], keep="lost")  # the office reverses the decision
    exchange.import_bundle(device, net.send(net.central, device))
    assert device.store.get("enterprises", target)["phone"] == "13911111111"
    assert device.store.get("enterprises", target)["legal_representative"] == "刘局"
    assert conflicts.list_conflicts(net.central) == []
    # A later edit made after seeing the other side's value is not a conflict.
    enterprises.update(device.store, target, {"phone": "13922222222"})
    exchange.import_bundle(net.central, net.send(device, net.central))
    assert net.central.store.get("enterprises", target)["phone"] == "13922222222"
    assert conflicts.list_conflicts(net.central) == []


def test_same_uscc_created_on_both_sides_becomes_one_enterprise(net: Network, tmp_path: Path) -> None:
    device = net.enrol("拳铺镇-1")
    new_code = uscc_for(99)
    field_copy = enterprises.create(device.store, {"name": "现场发现的小作坊", "uscc": new_code})
    office_copy = enterprises.create(net.central.store, {"name": "登记的小作坊", "uscc": new_code, "industry": "轻工"})
    from fieldapp.models import inspections

    officers = [r["id"] for r in device.store.query("SELECT id FROM inspectors")]
    ins, _ = inspections.create(device.store, enterprise_id=field_copy["id"], officer_ids=officers)
    net.sync(device)
    exchange.import_bundle(net.central, net.send(device, net.central))
    survivor = min(field_copy["id"], office_copy["id"])
    for ws in (device, net.central):
        rows = ws.store.query("SELECT id FROM enterprises WHERE uscc = ?", (new_code,))
        assert [r["id"] for r in rows] == [survivor]
        assert ws.store.get("inspections", ins["id"])["enterprise_id"] == survivor


def test_assignment_travels_to_its_device(net: Network) -> None:
    from fieldapp.sync import assignments

    device = net.enrol("拳铺镇-1")
    net.enrol("韩岗镇-1")
    net.sync(device)
    assignments.assign(net.central, device="拳铺镇-1", enterprise_ref=uscc_for(3), planned_date="2026-12-01")
    exchange.import_bundle(device, net.send(net.central, device))
    got = assignments.for_device(device)
    assert len(got) == 1 and got[0]["enterprise_uscc"] == uscc_for(3)


def tamper(path: Path, offset: int) -> Path:
    data = bytearray(path.read_bytes())
    data[offset % len(data)] ^= 0x01
    out = path.with_name(f"t{offset}-{path.name}")
    out.write_bytes(bytes(data))
    return out


def snapshot(store: object) -> dict[str, int]:
    return {t: store.scalar(f"SELECT count(*) FROM {t}") for t in  # type: ignore[attr-defined]
            ("enterprises", "inspections", "findings", "evidence", "sync_log", "sync_peers", "audit_log")}


@pytest.mark.parametrize("offset", [3, 20, 200, 2000, -70, -5, -1])
def test_one_flipped_byte_anywhere_is_rejected(net: Network, tmp_path: Path, offset: int) -> None:
    device = net.enrol("拳铺镇-1")
    record_visit(device, tmp_path)
    bundle = net.send(device, net.central)
    before = snapshot(net.central.store)
    with pytest.raises(FieldappError) as err:
        exchange.import_bundle(net.central, tamper(bundle, offset))
    assert "nothing was changed" in err.value.en and "未做任何修改" in err.value.zh
    assert snapshot(net.central.store) == before


def test_truncated_wrong_recipient_unknown_and_revoked(net: Network, tmp_path: Path) -> None:
    device = net.enrol("拳铺镇-1")
    other = net.enrol("韩岗镇-1")
    record_visit(device, tmp_path, photo=False)
    bundle = net.send(device, net.central)
    cut = tmp_path / "cut.fabundle"
    cut.write_bytes(bundle.read_bytes()[: len(bundle.read_bytes()) // 2])
    with pytest.raises(BundleRejected, match=r"truncated|signature"):
        exchange.import_bundle(net.central, cut)
    with pytest.raises(BundleRejected, match="another recipient"):
        exchange.import_bundle(other, bundle)
    sync_central.revoke(net.central, "拳铺镇-1")
    with pytest.raises(BundleRejected, match="revoked"):
        exchange.import_bundle(net.central, bundle)
    net.central.store.conn.execute("DELETE FROM sync_peers WHERE name = '拳铺镇-1'")
    with pytest.raises(BundleRejected, match="unknown device"):
        exchange.import_bundle(net.central, bundle)


def test_first_bundle_must_prove_enrolment(net: Network, tmp_path: Path) -> None:
    device = net.enrol("拳铺镇-1")
    device.store.conn.execute("UPDATE meta SET value = ? WHERE key = 'enrol_token'", ("00" * 32,))
    bundle = net.send(device, net.central)
    with pytest.raises(BundleRejected, match="enrolment"):
        exchange.import_bundle(net.central, bundle)


def test_not_a_bundle_and_newer_format(net: Network, tmp_path: Path) -> None:
    junk = tmp_path / "junk.fabundle"
    junk.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(BundleRejected, match="not a fieldapp bundle"):
        exchange.import_bundle(net.central, junk)
    device = net.enrol("拳铺镇-1")
    bundle = net.send(device, net.central)
    data = bundle.read_bytes()
    newer = tmp_path / "newer.fabundle"
    newer.write_bytes(data.replace(b'"format": 1', b'"format": 9', 1))
    with pytest.raises(BundleRejected, match="newer"):
        exchange.import_bundle(net.central, newer)


def craft(net: Network, device, tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    """A bundle correctly signed and encrypted by the device whose inner content is hostile."""
    import zipfile

    from fieldapp.sync import envelope

    inner = tmp_path / "inner.zip"
    manifest = {"format": 1, "bundle_id": exchange.uuid7(), "sender": device.store.device_id,
                "recipient": net.central.store.device_id, "base_seq": 0, "upto_seq": 1, "members": {},
                "counts": {}, "acks": {"received_seq": 0}, "identity": {}}
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
        edit(z, manifest)
        z.writestr("manifest.json", json.dumps(manifest))
    keys = identity.signing_keys(device)
    header = {"bundle_id": manifest["bundle_id"], "sender": manifest["sender"], "recipient": manifest["recipient"],
              "sender_ed25519": keys.payload_public_key.hex(), "sender_x25519": identity.x25519_public(device).hex()}
    header["enrol_mac"] = peers.enrol_mac(identity.meta(device.store, "enrol_token") or "", header)
    out = tmp_path / "crafted.fabundle"
    envelope.seal(inner, out, header=header, sign=keys.sign_payload, recipient_x25519=identity.x25519_public(net.central))
    return out


def test_hostile_content_is_rejected(net: Network, tmp_path: Path) -> None:
    device = net.enrol("拳铺镇-1")
    before = snapshot(net.central.store)

    def zip_slip(z, m):  # type: ignore[no-untyped-def]
        z.writestr("../../evil.txt", "x")
        m["members"]["../../evil.txt"] = {"sha256": "0" * 64, "size": 1}

    def bomb(z, m):  # type: ignore[no-untyped-def]
        z.writestr("records/enterprises.ndjson", b"\n" * (200 * 1024 * 1024))

    def lying_manifest(z, m):  # type: ignore[no-untyped-def]
        z.writestr("records/enterprises.ndjson", b'{"id": "x"}\n')
        m["members"]["records/enterprises.ndjson"] = {"sha256": "1" * 64, "size": 12}
        m["counts"]["enterprises"] = 1

    def missing_member(z, m):  # type: ignore[no-untyped-def]
        m["members"]["records/findings.ndjson"] = {"sha256": "1" * 64, "size": 12}

    for edit, reason in ((zip_slip, "member name"), (bomb, "zip bomb"), (lying_manifest, "does not match"),
                         (missing_member, "exactly the members")):
        with pytest.raises(BundleRejected, match=reason):
            exchange.import_bundle(net.central, craft(net, device, tmp_path, edit))
    assert snapshot(net.central.store) == before


def test_cli_sync_commands(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    c, d = tmp_path / "c", tmp_path / "d"
    assert run_cli(c, "demo", "--enterprises", "50", "--visits", "0").returncode == 0
    assert run_cli(c, "central", "init", "--unit", "示范县应急管理局").returncode == 0
    enrol = run_cli(c, "central", "enroll", "--device", "拳铺镇-1", "--out", str(tmp_path / "d.faenrol"), "--json")
    assert enrol.returncode == 0, enrol.stderr
    assert run_cli(d, "enroll", str(tmp_path / "d.faenrol")).returncode == 0
    assert run_cli(d, "demo", "--visits", "2").returncode == 0
    out = run_cli(d, "sync", "export", "--out", str(tmp_path), "--json")
    assert out.returncode == 0, out.stderr
    path = json.loads(out.stdout)["path"]
    first = run_cli(c, "sync", "import", path, "--json")
    assert first.returncode == 0 and json.loads(first.stdout)["status"] == "applied"
    again = run_cli(c, "sync", "import", path)
    assert again.returncode == 0 and "already imported" in again.stdout
    devices = json.loads(run_cli(c, "central", "devices", "--json").stdout)
    assert devices[0]["name"] == "拳铺镇-1" and devices[0]["status"] == "active"
    back = json.loads(run_cli(c, "sync", "export", "--to", "拳铺镇-1", "--out", str(tmp_path), "--json").stdout)
    assert run_cli(d, "sync", "import", back["path"]).returncode == 0
    status = json.loads(run_cli(d, "sync", "status", "--json").stdout)
    assert status["all_synced"] is True
    garbage = tmp_path / "garbage.fabundle"
    garbage.write_text("not a bundle")
    bad = run_cli(c, "sync", "import", str(garbage))
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    assert json.loads(run_cli(c, "central", "conflicts", "--json").stdout) == []


def test_office_sees_a_quiet_device_all_synced(net: Network) -> None:
    """The device acknowledges the office's bundles from the first one after its enrolment file."""
    device = net.enrol("拳铺镇-1")
    net.sync(device)
    net.sync(device)
    code = uscc_for(3)
    enterprises.update(net.central.store, enterprises.find(net.central.store, code)["id"], {"phone": "0537-1234567"})
    exchange.import_bundle(device, net.send(net.central, device))
    assert enterprises.find(device.store, code)["phone"] == "0537-1234567"
    exchange.import_bundle(net.central, net.send(device, net.central))  # carries its acknowledgement
    assert sync_central.devices(net.central)[0]["pending_changes"] == 0
    assert exchange.status(device)["all_synced"]
