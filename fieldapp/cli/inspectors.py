"""The office's roster of officers (执法人员) with their certificate numbers (执法证号)."""

from __future__ import annotations

import click

from fieldapp.cli.base import Context, emit, json_option, main, table


@main.group("inspectors")
def inspectors_group() -> None:
    """Officers who inspect: enrolment sends the roster to every device."""


@inspectors_group.command("add")
@click.argument("name")
@click.option("--certificate", "certificate_no", required=True, help="The enforcement certificate number (执法证号).")
@click.option("--township", default=None, help="The township (乡镇街道) the officer works in.")
@click.option("--unit", default=None, help="The officer's unit, if not the issuing authority.")
@click.option("--phone", default=None)
@json_option
@click.pass_obj
def inspectors_add(obj: Context, name: str, certificate_no: str, township: str | None, unit: str | None,
                   phone: str | None, as_json: bool) -> None:
    """Add an officer to the roster (a certificate number already on it is refused).

    Example: fieldapp inspectors add 张执法 --certificate 37083001001 --township 拳铺镇
    """
    from fieldapp.services import areas, inspectors

    township_id = areas.township_id(obj.ws, township) if township else None
    row = inspectors.add_inspector(obj.ws, name, certificate_no, unit=unit, phone=phone,
                                   township_id=township_id).value
    emit({"id": row["id"], "name": row["name"], "certificate_no": row["certificate_no"]}, as_json,
         lambda d: click.echo(f"Added {d['name']} ({d['certificate_no']})"))


@inspectors_group.command("list")
@json_option
@click.pass_obj
def inspectors_list(obj: Context, as_json: bool) -> None:
    """The roster, by name.

    Example: fieldapp inspectors list --json
    """
    from fieldapp.services import inspectors

    rows = inspectors.list_inspectors(obj.ws)
    emit(rows, as_json, lambda r: table(r, [("name", "Name"), ("certificate_no", "Certificate"),
                                            ("unit", "Unit"), ("phone", "Phone")]))
