"""Checklist templates: list, show, validate, import, export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from fieldapp.cli.base import Context, emit, json_option, main, table
from fieldapp.errors import FieldappError
from fieldapp.services import checklists as service


@main.group()
def checklists() -> None:
    """Checklist templates (检查表) with their legal basis."""


@checklists.command("list")
@click.option("--all", "include_retired", is_flag=True, help="Include retired templates.")
@json_option
@click.pass_obj
def checklists_list(obj: Context, include_retired: bool, as_json: bool) -> None:
    """List the latest version of every template with its number of items.

    Example: fieldapp checklists list --json
    """
    rows = service.library(obj.ws, include_retired=include_retired)
    emit(rows, as_json, lambda r: table(r, [("id", "Id"), ("version", "Ver"), ("items", "Items"),
                                            ("status", "Status"), ("title", "Title")]))


@checklists.command("show")
@click.argument("template_id")
@click.option("--version", type=int, default=None, help="A specific version (default: the latest).")
@json_option
@click.pass_obj
def checklists_show(obj: Context, template_id: str, version: int | None, as_json: bool) -> None:
    """Show a template with its sections and items.

    Example: fieldapp checklists show gongmao-general
    """
    template = service.template(obj.ws, template_id, version)

    def human(t: dict[str, Any]) -> None:
        click.echo(f"{t['title']} ({t['id']} v{t['version']}, {service.item_count(t)} items, {t['status']})")
        for section in t["sections"]:
            click.echo(f"\n{section['title']}")
            for it in section["items"]:
                flag = " [重大]" if it["major"] else ""
                click.echo(f"  {it['code']}{flag} {it['check']}\n      依据：{service.basis_text(it)}")

    emit(template, as_json, human)


@checklists.command("validate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
def checklists_validate(file: Path, as_json: bool) -> None:
    """Check a template file (JSON or XLSX) without importing it; exit 1 with row-level reasons.

    Example: fieldapp checklists validate 新检查表.xlsx
    """
    try:
        data = service.check_template_file(file)
    except service.TemplateInvalid as exc:
        if as_json:
            emit({"valid": False, "problems": [p.as_dict() for p in exc.problems]}, True, print)
        else:
            for p in exc.problems:
                click.echo(str(p), err=True)
        raise FieldappError(f"{len(exc.problems)} problem(s) in {file.name}",
                            f"{file.name} 中有 {len(exc.problems)} 处错误") from None
    emit(data, as_json, lambda d: click.echo(f"valid: {d['id']} v{d['version']}, {d['items']} items"))


@checklists.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
@click.pass_obj
def checklists_import(obj: Context, file: Path, as_json: bool) -> None:
    """Add a template version to the library from JSON or XLSX (a changed template needs a higher version).

    Example: fieldapp checklists import gongmao-general.xlsx
    """
    try:
        result = service.import_template(obj.ws, file).value
    except service.TemplateInvalid as exc:
        for p in exc.problems:
            click.echo(str(p), err=True)
        raise
    emit(result, as_json, lambda r: click.echo(
        f"{'Imported' if r['stored'] else 'Already in the library:'} {r['template_id']} v{r['version']}"))


@checklists.command("export")
@click.argument("template_id")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Output file: .xlsx for office editing, .json for the file format.")
@click.option("--version", type=int, default=None)
@click.pass_obj
def checklists_export(obj: Context, template_id: str, out: Path, version: int | None) -> None:
    """Export a template to XLSX (one row per item) or JSON.

    Example: fieldapp checklists export gongmao-general --out 工贸通用.xlsx
    """
    template = service.export_template(obj.ws, template_id, out, version=version)
    click.echo(f"Exported {template_id} v{template['version']} to {out}")


