"""The statistics tables and their Excel workbook (the screen's export and `fieldapp stats --xlsx`)."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from fieldapp.models.store import Store
from fieldapp.services import statistics
from fieldapp.workspace import Workspace
from tests.conftest import run_cli


def test_the_workbook_holds_the_township_and_industry_tables_as_percentages(demo_store: Store, tmp_path: Path
                                                                           ) -> None:
    ws = Workspace(demo_store.path.parent, demo_store)
    figures = statistics.statistics(ws)
    written = statistics.export_xlsx(ws, tmp_path / "整改率统计")
    assert written == tmp_path / "整改率统计.xlsx"
    book = load_workbook(written)
    assert book.sheetnames == list(statistics.SHEETS_ZH)
    for sheet, key in zip(book.worksheets, ("by_township", "by_industry"), strict=True):
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0] == statistics.TABLE_HEADERS_ZH
        assert len(rows) == len(figures[key]) + 1
        for row, r in zip(rows[1:], figures[key], strict=True):
            assert row[:4] == (r["name"], r["findings"], r["resolved"], r["overdue"])
            assert row[4] == (None if r["整改率"] is None else round(r["整改率"] * 100, 1))


def test_the_command_line_writes_the_same_workbook(demo_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "stats.xlsx"
    result = run_cli(demo_store.path.parent, "stats", "--json", "--xlsx", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stderr  # stdout stays JSON
    figures = json.loads(result.stdout)
    sheet = load_workbook(out).worksheets[0]
    assert [c.value for c in sheet["A"]][1:] == [r["name"] for r in figures["by_township"]]
