"""Registry benchmarks: demo county of 100 000, search p95 beside a LIKE scan, CSV import of 100 000 rows."""

from __future__ import annotations

import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fieldapp.models import demo, enterprises, registry, search, search_index  # noqa: E402
from fieldapp.models.store import Store  # noqa: E402

QUERIES = {
    "1-char Chinese": ["化", "公", "厂", "机", "建"],
    "2-char Chinese": ["宏达", "化工", "机械", "燃气", "餐饮"],
    "4-char Chinese": ["宏达化工", "建材有限", "机械制造", "液化气站", "纺织有限"],
    "pinyin initials": ["hdhg", "jxzz", "yhqz", "hd", "rqyx"],
    "USCC prefix": ["91370832", "913708320", "91370832A", "91370832M", "91370832Y9"],
}


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]


def run(quick: bool = False) -> list[dict[str, Any]]:
    n = 20_000 if quick else 100_000
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "demo.sqlite3")
        t = time.perf_counter()
        demo.fill(store, enterprises_count=n, seed=1)
        elapsed = time.perf_counter() - t
        rows.append({"benchmark": f"fieldapp demo --enterprises {n}", "result": f"{elapsed:.1f} s",
                     "target": "< 60 s", "ok": elapsed < 60})
        for kind, queries in QUERIES.items():
            ours: list[float] = []
            like: list[float] = []
            listed: list[float] = []  # what the enterprise list does: a page of 200 and the true count
            for _ in range(3 if quick else 8):
                for q in queries:
                    t = time.perf_counter()
                    search.search(store.conn, q, limit=50)
                    ours.append(time.perf_counter() - t)
                    t = time.perf_counter()
                    search.like_scan(store.conn, q)
                    like.append(time.perf_counter() - t)
                    t = time.perf_counter()
                    if len(search.search(store.conn, q, limit=200)) >= 200:
                        search.count(store.conn, q)
                    listed.append(time.perf_counter() - t)
            ms, like_ms, list_ms = p95(ours) * 1000, p95(like) * 1000, p95(listed) * 1000
            rows.append({"benchmark": f"search p95, {kind} ({n} enterprises)",
                         "result": f"{ms:.1f} ms (LIKE scan {like_ms:.1f} ms; list page of 200 with the true count "
                                   f"{list_ms:.1f} ms)", "target": "< 20 ms (list < 100 ms)",
                         "ok": ms < 20 and list_ms < 100})
        csv_path = Path(tmp) / "registry.csv"
        with csv_path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            cols = [f for f in enterprises.FIELDS if f.column not in ("township", "grid")]
            writer.writerow([f.zh for f in cols])
            for r in store.query("SELECT * FROM enterprises"):
                values = []
                for f in cols:
                    v = r.get(f.column)
                    if f.column == "tags":
                        v = "、".join(search_index.tags_of(r))
                    elif f.kind == "bool":
                        v = "是" if v else "否"
                    values.append("" if v is None else v)
                writer.writerow(values)
        store.close()
        fresh = Store.open(Path(tmp) / "import.sqlite3")
        t = time.perf_counter()
        report = registry.import_file(fresh, csv_path)
        elapsed = time.perf_counter() - t
        assert report.inserted == n, report.errors[:3]
        rows.append({"benchmark": f"CSV import of {n} rows", "result": f"{elapsed:.1f} s", "target": "< 10 s",
                     "ok": elapsed < 10})
        fresh.close()
    return rows


if __name__ == "__main__":
    for row in run("--quick" in sys.argv):
        print(row)
