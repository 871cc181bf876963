"""Checklist template files (docs/checklists.md): validation, canonical form, content hash, XLSX.

Pure functions, no database: the office edits templates as JSON or XLSX, fieldapp validates them here
and stores them by (id, version, content hash) in checklists.py.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.errors import ValidationError
from fieldapp.models import taxonomy

FORMAT_VERSION = 1
ID_RE = re.compile(r"^[a-z][a-z0-9-]{2,63}$")
CODE_RE = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")
UNSURE = "待核实"
TEMPLATE_KEYS = ("format", "id", "version", "title", "description", "industries", "sub_sectors", "tags",
                 "status", "sections")
ITEM_KEYS = ("code", "check", "method", "basis", "major", "finding", "requirement", "deadline_days")
STATUSES = ("active", "retired")


@dataclass(frozen=True)
class Problem:
    where: str  # "item GMTY-01-01", "row 5", "template"
    column: str
    reason: str
    reason_zh: str

    def __str__(self) -> str:
        return f"{self.where}{', ' + self.column if self.column else ''}: {self.reason}"

    def as_dict(self) -> dict[str, str]:
        return {"where": self.where, "column": self.column, "reason": self.reason, "reason_zh": self.reason_zh}


class TemplateInvalid(ValidationError):
    def __init__(self, problems: list[Problem]) -> None:
        head = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"invalid checklist template: {head}{more}",
                         f"检查表模板有误：{head.where} {head.column} {head.reason_zh}"
                         + (f"（另有 {len(problems) - 1} 处错误）" if len(problems) > 1 else ""))
        self.problems = problems


def canonical(template: dict[str, Any]) -> str:
    return json.dumps(template, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(template: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(template).encode("utf-8")).hexdigest()


def items(template: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for section in template["sections"] for item in section["items"]]


def item_count(template: dict[str, Any]) -> int:
    return sum(len(s["items"]) for s in template["sections"])


def validate(template: Any) -> list[Problem]:
    """Every problem in the template (empty list when it is valid)."""
    p: list[Problem] = []

    def add(where: str, column: str, en: str, zh: str) -> None:
        p.append(Problem(where, column, en, zh))

    if not isinstance(template, dict):
        return [Problem("template", "", "a template must be a JSON object", "模板必须是 JSON 对象")]
    fmt = template.get("format")
    if not isinstance(fmt, int):
        add("template", "format", "format version is missing", "缺少格式版本 format")
    elif fmt > FORMAT_VERSION:
        add("template", "format", f"format version {fmt} is newer than this fieldapp knows ({FORMAT_VERSION}); "
            "update fieldapp", f"模板格式版本 {fmt} 高于本程序支持的版本 {FORMAT_VERSION}，请升级软件")
        return p
    for key in set(template) - set(TEMPLATE_KEYS):
        add("template", key, f"unknown field {key!r}", f"未知字段 {key}")
    for key in set(TEMPLATE_KEYS) - set(template):
        add("template", key, f"missing field {key!r}", f"缺少字段 {key}")
    if p:
        return p
    if not isinstance(template["id"], str) or not ID_RE.match(template["id"]):
        add("template", "id", "id must be lower-case letters, digits and '-' (3–64)",
            "模板编号只能由小写字母、数字和“-”组成（3–64 位）")
    if not isinstance(template["version"], int) or isinstance(template["version"], bool) or template["version"] < 1:
        add("template", "version", "version must be a whole number ≥ 1", "版本号必须为不小于 1 的整数")
    for key in ("title", "description"):
        if not isinstance(template[key], str) or (key == "title" and not template[key].strip()):
            add("template", key, f"{key} must be text" + (" and not empty" if key == "title" else ""),
                "模板名称不能为空" if key == "title" else "说明必须为文本")
    if template["status"] not in STATUSES:
        add("template", "status", "status must be active or retired", "状态必须为 active 或 retired")
    _check_list(template, "industries", list(taxonomy.INDUSTRIES), "industry", "行业", add)
    subs = [s for subs in taxonomy.INDUSTRIES.values() for s in subs]
    _check_list(template, "sub_sectors", subs, "sub-sector", "行业细类", add)
    _check_list(template, "tags", list(taxonomy.SPECIAL_HAZARD_TAGS), "special-hazard tag", "重点监管类型", add)
    sections = template["sections"]
    if not isinstance(sections, list) or not sections:
        add("template", "sections", "a template needs at least one section", "模板至少需要一个章节")
        return p
    seen: set[str] = set()
    for n, section in enumerate(sections, 1):
        where = f"section {n}"
        if not isinstance(section, dict) or set(section) != {"title", "items"}:
            add(where, "", "a section has exactly 'title' and 'items'", "章节只能包含 title 和 items")
            continue
        if not isinstance(section["title"], str) or not section["title"].strip():
            add(where, "title", "section title is empty", "章节标题不能为空")
        if not isinstance(section["items"], list) or not section["items"]:
            add(where, "items", "a section needs at least one item", "章节至少需要一个检查项")
            continue
        for item in section["items"]:
            _check_item(item, seen, add)
    return p


def _check_list(template: dict[str, Any], key: str, allowed: list[str], what: str, what_zh: str, add: Any) -> None:
    value = template[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        add("template", key, f"{key} must be a list of text", f"{what_zh}必须为文本列表")
        return
    for v in value:
        if v not in allowed:
            add("template", key, f"unknown {what} {v!r}", f"未知的{what_zh}“{v}”")


def _check_item(item: Any, seen: set[str], add: Any) -> None:
    code = item.get("code") if isinstance(item, dict) else None
    where = f"item {code}" if isinstance(code, str) and code else "item"
    if not isinstance(item, dict):
        add(where, "", "an item must be an object", "检查项必须是对象")
        return
    for key in set(item) - set(ITEM_KEYS):
        add(where, key, f"unknown field {key!r}", f"未知字段 {key}")
    for key in set(ITEM_KEYS) - set(item):
        add(where, key, f"missing field {key!r}", f"缺少字段 {key}")
    if set(ITEM_KEYS) - set(item):
        return
    if not isinstance(code, str) or not CODE_RE.match(code):
        add(where, "code", "item code must look like ABC-01-02", "检查项编码格式应如 ABC-01-02")
    elif code in seen:
        add(where, "code", f"duplicate item code {code}", f"检查项编码 {code} 重复")
    else:
        seen.add(code)
    for key in ("check", "finding", "requirement"):
        if not isinstance(item[key], str) or not item[key].strip():
            zh = {"check": "检查内容", "finding": "隐患描述", "requirement": "整改要求"}[key]
            add(where, key, f"{key} is empty", f"{zh}不能为空")
    if item["method"] not in taxonomy.CHECK_METHODS:
        add(where, "method", f"method must be one of {'/'.join(taxonomy.CHECK_METHODS)}",
            f"检查方式应为：{'/'.join(taxonomy.CHECK_METHODS)}")
    basis = item["basis"]
    if not isinstance(basis, list) or not basis:
        add(where, "basis", "at least one legal basis (or 待核实) is required", "至少需要一条依据（不确定时填“待核实”）")
    else:
        for b in basis:
            if not (isinstance(b, dict) and set(b) == {"source", "article"}
                    and all(isinstance(b[k], str) and b[k].strip() for k in ("source", "article"))):
                add(where, "basis", "each basis needs a source and an article (or 待核实)",
                    "每条依据须包含法规名称和条款（不确定时填“待核实”）")
    major = item["major"]
    if major is not None and not (isinstance(major, dict) and set(major) == {"source", "clause"}
                                  and all(isinstance(major[k], str) and major[k].strip() for k in major)):
        add(where, "major", "major must be null or {source, clause}", "重大隐患判定依据须包含判定标准名称和条款")
    days = item["deadline_days"]
    if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= 365:
        add(where, "deadline_days", "deadline_days must be a whole number 0–365", "整改期限须为 0–365 的整数天")


def parse_json(data: bytes | str) -> dict[str, Any]:
    try:
        template = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise TemplateInvalid([Problem("file", "", f"not valid JSON: {exc}", f"不是有效的 JSON 文件：{exc}")]) from exc
    problems = validate(template)
    if problems:
        raise TemplateInvalid(problems)
    return dict(template)


def basis_text(item: dict[str, Any]) -> str:
    """The legal basis as printed on a notice; an unverified article number is left out, never guessed."""
    parts = []
    for b in item["basis"]:
        source = b["source"] if b["source"].startswith("《") else f"《{b['source']}》"
        parts.append(source if b["article"] == UNSURE else f"{source}{b['article']}")
    return "；".join(parts)


# -- XLSX ------------------------------------------------------------------------------------

META_SHEET = "模板信息"
ITEMS_SHEET = "检查项"
META_ROWS = (("format", "格式版本"), ("id", "模板编号"), ("version", "版本"), ("title", "模板名称"),
             ("description", "说明"), ("industries", "适用行业"), ("sub_sectors", "行业细类"),
             ("tags", "重点监管类型"), ("status", "状态"))
ITEM_COLUMNS = (("section", "章节"), ("code", "编码"), ("check", "检查内容"), ("method", "检查方式"),
                ("basis", "依据"), ("major_source", "重大隐患判定标准"), ("major_clause", "判定条款"),
                ("finding", "隐患描述"), ("requirement", "整改要求"), ("deadline_days", "整改期限（天）"))
LIST_SEP = "、"
BASIS_SEP = "\n"
BASIS_PART = "｜"


def to_xlsx(template: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = ITEMS_SHEET
    sheet.append([zh for _, zh in ITEM_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for section in template["sections"]:
        for item in section["items"]:
            major = item["major"] or {}
            sheet.append([section["title"], item["code"], item["check"], item["method"],
                          BASIS_SEP.join(f"{b['source']}{BASIS_PART}{b['article']}" for b in item["basis"]),
                          major.get("source", ""), major.get("clause", ""), item["finding"], item["requirement"],
                          item["deadline_days"]])
    for col, width in zip("ABCDEFGHIJ", (16, 14, 50, 10, 40, 30, 14, 36, 40, 10), strict=True):
        sheet.column_dimensions[col].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    meta = book.create_sheet(META_SHEET)
    meta.append(["字段", "值", "field"])
    for key, zh in META_ROWS:
        value = template[key]
        meta.append([zh, LIST_SEP.join(value) if isinstance(value, list) else value, key])
    meta.column_dimensions["A"].width = 14
    meta.column_dimensions["B"].width = 60
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def from_xlsx(data: bytes) -> dict[str, Any]:
    """Read a template back from XLSX; raises TemplateInvalid with row-level problems."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise TemplateInvalid([Problem("file", "", f"not an Excel file: {exc}", f"不是有效的 Excel 文件：{exc}")]) from exc
    if ITEMS_SHEET not in book.sheetnames or META_SHEET not in book.sheetnames:
        raise TemplateInvalid([Problem("file", "", f"the workbook needs the sheets {ITEMS_SHEET} and {META_SHEET}",
                                       f"工作簿必须包含“{ITEMS_SHEET}”和“{META_SHEET}”两个工作表")])
    problems: list[Problem] = []

    def text(v: Any) -> str:
        if v is None:
            return ""
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v).strip()

    meta: dict[str, Any] = {}
    by_label = {zh: key for key, zh in META_ROWS} | {key: key for key, _ in META_ROWS}
    for n, row in enumerate(book[META_SHEET].iter_rows(min_row=2, values_only=True), 2):
        if not row or all(v is None for v in row):
            continue
        label = text(row[2]) if len(row) > 2 and row[2] else text(row[0])
        key = by_label.get(label) or by_label.get(text(row[0]))
        if key is None:
            problems.append(Problem(f"{META_SHEET} row {n}", text(row[0]), f"unknown field {text(row[0])!r}",
                                    f"未知字段“{text(row[0])}”"))
            continue
        value = text(row[1]) if len(row) > 1 else ""
        if key in ("industries", "sub_sectors", "tags"):
            meta[key] = [v for v in value.split(LIST_SEP) if v] if value else []
        elif key in ("format", "version"):
            try:
                meta[key] = int(value)
            except ValueError:
                problems.append(Problem(f"{META_SHEET} row {n}", key, f"{key} must be a whole number",
                                        f"{label}必须为整数"))
        else:
            meta[key] = value

    rows = book[ITEMS_SHEET].iter_rows(values_only=True)
    header = [text(v) for v in next(rows, ())]
    names = {zh: key for key, zh in ITEM_COLUMNS} | {key: key for key, _ in ITEM_COLUMNS}
    columns = [names.get(h) for h in header]
    unknown = [h for h, c in zip(header, columns, strict=True) if h and c is None]
    missing = [zh for key, zh in ITEM_COLUMNS if key not in columns]
    if unknown or missing:
        problems += [Problem(f"{ITEMS_SHEET} row 1", h, f"unknown column {h!r}", f"未知列“{h}”") for h in unknown]
        problems += [Problem(f"{ITEMS_SHEET} row 1", m, f"missing column {m!r}", f"缺少列“{m}”") for m in missing]
        raise TemplateInvalid(problems)
    sections: list[dict[str, Any]] = []
    for n, values in enumerate(rows, 2):
        if not values or all(v is None or text(v) == "" for v in values):
            continue
        cell = {c: text(v) for c, v in zip(columns, values, strict=False) if c}
        where = f"{ITEMS_SHEET} row {n}"
        basis = []
        for part in cell.get("basis", "").split(BASIS_SEP):
            if not part.strip():
                continue
            source, _, article = part.partition(BASIS_PART)
            basis.append({"source": source.strip(), "article": article.strip()})
        try:
            days: Any = int(cell.get("deadline_days", ""))
        except ValueError:
            problems.append(Problem(where, "整改期限（天）", "deadline must be a whole number of days",
                                    "整改期限必须为整数天"))
            days = 0
        major = None
        if cell.get("major_source") or cell.get("major_clause"):
            major = {"source": cell.get("major_source", ""), "clause": cell.get("major_clause", "")}
        item = {"code": cell.get("code", ""), "check": cell.get("check", ""), "method": cell.get("method", ""),
                "basis": basis, "major": major, "finding": cell.get("finding", ""),
                "requirement": cell.get("requirement", ""), "deadline_days": days}
        seen: set[str] = {i["code"] for s in sections for i in s["items"]}
        _check_item(item, seen, lambda _w, c, en, zh, where=where: problems.append(
            Problem(where, dict(ITEM_COLUMNS).get(c) or c, en, zh)))
        title = cell.get("section", "")
        if not title:
            problems.append(Problem(where, "章节", "section is empty", "章节不能为空"))
        if sections and sections[-1]["title"] == title:
            sections[-1]["items"].append(item)
        else:
            sections.append({"title": title, "items": [item]})
    template = {**{k: meta.get(k) for k, _ in META_ROWS}, "sections": sections}
    if not problems:
        problems = [p for p in validate(template) if not p.where.startswith("item")]
    if problems:
        raise TemplateInvalid(problems)
    return template


def read_file(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"cannot read {path}: {exc.strerror}", f"无法读取文件 {path}：{exc.strerror}") from exc
    if path.suffix.lower() == ".xlsx" or data[:2] == b"PK":
        return from_xlsx(data)
    return parse_json(data)
