"""Enrolment on a data directory that already holds a registry import; refusal of field work and of the demo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.errors import FieldappError
from fieldapp.models import demo, enterprises, inspections, inspectors, numbering
from fieldapp.sync import central as sync_central
from fieldapp.sync import device as sync_device
from fieldapp.sync import exchange
from fieldapp.workspace import Workspace
from tests.conftest import run_cli
from tests.sync.conftest import Network, uscc_for

NEW_USCC = uscc_for(77)


def registry_csv(path: Path) -> Path:
    """The township's own list: two enterprises the office also has (other spellings), one it has not."""
    path.write_text("单位名称,统一社会信用代码,地址,乡镇街道\n"
                    f"测试企业1有限公司（乡镇名录）,{uscc_for(1)},拳铺镇1号,拳铺镇\n"
                    f"测试企业2有限公司,{uscc_for(2)},拳铺镇2号,拳铺镇\n"
                    f"新开木器加工坊,{NEW_USCC},拳铺镇李庄,拳铺镇\n", encoding="utf-8")
    return path


def names(ws: Workspace) -> dict[str, str]:
    return {r["uscc"]: r["name"] for r in ws.store.query("SELECT uscc, name FROM enterprises")}


def test_enrolment_over_a_registry_import_merges_by_uscc_and_both_sides_converge(net: Network,
                                                                                   tmp_path: Path) -> None:
    sync_central.enroll(net.central, "拳铺镇-1", tmp_path / "d.faenrol", block_size=50)
    data = tmp_path / "device"
    imported = run_cli(data, "enterprises", "import", str(registry_csv(tmp_path / "名录.csv")))
    assert imported.returncode == 0, imported.stderr
    enrolled = run_cli(data, "enroll", str(tmp_path / "d.faenrol"), "--json")
    assert enrolled.returncode == 0, enrolled.stderr
    assert json.loads(enrolled.stdout)["name"] == "拳铺镇-1"

    device = Workspace.open(data)
    try:
        # One record per USCC: the office's five plus the township's new one.
        assert len(names(device)) == 6
        assert names(device)[NEW_USCC] == "新开木器加工坊"
        # Documents are numbered from the office's blocks only.
        blocks = numbering.list_blocks(device.store)
        assert blocks and all(b["assigned_device"] == device.store.device_id for b in blocks)
        exchange.import_bundle(net.central, exchange.export(device, out=tmp_path / "usb").path)
        exchange.import_bundle(device, exchange.export(net.central, to="拳铺镇-1", out=tmp_path / "usb").path)
        assert names(net.central) == names(device)
        assert names(net.central)[NEW_USCC] == "新开木器加工坊"
        assert run_cli(data, "doctor").returncode == 0
    finally:
        device.close()


def test_enrolment_refuses_a_directory_with_inspections_made_before(net: Network, tmp_path: Path) -> None:
    sync_central.enroll(net.central, "拳铺镇-1", tmp_path / "d.faenrol")
    ws = Workspace.open(tmp_path / "device")
    try:
        e = enterprises.create(ws.store, {"name": "本地企业", "uscc": NEW_USCC})
        a, b = inspectors.create(ws.store, "张三", "X-1"), inspectors.create(ws.store, "李四", "X-2")
        inspections.create(ws.store, enterprise_id=e["id"], officer_ids=[a["id"], b["id"]])
        with pytest.raises(FieldappError, match="numbered outside the office's number blocks") as refused:
            sync_device.enroll(ws, tmp_path / "d.faenrol")
        assert "检查记录" in refused.value.zh
        assert ws.store.scalar("SELECT value FROM meta WHERE key = 'role'") is None  # nothing changed
    finally:
        ws.close()


def test_enrolment_refuses_the_demo_directory_through_the_real_cli(net: Network, tmp_path: Path) -> None:
    sync_central.enroll(net.central, "拳铺镇-1", tmp_path / "d.faenrol")
    ws = Workspace.open(tmp_path / "demo")
    demo.fill(ws.store, enterprises_count=30, seed=3)
    ws.close()
    out = run_cli(tmp_path / "demo", "enroll", str(tmp_path / "d.faenrol"))
    assert out.returncode == 1
    assert "demo data must never reach an office" in out.stderr
    assert "Traceback" not in out.stderr
