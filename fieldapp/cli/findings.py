"""Hazards (findings) and their evidence."""

from __future__ import annotations

from pathlib import Path

import click

from fieldapp.cli import labels
from fieldapp.cli.base import Context, emit, json_option, main, table
from fieldapp.cli.labels import labelled
from fieldapp.errors import FieldappError


@main.group("findings")
def findings_group() -> None:
    """Findings (隐患) and their lifecycle."""


@findings_group.command("list")
@click.option("--status", help="open, ordered, reported, verified, closed, failed_reinspection, escalated, "
                               "referred or voided.")
@click.option("--overdue", is_flag=True, help="Only findings past their deadline and not yet verified.")
@click.option("--enterprise", "enterprise_ref", help="Only this enterprise (id or USCC).")
@json_option
@click.pass_obj
def findings_list(obj: Context, status: str | None, overdue: bool, enterprise_ref: str | None, as_json: bool) -> None:
    """List findings; overdue is computed from today's date.

    Example: fieldapp findings list --overdue --json
    """
    from fieldapp.services import findings

    rows = findings.list_findings(obj.ws, findings.FindingFilters(status=status, overdue=overdue,
                                                                  enterprise=enterprise_ref)).rows
    emit(rows, as_json, lambda r: table(labelled(r, grade=labels.grade, status=labels.finding_status),
                                        [("id", "Id"), ("enterprise_name", "Enterprise"), ("grade", "Grade"),
                                         ("status", "Status"), ("deadline", "Deadline"),
                                         ("overdue", "Overdue"), ("description", "Finding")]))


@findings_group.command("transition")
@click.argument("finding_id")
@click.argument("status")
@click.option("--deadline", default=None, help="New deadline (YYYY-MM-DD) for an order.")
@click.option("--note", default=None)
@json_option
@click.pass_obj
def findings_transition(obj: Context, finding_id: str, status: str, deadline: str | None, note: str | None,
                        as_json: bool) -> None:
    """Move a finding along its lifecycle (e.g. escalated = 挂牌督办, reported, closed); illegal moves fail.

    Example: fieldapp findings transition 019a... escalated --note 县安委会挂牌督办
    """
    from fieldapp.services import findings

    row = findings.transition_finding(obj.ws, finding_id, status, deadline=deadline, note=note, void_reason=note,
                                      referred_to=note).value
    emit({"id": row["id"], "status": row["status"], "deadline": row["deadline"]}, as_json,
         lambda d: click.echo(f"Finding {d['id']} is now {labels.finding_status(d['status'])}"))


@findings_group.command("attach")
@click.argument("finding_id")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--caption", default=None, help="Caption for the attached files.")
@json_option
@click.pass_obj
def findings_attach(obj: Context, finding_id: str, files: tuple[Path, ...], caption: str | None,
                    as_json: bool) -> None:
    """Attach photos, body-camera video or audio to a finding (all files or none).

    Example: fieldapp findings attach 019a... IMG_0001.jpg 执法记录仪.mp4 --caption 配电箱
    """
    from fieldapp.services import evidence

    rows = evidence.attach(obj.ws, finding_id=finding_id, paths=list(files), caption=caption).value
    emit(rows, as_json, lambda r: table(r, [("kind", "Kind"), ("original_name", "File"), ("sha256", "SHA-256"),
                                            ("captured_at", "Captured")]))


@main.group("evidence")
def evidence_group() -> None:
    """Stored evidence files (photos, video, audio)."""


@evidence_group.command("list")
@click.option("--finding", "finding_id", default=None)
@click.option("--inspection", "inspection_id", default=None)
@json_option
@click.pass_obj
def evidence_list(obj: Context, finding_id: str | None, inspection_id: str | None, as_json: bool) -> None:
    """List evidence, optionally of one finding or inspection.

    Example: fieldapp evidence list --finding 019a... --json
    """
    from fieldapp.services import evidence

    rows = evidence.list_for(obj.ws, finding_id=finding_id, inspection_id=inspection_id)
    emit(rows, as_json, lambda r: table(r, [("kind", "Kind"), ("original_name", "File"),
                                            ("captured_at", "Captured"), ("caption", "Caption")]))


@evidence_group.command("verify")
@json_option
@click.pass_obj
def evidence_verify(obj: Context, as_json: bool) -> None:
    """Re-hash every stored evidence file; exit 1 naming any file that changed or is missing.

    Example: fieldapp evidence verify
    """
    from fieldapp.services import evidence

    checked, problems = evidence.verify(obj.ws)
    data = {"checked": checked, "ok": not problems, "problems": [p.__dict__ for p in problems]}
    emit(data, as_json, lambda d: click.echo(f"{d['checked']} files checked"))
    if problems:
        for p in problems:
            click.echo(f"{p.problem}: {p.path}", err=True)
        raise FieldappError(f"{len(problems)} evidence file(s) modified or missing: {problems[0].path}",
                            f"{len(problems)} 个证据文件被修改或缺失")


@evidence_group.command("watermark")
@click.argument("evidence_id")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.pass_obj
def evidence_watermark(obj: Context, evidence_id: str, out: Path) -> None:
    """Write a copy of a photo with time, place, enterprise and inspectors burned in.

    Example: fieldapp evidence watermark 019a... --out 水印照片.jpg
    """
    from fieldapp.services import evidence

    out.write_bytes(evidence.watermark(obj.ws, evidence_id))
    click.echo(f"Watermarked copy written: {out}")


# -- notices -----------------------------------------------------------------------------------

