"""Registering an enterprise on site and editing one: the USCC is optional, checked, and never duplicated."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.errors import ValidationError
from fieldapp.models import enterprises, search
from fieldapp.models.store import Store
from fieldapp.services import enterprises as service
from fieldapp.workspace import Workspace

WORKSHOP = {"name": "老王五金加工作坊", "address": "示范县拳铺镇后营村18号", "legal_representative": "王立新",
            "township": "拳铺镇", "industry": "小作坊"}


def test_a_site_without_a_code_is_recorded_by_operator_and_address(ws: Workspace) -> None:
    row = service.add_enterprise(ws, {**WORKSHOP, "uscc": "  "}).value
    assert row["uscc"] is None and row["uscc_warning"] is None and row["township"] == "拳铺镇"
    assert row["industry"] == "九小场所"  # 小作坊 is one of the 三小场所
    another = service.add_enterprise(ws, {**WORKSHOP, "name": "后营村小卖部"}).value  # many sites have no code
    assert another["uscc"] is None
    assert [r["name"] for r in search.search(ws.store.conn, "老王")] == ["老王五金加工作坊"]
    for missing, word in (("legal_representative", "经营者"), ("address", "地址")):
        with pytest.raises(enterprises.FieldError) as err:
            service.add_enterprise(ws, {**WORKSHOP, missing: ""})
        assert err.value.column == missing and word in err.value.zh


def test_name_and_address_are_required_even_with_a_code(ws: Workspace) -> None:
    with pytest.raises(enterprises.FieldError) as err:
        service.add_enterprise(ws, {"name": "有代码无地址", "uscc": "91350100M000100Y43"})
    assert err.value.column == "address"
    assert not ws.store.query("SELECT 1 FROM enterprises")


def test_code_checks_malformed_refused_wrong_check_character_confirmed_duplicate_named(ws: Workspace) -> None:
    with pytest.raises(ValidationError) as err:
        service.add_enterprise(ws, {**WORKSHOP, "uscc": "12345abc"})
    assert "18 位" in err.value.zh
    with pytest.raises(service.UsccNeedsConfirmation) as need:
        service.add_enterprise(ws, {**WORKSHOP, "uscc": "91350100M0001TGQXM"})
    assert "校验位" in need.value.zh and not ws.store.query("SELECT 1 FROM enterprises")
    pilot = service.add_enterprise(ws, {**WORKSHOP, "uscc": "９１３５０１００Ｍ０００１ＴＧＱＸＭ"}, confirm_uscc=True).value
    assert pilot["uscc"] == "91350100M0001TGQXM" and pilot["uscc_warning"]
    with pytest.raises(enterprises.DuplicateUscc) as dup:
        service.add_enterprise(ws, {**WORKSHOP, "name": "另一家", "uscc": "91350100M0001TGQXM"}, confirm_uscc=True)
    assert dup.value.existing_id == pilot["id"] and "老王五金加工作坊" in dup.value.zh


def test_editing_a_code_checks_it_the_same_way(ws: Workspace) -> None:
    first = service.add_enterprise(ws, {**WORKSHOP, "uscc": "91350100M000100Y43"}).value
    second = service.add_enterprise(ws, {**WORKSHOP, "name": "后营村小卖部"}).value
    with pytest.raises(enterprises.DuplicateUscc) as dup:
        service.update_enterprise(ws, second["id"], {"uscc": "91350100M000100Y43"})
    assert dup.value.existing_id == first["id"]
    with pytest.raises(ValidationError):
        service.update_enterprise(ws, second["id"], {"uscc": "12345abc"})
    assert ws.store.get("enterprises", second["id"])["uscc"] is None
    service.update_enterprise(ws, first["id"], {"uscc": ""})  # the code was wrong: the site has none
    assert ws.store.get("enterprises", first["id"])["uscc"] is None


def test_a_database_from_before_upgrades_and_takes_sites_without_a_code(tmp_path: Path) -> None:
    path = tmp_path / "data" / "fieldapp.sqlite3"
    old = Store.open(path, target=9)
    with old.transaction():
        enterprises.bulk_upsert(old, [{"name": "宏达化工有限公司", "uscc": "91350100M000100Y43", "uscc_check_ok": 1}])
    old.close()
    ws = Workspace.open(path.parent)
    try:
        row = service.add_enterprise(ws, WORKSHOP).value
        assert row["uscc"] is None
        assert ws.store.scalar("PRAGMA integrity_check") == "ok"
        assert ws.store.scalar("SELECT count(*) FROM enterprises") == 2
    finally:
        ws.close()
