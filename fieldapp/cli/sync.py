"""Sync: enrolment, bundles, and the office's (central) commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from fieldapp.cli.base import Context, emit, json_option, main, progress, table


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
@click.pass_obj
def enroll(obj: Context, file: Path, as_json: bool) -> None:
    """Enrol this installation as a field device with the office's enrolment file.

    Example: fieldapp enroll 拳铺镇-执法终端1.faenrol
    """
    from fieldapp.sync import roles

    data = roles.enroll(obj.ws, file)
    emit(data, as_json, lambda d: click.echo(f"Enrolled as {d['name']} ({d['device_id']}) with {d['central']}"))


@main.group("sync")
def sync_group() -> None:
    """Exchange signed, encrypted bundles with the central office."""


@sync_group.command("export")
@click.option("--to", "to", default=None, help="Central only: the device the bundle is for (name or id).")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Bundle file or folder (e.g. a USB stick).")
@json_option
@click.pass_obj
def sync_export(obj: Context, to: str | None, out: Path | None, as_json: bool) -> None:
    """Write everything the other side has not acknowledged into one bundle file.

    Example: fieldapp sync export --out E:/
    """
    from fieldapp.sync import exchange

    result = exchange.export(obj.ws, to=to, out=out, progress=progress(as_json))
    emit(result.as_dict(), as_json, lambda d: click.echo(
        f"Bundle written: {d['path']} ({d['records']} record(s), {d['files']} file(s))"))


@sync_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
@click.pass_obj
def sync_import(obj: Context, file: Path, as_json: bool) -> None:
    """Verify and apply a bundle in one transaction (the same bundle twice changes nothing).

    Example: fieldapp sync import E:/fieldapp-019a-to-019b.fabundle
    """
    from fieldapp.sync import exchange

    result = exchange.import_bundle(obj.ws, file, progress=progress(as_json))
    emit(dict(result.as_dict(), message=result.message), as_json, lambda d: click.echo(d["message"].capitalize()))


@sync_group.command("status")
@json_option
@click.pass_obj
def sync_status(obj: Context, as_json: bool) -> None:
    """Show the role, the last exchanges and how many changes wait to be sent.

    Example: fieldapp sync status --json
    """
    from fieldapp.sync import exchange

    data = exchange.status(obj.ws)

    def human(d: dict[str, Any]) -> None:
        click.echo(f"role: {d['role']} ({d['device_id']})")
        if d["role"] == "device" and "central" in d:
            click.echo(f"central: {d['central']}; last export {d['last_export_at'] or '-'}, "
                       f"last import {d['last_import_at'] or '-'}")
            click.echo("all synced" if d["all_synced"] else f"{d['pending_changes']} change(s) not yet acknowledged")
        if d["role"] == "central":
            table(d["devices"], [("name", "Device"), ("status", "Status"), ("last_import_at", "Last import"),
                                 ("pending_changes", "Pending")])
            click.echo(f"open conflicts: {d['open_conflicts']}")

    emit(data, as_json, human)


@main.group()
def central() -> None:
    """The central office: devices, enrolment, conflicts, assignments."""


@central.command("init")
@click.option("--unit", required=True, help="The office's name, e.g. 示范县应急管理局.")
@json_option
@click.pass_obj
def central_init(obj: Context, unit: str, as_json: bool) -> None:
    """Make this data directory the central office (keys and office certificate authority).

    Example: fieldapp --data-dir D:/fieldapp-central central init --unit 示范县应急管理局
    """
    from fieldapp.sync import roles

    data = roles.central_init(obj.ws, unit)
    emit(data, as_json, lambda d: click.echo(f"Central office ready: {d['unit']} ({d['central_id']})"))


@central.command("enroll")
@click.option("--device", "name", required=True, help="A name for the device, e.g. 拳铺镇-1.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--block-size", type=click.IntRange(1, 100_000), default=100, show_default=True,
              help="Document numbers per type in the device's first block.")
@json_option
@click.pass_obj
def central_enroll(obj: Context, name: str, out: Path, block_size: int, as_json: bool) -> None:
    """Register a device and write its enrolment file (hand it over in person: it holds a secret).

    Example: fieldapp central enroll --device 拳铺镇-1 --out 拳铺镇-1.faenrol
    """
    from fieldapp.sync import roles

    result = roles.central_enroll(obj.ws, name, out, block_size=block_size)
    emit(result.as_dict(), as_json, lambda d: click.echo(f"Enrolment file for {d['name']} written: {d['path']}"))


@central.command("devices")
@json_option
@click.pass_obj
def central_devices(obj: Context, as_json: bool) -> None:
    """List enrolled devices with their last exchanges.

    Example: fieldapp central devices --json
    """
    from fieldapp.sync import exchange, identity

    identity.require_role(obj.ws.store, "central")
    rows = exchange.devices(obj.ws)
    emit(rows, as_json, lambda r: table(r, [("name", "Device"), ("status", "Status"), ("last_import_at", "Last import"),
                                            ("last_export_at", "Last export"), ("pending_changes", "Pending")]))


@central.command("revoke")
@click.argument("device")
@click.pass_obj
def central_revoke(obj: Context, device: str) -> None:
    """Revoke a device (lost or stolen laptop): its bundles are refused and its keys no longer trusted.

    Example: fieldapp central revoke 拳铺镇-1
    """
    from fieldapp.sync import roles

    data = roles.revoke(obj.ws, device)
    click.echo(f"Revoked {data['name']}")


@central.command("conflicts")
@click.option("--all", "show_all", is_flag=True, help="Include resolved conflicts.")
@click.option("--reverse", "reverse_id", default=None, help="Restore the value that lost in this conflict.")
@click.option("--accept", "accept_id", default=None, help="Keep the current value and close this conflict.")
@json_option
@click.pass_obj
def central_conflicts(obj: Context, show_all: bool, reverse_id: str | None, accept_id: str | None,
                      as_json: bool) -> None:
    """List values that lost to concurrent edits; reverse or accept them.

    Example: fieldapp central conflicts --reverse 019a...
    """
    from fieldapp.sync import conflicts

    if reverse_id:
        conflicts.resolve(obj.ws, reverse_id, keep="lost")
    if accept_id:
        conflicts.resolve(obj.ws, accept_id, keep="kept")
    rows = conflicts.list_conflicts(obj.ws, include_resolved=show_all)
    emit(rows, as_json, lambda r: table(r, [("id", "Id"), ("table_name", "Table"), ("label", "Record"),
                                            ("field", "Field"), ("kept_value", "Kept"), ("lost_value", "Lost"),
                                            ("resolution", "Resolution")]))


@central.command("link-enterprise")
@click.argument("device_record")
@click.argument("office_record")
@json_option
@click.pass_obj
def central_link_enterprise(obj: Context, device_record: str, office_record: str, as_json: bool) -> None:
    """Make an enterprise registered on site and the registry's record of it one enterprise.

    DEVICE_RECORD and OFFICE_RECORD are ids (or USCCs). Every inspection, hazard and document of both
    moves to the one that remains; devices follow with their next bundle. Recorded in the audit log.

    Example: fieldapp central link-enterprise 019a... 91350100M000100Y43
    """
    from fieldapp.services import enterprises as service

    data = service.link_enterprises(obj.ws, device_record, office_record).value
    emit(data, as_json, lambda d: click.echo(
        f"Linked: {d['name']} ({d['survivor']}) remains; {d['merged']} merged into it "
        f"({d['records']['inspections']} inspection(s), {d['records']['findings']} hazard(s), "
        f"{d['records']['documents']} document(s))"))


@central.command("assign")
@click.option("--device", required=True, help="The device (name or id) that will do the visit.")
@click.option("--enterprise", "enterprise_ref", required=True, help="Enterprise id or USCC.")
@click.option("--date", "planned", default=None, help="Planned date (YYYY-MM-DD).")
@click.option("--type", "kind", default="日常检查", show_default=True)
@click.option("--note", default=None)
@json_option
@click.pass_obj
def central_assign(obj: Context, device: str, enterprise_ref: str, planned: str | None, kind: str, note: str | None,
                   as_json: bool) -> None:
    """Assign a visit to a device; it arrives with the device's next bundle.

    Example: fieldapp central assign --device 拳铺镇-1 --enterprise 91350100M000100Y43 --date 2026-12-01
    """
    from fieldapp.sync import assignments

    row = assignments.assign(obj.ws, device=device, enterprise_ref=enterprise_ref, planned_date=planned,
                             kind=kind, note=note)
    emit(row, as_json, lambda r: click.echo(f"Assigned visit {r['id']} on {r['planned_date'] or '-'}"))


# -- checklists --------------------------------------------------------------------------------

