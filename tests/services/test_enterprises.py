"""Registering an enterprise on site and editing one: the USCC is optional, checked, and never duplicated."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.errors import ValidationError
from fieldapp.models import enterprises, search
from fieldapp.models.store import Store
from fieldapp.services import areas
from fieldapp.services import enterprises as service
from fieldapp.services.changes import Entity
from fieldapp.workspace import Workspace
from tests.sync.conftest import uscc_for

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


def test_the_summary_is_the_enterprise_with_its_visits_open_hazards_and_documents(
        ws: Workspace, visit: dict[str, str]) -> None:
    from datetime import date, timedelta

    from fieldapp.models import documents, findings

    store = ws.store
    findings.order(store, visit["finding_id"], (date.today() - timedelta(days=1)).isoformat())
    closed = findings.create(store, enterprise_id=visit["enterprise_id"], inspection_id=visit["inspection_id"],
                             description="已当场整改")
    findings.transition(store, closed["id"], "voided", note="登记错误")
    documents.create_draft(store, doc_type="inspection_record", enterprise_id=visit["enterprise_id"],
                           inspection_id=visit["inspection_id"], content={"spec": {}})
    summary = service.enterprise_summary(ws, "91350100M000100Y43")  # found by its code as by its id
    assert summary.enterprise["id"] == visit["enterprise_id"] and summary.enterprise["tags"] == []
    assert [i["findings"] for i in summary.inspections] == [2]
    assert [f["id"] for f in summary.open_findings] == [visit["finding_id"]] and summary.overdue == 1
    assert [d["status"] for d in summary.documents] == ["draft"]
    assert summary.uscc_warning_zh is None and summary.grid == ""
    shown = summary.as_dict()  # what `enterprises show --json` prints
    assert shown["name"] == "宏达化工有限公司" and "documents" not in shown
    assert [f["id"] for f in shown["open_findings"]] == [visit["finding_id"]]


def test_search_counts_and_pages_agree(ws: Workspace) -> None:
    for n, (name, township) in enumerate((("宏达化工有限公司", "拳铺镇"), ("宏达机械厂", "韩岗镇"),
                                          ("鑫源商贸", "拳铺镇"))):
        service.add_enterprise(ws, {"name": name, "address": f"示范县{township}{n}号", "township": township,
                                    "uscc": uscc_for(n), "legal_representative": "王伟"})
    assert service.count_matches(ws, "宏达") == len(service.search_enterprises(ws, "宏达", limit=100)) == 2
    assert [r["name"] for r in service.search_enterprises(ws, "hdhg")] == ["宏达化工有限公司"]
    names = [r["name"] for r in service.list_enterprises(ws, limit=2)]
    assert names == sorted(names) and len(names) == 2
    assert service.list_enterprises(ws, offset=2)[0]["name"] not in names
    township = {name: tid for tid, name in areas.township_names(ws).items()}["拳铺镇"]
    only = service.Filters(township_id=township)
    assert service.count_enterprises(ws, filters=only) == 2 == len(service.list_enterprises(ws, filters=only))
    assert service.count_matches(ws, "宏达", filters=only) == 1


def test_a_merged_record_is_found_under_the_survivor(ws: Workspace) -> None:
    on_site = service.add_enterprise(ws, WORKSHOP).value
    office = service.add_enterprise(ws, {**WORKSHOP, "uscc": "91350100M000100Y43"}).value
    assert service.current_id(ws, on_site["id"]) == on_site["id"]
    linked = service.link_enterprises(ws, on_site["id"], office["id"])
    survivor, merged = linked.value["survivor"], linked.value["merged"]
    assert linked.changes.ids == {survivor, merged}
    assert service.current_id(ws, merged) == survivor
    assert service.current_id(ws, "no-such-id") is None


def test_the_note_under_a_code_field_while_it_is_typed() -> None:
    assert service.uscc_note("91350100M0") == ""  # still being typed
    assert service.uscc_note("91350100M000100Y43") == ""
    assert "校验位" in service.uscc_note("91350100M0001TGQXM")
    assert service.uscc_note("91350100M00010OY43").startswith("⚠ ")  # O is never used in a code


def test_a_registry_import_is_all_or_nothing_unless_invalid_rows_are_skipped(ws: Workspace, tmp_path: Path) -> None:
    csv = tmp_path / "名录.csv"
    csv.write_text("单位名称,统一社会信用代码,地址\n"
                   f"宏达机械有限公司,{uscc_for(1)},拳铺镇1号\n"
                   "坏行,12345abc,拳铺镇2号\n", encoding="utf-8")
    refused = service.import_registry(ws, csv)
    assert not refused.value.imported and refused.value.errors and not refused.changes
    assert service.count_enterprises(ws) == 0
    done = service.import_registry(ws, csv, skip_invalid=True)
    assert done.value.imported and done.value.inserted == 1 and Entity.ENTERPRISES in done.changes
    assert [r["name"] for r in service.list_enterprises(ws)] == ["宏达机械有限公司"]
