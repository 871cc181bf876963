"""Sync benchmarks: import throughput against a raw executemany, streaming memory, incremental export.

Run standalone: python bench/bench_sync.py [--quick]
"""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from fieldapp.models.ids import Hlc, uuid7  # noqa: E402
from fieldapp.models.store import Store  # noqa: E402
from fieldapp.photos.blobstore import data_store  # noqa: E402
from fieldapp.sync import bundle, exchange  # noqa: E402
from fieldapp.sync import central as sync_central  # noqa: E402
from fieldapp.sync import device as sync_device  # noqa: E402
from fieldapp.workspace import Workspace  # noqa: E402


def _tiny_jpegs(n: int) -> list[bytes]:
    out = []
    for i in range(n):
        buf = io.BytesIO()
        Image.new("RGB", (96, 72), (i % 251, (i * 7) % 253, (i * 13) % 255)).save(buf, "JPEG", quality=70)
        out.append(buf.getvalue())
    return out


def _sync_cols(store: Store, hlc: Hlc) -> dict[str, Any]:
    text = hlc.encode()
    return {"created_at": "2026-11-20T08:00:00.000Z", "updated_at": "2026-11-20T08:00:00.000Z",
            "device_id": store.device_id, "hlc": text, "field_hlc": json.dumps({"*": text})}


def fill_device(ws: Workspace, inspections: int, findings_per: int, photos: int) -> None:
    """Field records written straight into the device's tables (as a long day's work would leave them)."""
    store = ws.store
    enterprise_ids = [r["id"] for r in store.query("SELECT id FROM enterprises")]
    officers = json.dumps([r["id"] for r in store.query("SELECT id FROM inspectors LIMIT 2")])
    blobs = data_store(ws.data_dir, "evidence")
    jpegs = _tiny_jpegs(min(photos, 500))
    with store.transaction():
        seq = store.seq
        ins_rows, find_rows, ev_rows = [], [], []
        wall = 1_763_600_000_000
        for i in range(inspections):
            base = _sync_cols(store, Hlc(wall + i, 0, store.device_id))
            iid = uuid7()
            ins_rows.append({**base, "id": iid, "seq": seq, "enterprise_id": enterprise_ids[i % len(enterprise_ids)],
                             "type": "日常检查", "officer_ids": officers, "started_at": "2026-11-20T09:00:00",
                             "status": "completed", "owner_device": store.device_id, "place": "生产车间"})
            for k in range(findings_per):
                fid = uuid7()
                find_rows.append({**base, "id": fid, "seq": seq, "enterprise_id": ins_rows[-1]["enterprise_id"],
                                  "inspection_id": iid, "description": f"配电箱未设置漏电保护器（第{k + 1}处）",
                                  "grade": "general", "source": "执法检查", "status": "open",
                                  "found_at": "2026-11-20T09:30:00", "owner_device": store.device_id,
                                  "legal_basis": "《施工现场临时用电安全技术规范》", "requirement": "加装漏电保护器"})
        for p in range(photos):
            data = jpegs[p % len(jpegs)] + p.to_bytes(4, "big")  # distinct files, still valid JPEG prefixes
            sha = blobs.put_stream([data], __import__("hashlib").sha256(data).hexdigest(), durable=False)
            f = find_rows[p % len(find_rows)]
            ev_rows.append({**_sync_cols(store, Hlc(wall + p, 1, store.device_id)), "id": uuid7(), "seq": seq,
                            "kind": "photo", "sha256": sha, "size": len(data), "mime": "image/jpeg",
                            "original_name": f"IMG_{p:05d}.jpg", "original_sha256": sha, "original_size": len(data),
                            "finding_id": f["id"], "inspection_id": f["inspection_id"], "position": 0,
                            "owner_device": store.device_id, "captured_at": "2026-11-20T09:31:00",
                            "captured_at_source": "exif"})
        blobs.flush()
        for table, rows in (("inspections", ins_rows), ("findings", find_rows), ("evidence", ev_rows)):
            if not rows:
                continue
            cols = list(rows[0])
            store.conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                   [[r[c] for c in cols] for r in rows])


def raw_insert_seconds(schema_db: Path, inner_zip: Path) -> float:
    """The baseline: the same rows from the same bundle, parsed and inserted with a bare executemany."""
    reader = bundle.Reader(inner_zip)
    tables = {t: list(reader.records(t)) for t in ("inspections", "findings", "evidence")}
    reader.close()
    store = Store.open(schema_db)
    conn = store.conn
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute("PRAGMA defer_foreign_keys = ON")
    for table, rows in tables.items():
        cols = list(rows[0])
        conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}, seq) VALUES ({', '.join('?' * len(cols))}, 1)",
                         [[r.get(c) for c in cols] for r in rows])
    conn.execute("ROLLBACK")  # only the insert speed matters; foreign rows (enterprises) are not there
    elapsed = time.perf_counter() - started
    store.close()
    return elapsed


def _peak_rss_mb() -> int:
    # VmHWM belongs to this process image; ru_maxrss on Linux keeps the forking parent's peak across exec.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _child_import(data_dir: str, path: str) -> None:
    ws = Workspace.open(Path(data_dir))
    exchange.import_bundle(ws, Path(path))
    ws.close()
    print(_peak_rss_mb())


def peak_import_mb(data_dir: Path, path: Path) -> int:
    out = subprocess.run([sys.executable, __file__, "--child-import", str(data_dir), str(path)],
                         capture_output=True, text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1])


def network(root: Path) -> tuple[Workspace, Workspace]:
    from fieldapp.models import demo

    central = Workspace.open(root / "central")
    demo.fill(central.store, enterprises_count=500, seed=1)
    sync_central.init(central, "示范县应急管理局")
    sync_central.enroll(central, "拳铺镇-1", root / "d.faenrol")
    device = Workspace.open(root / "device")
    sync_device.enroll(device, root / "d.faenrol")
    return central, device


def run(quick: bool = False) -> list[dict[str, Any]]:
    inspections, per, photos = (2_000, 4, 4_000) if quick else (10_000, 4, 20_000)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        central, device = network(root)
        fill_device(device, inspections, per, photos)
        t = time.perf_counter()
        result = exchange.export(device, out=root / "big.fabundle")
        export_s = time.perf_counter() - t
        size_mb = result.path.stat().st_size / 1e6
        # The same bundle into two copies of the office: one measured here, one for peak memory.
        import shutil

        central.close()
        shutil.copytree(root / "central", root / "central-mem")
        central = Workspace.open(root / "central")
        t = time.perf_counter()
        imported = exchange.import_bundle(central, result.path)
        import_s = time.perf_counter() - t
        assert imported.status == "applied", imported
        inner = root / "inner.zip"
        from fieldapp.sync import envelope, identity

        header = envelope.read_header(result.path)
        with inner.open("wb") as fh:
            envelope.open_to(result.path, header, fh, identity.x25519_private(central))
        raw_s = raw_insert_seconds(root / "raw.sqlite3", inner)
        n_rows = inspections * (1 + per) + photos
        ratio = raw_s / import_s
        rows.append({"benchmark": f"sync import: {inspections} inspections, {inspections * per} findings, {photos} photos "
                                  f"({size_mb:.0f} MB bundle)",
                     "result": f"{import_s:.1f} s = {n_rows / import_s:,.0f} rows/s; raw executemany {raw_s:.2f} s "
                               f"→ {ratio:.0%} of raw",
                     "target": "≥ 30 % of raw", "ok": ratio >= 0.30})
        rows.append({"benchmark": "sync export of the same changes", "result": f"{export_s:.1f} s",
                     "target": "(info)", "ok": True})
        central.close()
        # Peak memory: the full bundle vs. a quarter of it, each imported by a fresh process.
        full_mb = peak_import_mb(root / "central-mem", result.path)
        small_root = root / "small"
        c2, d2 = network(small_root)
        fill_device(d2, inspections // 4, per, photos // 4)
        small = exchange.export(d2, out=small_root / "small.fabundle")
        c2.close()
        d2.close()
        small_mb = peak_import_mb(small_root / "central", small.path)
        rows.append({"benchmark": "sync import peak memory (bundle ×4 larger)",
                     "result": f"{small_mb} MB → {full_mb} MB", "target": "flat (< +50 %)",
                     "ok": full_mb < small_mb * 1.5})
        device.close()
    rows.append(incremental_export(quick))
    return rows


def incremental_export(quick: bool) -> dict[str, Any]:
    """10 changes in a database of 1 000 000 rows: the export cost follows the changes, not the size."""
    total = 200_000 if quick else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        central, device = network(root)
        store = device.store
        fill_device(device, 100, 1, 0)
        finding = store.query("SELECT id FROM findings LIMIT 1")[0]["id"]
        with store.transaction():
            seq = store.seq
            wall = 1_763_600_000_000
            batch = []
            for i in range(total):
                hlc = Hlc(wall + i, 0, store.device_id).encode()
                batch.append((uuid7(), "2026-11-20T08:00:00Z", "2026-11-20T08:00:00Z", store.device_id, seq, hlc,
                              "{}", finding, "open", "ordered", "2026-11-20T08:00:00Z", store.device_id))
                if len(batch) == 50_000:
                    store.conn.executemany(
                        "INSERT INTO finding_events (id, created_at, updated_at, device_id, seq, hlc, field_hlc,"
                        " finding_id, from_status, to_status, at, owner_device) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                        batch)
                    batch = []
        exchange.import_bundle(central, exchange.export(device, out=root / "first.fabundle").path)
        exchange.import_bundle(device, exchange.export(central, to="拳铺镇-1", out=root / "ack.fabundle").path)
        from fieldapp.models import enterprises

        for n, row in enumerate(store.query("SELECT id FROM enterprises LIMIT 10")):
            enterprises.update(store, row["id"], {"phone": f"1390000{n:04d}"})
        timings = []
        for k in range(5):
            t = time.perf_counter()
            out = exchange.export(device, out=root / f"inc{k}.fabundle")
            timings.append(time.perf_counter() - t)
        size = int(store.scalar("SELECT count(*) FROM finding_events")) + int(store.scalar("SELECT count(*) FROM enterprises"))
        central.close()
        device.close()
        best = sorted(timings)[len(timings) // 2]
        return {"benchmark": f"incremental export of {sum(out.counts.values())} changes, database of {size:,} rows",
                "result": f"{best * 1000:.0f} ms (median of 5)", "target": "< 200 ms", "ok": best < 0.2}


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child-import":
        _child_import(sys.argv[2], sys.argv[3])
    else:
        for r in run("--quick" in sys.argv):
            print(r)
