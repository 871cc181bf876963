"""Evidence (证据): photos, body-camera video and audio attached to findings or inspections.

Order of work, so that nothing is half-stored: every file is checked and photos are processed in memory
first (a bad file stops the whole batch before anything is written); then the files go into the
content-addressed store (each written to a temporary file and renamed); then one transaction adds the
rows. A crash after the files but before the rows leaves unreferenced files, which `doctor --gc`
removes; a row never points at a missing file.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from fieldapp.errors import FieldappError, ValidationError
from fieldapp.models import settings
from fieldapp.models.store import Row
from fieldapp.photos.blobstore import BlobStore, data_store
from fieldapp.photos.ingest import ProcessedImage, ingest_image
from fieldapp.photos.media import MediaKind, classify
from fieldapp.services.changes import Done, Entity, changed
from fieldapp.workspace import Workspace


def blobs(ws: Workspace) -> BlobStore:
    return data_store(ws.data_dir, "evidence")


@dataclass
class _Prepared:
    source: Path
    kind: str
    image: ProcessedImage | None = None
    mime: str | None = None
    captured_at: str | None = None


def _file_time(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime).isoformat(timespec="seconds")


def _prepare(ws: Workspace, path: Path) -> _Prepared:
    path = Path(path)
    if not path.is_file():
        raise FieldappError(f"file not found: {path}", f"找不到文件：{path}")
    if path.stat().st_size == 0:
        raise FieldappError(f"{path.name} is empty (0 bytes)", f"文件 {path.name} 为空（0 字节）")
    store = ws.store
    media = None
    try:
        media = classify(path)
    except FieldappError:
        media = None
    if media is not None and media.kind in (MediaKind.VIDEO, MediaKind.AUDIO):
        limit = int(settings.get(store, "media_max_mb")) * 1024 * 1024
        if path.stat().st_size > limit:
            raise FieldappError(f"{path.name} is larger than the limit of {limit // 1024 // 1024} MB",
                                f"文件 {path.name} 超过大小上限 {limit // 1024 // 1024} MB")
        return _Prepared(path, str(media.kind), mime=media.mime, captured_at=_file_time(path))
    image = ingest_image(path, long_edge=int(settings.get(store, "photo_long_edge")),
                         quality=int(settings.get(store, "photo_quality")))
    return _Prepared(path, "photo", image=image, mime="image/jpeg")


def attach(ws: Workspace, *, paths: list[Path], finding_id: str | None = None, inspection_id: str | None = None,
           caption: str | None = None) -> Done[list[dict[str, Any]]]:
    """Attach files to a finding (or an inspection); all or nothing."""
    store = ws.store
    if not paths:
        raise ValidationError("no files given", "未选择文件")
    if finding_id:
        finding = store.require("findings", finding_id, "finding", "隐患")
        inspection_id = inspection_id or finding.get("inspection_id")
    elif inspection_id:
        store.require("inspections", inspection_id, "inspection", "检查记录")
    else:
        raise ValidationError("say which finding or inspection the evidence belongs to", "请指定证据所属的隐患或检查")
    # Pillow releases the GIL while decoding and resizing, so two photos go through on the two cores.
    with ThreadPoolExecutor(max_workers=min(2, len(paths))) as pool:
        prepared = list(pool.map(lambda p: _prepare(ws, Path(p)), paths))
    keep_originals = bool(settings.get(store, "keep_photo_originals"))
    bs = blobs(ws)
    rows_values = []
    for item in prepared:
        if item.image is not None:
            img = item.image
            sha = bs.put_bytes(img.data)
            thumb = bs.put_bytes(img.thumb)
            if keep_originals:
                bs.put_file(item.source)
            rows_values.append({
                "kind": "photo", "sha256": sha, "size": len(img.data), "mime": "image/jpeg", "thumb_sha256": thumb,
                "width": img.width, "height": img.height, "original_name": img.original_name,
                "original_sha256": img.original_sha256, "original_size": img.original_size,
                "original_kept": int(keep_originals), "captured_at": img.captured_at,
                "captured_at_source": img.captured_at_source,
                "latitude": img.gps[0] if img.gps else None, "longitude": img.gps[1] if img.gps else None,
                "camera_model": img.camera_model,
            })
        else:
            limit = int(settings.get(store, "media_max_mb")) * 1024 * 1024
            sha, size = bs.put_file(item.source, max_size=limit)
            rows_values.append({
                "kind": item.kind, "sha256": sha, "size": size, "mime": item.mime, "thumb_sha256": None,
                "original_name": item.source.name, "original_sha256": sha, "original_size": size,
                "original_kept": 1, "captured_at": item.captured_at, "captured_at_source": "file",
            })
    out = []
    with store.transaction():
        start = int(store.scalar(
            "SELECT coalesce(max(position), -1) + 1 FROM evidence WHERE finding_id IS ? AND inspection_id IS ?",
            (finding_id, None if finding_id else inspection_id)))
        for n, values in enumerate(rows_values):
            row = store.insert("evidence", {**values, "finding_id": finding_id, "inspection_id": inspection_id,
                                            "caption": caption, "position": start + n})
            out.append(describe(ws, row))
    return Done(out, changed(Entity.EVIDENCE, ids=[r["id"] for r in out]))


def describe(ws: Workspace, row: Row) -> dict[str, Any]:
    bs = blobs(ws)
    out = dict(row)
    out["path"] = str(bs.local_path(row["sha256"]))
    out["thumb_path"] = str(bs.local_path(row["thumb_sha256"])) if row.get("thumb_sha256") else None
    out.pop("field_hlc", None)
    return out


def list_for(ws: Workspace, *, finding_id: str | None = None, inspection_id: str | None = None) -> list[dict[str, Any]]:
    if finding_id:
        rows = ws.store.query("SELECT * FROM evidence WHERE finding_id = ? ORDER BY position, created_at",
                              (finding_id,))
    elif inspection_id:
        rows = ws.store.query("SELECT * FROM evidence WHERE inspection_id = ? ORDER BY finding_id IS NOT NULL,"
                              " position, created_at", (inspection_id,))
    else:
        rows = ws.store.query("SELECT * FROM evidence ORDER BY created_at")
    return [describe(ws, r) for r in rows]


def get(ws: Workspace, evidence_id: str) -> Row:
    return ws.store.require("evidence", evidence_id, "evidence", "证据")


def set_overlay(ws: Workspace, evidence_id: str, overlay: list[dict[str, Any]]) -> Done[Row]:
    """Annotations (arrows, circles, text) are kept beside the photo, never burned into the evidence."""
    with ws.store.transaction():
        get(ws, evidence_id)
        row = ws.store.update("evidence", evidence_id,
                              {"overlay": json.dumps(overlay, ensure_ascii=False) if overlay else None},
                              audit="overlay")
    return Done(row, changed(Entity.EVIDENCE, ids=[evidence_id]))


def unlink(ws: Workspace, evidence_id: str, reason: str | None = None) -> Done[None]:
    """Remove the evidence from its finding; the file stays until no record uses it (doctor --gc)."""
    with ws.store.transaction():
        get(ws, evidence_id)
        ws.store.delete("evidence", evidence_id, reason=reason)
    return Done(None, changed(Entity.EVIDENCE, ids=[evidence_id]))


def referenced_hashes(ws: Workspace) -> set[str]:
    refs: set[str] = set()
    for row in ws.store.conn.execute("SELECT sha256, thumb_sha256, original_sha256, original_kept FROM evidence"):
        refs.add(row[0])
        if row[1]:
            refs.add(row[1])
        if row[3]:
            refs.add(row[2])
    return refs


@dataclass(frozen=True)
class Mismatch:
    sha256: str
    path: str
    problem: str  # "modified" or "missing"


def verify(ws: Workspace) -> tuple[int, list[Mismatch]]:
    """Re-hash every stored file that a record uses; tampering or bit rot shows as a mismatch."""
    bs = blobs(ws)
    problems = []
    refs = sorted(referenced_hashes(ws))
    for sha in refs:
        path = bs.path_for(sha)
        where = str(path) if path.exists() or not bs.exists(sha) else f"{bs.root / 'pack.sqlite3'}#{sha}"
        if not bs.exists(sha):
            problems.append(Mismatch(sha, where, "missing"))
        elif not bs.verify(sha):
            problems.append(Mismatch(sha, where, "modified"))
    return len(refs), problems


def gc(ws: Workspace) -> int:
    """Remove stored files no record uses (and stale temporary files); returns how many were removed."""
    bs = blobs(ws)
    refs = referenced_hashes(ws)
    removed = bs.cleanup_temp()
    for sha in list(bs.iter_hashes()):
        if sha not in refs and bs.remove(sha):
            removed += 1
    return removed


def watermark(ws: Workspace, evidence_id: str) -> bytes:
    """A derived JPEG with time, place, enterprise and inspectors burned in (the stored evidence is untouched)."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    from fieldapp.models import inspections
    from fieldapp.resources import resource_path

    row = get(ws, evidence_id)
    if row["kind"] != "photo":
        raise ValidationError("only photos can be watermarked", "只有照片可以添加水印")
    store = ws.store
    inspection = store.get("inspections", row["inspection_id"]) if row.get("inspection_id") else None
    enterprise = store.get("enterprises", inspection["enterprise_id"]) if inspection else None
    officers = inspections.officers(store, inspection) if inspection else []
    lines = [
        f"时间：{(row.get('captured_at') or '')[:19].replace('T', ' ')}"
        + ("（文件时间）" if row.get("captured_at_source") == "file" else ""),
        f"地点：{(inspection or {}).get('place') or ''}"
        + (f"（{row['latitude']:.5f}, {row['longitude']:.5f}）" if row.get("latitude") is not None else ""),
        f"单位：{(enterprise or {}).get('name', '')}",
        f"检查人员：{'、'.join(o['name'] for o in officers)}",
    ]
    if row.get("caption"):
        lines.append(f"说明：{row['caption']}")
    image = Image.open(io.BytesIO(blobs(ws).read_bytes(row["sha256"]))).convert("RGB")
    size = max(16, image.width // 45)
    font = ImageFont.truetype(str(resource_path("fonts", "FieldappMing.ttf")), size)
    draw = ImageDraw.Draw(image, "RGBA")
    line_h = int(size * 1.35)
    box_h = line_h * len(lines) + size
    draw.rectangle([0, image.height - box_h, image.width, image.height], fill=(0, 0, 0, 140))
    y = image.height - box_h + size // 2
    for text in lines:
        draw.text((size // 2, y), text, font=font, fill=(255, 255, 255, 255))
        y += line_h
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()
