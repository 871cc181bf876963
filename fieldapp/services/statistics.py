"""Figures the office reports (domain.md §9): hazards by status and grade, 整改率 by township and industry,
and the two tables as an Excel workbook."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.models import stats
from fieldapp.models.stats import rate_tone
from fieldapp.workspace import Workspace

# rate_tone: how a 整改率 is coloured wherever it is shown ("red", "orange", "green").
__all__ = ["SHEETS_ZH", "TABLE_HEADERS_ZH", "TABLE_KEYS", "export_xlsx", "rate_tone", "statistics"]

# The columns of the township and industry tables (keys of each row of `by_township` / `by_industry`).
TABLE_KEYS = ("name", "findings", "resolved", "overdue", "整改率")
# As the statistics screen names them in Chinese.
TABLE_HEADERS_ZH = ("乡镇街道/行业", "隐患", "已整改", "逾期", "整改率")
SHEETS_ZH = ("按乡镇街道", "按行业")


def statistics(ws: Workspace, today: date | None = None) -> dict[str, Any]:
    """Counts, 整改率 overall and by township and industry, hazards by status; overdue as of `today`.

    An aggregate over every finding: front ends run it off the main thread.
    """
    return stats.summary(ws.store, today)


def export_xlsx(ws: Workspace, path: Path, *, summary: Mapping[str, Any] | None = None,
                headers: Sequence[str] = TABLE_HEADERS_ZH, sheets: Sequence[str] = SHEETS_ZH) -> Path:
    """Write the township and industry tables to one workbook (a sheet each); returns the file written.

    `summary` is the one on screen, so the file says what the user saw; without it, computed now. The 整改率
    is written as a percentage with one decimal.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    figures = summary if summary is not None else statistics(ws)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    book = Workbook()
    first = book.active
    assert first is not None
    for sheet, key, title in ((first, "by_township", sheets[0]), (book.create_sheet(), "by_industry", sheets[1])):
        sheet.title = title
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for r in figures[key]:
            sheet.append([r["name"], r["findings"], r["resolved"], r["overdue"],
                          None if r["整改率"] is None else round(r["整改率"] * 100, 1)])
        sheet.column_dimensions["A"].width = 22
    book.save(path)
    return path
