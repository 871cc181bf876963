"""Demo scenes for `make screenshots` and the manuals: an office and an enrolled device with work on both sides.

Built from the same service calls as real work, so what a screenshot shows is what a user would see.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldapp.models import demo
from fieldapp.services import enterprises, first_start
from fieldapp.services import sync as sync_service
from fieldapp.workspace import Workspace

DEVICE_NAME = "拳铺镇-执法终端1"
SEED = 20261123


@dataclass
class OfficeAndDevice:
    central: Workspace
    device: Workspace
    reply: Path  # the office's bundle for the device, not yet imported


def demo_county(ws: Workspace, *, enterprises_count: int = 600) -> None:
    """The demo county without visits (screens add their own)."""
    first_start.fill_demo(ws, enterprises=enterprises_count, seed=SEED, visits=0)


def more_field_work(ws: Workspace, *, seed: int = 7, inspections: int = 3) -> None:
    """A few more demo inspections and hazards on an enrolled device, not yet synced."""
    demo.fill_field_work(ws.store, seed=seed, inspections_count=inspections)


def office_and_device(folder: Path) -> OfficeAndDevice:
    """An office with 300 enterprises and an enrolled device that synced twice: its inspections went up, both
    sides changed the same phone numbers (the office's later edits win, the device's are kept for review),
    and the office assigned two 双随机 visits."""
    central = Workspace.open(folder / "central")
    demo.fill(central.store, enterprises_count=300, seed=SEED)
    sync_service.init_central(central, "示范县应急管理局")
    enrolment = sync_service.enroll_device(central, DEVICE_NAME, folder / "device.faenrol").value.path
    device = Workspace.open(folder / "device")
    sync_service.enroll(device, enrolment)
    demo.fill_field_work(device.store, seed=SEED, inspections_count=12)
    first = sync_service.export_bundle(device, out=folder / "b1.fabundle").value
    sync_service.import_bundle(central, first.path)
    listed = enterprises.list_enterprises(central, limit=3)
    for n, row in enumerate(listed):
        enterprises.update_enterprise(device, row["id"], {"phone": f"1380591{n:04d}"})
        enterprises.update_enterprise(central, row["id"], {"phone": f"0591-8766{n:04d}"})
    second = sync_service.export_bundle(device, out=folder / "b2.fabundle").value
    sync_service.import_bundle(central, second.path)
    for row in enterprises.list_enterprises(central, limit=2):
        sync_service.assign_visit(central, device=DEVICE_NAME, enterprise_ref=row["uscc"], kind="双随机抽查",
                                  planned_date="2026-12-01", note="第四季度双随机抽查")
    reply = sync_service.export_bundle(central, to=DEVICE_NAME, out=folder / "c1.fabundle").value.path
    return OfficeAndDevice(central, device, reply)
