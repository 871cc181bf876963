"""Enterprises (生产经营单位): fields, validation, create/update, listing and bulk upsert by USCC."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.errors import NotFound, ValidationError
from fieldapp.models import search, search_index, taxonomy
from fieldapp.models import uscc as uscc_mod
from fieldapp.models.ids import utc_now, uuid7
from fieldapp.models.store import Row, Store


@dataclass(frozen=True)
class Field:
    column: str
    zh: str
    aliases: tuple[str, ...]
    kind: str = "text"  # text | int | float | bool | tags | industry | enum
    choices: tuple[str, ...] = ()


# Headers of the registry file (domain.md §3) with English aliases.
FIELDS: tuple[Field, ...] = (
    Field("name", "单位名称", ("name", "enterprise", "company", "企业名称")),
    Field("uscc", "统一社会信用代码", ("uscc", "credit_code", "信用代码")),
    Field("legal_representative", "法定代表人", ("legal_representative", "legal_rep")),
    Field("principal", "主要负责人", ("principal", "responsible_person")),
    Field("safety_manager", "安全管理人员", ("safety_manager",)),
    Field("phone", "联系电话", ("phone", "telephone", "电话")),
    Field("address", "地址", ("address", "单位地址")),
    Field("township", "乡镇街道", ("township", "乡镇", "街道")),
    Field("grid", "村社区网格", ("grid", "网格")),
    Field("industry", "行业类别", ("industry", "行业")),
    Field("sub_sector", "行业细类", ("sub_sector", "subsector", "子行业")),
    Field("tags", "重点监管类型", ("tags", "special_hazards")),
    Field("scale", "规模", ("scale",), "enum", taxonomy.SCALES),
    Field("employees", "从业人数", ("employees", "staff"), "int"),
    Field("risk_level", "风险等级", ("risk_level", "risk"), "risk"),
    Field("supervising_department", "行业主管部门", ("supervising_department", "department")),
    Field("standardisation_grade", "标准化等级", ("standardisation_grade", "standardization_grade"), "enum",
          taxonomy.STANDARDISATION_GRADES),
    Field("status", "经营状态", ("status",), "enum", taxonomy.BUSINESS_STATUSES),
    Field("longitude", "经度", ("longitude", "lng", "lon"), "float"),
    Field("latitude", "纬度", ("latitude", "lat"), "float"),
    Field("in_chemical_park", "化工园区", ("in_chemical_park", "chemical_park"), "bool"),
    Field("major_hazard_installation", "重大危险源", ("major_hazard_installation", "major_hazard"), "bool"),
)
REQUIRED = ("name", "uscc")
# A site without any licence (无照经营, many 三小场所) has no code and is still inspected (domain.md §4):
# it is recorded by name, operator (经营者, kept as the legal representative) and address.
NO_USCC_ZH = "无统一社会信用代码"
NO_USCC_REQUIRED = ("legal_representative", "address")

TRUE_WORDS = {"是", "有", "y", "yes", "true", "1", "√"}
FALSE_WORDS = {"否", "无", "n", "no", "false", "0", ""}


@dataclass
class Cleaned:
    values: dict[str, Any]  # columns of the enterprises table, township/grid still as names
    uscc_warning: str | None


class FieldError(ValidationError):
    def __init__(self, column: str, en: str, zh: str) -> None:
        super().__init__(en, zh)
        self.column = column


class DuplicateUscc(FieldError):
    """The code is already held by another enterprise: names it, so the user can open that one instead."""

    def __init__(self, code: str, existing: Row) -> None:
        super().__init__("uscc", f"USCC {code} already belongs to {existing['name']}",
                         f"统一社会信用代码 {code} 已登记为“{existing['name']}”")
        self.code = code
        self.existing_id = str(existing["id"])


def _bool(column: str, raw: str) -> int:
    text = raw.strip().lower()
    if text in TRUE_WORDS:
        return 1
    if text in FALSE_WORDS:
        return 0
    raise FieldError(column, f"'{raw}' is not yes/no (是/否)", f"“{raw}”不是“是/否”")


def clean(raw: Mapping[str, str | None], *, allow_no_uscc: bool = False) -> Cleaned:
    """Validate one registry record given as text by column name; raises FieldError.

    With allow_no_uscc (a record made or edited by hand, never a registry import) the code may be left
    empty; the operator and the address are then required instead.
    """
    out: dict[str, Any] = {}
    warning = None
    no_code = allow_no_uscc and not str(raw.get("uscc") or "").strip()
    for f in FIELDS:
        value = raw.get(f.column)
        text = "" if value is None else str(value).strip()
        if no_code and f.column == "uscc":
            out["uscc"], out["uscc_check_ok"] = None, 1
            continue
        if no_code and f.column in NO_USCC_REQUIRED and not text:
            what = "法定代表人/经营者" if f.column == "legal_representative" else f.zh
            en = "the legal representative or operator" if f.column == "legal_representative" else "the address"
            raise FieldError(f.column, f"{en} is required when there is no USCC",
                             f"没有统一社会信用代码时，{what}不能为空")
        if f.column in REQUIRED and not text:
            raise FieldError(f.column, f"{f.zh} ({f.column}) is required", f"{f.zh}不能为空")
        if f.column == "uscc":
            parsed = uscc_mod.parse(text)
            out["uscc"] = parsed.code
            out["uscc_check_ok"] = int(parsed.check_ok)
            warning = parsed.warning
            continue
        if not text:
            continue
        if f.kind == "int":
            try:
                number = int(float(text.replace(",", "")))
            except ValueError:
                raise FieldError(f.column, f"{f.zh}: '{text}' is not a number", f"{f.zh}“{text}”不是数字") from None
            if number < 0:
                raise FieldError(f.column, f"{f.zh} cannot be negative", f"{f.zh}不能为负数")
            out[f.column] = number
        elif f.kind == "float":
            try:
                number_f = float(text)
            except ValueError:
                raise FieldError(f.column, f"{f.zh}: '{text}' is not a number", f"{f.zh}“{text}”不是数字") from None
            bound = 180 if f.column == "longitude" else 90
            if not -bound <= number_f <= bound:
                raise FieldError(f.column, f"{f.zh} {text} is out of range", f"{f.zh} {text} 超出范围")
            out[f.column] = number_f
        elif f.kind == "bool":
            out[f.column] = _bool(f.column, text)
        elif f.kind == "enum":
            if text not in f.choices:
                raise FieldError(f.column, f"{f.zh}: '{text}' is not one of {'/'.join(f.choices)}",
                                 f"{f.zh}“{text}”无效，应为：{'/'.join(f.choices)}")
            out[f.column] = text
        elif f.kind == "risk":
            level = taxonomy.normalise_risk_level(text)
            if level is None:
                raise FieldError(f.column, f"risk level '{text}' is not 重大/较大/一般/低 (red/orange/yellow/blue)",
                                 f"风险等级“{text}”无效，应为：重大(红)/较大(橙)/一般(黄)/低(蓝)")
            out[f.column] = level
        else:
            out[f.column] = text
    if "industry" in out:
        found = taxonomy.normalise_industry(out["industry"])
        if found is None:
            raise FieldError("industry", f"unknown industry '{out['industry']}'",
                             f"行业类别“{out['industry']}”无法识别，应为：{'、'.join(taxonomy.INDUSTRIES)}")
        out["industry"], sub = found
        if sub and not out.get("sub_sector"):
            out["sub_sector"] = sub
    if "tags" in out:
        parts = [p.strip() for p in _split_tags(out["tags"]) if p.strip()]
        unknown = [p for p in parts if p not in taxonomy.SPECIAL_HAZARD_TAGS]
        if unknown:
            raise FieldError("tags", f"unknown special-hazard tag(s): {', '.join(unknown)}",
                             f"重点监管类型无法识别：{'、'.join(unknown)}")
        out["tags"] = json.dumps(sorted(set(parts), key=parts.index), ensure_ascii=False)
    return Cleaned(out, warning)


def _split_tags(text: str) -> list[str]:
    for sep in "，、;；|/":
        text = text.replace(sep, ",")
    return text.split(",")


def resolve_areas(store: Store, values: dict[str, Any], cache: dict[tuple[str, str], str] | None = None
                  ) -> dict[str, Any]:
    """Replace township/grid names with ids, creating unknown ones (the registry is authoritative)."""
    from fieldapp.models import areas

    cache = {} if cache is None else cache
    out = dict(values)
    township = out.pop("township", None)
    grid = out.pop("grid", None)
    if township:
        key = ("t", township)
        if key not in cache:
            cache[key] = areas.ensure_township(store, township)
        out["township_id"] = cache[key]
        if grid:
            gkey = (cache[key], grid)
            if gkey not in cache:
                cache[gkey] = areas.ensure_grid(store, cache[key], grid)
            out["grid_id"] = cache[gkey]
    return out


def _next_search_key(store: Store) -> int:
    return int(store.scalar("SELECT coalesce(max(search_key), 0) + 1 FROM enterprises"))


def holder_of(store: Store, code: str | None, *, other_than: str | None = None) -> Row | None:
    """The enterprise that holds this USCC (None for no code, or when only `other_than` holds it)."""
    if not code:
        return None
    rows = store.query("SELECT id, name, uscc FROM enterprises WHERE uscc = ? AND id IS NOT ?", (code, other_than))
    return rows[0] if rows else None


def create(store: Store, values: Mapping[str, Any], *, allow_no_uscc: bool = False) -> Row:
    cleaned = clean({k: None if v is None else str(v) for k, v in values.items()}, allow_no_uscc=allow_no_uscc)
    with store.transaction():
        existing = holder_of(store, cleaned.values["uscc"])
        if existing is not None:
            raise DuplicateUscc(cleaned.values["uscc"], existing)
        row = resolve_areas(store, cleaned.values)
        row["search_key"] = _next_search_key(store)
        return store.insert("enterprises", row, audit=None)


def update(store: Store, enterprise_id: str, changes: Mapping[str, Any]) -> Row:
    """Edit registry fields in the field; unchanged fields keep their clocks (field-level merge).

    The USCC may be left empty (a site without a licence), then the operator and address are required;
    a code that another enterprise holds raises DuplicateUscc naming it.
    """
    current = get(store, enterprise_id)
    merged = {f.column: current.get(f.column) for f in FIELDS}
    merged["tags"] = "、".join(search_index.tags_of(current))
    for key in ("township", "grid"):
        merged.pop(key, None)
    merged.update({k: v for k, v in changes.items()})
    cleaned = clean({k: None if v is None else (str(v) if not isinstance(v, list) else "、".join(v))
                     for k, v in merged.items()}, allow_no_uscc=True)
    values = {k: v for k, v in cleaned.values.items()}
    for f in FIELDS:
        if f.column not in values and f.column not in ("township", "grid") and f.column in changes:
            values[f.column] = None
    with store.transaction():
        existing = holder_of(store, values.get("uscc"), other_than=enterprise_id)
        if existing is not None:
            raise DuplicateUscc(values["uscc"], existing)
        values = resolve_areas(store, {**values, **{k: changes[k] for k in ("township", "grid") if k in changes}})
        return store.update("enterprises", enterprise_id, values, audit=None)


def get(store: Store, enterprise_id: str) -> Row:
    row = store.get("enterprises", enterprise_id)
    if row is None:
        raise NotFound(f"enterprise {enterprise_id} not found", f"未找到该单位：{enterprise_id}")
    return row


def find(store: Store, ref: str) -> Row:
    """Look an enterprise up by id or USCC (what a user types on the command line).

    The id of a record merged into another (sync: same USCC, or linked by the office) finds the survivor.
    """
    row = store.get("enterprises", ref)
    if row:
        return row
    target, seen = ref, set()
    while target not in seen:
        seen.add(target)
        target = store.scalar("SELECT target_id FROM sync_aliases WHERE alias_id = ?", (target,)) or target
    row = store.get("enterprises", target) if target != ref else None
    if row:
        return row
    try:
        code = uscc_mod.normalise(ref)
    except Exception:  # pragma: no cover - normalise never fails on str
        code = ref
    found = store.query("SELECT * FROM enterprises WHERE uscc = ?", (code,))
    if not found:
        raise NotFound(f"no enterprise with id or USCC {ref}", f"未找到 ID 或统一社会信用代码为 {ref} 的单位")
    return found[0]


def count(store: Store, filters: search.Filters | None = None) -> int:
    where, params = (filters or search.Filters()).sql()
    return int(store.scalar(f"SELECT count(*) FROM enterprises e WHERE {where}", tuple(params)))


def page(store: Store, offset: int, limit: int, filters: search.Filters | None = None) -> list[Row]:
    """One page of the registry ordered by name (the UI pages with this; it never loads 100 000 rows)."""
    where, params = (filters or search.Filters()).sql()
    return store.query(
        "SELECT e.id, e.uscc, e.name, e.address, e.legal_representative, e.township_id, e.industry,"
        f" e.risk_level, e.uscc_check_ok, e.status FROM enterprises e WHERE {where}"
        " ORDER BY e.name, e.id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )


@dataclass
class UpsertResult:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    townships_created: int = 0


def bulk_upsert(store: Store, records: Iterable[dict[str, Any]],
                progress: Callable[[int], None] | None = None,
                background: search_index.BackgroundIndex | None = None) -> UpsertResult:
    """Insert or update cleaned records by USCC inside the caller's transaction.

    New rows go through one executemany (the row-at-a-time path costs ~10× for a 100 000-row registry);
    existing rows go through Store.update so only changed fields get new clocks.
    """
    result = UpsertResult()
    before = int(store.scalar("SELECT count(*) FROM townships"))
    existing = {r[0]: r[1] for r in store.conn.execute("SELECT uscc, id FROM enterprises")}
    key = _next_search_key(store)
    cache: dict[tuple[str, str], str] = {}
    columns = ["id", "created_at", "updated_at", "device_id", "seq", "hlc", "field_hlc", "search_key",
               "uscc", "uscc_check_ok", "township_id", "grid_id",
               *[f.column for f in FIELDS if f.column not in ("uscc", "township", "grid")]]
    new_rows: list[dict[str, Any]] = []
    now = utc_now()
    for i, record in enumerate(records, 1):
        values = resolve_areas(store, record, cache)
        if values["uscc"] in existing:
            before_row = store.get("enterprises", existing[values["uscc"]])
            after = store.update("enterprises", existing[values["uscc"]], values, audit=None)
            if after is before_row or after == before_row:
                result.unchanged += 1
            else:
                result.updated += 1
        else:
            row = dict.fromkeys(columns)
            row.update(values)
            hlc = store.next_hlc()
            row.update(id=uuid7(), created_at=now, updated_at=now, device_id=store.device_id, seq=store.seq,
                       hlc=hlc, field_hlc=json.dumps({"*": hlc}), search_key=key)
            if row.get("industry") is None:
                row["industry"] = "其他"
            if row.get("status") is None:
                row["status"] = "在营"
            if row.get("tags") is None:
                row["tags"] = "[]"
            for flag in ("in_chemical_park", "major_hazard_installation"):
                if row.get(flag) is None:
                    row[flag] = 0
            key += 1
            existing[values["uscc"]] = row["id"]
            new_rows.append(row)
            result.inserted += 1
        if progress and i % 5000 == 0:
            progress(i)
    if new_rows:
        store.conn.executemany(
            f"INSERT INTO enterprises ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            ([r[c] for c in columns] for r in new_rows),
        )
        search_index.index_rows(store.conn, new_rows, background.values() if background else None)
    result.townships_created = int(store.scalar("SELECT count(*) FROM townships")) - before
    return result


def display(row: Mapping[str, Any], townships: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A row as shown to people and in --json: tags as a list, township by name."""
    out = dict(row)
    out["tags"] = search_index.tags_of(row)
    if townships is not None:
        out["township"] = townships.get(row.get("township_id") or "", "")
    for k in ("search_key", "field_hlc"):
        out.pop(k, None)
    out["uscc_warning"] = None if row.get("uscc_check_ok", 1) or not row.get("uscc") \
        else uscc_mod.parse(row["uscc"]).warning
    return out
