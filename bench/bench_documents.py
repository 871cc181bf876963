"""Benchmark: rendering a 责令限期整改指令书 with 10 findings and 6 photos (both copies) to PDF.

Run standalone with ``python bench/bench_documents.py [--quick]``.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fieldapp.documents import register_fonts, render
from fieldapp.documents.samples import sample_order

TARGET_MS = 500.0


def run(quick: bool = False) -> list[dict[str, object]]:
    start = time.perf_counter()
    register_fonts()
    register_ms = (time.perf_counter() - start) * 1000
    doc = sample_order(findings=10, photos=6, qr="FA1|梁应急责改〔2026〕15号|91350100M000100Y43")
    render(doc)  # warm-up: font subsets and the QR module are built lazily on first use
    times = []
    size = 0
    for _ in range(3 if quick else 10):
        t0 = time.perf_counter()
        size = len(render(doc))
        times.append((time.perf_counter() - t0) * 1000)
    median = statistics.median(times)
    return [
        {
            "benchmark": "documents.render order 10 findings 6 photos (median ms)",
            "result": round(median, 1),
            "target": f"< {TARGET_MS:.0f} ms",
            "ok": median < TARGET_MS,
        },
        {
            "benchmark": "documents.register_fonts first call (ms)",
            "result": round(register_ms, 1),
            "target": "info",
            "ok": True,
        },
        {
            "benchmark": "documents.render output size (KB)",
            "result": round(size / 1024),
            "target": "info",
            "ok": True,
        },
    ]


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(f"{row['benchmark']}: {row['result']} (target {row['target']}) {'ok' if row['ok'] else 'FAIL'}")
