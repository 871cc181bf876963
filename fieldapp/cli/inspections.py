"""Inspections: list, show, record a whole visit from a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from fieldapp.cli import labels
from fieldapp.cli.base import Context, emit, json_option, main, table
from fieldapp.cli.labels import labelled


@main.group("inspections")
def inspections_group() -> None:
    """Inspections (现场检查)."""


@inspections_group.command("list")
@click.option("--enterprise", "enterprise_ref", help="Only this enterprise (id or USCC).")
@click.option("--limit", type=click.IntRange(1), default=None)
@json_option
@click.pass_obj
def inspections_list(obj: Context, enterprise_ref: str | None, limit: int | None, as_json: bool) -> None:
    """List inspections, newest first.

    Example: fieldapp inspections list --limit 10 --json
    """
    from fieldapp.services import inspections

    rows = inspections.list_inspections(obj.ws, enterprise=enterprise_ref, limit=limit)
    emit(rows, as_json, lambda r: table(r, [("id", "Id"), ("started_at", "Started"), ("enterprise_name", "Enterprise"),
                                            ("type", "Type"), ("status", "Status"), ("findings", "Findings")]))


@inspections_group.command("show")
@click.argument("inspection_id")
@json_option
@click.pass_obj
def inspections_show(obj: Context, inspection_id: str, as_json: bool) -> None:
    """Show one inspection with its officers and findings.

    Example: fieldapp inspections show 019a...
    """
    from fieldapp.services import inspections

    data = inspections.inspection_record(obj.ws, inspection_id)

    def human(d: dict[str, Any]) -> None:
        click.echo(f"{d['enterprise']['name']} — {d['type']} — {d['started_at']} ({d['status']})")
        click.echo("officers: " + ", ".join(f"{o['name']} ({o['certificate_no']})" for o in d["officers"]))
        table(labelled(d["findings"], grade=labels.grade, status=labels.finding_status),
              [("id", "Id"), ("grade", "Grade"), ("status", "Status"), ("deadline", "Deadline"),
               ("description", "Finding")])

    emit(data, as_json, human)


@inspections_group.command("record")
@click.argument("visit_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
@click.pass_obj
def inspections_record(obj: Context, visit_file: Path, as_json: bool) -> None:
    """Record a whole visit from a JSON file (docs/visit-format.md) and issue its notices.

    Example: fieldapp inspections record visit.json --json
    """
    from fieldapp.services import visits

    result = visits.record(obj.ws, visit_file).value
    data = result.as_dict()

    def human(d: dict[str, Any]) -> None:
        click.echo(f"Inspection {d['inspection_id']}: {len(d['findings'])} finding(s), "
                   f"{len(d['evidence'])} evidence file(s)")
        for doc in d["documents"]:
            click.echo(f"issued {labels.doc_type_title(doc['type'])} {doc['number']}: {doc['pdf']}")
        for w in d["warnings"]:
            click.echo(f"warning: {w}", err=True)

    emit(data, as_json, human)


