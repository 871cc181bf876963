"""An enterprise registered on site travels to the office, and becomes one with the registry's record of it
when the office holds the same USCC or links the two by hand: on the office and, after a sync, on the device."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from fieldapp.models import enterprises, findings, inspections, registry
from fieldapp.services import drafts, issuing, notices
from fieldapp.services import enterprises as service
from fieldapp.sync import central as sync_central
from fieldapp.sync import exchange
from fieldapp.workspace import Workspace
from tests.conftest import run_cli
from tests.sync.conftest import Network, uscc_for

WORKSHOP = {"name": "老王五金加工作坊", "address": "示范县拳铺镇后营村18号", "legal_representative": "王立新",
            "township": "拳铺镇", "industry": "九小场所", "phone": "13905370000"}


def visit(ws: Workspace, enterprise_id: str) -> dict[str, Any]:
    store = ws.store
    officers = [r["id"] for r in store.query("SELECT id FROM inspectors ORDER BY certificate_no LIMIT 2")]
    ins, _ = inspections.create(store, enterprise_id=enterprise_id, officer_ids=officers)
    f = findings.create(store, enterprise_id=enterprise_id, inspection_id=ins["id"], description="砂轮机无防护罩",
                        deadline=(date.today() + timedelta(days=15)).isoformat())
    return {"inspection": ins["id"], "finding": f["id"]}


def registry_file(tmp: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp / "名录.csv"
    lines = ["单位名称,统一社会信用代码,地址,法定代表人,乡镇街道,行业类别"]
    lines += [f"{r['name']},{r['uscc']},{r['address']},{r.get('legal_representative', '')},拳铺镇,轻工" for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def attached(ws: Workspace, enterprise_id: str) -> dict[str, int]:
    return {t: int(ws.store.scalar(f"SELECT count(*) FROM {t} WHERE enterprise_id = ?", (enterprise_id,)))
            for t in ("inspections", "findings", "documents")}


def test_enterprise_registered_on_site_without_uscc_reaches_the_office_and_other_devices(net: Network) -> None:
    device, other = net.enrol("拳铺镇-1"), net.enrol("拳铺镇-2")
    row = service.add_enterprise(device, WORKSHOP).value
    assert row["uscc"] is None and row["township"] == "拳铺镇"
    made = visit(device, row["id"])
    net.sync(device)
    net.sync(other)
    for ws in (net.central, other):
        there = ws.store.get("enterprises", row["id"])
        assert there is not None and there["uscc"] is None and there["legal_representative"] == "王立新"
    assert net.central.store.get("findings", made["finding"])["enterprise_id"] == row["id"]
    assert exchange.status(device)["all_synced"]


def test_office_import_of_the_same_uscc_before_the_device_syncs_merges_them(net: Network, tmp_path: Path) -> None:
    device = net.enrol("拳铺镇-1")
    code = uscc_for(77)
    on_site = service.add_enterprise(device, {**WORKSHOP, "uscc": code, "phone": "13905370000"}).value
    made = visit(device, on_site["id"])
    report = registry.import_file(net.central.store, registry_file(tmp_path, [
        {"name": "示范县老王五金加工厂", "uscc": code, "address": "拳铺镇后营村18号"}]))
    assert report.inserted == 1
    office_id = enterprises.find(net.central.store, code)["id"]
    assert office_id != on_site["id"]
    for _ in range(2):
        net.sync(device)
    survivor = min(on_site["id"], office_id)  # the older id, on every replica
    for ws in (net.central, device):
        rows = ws.store.query("SELECT * FROM enterprises WHERE uscc = ? OR id IN (?, ?)", (code, on_site["id"], office_id))
        assert [r["id"] for r in rows] == [survivor]
        assert rows[0]["phone"] == "13905370000"  # only the on-site record knew it: kept
        assert ws.store.get("findings", made["finding"])["enterprise_id"] == survivor
        assert ws.store.get("inspections", made["inspection"])["enterprise_id"] == survivor
    assert net.central.store.scalar("SELECT merged_into FROM tombstones WHERE row_id = ?",
                                    (max(on_site["id"], office_id),)) == survivor


def test_office_import_after_the_device_synced_updates_the_same_record(net: Network, tmp_path: Path) -> None:
    device = net.enrol("拳铺镇-1")
    code = uscc_for(78)
    on_site = service.add_enterprise(device, {**WORKSHOP, "uscc": code}).value
    net.sync(device)
    report = registry.import_file(net.central.store, registry_file(tmp_path, [
        {"name": "示范县老王五金加工厂", "uscc": code, "address": "拳铺镇后营村18号"}]))
    assert report.updated == 1 and report.inserted == 0
    net.sync(device)
    for ws in (net.central, device):
        assert enterprises.find(ws.store, code)["id"] == on_site["id"]
        assert enterprises.find(ws.store, code)["name"] == "示范县老王五金加工厂"


def test_hand_link_merges_on_office_and_device_and_keeps_the_signed_notice(net: Network, tmp_path: Path) -> None:
    device = net.enrol("拳铺镇-1")
    on_site = service.add_enterprise(device, WORKSHOP).value
    made = visit(device, on_site["id"])
    draft = drafts.draft_document(device, doc_type="rectification_order", inspection_id=made["inspection"]).value
    issued = issuing.issue_document(device, draft["id"]).value.document
    pdf_before = notices.document_pdf(device, issued["id"])
    net.sync(device)
    office_code = uscc_for(79)
    office = enterprises.create(net.central.store, {"name": "示范县后营五金厂", "uscc": office_code,
                                                    "address": "拳铺镇后营村18号", "industry": "机械"})
    result = service.link_enterprises(net.central, on_site["id"], office["id"]).value
    survivor = min(on_site["id"], office["id"])
    assert result["survivor"] == survivor
    assert result["records"] == {"inspections": 1, "findings": 1, "documents": 1}
    logged = net.central.store.query("SELECT data FROM audit_log WHERE action = 'link' AND entity = 'enterprises'")
    assert json.loads(logged[0]["data"])["device_record"] == on_site["id"]
    net.sync(device)
    for ws in (net.central, device):
        ids = [r["id"] for r in ws.store.query("SELECT id FROM enterprises WHERE id IN (?, ?)",
                                               (on_site["id"], office["id"]))]
        assert ids == [survivor]
        row = ws.store.get("enterprises", survivor)
        # The registry's values, and what only the on-site record knew.
        assert (row["name"], row["uscc"], row["industry"]) == ("示范县后营五金厂", office_code, "机械")
        assert row["legal_representative"] == "王立新" and row["phone"] == "13905370000"
        assert attached(ws, survivor) == {"inspections": 1, "findings": 1, "documents": 1}
        doc = ws.store.get("documents", issued["id"])
        assert (doc["content_sha256"], doc["pdf_sha256"]) == (issued["content_sha256"], issued["pdf_sha256"])
    # The notice keeps the name it was issued with; the survivor has the registry's.
    assert notices.document_pdf(device, issued["id"]) == pdf_before
    text = "".join(p.get_textpage().get_text_range() for p in pdfium.PdfDocument(pdf_before))
    assert "老王五金加工作坊" in text and "示范县后营五金厂" not in text
    # The device's side of the union goes back once, then nothing is left to send either way.
    net.sync(device)
    net.sync(device)
    assert exchange.status(device)["all_synced"]
    exchange.import_bundle(net.central, net.send(device, net.central))  # carries the device's acknowledgement
    assert sync_central.devices(net.central)[0]["pending_changes"] == 0


def test_stale_edit_of_a_linked_record_lands_on_the_survivor(net: Network) -> None:
    device = net.enrol("拳铺镇-1")
    on_site = service.add_enterprise(device, WORKSHOP).value
    net.sync(device)
    office = enterprises.create(net.central.store, {"name": "示范县后营五金厂", "uscc": uscc_for(80),
                                                    "address": "拳铺镇后营村18号"})
    service.link_enterprises(net.central, on_site["id"], office["id"])
    service.update_enterprise(device, on_site["id"], {"principal": "王小军"})  # before the link reaches it
    made = visit(device, on_site["id"])
    net.sync(device)
    net.sync(device)
    survivor = min(on_site["id"], office["id"])
    for ws in (net.central, device):
        assert ws.store.get("enterprises", survivor)["principal"] == "王小军"
        assert ws.store.get("findings", made["finding"])["enterprise_id"] == survivor
        assert ws.store.scalar("SELECT count(*) FROM enterprises WHERE id IN (?, ?)",
                               (on_site["id"], office["id"])) == 1


def test_cli_add_and_link_enterprise(net: Network, tmp_path: Path) -> None:
    office_dir = net.central.data_dir
    added = run_cli(office_dir, "enterprises", "add", "--name", "后营村小卖部", "--address", "拳铺镇后营村2号",
                    "--legal-representative", "李秀英", "--json")
    assert added.returncode == 0, added.stderr
    on_site = json.loads(added.stdout)
    assert on_site["uscc"] is None
    refused = run_cli(office_dir, "enterprises", "add", "--name", "无经营者", "--address", "拳铺镇")
    assert refused.returncode == 1 and "operator" in refused.stderr and "Traceback" not in refused.stderr
    short = run_cli(office_dir, "enterprises", "add", "--name", "短代码", "--address", "拳铺镇", "--uscc", "12345abc")
    assert short.returncode == 1 and "18 characters" in short.stderr
    pilot = run_cli(office_dir, "enterprises", "add", "--name", "试点代码单位", "--address", "拳铺镇",
                    "--uscc", "91350100M0001TGQXM")
    assert pilot.returncode == 1 and "--accept-check-character" in pilot.stderr
    accepted = run_cli(office_dir, "enterprises", "add", "--name", "试点代码单位", "--address", "拳铺镇",
                       "--uscc", "91350100M0001TGQXM", "--accept-check-character")
    assert accepted.returncode == 0 and "warning: check character" in accepted.stdout
    duplicate = run_cli(office_dir, "enterprises", "add", "--name", "重复", "--address", "拳铺镇",
                        "--uscc", uscc_for(1))
    assert duplicate.returncode == 1 and "测试企业1有限公司" in duplicate.stderr
    linked = run_cli(office_dir, "central", "link-enterprise", on_site["id"], uscc_for(2), "--json")
    assert linked.returncode == 0, linked.stderr
    data = json.loads(linked.stdout)
    assert data["survivor"] == min(on_site["id"], enterprises.find(net.central.store, uscc_for(2))["id"])
    again = run_cli(office_dir, "central", "link-enterprise", on_site["id"], uscc_for(2))
    assert again.returncode == 1 and "same enterprise" in again.stderr
