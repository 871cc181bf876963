"""fieldapp command line: a thin layer over the same service functions the desktop UI calls.

Every listing takes --json. Exit 0 on success; on failure one line "Error: …" and a non-zero exit,
never a traceback (unexpected errors are logged with their traceback in the data directory).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import click

from fieldapp import cli_labels as labels
from fieldapp import paths
from fieldapp.cli_labels import labelled
from fieldapp.errors import FieldappError
from fieldapp.workspace import Workspace, setup_logging

log = logging.getLogger("fieldapp.cli")


class Context:
    def __init__(self, data_dir: Path, *, explicit: bool = False) -> None:
        self.data_dir = data_dir
        self.explicit = explicit  # given with --data-dir (not from the environment or the default)
        self._ws: Workspace | None = None

    @property
    def ws(self) -> Workspace:
        if self._ws is None:
            self._ws = Workspace.open(self.data_dir)
        return self._ws

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()


class SafeGroup(click.Group):
    """Turns every failure into one line on stderr and a non-zero exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FieldappError as exc:
            click.echo(f"Error: {exc.en}", err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:
            # The reader went away (e.g. `| head`): nothing left to tell anyone.
            sys.stderr.close()
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("Error: interrupted; nothing was changed by the unfinished step", err=True)
            ctx.exit(130)
        except Exception as exc:
            log.exception("internal error")
            where = paths.log_path(ctx.obj.data_dir) if isinstance(ctx.obj, Context) else "the log"
            click.echo(f"Error: internal error ({type(exc).__name__}: {exc}); details in {where}", err=True)
            ctx.exit(2)
        finally:
            if isinstance(ctx.obj, Context):
                ctx.obj.close()


def emit(data: Any, as_json: bool, human: Callable[[Any], None]) -> None:
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        human(data)


def table(rows: Iterable[dict[str, Any]], columns: list[tuple[str, str]]) -> None:
    rows = list(rows)
    if not rows:
        click.echo("(none)")
        return
    text = [[("" if r.get(k) is None else str(r.get(k))) for k, _ in columns] for r in rows]

    def width(s: str) -> int:
        import unicodedata

        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    widths = [max(width(h), *(width(t[i]) for t in text)) for i, (_, h) in enumerate(columns)]
    click.echo("  ".join(h + " " * (w - width(h)) for (_, h), w in zip(columns, widths, strict=True)))
    for t in text:
        click.echo("  ".join(c + " " * (w - width(c)) for c, w in zip(t, widths, strict=True)).rstrip())


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


@click.group(cls=SafeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Data directory (default: $FIELDAPP_DATA_DIR, else the per-user data directory).")
@click.version_option(package_name="fieldapp")
@click.pass_context
def main(ctx: click.Context, data_dir: Path | None) -> None:
    """fieldapp — offline field inspection for township work-safety inspectors.

    Example: fieldapp --data-dir ./data demo --enterprises 600
    """
    resolved = paths.resolve_data_dir(data_dir)
    setup_logging(resolved)
    ctx.obj = Context(resolved, explicit=data_dir is not None)


@main.command()
@json_option
@click.pass_obj
def init(obj: Context, as_json: bool) -> None:
    """Create (or upgrade) the database in the data directory.

    Example: fieldapp --data-dir ./data init
    """
    store = obj.ws.store
    data = {"data_dir": str(obj.data_dir), "database": str(store.path), "schema_version": store.schema_version,
            "device_id": store.device_id}
    emit(data, as_json, lambda d: click.echo(f"Database ready: {d['database']} (schema {d['schema_version']})"))


@main.command()
@click.option("--enterprises", "count", type=click.IntRange(1, 1_000_000), default=600, show_default=True,
              help="How many enterprises to generate.")
@click.option("--seed", type=int, default=20261123, show_default=True, help="Random seed (same seed, same county).")
@click.option("--visits", type=click.IntRange(0, 200), default=6, show_default=True,
              help="Visits with photos, signatures and issued notices.")
@json_option
@click.pass_obj
def demo(obj: Context, count: int, seed: int, visits: int, as_json: bool) -> None:
    """Fill an empty database with a realistic demo county, including issued notices.

    Example: fieldapp demo --enterprises 100000 --seed 7
    """
    from fieldapp.models import demo as demo_mod
    from fieldapp.services import demo_visits
    from fieldapp.sync import identity

    if identity.role(obj.ws.store) == "device":
        # An enrolled device already has the office's registry: demo field work goes on top of it.
        result = demo_mod.fill_field_work(obj.ws.store, seed=seed)
    else:
        result = demo_mod.fill(obj.ws.store, enterprises_count=count, seed=seed)
    recorded = demo_visits.add_visits(obj.ws, count=visits, seed=seed)
    data = dict(result.__dict__, visits=len(recorded),
                notices=sum(len(v["documents"]) for v in recorded))
    emit(data, as_json, lambda r: click.echo(
        f"Demo county created: {r['townships']} townships, {r['enterprises']} enterprises, "
        f"{r['inspectors']} inspectors, {r['inspections']} inspections, {r['findings']} findings, "
        f"{r['notices']} notices issued (seed {r['seed']})"))


# -- enterprises -------------------------------------------------------------------------------

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
    from fieldapp.services import first_start

    report = first_start.import_registry(obj.ws, file, skip_invalid=skip_invalid)
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
    from fieldapp.models import search

    rows = search.search(obj.ws.store.conn, query, limit=limit)
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
    from fieldapp.models import enterprises as ent

    rows = ent.page(obj.ws.store, offset, limit)
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
    from fieldapp.models import areas, findings, inspections, lifecycle
    from fieldapp.models import enterprises as ent

    store = obj.ws.store
    row = ent.find(store, ref)
    data = ent.display(row, areas.township_names(store))
    data["inspections"] = inspections.list_inspections(store, enterprise_id=row["id"])
    data["open_findings"] = [f for f in findings.list_findings(store, enterprise_id=row["id"])
                             if f["status"] in lifecycle.OPEN_STATES]

    def human(d: dict[str, Any]) -> None:
        for f in ent.FIELDS:
            key = f.column
            value = d.get(key)
            if key == "tags":
                value = "、".join(d["tags"])
            if key == "uscc" and not value:
                value = ent.NO_USCC_ZH
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
    from fieldapp.models.enterprises import NO_USCC_ZH
    from fieldapp.services import enterprises as service

    row = service.add_enterprise(obj.ws, {
        "name": name, "address": address, "uscc": uscc, "township": township, "industry": industry,
        "legal_representative": legal_representative, "phone": phone}, confirm_uscc=confirm_uscc)

    def human(r: dict[str, Any]) -> None:
        click.echo(f"Registered {r['name']} ({r['uscc'] or NO_USCC_ZH}), id {r['id']}")
        if r["uscc_warning"]:
            click.echo(f"warning: {r['uscc_warning']}")

    emit(row, as_json, human)


# -- inspections & findings --------------------------------------------------------------------

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
    from fieldapp.models import enterprises as ent
    from fieldapp.models import inspections

    store = obj.ws.store
    enterprise_id = ent.find(store, enterprise_ref)["id"] if enterprise_ref else None
    rows = inspections.list_inspections(store, enterprise_id=enterprise_id, limit=limit)
    for r in rows:
        r["officer_ids"] = json.loads(r["officer_ids"])
    emit(rows, as_json, lambda r: table(r, [("started_at", "Started"), ("enterprise_name", "Enterprise"),
                                            ("type", "Type"), ("status", "Status"), ("findings", "Findings")]))


@inspections_group.command("show")
@click.argument("inspection_id")
@json_option
@click.pass_obj
def inspections_show(obj: Context, inspection_id: str, as_json: bool) -> None:
    """Show one inspection with its officers and findings.

    Example: fieldapp inspections show 019a...
    """
    from fieldapp.models import audit, findings, inspections

    store = obj.ws.store
    row = inspections.get(store, inspection_id)
    data = dict(row)
    data["officer_ids"] = json.loads(row["officer_ids"])
    data["officers"] = [{"id": o["id"], "name": o["name"], "certificate_no": o["certificate_no"]}
                        for o in inspections.officers(store, row)]
    data["enterprise"] = store.get("enterprises", row["enterprise_id"])
    data["findings"] = findings.list_findings(store, inspection_id=inspection_id)
    data["log"] = audit.history(store, "inspections", inspection_id)

    def human(d: dict[str, Any]) -> None:
        click.echo(f"{d['enterprise']['name']} — {d['type']} — {d['started_at']} ({d['status']})")
        click.echo("officers: " + ", ".join(f"{o['name']} ({o['certificate_no']})" for o in d["officers"]))
        table(labelled(d["findings"], grade=labels.grade, status=labels.finding_status),
              [("grade", "Grade"), ("status", "Status"), ("deadline", "Deadline"), ("description", "Finding")])

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

    result = visits.record(obj.ws, visit_file)
    data = result.as_dict()

    def human(d: dict[str, Any]) -> None:
        click.echo(f"Inspection {d['inspection_id']}: {len(d['findings'])} finding(s), "
                   f"{len(d['evidence'])} evidence file(s)")
        for doc in d["documents"]:
            click.echo(f"issued {labels.doc_type_title(doc['type'])} {doc['number']}: {doc['pdf']}")
        for w in d["warnings"]:
            click.echo(f"warning: {w}", err=True)

    emit(data, as_json, human)


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
    from fieldapp.models import enterprises as ent
    from fieldapp.models import findings

    store = obj.ws.store
    enterprise_id = ent.find(store, enterprise_ref)["id"] if enterprise_ref else None
    rows = findings.list_findings(store, status=status, overdue=overdue, enterprise_id=enterprise_id)
    emit(rows, as_json, lambda r: table(labelled(r, grade=labels.grade, status=labels.finding_status),
                                        [("enterprise_name", "Enterprise"), ("grade", "Grade"),
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
    from fieldapp.models import findings

    row = findings.transition(obj.ws.store, finding_id, status, deadline=deadline, note=note, void_reason=note,
                              referred_to=note)
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

    rows = evidence.attach(obj.ws, finding_id=finding_id, paths=list(files), caption=caption)
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

@main.group()
def notices() -> None:
    """Enforcement documents (执法文书): list, export, void, verify."""


@notices.command("list")
@click.option("--status", type=click.Choice(["draft", "issued", "voided"]), default=None)
@click.option("--search", default=None, help="Words in the enterprise's name or USCC, the number or type.")
@json_option
@click.pass_obj
def notices_list(obj: Context, status: str | None, search: str | None, as_json: bool) -> None:
    """List documents, newest first.

    Example: fieldapp notices list --status issued --search "宏达 责改" --json
    """
    from fieldapp.services import notices as svc

    rows = svc.list_notices(obj.ws, status=status, query=search)
    emit(rows, as_json, lambda r: table(labelled(r, type=labels.doc_type_title, status=labels.doc_status),
                                        [("number", "Number"), ("type", "Type"), ("status", "Status"),
                                         ("enterprise_name", "Enterprise"), ("issued_at", "Issued")]))


@notices.command("export")
@click.argument("document_id")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.pass_obj
def notices_export(obj: Context, document_id: str, out: Path) -> None:
    """Write the issued, signed PDF of a document (checked against its recorded hash).

    Example: fieldapp notices export 019a... --out 责改15号.pdf
    """
    from fieldapp.services import notices as svc

    svc.export_pdf(obj.ws, document_id, out)
    click.echo(f"Exported to {out}")


@notices.command("void")
@click.argument("document_id")
@click.option("--reason", required=True, help="Why the document is voided (作废原因).")
@json_option
@click.pass_obj
def notices_void(obj: Context, document_id: str, reason: str, as_json: bool) -> None:
    """Void an issued document; a correction is then issued as a new document that references it.

    Example: fieldapp notices void 019a... --reason 单位名称有误
    """
    from fieldapp.services import notices as svc

    row = svc.void(obj.ws, document_id, reason)
    emit({"id": row["id"], "number": row["number"], "type": row["doc_type"], "status": row["status"]}, as_json,
         lambda d: click.echo(f"Voided {labels.doc_type_title(d['type'])} {d['number']}"))


@notices.command("verify")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--qr", "qr_text", default=None, help="Verify a scanned QR text instead of a PDF file.")
@json_option
@click.pass_obj
def notices_verify(obj: Context, file: Path | None, qr_text: str | None, as_json: bool) -> None:
    """Verify a notice offline: QR signature, text, stored record and PDF signature; exit 1 if invalid.

    Example: fieldapp notices verify 责改15号.pdf
    """
    from fieldapp.services import notices as svc

    if (file is None) == (qr_text is None):
        raise FieldappError("give either a PDF file or --qr TEXT", "请提供 PDF 文件或二维码文本之一")
    check = svc.verify_qr(obj.ws, qr_text) if qr_text is not None else svc.verify_file(obj.ws, file)  # type: ignore[arg-type]
    data = {
        "valid": check.valid,
        "reasons": [r.en for r in check.reasons], "reasons_zh": [r.zh for r in check.reasons],
        "notes": [r.en for r in check.notes], "signer": check.signer, "key_id": check.key_id,
        "number": check.payload.number if check.payload else None, "demo": check.demo,
        "title": str(check.payload.kind.value) if check.payload else None,
        "pdf_signature": None if check.signature is None else {
            "valid": check.signature.valid, "intact": check.signature.intact, "signer": check.signature.signer},
    }

    def human(d: dict[str, Any]) -> None:
        click.echo(("VALID" if d["valid"] else "INVALID") + (f": {d['title']} {d['number']}" if d["number"] else ""))
        if d["demo"]:
            click.echo("DEMO DOCUMENT, NO LEGAL EFFECT (演示文书，无法律效力)")
        if d["signer"]:
            click.echo(f"signed by: {d['signer']}; file unmodified: {bool(d['pdf_signature'] and d['pdf_signature']['intact'])}")
        for r in d["reasons"]:
            click.echo(f"reason: {r}")
        for n in d["notes"]:
            click.echo(f"note: {n}")

    emit(data, as_json, human)
    if not check.valid:
        raise FieldappError("the notice is not valid: " + "; ".join(r.en for r in check.reasons),
                            "文书核验未通过：" + "；".join(r.zh for r in check.reasons))


# -- sync ------------------------------------------------------------------------------------

def _progress(as_json: bool) -> Any:
    if as_json or not sys.stderr.isatty():
        return None

    def show(stage: str, done: int, total: int) -> None:
        click.echo(f"\r{stage}: {done}/{total}", nl=False, err=True)
        if done >= total:
            click.echo("", err=True)

    return show


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

    result = exchange.export(obj.ws, to=to, out=out, progress=_progress(as_json))
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

    result = exchange.import_bundle(obj.ws, file, progress=_progress(as_json))
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

    data = service.link_enterprises(obj.ws, device_record, office_record)
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
    from fieldapp.models import checklists as cl

    rows = cl.library(obj.ws.store, include_retired=include_retired)
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
    from fieldapp.models import checklist_format as fmt
    from fieldapp.models import checklists as cl

    template = cl.get(obj.ws.store, template_id, version)

    def human(t: dict[str, Any]) -> None:
        click.echo(f"{t['title']} ({t['id']} v{t['version']}, {fmt.item_count(t)} items, {t['status']})")
        for section in t["sections"]:
            click.echo(f"\n{section['title']}")
            for it in section["items"]:
                flag = " [重大]" if it["major"] else ""
                click.echo(f"  {it['code']}{flag} {it['check']}\n      依据：{fmt.basis_text(it)}")

    emit(template, as_json, human)


@checklists.command("validate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
def checklists_validate(file: Path, as_json: bool) -> None:
    """Check a template file (JSON or XLSX) without importing it; exit 1 with row-level reasons.

    Example: fieldapp checklists validate 新检查表.xlsx
    """
    from fieldapp.models import checklist_format as fmt

    try:
        template = fmt.read_file(file)
    except fmt.TemplateInvalid as exc:
        if as_json:
            emit({"valid": False, "problems": [p.as_dict() for p in exc.problems]}, True, print)
        else:
            for p in exc.problems:
                click.echo(str(p), err=True)
        raise FieldappError(f"{len(exc.problems)} problem(s) in {file.name}",
                            f"{file.name} 中有 {len(exc.problems)} 处错误") from None
    data = {"valid": True, "id": template["id"], "version": template["version"],
            "items": fmt.item_count(template), "content_hash": fmt.content_hash(template)}
    emit(data, as_json, lambda d: click.echo(f"valid: {d['id']} v{d['version']}, {d['items']} items"))


@checklists.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
@click.pass_obj
def checklists_import(obj: Context, file: Path, as_json: bool) -> None:
    """Add a template version to the library from JSON or XLSX (a changed template needs a higher version).

    Example: fieldapp checklists import gongmao-general.xlsx
    """
    from fieldapp.models import checklist_format as fmt
    from fieldapp.models import checklists as cl

    try:
        result = cl.import_template(obj.ws.store, file)
    except fmt.TemplateInvalid as exc:
        for p in exc.problems:
            click.echo(str(p), err=True)
        raise
    emit(result.__dict__, as_json, lambda r: click.echo(
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
    from fieldapp.models import checklist_format as fmt
    from fieldapp.models import checklists as cl

    template = cl.get(obj.ws.store, template_id, version)
    if out.suffix.lower() == ".json":
        data = (json.dumps(template, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        data = fmt.to_xlsx(template)
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(out)
    click.echo(f"Exported {template_id} v{template['version']} to {out}")


# -- numbers, settings -------------------------------------------------------------------------

@main.group()
def numbers() -> None:
    """Document-number blocks (文书编号段)."""


@numbers.command("list")
@json_option
@click.pass_obj
def numbers_list(obj: Context, as_json: bool) -> None:
    """List number blocks and how many serials remain.

    Example: fieldapp numbers list
    """
    from fieldapp.models import numbering

    rows = numbering.list_blocks(obj.ws.store)
    emit(rows, as_json, lambda r: table(labelled(r, doc_type=labels.doc_type),
                                        [("year", "Year"), ("doc_type", "Type"), ("first_serial", "First"),
                                         ("last_serial", "Last"), ("remaining", "Remaining")]))


@numbers.command("assign")
@click.option("--type", "doc_type", required=True, help="inspection_record, rectification_order, "
                                                        "reinspection_opinion or onsite_measures.")
@click.option("--year", type=int, default=lambda: date.today().year)
@click.option("--first", type=click.IntRange(1), required=True)
@click.option("--last", type=click.IntRange(1), required=True)
@json_option
@click.pass_obj
def numbers_assign(obj: Context, doc_type: str, year: int, first: int, last: int, as_json: bool) -> None:
    """Assign a block of serials to this device (a standalone office; enrolled devices get blocks by sync).

    Example: fieldapp numbers assign --type rectification_order --first 1 --last 100
    """
    from fieldapp.models import numbering

    row = numbering.assign_block(obj.ws.store, doc_type=doc_type, year=year, first=first, last=last)
    emit(row, as_json, lambda r: click.echo(
        f"Assigned {labels.doc_type(r['doc_type'])} {r['year']} serials {first}-{last}"))


@main.group("settings")
def settings_group() -> None:
    """Settings (issuing unit, numbering, authorities in the rights notice…)."""


@settings_group.command("show")
@json_option
@click.pass_obj
def settings_show(obj: Context, as_json: bool) -> None:
    """Show all settings.

    Example: fieldapp settings show --json
    """
    from fieldapp.models import settings

    values = settings.all_settings(obj.ws.store)
    def human(v: dict[str, Any]) -> None:
        for k, x in v.items():
            click.echo(f"{k} = {json.dumps(x, ensure_ascii=False)}")

    emit(values, as_json, human)


@settings_group.command("set")
@click.argument("key")
@click.argument("value")
@click.pass_obj
def settings_set(obj: Context, key: str, value: str) -> None:
    """Change one setting.

    Example: fieldapp settings set issuing_unit 梁山县应急管理局
    """
    from fieldapp.models import settings

    settings.set_value(obj.ws.store, key, value)
    click.echo(f"{key} = {json.dumps(settings.get(obj.ws.store, key), ensure_ascii=False)}")


# -- maintenance -------------------------------------------------------------------------------

@main.command()
@json_option
@click.pass_obj
def stats(obj: Context, as_json: bool) -> None:
    """Counts, 整改率 (rectification rate) and figures by township and industry.

    Example: fieldapp stats --json
    """
    from fieldapp.models import stats as stats_mod

    data = stats_mod.summary(obj.ws.store)

    def human(d: dict[str, Any]) -> None:
        for key in ("enterprises", "inspections", "findings", "documents", "evidence"):
            click.echo(f"{key}: {d[key]}")
        rate = d["整改率"]
        click.echo(f"整改率 (rectification rate): {'-' if rate is None else f'{rate:.1%}'}")
        click.echo(f"overdue findings: {d['findings_overdue']}")
        table(d["by_township"], [("name", "Township"), ("findings", "Findings"), ("resolved", "Resolved"),
                                 ("overdue", "Overdue"), ("整改率", "Rate")])

    emit(data, as_json, human)


@main.command()
@click.option("--gc", "collect", is_flag=True, help="Also remove stored files that no record uses any more.")
@json_option
@click.pass_obj
def doctor(obj: Context, collect: bool, as_json: bool) -> None:
    """Check database integrity, foreign keys and the audit chain; exit 1 on any problem.

    Example: fieldapp doctor --gc
    """
    from fieldapp.models import doctor as doctor_mod

    report = doctor_mod.run(obj.ws.store)
    if collect and report.ok:
        from fieldapp.services import evidence

        removed = evidence.gc(obj.ws)
        report.add("gc", True, f"{removed} unreferenced file(s) removed", f"已清理 {removed} 个无引用文件")
    def human(d: dict[str, Any]) -> None:
        for c in d["checks"]:
            click.echo(f"{'ok  ' if c['ok'] else 'FAIL'} {c['check']}: {c['detail']}")

    emit({"ok": report.ok, "checks": report.checks}, as_json, human)
    if not report.ok:
        failed = next(c for c in report.checks if not c["ok"])
        raise FieldappError(f"{failed['check']}: {failed['detail']}", failed["detail_zh"])


@main.command()
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Backup file (default: a new file in the data directory's backups folder).")
@json_option
@click.pass_obj
def backup(obj: Context, out: Path | None, as_json: bool) -> None:
    """Write a consistent copy of the database (safe while the app is running).

    Example: fieldapp backup --out E:/fieldapp-2026-11-23.sqlite3
    """
    from fieldapp.models import backup as backup_mod

    if out is None:
        path = backup_mod.automatic_backup(obj.ws.store, obj.ws.backups_dir, keep=10_000, reason="manual")
    else:
        path = backup_mod.backup_to(obj.ws.store, out)
    emit({"backup": str(path)}, as_json, lambda d: click.echo(f"Backup written: {d['backup']}"))


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
@click.pass_obj
def restore(obj: Context, file: Path, as_json: bool) -> None:
    """Replace the database with a backup (the current one is kept as a safety backup first).

    Example: fieldapp restore backups/fieldapp-20261123-080000-auto.sqlite3
    """
    from fieldapp.models import backup as backup_mod

    safety = backup_mod.restore_from(obj.ws.store, file, obj.ws.backups_dir)
    emit({"restored": str(file), "safety_backup": str(safety)}, as_json,
         lambda d: click.echo(f"Restored from {d['restored']}; the previous database was saved as {d['safety_backup']}"))


@main.command()
@click.option("--demo", "demo_county", is_flag=True,
              help="Open the demo county in its own demo directory (created on first use), marked 演示数据; "
                   "with --data-dir, in that directory.")
@click.option("--quit-when-ready", is_flag=True,
              help="Print 'ready' and quit once the window is up (a start-up check).")
@click.pass_obj
def gui(obj: Context, demo_county: bool, quit_when_ready: bool) -> None:
    """Start the desktop application (an empty data directory opens on the first-start screen).

    Example: fieldapp gui --demo
    """
    from fieldapp import qtlibs

    data_dir = obj.data_dir
    if demo_county:
        from fieldapp.services import first_start

        # $FIELDAPP_DATA_DIR names the real data: only an explicit --data-dir moves the demo.
        data_dir = obj.data_dir if obj.explicit else paths.demo_data_dir()
        with Workspace.open(data_dir) as ws:
            first_start.check_demo_dir(ws)
    if qtlibs.will_use_xcb():
        absent = qtlibs.missing()
        if absent:
            # Qt would abort with "no Qt platform plugin could be initialized" and no hint why.
            raise FieldappError(
                "Qt's X11 platform plugin cannot load: missing " + ", ".join(absent) + "; install them with: "
                "sudo apt-get install " + " ".join(qtlibs.packages_for(absent)),
                "缺少 Qt 图形界面所需的系统库：" + "、".join(absent))
    from fieldapp.ui.app import run

    sys.exit(run(data_dir, demo=demo_county, quit_when_ready=quit_when_ready))


if __name__ == "__main__":  # pragma: no cover
    main()
