from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from fieldapp.errors import FieldappError, ValidationError
from fieldapp.models import registry, search, uscc
from fieldapp.models.store import Store

HEADER = ["单位名称", "统一社会信用代码", "法定代表人", "联系电话", "地址", "乡镇街道", "村社区网格", "行业类别",
          "重点监管类型", "规模", "从业人数", "风险等级", "经营状态", "经度", "纬度", "化工园区", "重大危险源"]


def code(n: int) -> str:
    body = f"9137083200000{n:04d}"
    return body + uscc.check_char(body)


def row(n: int, **over: str) -> list[str]:
    base = {"单位名称": f"宏达化工{n}有限公司", "统一社会信用代码": code(n), "法定代表人": "王伟",
            "联系电话": "13800000000", "地址": "示范县拳铺镇李庄1号", "乡镇街道": "拳铺镇", "村社区网格": "李庄",
            "行业类别": "危险化学品/生产", "重点监管类型": "重大危险源、有限空间作业", "规模": "规上",
            "从业人数": "120", "风险等级": "红", "经营状态": "在营", "经度": "116.1", "纬度": "35.8",
            "化工园区": "是", "重大危险源": "否"}
    base.update(over)
    return [base[h] for h in HEADER]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8", header: list[str] = HEADER) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def count(store: Store) -> int:
    return int(store.scalar("SELECT count(*) FROM enterprises"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_every_encoding_chinese_excel_writes(store: Store, tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "名录.csv", [row(1), row(2, 单位名称="永兴, \"机械\" 厂")], encoding)
    report = registry.import_file(store, path)
    assert report.imported and report.inserted == 2 and not report.errors
    saved = store.query("SELECT * FROM enterprises ORDER BY uscc")
    assert saved[1]["name"] == '永兴, "机械" 厂'
    assert saved[0]["industry"] == "危险化学品" and saved[0]["sub_sector"] == "生产"
    assert saved[0]["risk_level"] == "重大" and saved[0]["in_chemical_park"] == 1
    assert saved[0]["tags"] == '["重大危险源", "有限空间作业"]'
    assert store.scalar("SELECT name FROM townships") == "拳铺镇"


def test_xlsx_with_english_headers(store: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["name", "USCC", "industry", "employees"])
    sheet.append(["𠮷祥五金店", code(5), "九小场所", 3])
    path = tmp_path / "registry.xlsx"
    book.save(path)
    report = registry.import_file(store, path)
    assert report.inserted == 1
    assert store.scalar("SELECT employees FROM enterprises") == 3
    assert search.search(store.conn, "𠮷")[0]["name"] == "𠮷祥五金店"


def test_upsert_by_uscc_updates_changed_fields_only(store: Store, tmp_path: Path) -> None:
    registry.import_file(store, write_csv(tmp_path / "a.csv", [row(1), row(2)]))
    report = registry.import_file(store, write_csv(tmp_path / "b.csv", [row(1, 联系电话="13900000000"), row(2)]))
    assert (report.inserted, report.updated, report.unchanged) == (0, 1, 1)
    assert count(store) == 2
    assert store.scalar("SELECT phone FROM enterprises WHERE uscc = ?", (code(1),)) == "13900000000"


def test_full_width_and_lower_case_codes_are_normalised(store: Store, tmp_path: Path) -> None:
    wide = code(3).lower().translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    report = registry.import_file(store, write_csv(tmp_path / "a.csv", [row(3, 统一社会信用代码=wide)]))
    assert report.inserted == 1 and store.scalar("SELECT uscc FROM enterprises") == code(3)


def test_one_invalid_row_means_nothing_is_imported(store: Store, tmp_path: Path) -> None:
    bad = row(2, 统一社会信用代码="91370832000000I02X")
    report = registry.import_file(store, write_csv(tmp_path / "a.csv", [row(1), bad, row(3, 从业人数="很多")]))
    assert not report.imported and count(store) == 0
    assert [(p.row, p.column) for p in report.errors] == [(3, "统一社会信用代码"), (4, "从业人数")]
    assert "不允许" in report.errors[0].reason_zh


def test_skip_invalid_imports_good_rows_and_writes_rejects(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "名录 2026.csv", [row(1), row(2, 统一社会信用代码="123"), row(3)])
    report = registry.import_file(store, path, skip_invalid=True)
    assert report.imported and report.inserted == 2 and report.skipped == 1
    rejects = Path(report.rejects_file or "")
    assert rejects.name == "名录 2026.rejects.csv"
    lines = list(csv.reader(rejects.open(encoding="utf-8-sig")))
    assert lines[0][:3] == ["行号", "错误列", "原因"] and lines[1][0] == "3" and "18 位" in lines[1][2]


def test_failed_check_character_imports_with_a_warning(store: Store, tmp_path: Path) -> None:
    report = registry.import_file(store, write_csv(tmp_path / "a.csv", [row(1, 统一社会信用代码="91350100M0001TGQXM")]))
    assert report.inserted == 1 and report.warnings and report.warnings[0].warning
    assert store.scalar("SELECT uscc_check_ok FROM enterprises") == 0


def test_duplicate_usccs_inside_one_file_are_errors(store: Store, tmp_path: Path) -> None:
    report = registry.import_file(store, write_csv(tmp_path / "a.csv", [row(1), row(2), row(1, 单位名称="别名")]))
    assert not report.imported
    assert sorted(p.row for p in report.errors) == [2, 4]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    ("单位名称,统一社会信用代码,老板\n甲,91350100M000100Y43,张三\n".encode(), "unknown column"),
    ("单位名称,法定代表人\n甲,张三\n".encode(), "missing required column"),
    (b"\xff\xfe\x00\xd8\x00\x00garbage\xc3\x28\x80\x81", "neither UTF-8"),
])
def test_bad_files_give_a_clear_error_and_change_nothing(store: Store, tmp_path: Path, content: bytes,
                                                        message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    try:
        report = registry.import_file(store, path)
    except ValidationError as exc:
        assert message in exc.en and exc.zh
    else:
        pytest.fail(f"accepted a bad file: {report}")
    assert count(store) == 0


def test_unknown_industry_and_tag_are_row_errors(store: Store, tmp_path: Path) -> None:
    report = registry.import_file(store, write_csv(tmp_path / "a.csv", [row(1, 行业类别="养猪"), row(2, 重点监管类型="闹鬼")]))
    assert [p.column for p in report.errors] == ["行业类别", "重点监管类型"]


def test_full_disk_mid_import_rolls_back_everything(store: Store, tmp_path: Path) -> None:
    registry.import_file(store, write_csv(tmp_path / "seed.csv", [row(9000)]))
    pages = store.scalar("PRAGMA page_count")
    store.conn.execute(f"PRAGMA max_page_count = {pages + 8}")  # a real SQLITE_FULL a few pages later
    path = write_csv(tmp_path / "big.csv", [row(n) for n in range(1, 2000)])
    with pytest.raises(FieldappError) as err:
        registry.import_file(store, path)
    assert "disk is full" in err.value.en and "磁盘" in err.value.zh
    assert count(store) == 1
    assert store.scalar("SELECT count(*) FROM enterprise_search") == 1


def test_read_only_database_refuses_import_cleanly(db_path: Path, tmp_path: Path) -> None:
    Store.open(db_path).close()
    ro = Store.open(db_path, read_only=True)
    try:
        with pytest.raises(FieldappError) as err:
            registry.import_file(ro, write_csv(tmp_path / "a.csv", [row(1)]))
        assert "read-only" in err.value.en
    finally:
        ro.close()
    check = sqlite3.connect(db_path)
    assert check.execute("SELECT count(*) FROM enterprises").fetchone()[0] == 0
    check.close()
