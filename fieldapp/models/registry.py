"""Registry import (企业名录导入) from CSV (UTF-8, UTF-8 with BOM, GB18030) and XLSX.

All-or-nothing by default: every row is validated first and a single bad row means nothing is written.
With `skip_invalid` the good rows are imported and the rejects are written next to the input with
their reasons. The write is one transaction: a full or read-only disk rolls it back whole.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.errors import FieldappError, ValidationError
from fieldapp.models import enterprises, search_index
from fieldapp.models.store import Store


@dataclass(frozen=True)
class RowProblem:
    row: int  # 1-based line/row number in the file, header = 1
    column: str  # header as written in the file ("" when it concerns the whole row)
    reason: str
    reason_zh: str
    warning: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "reason": self.reason, "reason_zh": self.reason_zh,
                "level": "warning" if self.warning else "error"}


@dataclass
class ImportReport:
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    townships_created: int = 0
    errors: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    rejects_file: str | None = None
    imported: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows, "inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged,
            "skipped": self.skipped, "townships_created": self.townships_created, "imported": self.imported,
            "rejects_file": self.rejects_file,
            "errors": [p.as_dict() for p in self.errors], "warnings": [p.as_dict() for p in self.warnings],
        }


def _header_map() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for f in enterprises.FIELDS:
        for name in (f.zh, f.column, *f.aliases):
            mapping[_norm_header(name)] = f.column
    return mapping


def _norm_header(text: str) -> str:
    return "".join(str(text).split()).lower().replace("（", "(").replace("）", ")").lstrip("\ufeff")


def decode_csv(data: bytes) -> str:
    if not data.strip():
        raise ValidationError("the file is empty", "文件为空")
    attempts = ["utf-16"] if data[:2] in (b"\xff\xfe", b"\xfe\xff") else []
    # Chinese Excel saves "CSV" as GBK; GB18030 is its superset.
    attempts += ["utf-8-sig", "gb18030"]
    for encoding in attempts:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise ValidationError(
        "the file is neither UTF-8 nor GB18030/GBK text; save it as CSV UTF-8 or as .xlsx",
        "文件编码无法识别（既不是 UTF-8 也不是 GBK/GB18030），请另存为“CSV UTF-8”或 .xlsx 格式",
    )


def read_table(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """Return the header and an iterator of (row number, cells) for CSV or XLSX."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FieldappError(f"cannot read {path}: {exc.strerror}", f"无法读取文件 {path}：{exc.strerror}") from exc
    if path.suffix.lower() in (".xlsx", ".xlsm") or data[:2] == b"PK":
        return _read_xlsx(data)
    text = decode_csv(data)
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader)
    except StopIteration:
        raise ValidationError("the file is empty", "文件为空") from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        for cells in reader:
            yield reader.line_num, cells

    return header, rows()


def _read_xlsx(data: bytes) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise ValidationError(f"cannot open the Excel file: {exc}", f"无法打开 Excel 文件：{exc}") from exc
    sheet = book.worksheets[0]
    it = sheet.iter_rows(values_only=True)
    try:
        header = ["" if v is None else str(v) for v in next(it)]
    except StopIteration:
        raise ValidationError("the file is empty", "文件为空") from None

    def cell(v: Any) -> str:
        if v is None:
            return ""
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)

    def rows() -> Iterator[tuple[int, list[str]]]:
        for n, values in enumerate(it, start=2):
            yield n, [cell(v) for v in values]

    return header, rows()


def import_file(store: Store, path: Path, *, skip_invalid: bool = False,
                progress: Callable[[int], None] | None = None) -> ImportReport:
    header, rows = read_table(path)
    mapping = _header_map()
    columns: list[str | None] = []
    unknown: list[str] = []
    for h in header:
        col = mapping.get(_norm_header(h))
        if col is None and _norm_header(h):
            unknown.append(h)
        columns.append(col)
    report = ImportReport()
    if unknown:
        known = "、".join(f.zh for f in enterprises.FIELDS)
        raise ValidationError(
            f"unknown column(s): {', '.join(unknown)}. Known columns: "
            + ", ".join(f"{f.zh} ({f.column})" for f in enterprises.FIELDS),
            f"无法识别的列：{'、'.join(unknown)}。可用的列：{known}",
        )
    missing = [f for f in enterprises.FIELDS if f.column in enterprises.REQUIRED and f.column not in columns]
    if missing:
        raise ValidationError(f"missing required column(s): {', '.join(f.zh for f in missing)}",
                              f"缺少必填列：{'、'.join(f.zh for f in missing)}")
    dup_cols = {c for c in columns if c and columns.count(c) > 1}
    if dup_cols:
        raise ValidationError(f"column(s) appear twice: {', '.join(sorted(dup_cols))}",
                              f"列重复：{'、'.join(sorted(dup_cols))}")
    header_of = {c: h for c, h in zip(columns, header, strict=False) if c}

    good: list[tuple[int, dict[str, Any], list[str]]] = []
    rejected: list[tuple[int, list[str], list[RowProblem]]] = []
    seen: dict[str, int] = {}
    dup_codes: set[str] = set()
    lines = [(n, cells) for n, cells in rows if any(c.strip() for c in cells)]
    report.rows = len(lines)
    prepared = _prepare(columns, lines)
    for (number, cells), (cleaned, failure) in zip(lines, prepared, strict=True):
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            problem = RowProblem(number, "", f"the row has {len(cells)} cells but the header has {len(header)}",
                                 f"该行有 {len(cells)} 个单元格，表头只有 {len(header)} 列")
            rejected.append((number, cells, [problem]))
            continue
        if cleaned is None:
            column, en, zh = failure or ("uscc", "", "")
            problem = RowProblem(number, header_of.get(column, column), en, zh)
            rejected.append((number, cells, [problem]))
            continue
        code = cleaned.values["uscc"]
        if code in seen:
            dup_codes.add(code)
            problem = RowProblem(number, header_of["uscc"], f"duplicate USCC {code} (also on row {seen[code]})",
                                 f"统一社会信用代码 {code} 重复（与第 {seen[code]} 行相同）")
            rejected.append((number, cells, [problem]))
            continue
        seen[code] = number
        if cleaned.uscc_warning:
            report.warnings.append(RowProblem(number, header_of["uscc"], cleaned.uscc_warning,
                                              enterprises.uscc_mod.parse(code).warning_zh or "", warning=True))
        good.append((number, cleaned.values, cells))

    # A USCC repeated in the file is an error for the first occurrence too.
    if dup_codes:
        keep = []
        for number, values, cells in good:
            if values["uscc"] in dup_codes:
                rejected.append((number, cells, [RowProblem(
                    number, header_of["uscc"], f"duplicate USCC {values['uscc']} (repeated later in the file)",
                    f"统一社会信用代码 {values['uscc']} 在文件中重复出现")]))
            else:
                keep.append((number, values, cells))
        good = keep
    rejected.sort(key=lambda r: r[0])
    report.errors = [p for _, _, ps in rejected for p in ps]

    if report.errors and not skip_invalid:
        return report
    if report.rows == 0:
        raise ValidationError("the file has a header but no data rows", "文件只有表头，没有数据行")

    background = search_index.BackgroundIndex.maybe([v for _, v, _ in good])
    try:
        with store.transaction():
            result = enterprises.bulk_upsert(store, (v for _, v, _ in good), progress, background)
    finally:
        if background is not None:
            background.cancel()
    report.inserted, report.updated, report.unchanged = result.inserted, result.updated, result.unchanged
    report.townships_created = result.townships_created
    report.imported = True
    report.skipped = len(rejected)
    if rejected:
        report.rejects_file = str(write_rejects(path, header, rejected))
    return report


Prepared = tuple["enterprises.Cleaned | None", "tuple[str, str, str] | None"]


def _prepare(columns: list[str | None], lines: list[tuple[int, list[str]]]) -> list[Prepared]:
    out: list[Prepared] = []
    for _, cells in lines:
        raw = {c: v for c, v in zip(columns, cells, strict=False) if c}
        try:
            out.append((enterprises.clean(raw), None))
        except enterprises.FieldError as exc:
            out.append((None, (exc.column, exc.en, exc.zh)))
        except ValidationError as exc:
            out.append((None, ("uscc", exc.en, exc.zh)))
    return out


def write_rejects(path: Path, header: list[str], rejected: list[tuple[int, list[str], list[RowProblem]]]) -> Path:
    out = path.with_name(path.stem + ".rejects.csv")
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["行号", "错误列", "原因", *header])
        for number, cells, problems in rejected:
            writer.writerow([number, "; ".join(p.column for p in problems),
                             "; ".join(p.reason_zh for p in problems), *cells])
    return out
