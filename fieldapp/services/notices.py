"""The notices on file (执法文书): find them, open one, its stored PDF (checked against its recorded hash),
save a copy, void one. Drafting is in ``drafts``, issuing in ``issuing``, checking a paper copy in
``verification``.

An issued notice never changes; a correction voids it, and the new notice drafted to replace it names it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from fieldapp.errors import FieldappError, ValidationError
from fieldapp.fileio import atomic_write
from fieldapp.models import documents
from fieldapp.models.store import Row
from fieldapp.photos.blobstore import BlobStore, data_store
from fieldapp.services.changes import Done, Entity, changed
from fieldapp.workspace import Workspace


def pdf_store(ws: Workspace) -> BlobStore:
    """Where the signed PDFs are kept, by their SHA-256."""
    return data_store(ws.data_dir, "documents")


def list_documents(ws: Workspace, *, status: str | None = None, enterprise_id: str | None = None,
                   doc_type: str | None = None, query: str | None = None) -> list[Row]:
    """Notices newest first; ``query`` finds them by enterprise name or USCC, number, serial or type name."""
    return documents.list_documents(ws.store, status=status, enterprise_id=enterprise_id, doc_type=doc_type,
                                    query=query)


def get_document(ws: Workspace, document_id: str) -> Row:
    return documents.get(ws.store, document_id)


def void_document(ws: Workspace, document_id: str, reason: str) -> Done[Row]:
    """Void an issued notice (the reason is required and kept); its replacement is drafted anew."""
    row = documents.void(ws.store, document_id, reason)
    return Done(row, changed(Entity.DOCUMENTS, ids=[document_id]))


def document_pdf(ws: Workspace, document_id: str) -> bytes:
    """The signed PDF of an issued (or voided) notice, refused if the stored file no longer matches its hash."""
    doc = documents.get(ws.store, document_id)
    if doc["status"] == "draft" or not doc.get("pdf_sha256"):
        raise ValidationError("the document has not been issued yet", "文书尚未签发")
    store = pdf_store(ws)
    if not store.exists(doc["pdf_sha256"]):
        raise FieldappError(f"the PDF of {doc['number']} is missing from the data directory",
                            f"文书 {doc['number']} 的 PDF 文件缺失")
    data = store.read_bytes(doc["pdf_sha256"])
    if hashlib.sha256(data).hexdigest() != doc["pdf_sha256"]:
        raise FieldappError(f"the stored PDF of {doc['number']} has been altered",
                            f"文书 {doc['number']} 的存档 PDF 已被改动")
    return data


def export_pdf(ws: Workspace, document_id: str, out: Path) -> Path:
    """Save a copy of the signed PDF to ``out`` (the stored file is checked first)."""
    return atomic_write(out, document_pdf(ws, document_id))
