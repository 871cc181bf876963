from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from fieldapp.models import enterprises, findings, inspections, inspectors
from fieldapp.services import evidence
from fieldapp.sync import central as sync_central
from fieldapp.sync import device as sync_device
from fieldapp.sync import exchange
from fieldapp.workspace import Workspace


def uscc_for(n: int) -> str:
    from fieldapp.models import uscc

    body = f"91370832{n:09d}"
    return body + uscc.check_char(body)


class Network:
    """A central office and its devices, each a real data directory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.central = Workspace.open(root / "central")
        store = self.central.store
        for n in range(1, 6):
            enterprises.create(store, {"name": f"测试企业{n}有限公司", "uscc": uscc_for(n), "industry": "机械",
                                       "address": f"示范县拳铺镇{n}号", "phone": "13800000000"})
        inspectors.create(store, "张执法", "C-001")
        inspectors.create(store, "李检查", "C-002")
        sync_central.init(self.central, "示范县应急管理局")
        self.devices: dict[str, Workspace] = {}

    def enrol(self, name: str) -> Workspace:
        file = self.root / f"{name}.faenrol"
        sync_central.enroll(self.central, name, file, block_size=50)
        ws = Workspace.open(self.root / name)
        sync_device.enroll(ws, file)
        self.devices[name] = ws
        return ws

    def send(self, source: Workspace, target: Workspace, name: str | None = None) -> Path:
        to = None if source is not self.central else exchange.identity.meta(target.store, "device_name")
        path = self.root / f"b-{exchange.uuid7()}.fabundle"
        exchange.export(source, to=to, out=path)
        return path

    def sync(self, device: Workspace) -> None:
        exchange.import_bundle(self.central, self.send(device, self.central))
        exchange.import_bundle(device, self.send(self.central, device))

    def close(self) -> None:
        self.central.close()
        for ws in self.devices.values():
            ws.close()


@pytest.fixture
def net(tmp_path: Path) -> Iterator[Network]:
    network = Network(tmp_path)
    yield network
    network.close()


def record_visit(ws: Workspace, tmp: Path, *, enterprise_n: int = 1, photo: bool = True) -> dict[str, Any]:
    store = ws.store
    officers = [r["id"] for r in store.query("SELECT id FROM inspectors ORDER BY certificate_no LIMIT 2")]
    enterprise = enterprises.find(store, uscc_for(enterprise_n))
    ins, _ = inspections.create(store, enterprise_id=enterprise["id"], officer_ids=officers)
    f = findings.create(store, enterprise_id=enterprise["id"], inspection_id=ins["id"], description="灭火器失效",
                        grade="major", deadline=(date.today() + timedelta(days=20)).isoformat())
    rows = []
    if photo:
        path = tmp / f"photo-{f['id']}.jpg"
        Image.new("RGB", (640, 480), (len(f["id"]) % 255, 90, 140)).save(path)
        rows = evidence.attach(ws, finding_id=f["id"], paths=[path], caption="现场").value
    return {"inspection": ins, "finding": f, "evidence": rows}
