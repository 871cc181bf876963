"""Checking a notice offline (核验): a PDF file or a scanned QR text, against the keys this database knows
(``fieldapp.sync.identity``) and its records (voided? replaced? the content hash it was issued with?)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.errors import FieldappError
from fieldapp.sync import identity
from fieldapp.workspace import Workspace

if TYPE_CHECKING:  # the verifier pulls in pdfium, zxing and pyHanko: loaded when a notice is checked
    from fieldapp.documents.verify import NoticeCheck


def record_lookup(ws: Workspace) -> Callable[[str], dict[str, Any] | None]:
    """The record of an issued notice by its number, as the verifier compares it."""
    def lookup(number: str) -> dict[str, Any] | None:
        rows = ws.store.query(
            "SELECT d.id, d.status, d.void_reason, d.content_sha256, e.uscc FROM documents d"
            " JOIN enterprises e ON e.id = d.enterprise_id WHERE d.number = ? AND d.status != 'draft'", (number,))
        if not rows:
            return None
        row = rows[0]
        replaced = ws.store.scalar("SELECT number FROM documents WHERE replaces_id = ? AND status = 'issued'",
                                   (row["id"],))
        return {"status": row["status"], "void_reason": row["void_reason"], "content_hash": row["content_sha256"],
                "uscc": row["uscc"], "replaced_by": replaced}

    return lookup


def verify_file(ws: Workspace, path: Path) -> NoticeCheck:
    """Verify a notice's PDF: QR signature, printed text, stored record and PDF signature."""
    from fieldapp.documents.verify import verify_pdf

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise FieldappError(f"cannot read {path}: {exc.strerror}", f"无法读取文件 {path}：{exc.strerror}") from exc
    return verify_pdf(data, identity.known_keys(ws), identity.trust_roots(ws), record_lookup(ws))


def verify_qr(ws: Workspace, text: str) -> NoticeCheck:
    """Verify a scanned QR text: its signature and the stored record."""
    from fieldapp.documents.verify import verify_qr_text

    return verify_qr_text(text, identity.known_keys(ws), record_lookup(ws))
