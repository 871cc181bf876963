"""The enterprise registry: import, search, list, show, add."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from fieldapp.cli.base import Context, emit, json_option, main, table
from fieldapp.errors import FieldappError
from fieldapp.services import enterprises as service
from fieldapp.services.vocabulary import ENTERPRISE_FIELDS, NO_USCC_ZH


@main.group()
def enterprises() -> None:
    """The enterprise registry (企业名录)."""


@enterprises.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--skip-invalid", is_flag=True, help="Import the valid rows; write rejects next to the input.")
@json_option
@click.pass_obj
def enterprises_import(obj: Context, file: Path, skip_invalid: bool, as_json: bool) -> None:
    """Import or update enterprises from CSV (UTF-8 or GBK) or XLSX, matched by USCC.

    All-or-nothing unless --skip-invalid. Example: fieldapp enterprises import 名录.csv
    """
    report = service.import_registry(obj.ws, file, skip_invalid=skip_invalid).value
    data = report.as_dict()
    if as_json:
        emit(data, True, print)
    else:
        for p in report.errors:
            click.echo(f"row {p.row}, column {p.column or '-'}: {p.reason}", err=True)
        for p in report.warnings:
            click.echo(f"warning: row {p.row}, column {p.column}: {p.reason}", err=True)
        if report.imported:
            click.echo(f"Imported {report.rows - report.skipped} of {report.rows} rows: {report.inserted} new, "
                       f"{report.updated} updated, {report.unchanged} unchanged, {report.skipped} skipped"
                       + (f"; rejects written to {report.rejects_file}" if report.rejects_file else ""))
    if report.errors and not report.imported:
        raise FieldappError(f"{len(report.errors)} invalid row(s); nothing was imported "
                            "(fix them, or use --skip-invalid)", "存在无效行，未导入任何数据")


@enterprises.command("search")
@click.argument("query")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@json_option
@click.pass_obj
def enterprises_search(obj: Context, query: str, limit: int, as_json: bool) -> None:
    """Search by name, address, people, phone, USCC prefix or pinyin (hdhg finds 宏达化工).

    Example: fieldapp enterprises search 宏达 --json
    """
    rows = service.search_enterprises(obj.ws, query, limit=limit)
    emit(rows, as_json, lambda r: table(r, [("uscc", "USCC"), ("name", "Name"), ("industry", "Industry"),
                                            ("match", "Match")]))


@enterprises.command("list")
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@json_option
@click.pass_obj
def enterprises_list(obj: Context, offset: int, limit: int, as_json: bool) -> None:
    """List the registry ordered by name, a page at a time.

    Example: fieldapp enterprises list --offset 50 --limit 50
    """
    rows = service.list_enterprises(obj.ws, offset=offset, limit=limit)
    emit(rows, as_json, lambda r: table(r, [("uscc", "USCC"), ("name", "Name"), ("industry", "Industry"),
                                            ("risk_level", "Risk")]))


@enterprises.command("show")
@click.argument("ref")
@json_option
@click.pass_obj
def enterprises_show(obj: Context, ref: str, as_json: bool) -> None:
    """Show one enterprise by id or USCC, with its inspections and open findings.

    Example: fieldapp enterprises show 91370832MA3C5XXX0X
    """
    data = service.enterprise_summary(obj.ws, ref).as_dict()

    def human(d: dict[str, Any]) -> None:
        for f in ENTERPRISE_FIELDS:
            key = f.column
            value = d.get(key)
            if key == "tags":
                value = "、".join(d["tags"])
            if key == "uscc" and not value:
                value = NO_USCC_ZH
            click.echo(f"{f.zh}: {'' if value is None else value}")
        if d["uscc_warning"]:
            click.echo(f"warning: {d['uscc_warning']}")
        click.echo(f"inspections: {len(d['inspections'])}, open findings: {len(d['open_findings'])}")

    emit(data, as_json, human)


@enterprises.command("add")
@click.option("--name", required=True, help="单位名称, as on the sign or licence.")
@click.option("--address", required=True, help="地址 of the site.")
@click.option("--uscc", default=None, help="统一社会信用代码; leave out when the site has none (无照经营).")
@click.option("--township", default=None, help="乡镇街道 (created when new).")
@click.option("--industry", default=None, help="行业类别, e.g. 轻工 or 小餐饮.")
@click.option("--legal-representative", "legal_representative", default=None,
              help="法定代表人 or 经营者 (required without a USCC).")
@click.option("--phone", default=None, help="联系电话.")
@click.option("--accept-check-character", "confirm_uscc", is_flag=True,
              help="Keep a USCC whose check character is wrong (some early codes are legal yet fail it).")
@json_option
@click.pass_obj
def enterprises_add(obj: Context, name: str, address: str, uscc: str | None, township: str | None,
                    industry: str | None, legal_representative: str | None, phone: str | None, confirm_uscc: bool,
                    as_json: bool) -> None:
    """Register an enterprise found on site; it syncs to the office like any other record.

    Example: fieldapp enterprises add --name 老王五金加工作坊 --address 拳铺镇后营村18号 --legal-representative 王立新
    """
    row = service.add_enterprise(obj.ws, {
        "name": name, "address": address, "uscc": uscc, "township": township, "industry": industry,
        "legal_representative": legal_representative, "phone": phone}, confirm_uscc=confirm_uscc).value

    def human(r: dict[str, Any]) -> None:
        click.echo(f"Registered {r['name']} ({r['uscc'] or NO_USCC_ZH}), id {r['id']}")
        if r["uscc_warning"]:
            click.echo(f"warning: {r['uscc_warning']}")

    emit(row, as_json, human)


