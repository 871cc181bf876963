from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest

from fieldapp.errors import ValidationError
from fieldapp.models import checklist_format as fmt
from fieldapp.models import checklists, enterprises, findings, inspections, inspectors
from fieldapp.models.store import Store
from fieldapp.resources import resource_path

BUILTIN = sorted(resource_path("checklists").glob("*.json"))
# The library the checklist issue asks for, by template id, with the minimum number of items each.
REQUIRED = {
    "gongmao-general": 40, "gongmao-major-hazards-2023": 50, "dust-explosion": 25, "ammonia-refrigeration": 20,
    "confined-space": 20, "metallurgy-nonferrous": 30, "hazchem-production": 40, "hazchem-storage-trade": 30,
    "hazchem-trade-no-storage": 18, "gas-station": 30, "fireworks-wholesale": 25, "fireworks-retail": 15,
    "mine-open-pit": 25, "mine-underground": 30, "tailings-pond": 20, "construction-high-formwork": 15,
    "construction-deep-excavation": 15, "construction-lifting": 20, "construction-scaffold": 15,
    "construction-temp-power": 15, "gas-operator": 25, "gas-catering-user": 20, "crowded-places-fire": 30,
    "nine-small-places": 20, "special-equipment-user": 25, "ebike-charging": 15,
}


def load(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", BUILTIN, ids=lambda p: p.stem)
def test_every_builtin_template_validates(path: Path) -> None:
    template = load(path)
    assert fmt.validate(template) == []
    schema = json.loads(resource_path("schemas", "checklist-template-v1.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(template, schema)
    assert path.stem == template["id"]
    for item in fmt.items(template):
        assert all(b["source"].strip() and b["article"].strip() for b in item["basis"])


def test_library_size_and_counts_by_template() -> None:
    counts = {load(p)["id"]: fmt.item_count(load(p)) for p in BUILTIN}
    assert len(counts) >= 18 and sum(counts.values()) >= 500
    for template_id, minimum in REQUIRED.items():
        assert counts.get(template_id, 0) >= minimum, template_id


def test_major_hazard_standard_items_are_all_major_criteria() -> None:
    template = load(resource_path("checklists", "gongmao-major-hazards-2023.json"))
    assert all(item["major"] for item in fmt.items(template))
    assert any(s["title"].startswith("粉尘") or "粉尘" in s["title"] for s in template["sections"])


def test_library_lists_builtins_with_item_counts(store: Store) -> None:
    rows = checklists.library(store)
    assert len(rows) == len(BUILTIN)
    general = next(r for r in rows if r["id"] == "gongmao-general")
    assert general["items"] == fmt.item_count(load(resource_path("checklists", "gongmao-general.json")))


def enterprise(store: Store, industry: str, sub: str = "", tags: str = "") -> dict[str, Any]:
    from fieldapp.models import uscc

    n = store.scalar("SELECT count(*) FROM enterprises")
    body = f"91370832{n:09d}"
    return enterprises.create(store, {"name": f"单位{n}", "uscc": body + uscc.check_char(body),
                                      "industry": industry, "sub_sector": sub, "tags": tags})


def test_suggestions_follow_industry_sub_sector_and_tags(store: Store) -> None:
    station = enterprise(store, "危险化学品", "加油站")
    ids = [r["id"] for r in checklists.suggest(store, station)]
    assert ids[0] == "gas-station" and "hazchem-production" not in ids
    factory = enterprise(store, "机械", tags="粉尘涉爆、有限空间作业")
    ids = [r["id"] for r in checklists.suggest(store, factory)]
    assert {"gongmao-general", "gongmao-major-hazards-2023", "dust-explosion", "confined-space"} <= set(ids)
    assert ids.index("gongmao-general") < ids.index("dust-explosion")  # industry before tag
    shop = enterprise(store, "九小场所", "小餐饮")
    assert "gas-catering-user" in [r["id"] for r in checklists.suggest(store, shop)]


@pytest.fixture
def visit(store: Store) -> tuple[Store, str]:
    e = enterprise(store, "机械", tags="粉尘涉爆")
    a = inspectors.create(store, "王伟", "C-1")
    b = inspectors.create(store, "李娜", "C-2")
    ins, _ = inspections.create(store, enterprise_id=e["id"], officer_ids=[a["id"], b["id"]])
    return store, ins["id"]


def test_non_conforming_major_item_creates_a_major_finding(visit: tuple[Store, str]) -> None:
    store, inspection_id = visit
    template = checklists.get(store, "gongmao-major-hazards-2023")
    item = fmt.items(template)[0]
    _, finding = checklists.answer(store, inspection_id, template["id"], item["code"], "不符合", note="现场发现")
    assert finding is not None and finding["grade"] == "major"
    assert finding["description"].startswith(item["finding"]) and "现场发现" in finding["description"]
    assert finding["requirement"] == item["requirement"] and finding["item_code"] == item["code"]
    general = checklists.get(store, "gongmao-general")
    _, other = checklists.answer(store, inspection_id, general["id"], fmt.items(general)[0]["code"], "2")
    assert other is not None and other["grade"] == "general"
    assert other["deadline"] is not None


def test_changing_the_answer_back_voids_the_untouched_finding(visit: tuple[Store, str]) -> None:
    store, inspection_id = visit
    code = fmt.items(checklists.get(store, "dust-explosion"))[0]["code"]
    _, finding = checklists.answer(store, inspection_id, "dust-explosion", code, "no")
    assert finding is not None
    row, again = checklists.answer(store, inspection_id, "dust-explosion", code, "符合")
    assert again is None and row["finding_id"] is None
    assert findings.get(store, finding["id"])["status"] == "voided"
    assert len(checklists.answers(store, inspection_id)) == 1


def test_inspection_keeps_its_template_version_after_a_new_version(visit: tuple[Store, str], tmp_path: Path) -> None:
    store, inspection_id = visit
    checklists.add_to_inspection(store, inspection_id, "dust-explosion")
    v1 = checklists.get(store, "dust-explosion")
    v2 = copy.deepcopy(v1)
    v2["version"] = v1["version"] + 1
    v2["sections"][0]["items"][0]["check"] = "新版本的检查内容"
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(v2, ensure_ascii=False), encoding="utf-8")
    assert checklists.import_template(store, path).stored
    used = checklists.inspection_templates(store, inspection_id)
    assert used[0]["version"] == v1["version"] and used[0] == v1
    assert checklists.get(store, "dust-explosion")["version"] == v2["version"]
    assert checklists.get(store, "dust-explosion", v1["version"]) == v1


def test_same_id_and_version_with_different_content_is_refused(store: Store, tmp_path: Path) -> None:
    template = checklists.get(store, "gongmao-general")
    template["title"] = "改过的标题"
    path = tmp_path / "clash.json"
    path.write_text(json.dumps(template, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match="different content"):
        checklists.import_template(store, path)
    same = tmp_path / "same.json"
    same.write_text(json.dumps(checklists.get(store, "gongmao-general"), ensure_ascii=False), encoding="utf-8")
    assert not checklists.import_template(store, same).stored


def cells(xlsx: bytes) -> list[list[list[Any]]]:
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    return [[list(r) for r in sheet.iter_rows(values_only=True)] for sheet in book.worksheets]


@pytest.mark.parametrize("path", BUILTIN[:6], ids=lambda p: p.stem)
def test_xlsx_round_trip_is_identical(path: Path) -> None:
    template = load(path)
    first = fmt.to_xlsx(template)
    back = fmt.from_xlsx(first)
    assert back == template and fmt.content_hash(back) == fmt.content_hash(template)
    assert cells(fmt.to_xlsx(back)) == cells(first)
    book = openpyxl.load_workbook(io.BytesIO(first))
    assert [c.value for c in book["检查项"][1]][:3] == ["章节", "编码", "检查内容"]


def edited_xlsx(template: dict[str, Any], edit: Any) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(fmt.to_xlsx(template)))
    edit(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("edit", "where", "reason"), [
    (lambda b: b["检查项"].cell(3, 3, ""), "row 3", "check is empty"),
    (lambda b: b["检查项"].cell(3, 2, b["检查项"].cell(2, 2).value), "row 3", "duplicate item code"),
    (lambda b: b["检查项"].cell(1, 11, "备注"), "row 1", "unknown column"),
    (lambda b: b["检查项"].delete_cols(4), "row 1", "missing column"),
    (lambda b: b["检查项"].cell(4, 4, "看一看"), "row 4", "method must be"),
    (lambda b: b["模板信息"].cell(7, 2, "养猪"), "template", "unknown industry"),
    (lambda b: b["模板信息"].cell(9, 2, "闹鬼"), "template", "unknown special-hazard tag"),
    (lambda b: b["模板信息"].cell(2, 2, 2), "template", "newer"),
])
def test_bad_xlsx_gives_row_level_reasons(edit: Any, where: str, reason: str) -> None:
    template = load(resource_path("checklists", "dust-explosion.json"))
    with pytest.raises(fmt.TemplateInvalid) as err:
        fmt.from_xlsx(edited_xlsx(template, edit))
    assert any(where in p.where and reason in p.reason for p in err.value.problems), err.value.problems


def test_newer_format_version_in_json_is_refused() -> None:
    template = load(resource_path("checklists", "dust-explosion.json"))
    template["format"] = 2
    with pytest.raises(fmt.TemplateInvalid, match="newer"):
        fmt.parse_json(json.dumps(template))


def test_basis_text_never_prints_unverified_article_numbers() -> None:
    item = {"basis": [{"source": "中华人民共和国安全生产法（2021修正）", "article": "第二十二条"},
                      {"source": "GB 15577-2018", "article": fmt.UNSURE}]}
    assert fmt.basis_text(item) == "《中华人民共和国安全生产法（2021修正）》第二十二条；《GB 15577-2018》"


def test_retired_template_is_not_suggested_but_stays_readable(store: Store, tmp_path: Path) -> None:
    retired = checklists.get(store, "ebike-charging")
    v2 = dict(retired, version=retired["version"] + 1, status="retired")
    path = tmp_path / "retired.json"
    path.write_text(json.dumps(v2, ensure_ascii=False), encoding="utf-8")
    checklists.import_template(store, path)
    shop = enterprise(store, "九小场所", "小商店", tags="电动车充电")
    assert "ebike-charging" not in [r["id"] for r in checklists.suggest(store, shop)]
    assert "ebike-charging" not in [r["id"] for r in checklists.library(store)]
    assert "ebike-charging" in [r["id"] for r in checklists.library(store, include_retired=True)]
    assert checklists.get(store, "ebike-charging")["status"] == "retired"
    assert checklists.get(store, "ebike-charging", retired["version"]) == retired
