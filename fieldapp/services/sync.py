"""同步: every sync action of the device and of the office, as the front ends call them.

A field device enrols with the office's file, then exports its changes to a USB stick or folder and
imports the office's answer. The office (central) enrols and revokes devices, exchanges bundles with each,
assigns visits, hands out document-number blocks, and reviews the values that lost to concurrent edits.
The work itself is in fieldapp.sync (device.py and central.py are the two halves); docs/bundle-format.md.
Those modules are imported inside the functions: they load cryptography, which the desktop leaves out of
its start-up, while every screen may ask this module for the installation's role.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.errors import ValidationError
from fieldapp.models.store import Row
from fieldapp.services.changes import EVERYTHING, Done, Entity, changed
from fieldapp.sync import roles
from fieldapp.sync.roles import Role
from fieldapp.workspace import Workspace

if TYPE_CHECKING:
    from fieldapp.sync.central import EnrolmentResult
    from fieldapp.sync.exchange import ExportResult, ImportResult, Progress

__all__ = ["Role"]

# The screens' name (services.changes) for each synced table's records (models/tables.py): what a
# reversed conflict changed.
ENTITY_OF_TABLE: dict[str, Entity] = {
    "townships": Entity.ENTERPRISES, "grids": Entity.ENTERPRISES, "enterprises": Entity.ENTERPRISES,
    "inspectors": Entity.INSPECTORS, "checklist_templates": Entity.CHECKLISTS, "number_blocks": Entity.NUMBERS,
    "inspections": Entity.INSPECTIONS, "assignments": Entity.SYNC, "device_keys": Entity.SYNC,
    "inspection_checklists": Entity.ANSWERS, "checklist_answers": Entity.ANSWERS, "findings": Entity.FINDINGS,
    "finding_events": Entity.FINDINGS, "reinspections": Entity.REINSPECTIONS,
    "reinspection_items": Entity.REINSPECTIONS, "documents": Entity.DOCUMENTS, "evidence": Entity.EVIDENCE,
}


# -- what this installation is --------------------------------------------------------------------

def role(ws: Workspace) -> Role:
    return roles.role(ws.store)


def status(ws: Workspace) -> dict[str, Any]:
    """The role and, by role: the office and what waits to be sent (a device); the devices and the
    number of conflicts to review (the office)."""
    from fieldapp.sync import exchange

    return exchange.status(ws)


def last_sync(ws: Workspace) -> str | None:
    """When this installation last exported or imported a bundle (None: never)."""
    from fieldapp.sync import exchange

    return exchange.last_sync(ws.store)


# -- the device --------------------------------------------------------------------------------------

def enroll(ws: Workspace, path: Path) -> Done[dict[str, Any]]:
    """Enrol this installation as a field device with the office's enrolment file (*.faenrol)."""
    from fieldapp.sync import device

    return Done(device.enroll(ws, path), EVERYTHING)


# -- both sides: the exchange -------------------------------------------------------------------------

def export_bundle(ws: Workspace, *, to: str | None = None, out: Path | None = None,
                  progress: Progress | None = None) -> Done[ExportResult]:
    """Write what the other side has not acknowledged into one bundle file (the office: for device `to`).

    `out` is the bundle file (*.fabundle) or a folder that gets a readable name (default: <data>/outbox).
    """
    from fieldapp.sync import exchange

    result = exchange.export(ws, to=to, out=out, progress=progress)
    return Done(result, changed(Entity.SYNC, ids=[result.bundle_id]))


def import_bundle(ws: Workspace, path: Path, *, progress: Progress | None = None) -> Done[ImportResult]:
    """Verify a bundle and apply it in one transaction; the same bundle twice changes nothing."""
    from fieldapp.sync import exchange

    result = exchange.import_bundle(ws, path, progress=progress)
    return Done(result, EVERYTHING if result.status == "applied" else changed(Entity.SYNC))


def bundles_in(ws: Workspace, folder: Path) -> list[Path]:
    """The bundles in `folder` (a USB stick) addressed to this installation, oldest first by name.

    Bundles for other installations on the same stick are left alone; a file that is not a bundle is
    refused with the reason, as when it is imported alone.
    """
    from fieldapp.sync import envelope

    mine = []
    for path in sorted(Path(folder).glob("*.fabundle")):
        if envelope.read_header(path).recipient == ws.store.device_id:
            mine.append(path)
    return mine


# -- the office ---------------------------------------------------------------------------------------

def init_central(ws: Workspace, unit: str) -> Done[dict[str, Any]]:
    """Make this data directory the central office of `unit` (keys and office certificate authority)."""
    from fieldapp.sync import central

    return Done(central.init(ws, unit), changed(Entity.SYNC, Entity.SETTINGS))


def enroll_device(ws: Workspace, name: str, out: Path, *, block_size: int | None = None,
                  year: int | None = None) -> Done[EnrolmentResult]:
    """Register a device and write its enrolment file (handed over in person: it holds a secret).

    The device gets a first block of `block_size` document numbers per type (default 100) for `year`.
    """
    from fieldapp.sync import central

    result = central.enroll(ws, name, out, block_size=block_size or central.DEFAULT_BLOCK, year=year)
    return Done(result, changed(Entity.SYNC, Entity.NUMBERS, Entity.CHECKLISTS, ids=[result.device_id]))


def revoke_device(ws: Workspace, ref: str) -> Done[dict[str, Any]]:
    """A lost or stolen laptop: its bundles are refused and its keys no longer trusted."""
    from fieldapp.sync import central

    result = central.revoke(ws, ref)
    return Done(result, changed(Entity.SYNC, ids=[result["device_id"]]))


def devices(ws: Workspace) -> list[dict[str, Any]]:
    """The enrolled devices, their last exchanges and what waits to be sent to each (the office only)."""
    from fieldapp.sync import central

    roles.require_role(ws.store, Role.CENTRAL)
    return central.devices(ws)


def assign_visit(ws: Workspace, *, device: str, enterprise_ref: str, planned_date: str | None = None,
                 kind: str = "日常检查", note: str | None = None) -> Done[Row]:
    """Assign a visit of an enterprise to a device; it arrives with the device's next bundle."""
    from fieldapp.sync import assignments

    row = assignments.assign(ws, device=device, enterprise_ref=enterprise_ref, planned_date=planned_date,
                             kind=kind, note=note)
    return Done(row, changed(Entity.SYNC, ids=[row["id"]]))


def list_conflicts(ws: Workspace, *, include_resolved: bool = False) -> list[dict[str, Any]]:
    """Values that lost to concurrent edits, newest first, with the record they belong to."""
    from fieldapp.sync import conflicts

    return conflicts.list_conflicts(ws, include_resolved=include_resolved)


def resolve_conflict(ws: Workspace, conflict_id: str, *, keep: str) -> Done[dict[str, Any]]:
    """keep="lost" restores the overwritten value (a new edit that travels everywhere); "kept" accepts."""
    if keep not in ("lost", "kept"):
        raise ValidationError(f"keep must be 'lost' or 'kept', not {keep!r}", "请选择保留当前值或恢复被覆盖的值")
    from fieldapp.sync import conflicts

    result = conflicts.resolve(ws, conflict_id, keep=keep)
    entities = {Entity.SYNC}
    if keep == "lost":
        entities.add(ENTITY_OF_TABLE.get(result["table_name"], Entity.SYNC))
    return Done(result, changed(*entities, ids=[conflict_id, result["row_id"]]))


def issue_server_certificate(ws: Workspace, hosts: list[str]) -> Done[dict[str, Any]]:
    """The office server's TLS certificate, issued by the office CA for the names devices use to reach it."""
    from fieldapp.sync import tls

    files = tls.issue_server_certificate(ws, hosts)
    return Done({"certificate": str(files.certificate), "key": str(files.key), "hosts": list(files.hosts)},
                changed(Entity.SYNC))


def require_central(ws: Workspace) -> None:
    """Refuse an installation that is not an office (the server runs on the office's data directory only)."""
    roles.require_role(ws.store, Role.CENTRAL)


def server_tls_files(ws: Workspace) -> Any:
    """The server's certificate and key files (sync.tls.ServerFiles); refused with the command when missing."""
    from fieldapp.sync import tls

    return tls.server_files(ws)
