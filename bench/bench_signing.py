"""Benchmark: issuing (signed QR payload + render + PAdES sign) and offline verification of a
责令限期整改指令书 with 10 findings and 6 photos (both copies, 12 pages).

Run standalone with ``python bench/bench_signing.py [--quick]``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fieldapp.documents import register_fonts, render
from fieldapp.documents.keys import DeviceKeys
from fieldapp.documents.pades import sign_pdf
from fieldapp.documents.qr import with_payload
from fieldapp.documents.samples import sample_order
from fieldapp.documents.verify import verify_pdf

ISSUE_TARGET_MS = 1000.0
VERIFY_TARGET_MS = 1000.0
URL = "https://yjj.liangshan.example.gov.cn/v?p="


def _median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        action()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def run(quick: bool = False) -> list[dict[str, object]]:
    register_fonts()
    runs = 3 if quick else 10
    with tempfile.TemporaryDirectory() as tmp:
        keys = DeviceKeys.load_or_create(Path(tmp) / "keys", "bench-device", "基准测试终端")
        doc = sample_order(findings=10, photos=6)

        def issue() -> bytes:
            signed_doc = with_payload(doc, keys, verify_url=URL)
            return sign_pdf(render(signed_doc), keys, reason="责令限期整改", location="梁山县")

        pdf = issue()  # warm-up: font subsets, pyHanko and the QR module load lazily
        issue_ms = _median_ms(issue, runs)
        unsigned = render(with_payload(doc, keys, verify_url=URL))
        sign_ms = _median_ms(lambda: sign_pdf(unsigned, keys, reason="r", location="l"), runs)

        known, roots = keys.known_keys(), keys.trust_roots()
        check = verify_pdf(pdf, known, roots)
        verify_ms = _median_ms(lambda: verify_pdf(pdf, known, roots), runs)
    return [
        {
            "benchmark": "signing.issue order 10 findings 6 photos: payload + render + PAdES (median ms)",
            "result": round(issue_ms, 1),
            "target": f"< {ISSUE_TARGET_MS:.0f} ms",
            "ok": issue_ms < ISSUE_TARGET_MS,
        },
        {
            "benchmark": "signing.sign_pdf PAdES alone (median ms)",
            "result": round(sign_ms, 1),
            "target": "info",
            "ok": True,
        },
        {
            "benchmark": f"signing.verify_pdf {check.pages} pages, QR + text + PAdES (median ms)",
            "result": round(verify_ms, 1),
            "target": f"< {VERIFY_TARGET_MS:.0f} ms",
            "ok": verify_ms < VERIFY_TARGET_MS and check.valid,
        },
    ]


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(f"{row['benchmark']}: {row['result']} (target {row['target']}) {'ok' if row['ok'] else 'FAIL'}")
