"""Sync: enrolment, bundles, and the office's (central) commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from fieldapp.cli.base import Context, emit, json_option, main, progress, table
from fieldapp.errors import FieldappError
from fieldapp.services import sync as service
from fieldapp.services.sync import Role


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
@click.pass_obj
def enroll(obj: Context, file: Path, as_json: bool) -> None:
    """Enrol this installation as a field device with the office's enrolment file.

    Example: fieldapp enroll 拳铺镇-执法终端1.faenrol
    """
    data = service.enroll(obj.ws, file).value
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
    result = service.export_bundle(obj.ws, to=to, out=out, progress=progress(as_json)).value
    emit(result.as_dict(), as_json, lambda d: click.echo(
        f"Bundle written: {d['path']} ({d['records']} record(s), {d['files']} file(s))"))


@sync_group.command("import")
@click.argument("file", type=click.Path(exists=True, path_type=Path))
@json_option
@click.pass_obj
def sync_import(obj: Context, file: Path, as_json: bool) -> None:
    """Verify and apply a bundle in one transaction (the same bundle twice changes nothing). Given a folder
    (a USB stick), every bundle in it addressed to this installation, oldest first.

    Example: fieldapp sync import E:/
    """
    paths = service.bundles_in(obj.ws, file) if file.is_dir() else [file]
    if file.is_dir() and not paths:
        raise FieldappError(f"no bundle for this installation in {file}", f"{file} 中没有发给本机的数据包")
    results = []
    for path in paths:
        result = service.import_bundle(obj.ws, path, progress=progress(as_json)).value
        results.append(dict(result.as_dict(), file=str(path), message=result.message))

    def human(_: Any) -> None:
        for r in results:
            click.echo((f"{Path(r['file']).name}: " if file.is_dir() else "") + str(r["message"]).capitalize())

    emit(results if file.is_dir() else results[0], as_json, human)


@sync_group.command("status")
@json_option
@click.pass_obj
def sync_status(obj: Context, as_json: bool) -> None:
    """Show the role, the last exchanges and how many changes wait to be sent.

    Example: fieldapp sync status --json
    """
    data = service.status(obj.ws)

    def human(d: dict[str, Any]) -> None:
        click.echo(f"role: {d['role']} ({d['device_id']})")
        if d["role"] == Role.DEVICE and "central" in d:
            click.echo(f"central: {d['central']}; last export {d['last_export_at'] or '-'}, "
                       f"last import {d['last_import_at'] or '-'}")
            click.echo("all synced" if d["all_synced"] else f"{d['pending_changes']} change(s) not yet acknowledged")
        if d["role"] == Role.CENTRAL:
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
    data = service.init_central(obj.ws, unit).value
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
    result = service.enroll_device(obj.ws, name, out, block_size=block_size).value
    emit(result.as_dict(), as_json, lambda d: click.echo(f"Enrolment file for {d['name']} written: {d['path']}"))


@central.command("devices")
@json_option
@click.pass_obj
def central_devices(obj: Context, as_json: bool) -> None:
    """List enrolled devices with their last exchanges.

    Example: fieldapp central devices --json
    """
    rows = service.devices(obj.ws)
    emit(rows, as_json, lambda r: table(r, [("name", "Device"), ("status", "Status"), ("last_import_at", "Last import"),
                                            ("last_export_at", "Last export"), ("pending_changes", "Pending")]))


@central.command("server-cert")
@click.option("--host", "hosts", multiple=True, required=True,
              help="A name or address devices use to reach the server (repeat for several).")
@json_option
@click.pass_obj
def central_server_cert(obj: Context, hosts: tuple[str, ...], as_json: bool) -> None:
    """Issue the server's TLS certificate from the office CA (devices trust that CA alone).

    Example: fieldapp central server-cert --host sync.shifan.gov.cn --host 10.1.2.3
    """
    data = service.issue_server_certificate(obj.ws, list(hosts)).value
    emit(data, as_json, lambda d: click.echo(f"Server certificate for {', '.join(d['hosts'])}: {d['certificate']}"))


@central.command("revoke")
@click.argument("device")
@click.pass_obj
def central_revoke(obj: Context, device: str) -> None:
    """Revoke a device (lost or stolen laptop): its bundles are refused and its keys no longer trusted.

    Example: fieldapp central revoke 拳铺镇-1
    """
    data = service.revoke_device(obj.ws, device).value
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
    if reverse_id:
        service.resolve_conflict(obj.ws, reverse_id, keep="lost")
    if accept_id:
        service.resolve_conflict(obj.ws, accept_id, keep="kept")
    rows = service.list_conflicts(obj.ws, include_resolved=show_all)
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
    row = service.assign_visit(obj.ws, device=device, enterprise_ref=enterprise_ref, planned_date=planned,
                               kind=kind, note=note).value
    emit(row, as_json, lambda r: click.echo(f"Assigned visit {r['id']} on {r['planned_date'] or '-'}"))


# -- checklists --------------------------------------------------------------------------------

