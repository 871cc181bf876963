"""The content-addressed file stores of a data directory — evidence (photos, video, audio) and documents
(signed PDFs) — checked and cleaned as one: every file a record names is re-hashed, and a file no record names
is removed only by `doctor --gc`.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.photos.blobstore import BlobStore, data_store
from fieldapp.workspace import Workspace

STORES = ("evidence", "documents")


@dataclass(frozen=True)
class Mismatch:
    store: str
    sha256: str
    path: str
    problem: str  # "modified" or "missing"


def stores(ws: Workspace) -> dict[str, BlobStore]:
    return {name: data_store(ws.data_dir, name) for name in STORES}


def referenced(ws: Workspace) -> dict[str, set[str]]:
    """The hashes records name, per store (an original photo only while it is kept)."""
    evidence: set[str] = set()
    for sha, thumb, original, kept in ws.store.conn.execute(
            "SELECT sha256, thumb_sha256, original_sha256, original_kept FROM evidence"):
        evidence.add(sha)
        if thumb:
            evidence.add(thumb)
        if kept and original:
            evidence.add(original)
    pdfs = {r[0] for r in ws.store.conn.execute("SELECT pdf_sha256 FROM documents WHERE pdf_sha256 IS NOT NULL")}
    return {"evidence": evidence, "documents": pdfs}


def verify(ws: Workspace) -> tuple[int, list[Mismatch]]:
    """Re-hash every stored file a record names, in both stores (loose files and the pack of small ones)."""
    problems: list[Mismatch] = []
    checked = 0
    refs = referenced(ws)
    for name, bs in stores(ws).items():
        for sha in sorted(refs[name]):
            checked += 1
            path = bs.path_for(sha)
            where = str(path) if path.exists() or not bs.exists(sha) else f"{bs.root / 'pack.sqlite3'}#{sha}"
            if not bs.exists(sha):
                problems.append(Mismatch(name, sha, where, "missing"))
            elif not bs.verify(sha):
                problems.append(Mismatch(name, sha, where, "modified"))
    return checked, problems


def collect_garbage(ws: Workspace) -> int:
    """Remove stored files no record names (and stale temporary files) from both stores; returns how many."""
    removed = 0
    refs = referenced(ws)
    for name, bs in stores(ws).items():
        removed += bs.cleanup_temp()
        for sha in list(bs.iter_hashes()):
            if sha not in refs[name] and bs.remove(sha):
                removed += 1
    return removed
