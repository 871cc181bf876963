"""Enforcement documents and their number blocks."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from fieldapp.cli import labels
from fieldapp.cli.base import Context, emit, json_option, main, table
from fieldapp.cli.labels import labelled
from fieldapp.errors import FieldappError
from fieldapp.services.vocabulary import DocType


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

    rows = svc.list_documents(obj.ws, status=status, query=search)
    emit(rows, as_json, lambda r: table(labelled(r, type=labels.doc_type_title, status=labels.doc_status),
                                        [("number", "Number"), ("type", "Type"), ("status", "Status"),
                                         ("enterprise_name", "Enterprise"), ("issued_at", "Issued")]))


@notices.command("export")
@click.argument("document_id", metavar="DOCUMENT")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.pass_obj
def notices_export(obj: Context, document_id: str, out: Path) -> None:
    """Write the issued, signed PDF of a document (by id or number), checked against its recorded hash.

    Example: fieldapp notices export 示应急责改〔2026〕15号 --out 责改15号.pdf
    """
    from fieldapp.services import notices as svc

    svc.export_pdf(obj.ws, document_id, out)
    click.echo(f"Exported to {out}")


@notices.command("void")
@click.argument("document_id", metavar="DOCUMENT")
@click.option("--reason", required=True, help="Why the document is voided (作废原因).")
@json_option
@click.pass_obj
def notices_void(obj: Context, document_id: str, reason: str, as_json: bool) -> None:
    """Void an issued document (by id or number); a correction is then issued as a new document.

    Example: fieldapp notices void 示应急责改〔2026〕15号 --reason 单位名称有误
    """
    from fieldapp.services import notices as svc

    row = svc.void_document(obj.ws, document_id, reason).value
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
    from fieldapp.services import verification

    if (file is None) == (qr_text is None):
        raise FieldappError("give either a PDF file or --qr TEXT", "请提供 PDF 文件或二维码文本之一")
    check = verification.verify_file(obj.ws, file) if file is not None else verification.verify_qr(obj.ws, qr_text or "")
    data = {
        "valid": check.valid,
        "reasons": [r.en for r in check.reasons], "reasons_zh": [r.zh for r in check.reasons],
        "notes": [r.en for r in check.notes], "signer": check.signer, "key_id": check.key_id,
        "number": check.payload.number if check.payload else None, "demo": check.demo,
        "title": check.payload.kind.title_zh if check.payload else None,
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


# -- numbers --------------------------------------------------------------------------------

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
    from fieldapp.services import numbers as svc

    rows = svc.list_blocks(obj.ws)
    emit(rows, as_json, lambda r: table(labelled(r, doc_type=labels.doc_type),
                                        [("year", "Year"), ("doc_type", "Type"), ("first_serial", "First"),
                                         ("last_serial", "Last"), ("remaining", "Remaining")]))


@numbers.command("assign")
@click.option("--type", "doc_type", required=True, help=", ".join(DocType) + ".")
@click.option("--year", type=int, default=lambda: date.today().year)
@click.option("--first", type=click.IntRange(1), required=True)
@click.option("--last", type=click.IntRange(1), required=True)
@json_option
@click.pass_obj
def numbers_assign(obj: Context, doc_type: str, year: int, first: int, last: int, as_json: bool) -> None:
    """Assign a block of serials to this device (a standalone office; enrolled devices get blocks by sync).

    Example: fieldapp numbers assign --type rectification_order --first 1 --last 100
    """
    from fieldapp.services import numbers as svc

    row = svc.assign_block(obj.ws, doc_type=doc_type, year=year, first=first, last=last).value
    emit(row, as_json, lambda r: click.echo(
        f"Assigned {labels.doc_type(r['doc_type'])} {r['year']} serials {first}-{last}"))


