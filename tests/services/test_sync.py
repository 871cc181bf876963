"""services.sync: each sync action of the device and the office, and what it says it changed."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.errors import FieldappError, ValidationError
from fieldapp.models import enterprises
from fieldapp.services import inspections
from fieldapp.services import sync as service
from fieldapp.services.changes import EVERYTHING, Entity
from fieldapp.services.sync import Role
from fieldapp.workspace import Workspace
from tests.sync.conftest import Network, uscc_for


@pytest.fixture
def net(tmp_path: Path) -> Iterator[Network]:
    network = Network(tmp_path)
    yield network
    network.close()


def enrol(net: Network, tmp_path: Path) -> Workspace:
    done = service.enroll_device(net.central, "拳铺镇-1", tmp_path / "d.faenrol", block_size=20)
    assert {Entity.SYNC, Entity.NUMBERS} <= done.changes.entities and done.value.device_id in done.changes.ids
    assert [b["last"] - b["first"] + 1 for b in done.value.blocks] == [20] * 4
    device = Workspace.open(tmp_path / "device")
    net.devices["拳铺镇-1"] = device
    enrolled = service.enroll(device, done.value.path)
    assert enrolled.changes == EVERYTHING and enrolled.value["central"] == "示范县应急管理局"
    return device


def test_an_installation_is_standalone_until_it_enrols(net: Network, tmp_path: Path) -> None:
    assert service.role(net.central) is Role.CENTRAL
    device = enrol(net, tmp_path)
    assert service.role(device) is Role.DEVICE
    status = service.status(device)
    assert status["role"] == Role.DEVICE and status["central"] == "示范县应急管理局"
    assert service.last_sync(device) is not None  # the enrolment file counts as the first import
    fresh = Workspace.open(tmp_path / "fresh")
    try:
        assert service.role(fresh) is Role.STANDALONE and service.status(fresh)["role"] == "standalone"
        assert inspections.assigned_visits(fresh) == [] and service.last_sync(fresh) is None
    finally:
        fresh.close()


def test_a_bundle_changes_everything_once_and_nothing_the_second_time(net: Network, tmp_path: Path) -> None:
    device = enrol(net, tmp_path)
    enterprises.create(device.store, {"name": "现场发现的小作坊", "uscc": uscc_for(42)})
    exported = service.export_bundle(device, out=tmp_path / "usb")
    assert exported.changes.entities == {Entity.SYNC} and exported.value.bundle_id in exported.changes.ids
    assert exported.value.path.parent == tmp_path / "usb" and exported.value.counts["enterprises"] == 1
    first = service.import_bundle(net.central, exported.value.path)
    assert first.changes == EVERYTHING and first.value.status == "applied"
    again = service.import_bundle(net.central, exported.value.path)
    assert again.changes.entities == {Entity.SYNC} and again.value.status == "already_imported"
    assert service.last_sync(net.central) is not None
    assert [d["name"] for d in service.devices(net.central)] == ["拳铺镇-1"]


def test_only_the_office_lists_devices_and_assigns_visits(net: Network, tmp_path: Path) -> None:
    device = enrol(net, tmp_path)
    with pytest.raises(FieldappError, match="not the central office"):
        service.devices(device)
    with pytest.raises(FieldappError, match="not the central office"):
        service.assign_visit(device, device="拳铺镇-1", enterprise_ref=uscc_for(1))
    done = service.assign_visit(net.central, device="拳铺镇-1", enterprise_ref=uscc_for(2),
                                planned_date="2026-12-01", kind="双随机抽查")
    assert done.changes.entities == {Entity.SYNC} and done.value["id"] in done.changes.ids
    service.import_bundle(net.central, service.export_bundle(device, out=tmp_path / "b1.fabundle").value.path)
    answer = service.export_bundle(net.central, to="拳铺镇-1", out=tmp_path / "c1.fabundle").value
    service.import_bundle(device, answer.path)
    assert [v["enterprise_uscc"] for v in inspections.assigned_visits(device)] == [uscc_for(2)]
    assert inspections.assigned_visits(net.central) == []


def test_restoring_an_overwritten_value_says_which_records_changed(net: Network, tmp_path: Path) -> None:
    device = enrol(net, tmp_path)
    target = enterprises.find(device.store, uscc_for(1))["id"]
    enterprises.update(device.store, target, {"phone": "13911111111"})
    net.central.store.wall_ms = lambda: time.time_ns() // 1_000_000 + 1000
    enterprises.update(net.central.store, target, {"phone": "05377777777"})
    service.import_bundle(net.central, service.export_bundle(device, out=tmp_path / "b.fabundle").value.path)
    [conflict] = service.list_conflicts(net.central)
    with pytest.raises(ValidationError):
        service.resolve_conflict(net.central, conflict["id"], keep="both")
    done = service.resolve_conflict(net.central, conflict["id"], keep="lost")
    assert done.changes.entities == {Entity.SYNC, Entity.ENTERPRISES} and target in done.changes.ids
    assert net.central.store.get("enterprises", target)["phone"] == "13911111111"
    assert service.list_conflicts(net.central) == []
    assert [c["resolution"] for c in service.list_conflicts(net.central, include_resolved=True)] == ["reversed"]


def test_revoking_a_device_refuses_its_next_bundle(net: Network, tmp_path: Path) -> None:
    device = enrol(net, tmp_path)
    bundle = service.export_bundle(device, out=tmp_path / "b.fabundle").value.path
    done = service.revoke_device(net.central, "拳铺镇-1")
    assert done.value["status"] == "revoked" and done.changes.entities == {Entity.SYNC}
    with pytest.raises(FieldappError, match="revoked"):
        service.import_bundle(net.central, bundle)


def test_every_synced_table_names_what_screens_redraw() -> None:
    from fieldapp.models.tables import POLICY

    assert set(service.ENTITY_OF_TABLE) == set(POLICY)
