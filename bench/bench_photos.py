"""Photo ingest benchmarks: single-photo latency, 2-thread batch throughput, memory over a long run.

Run standalone with ``python bench/bench_photos.py [--quick]``, or call :func:`run`.

The test photos are generated, not flat colour: flat images decode several times faster than camera
output and would flatter the numbers. They are 4000×3000 JPEGs at quality 92 with sensor-like noise
over shapes and gradients, about 3.5 MB each — the size of a 12 MP phone photo.
"""

from __future__ import annotations

import io
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

if __package__ in (None, ""):
    # Standalone run from a checkout: make `fieldapp` importable without installing it.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageDraw, ImageOps

from fieldapp.photos.ingest import ingest_image

MB = 1024 * 1024


def _photo_like(width: int, height: int, seed: int) -> Image.Image:
    rnd = random.Random(seed)
    sw, sh = width // 8, height // 8
    small = Image.linear_gradient("L").resize((sw, sh)).convert("RGB")
    draw = ImageDraw.Draw(small)
    for _ in range(80):
        x0, y0 = rnd.randrange(sw), rnd.randrange(sh)
        box = (x0, y0, x0 + rnd.randrange(5, 200), y0 + rnd.randrange(5, 150))
        colour = (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
        if rnd.random() < 0.5:
            draw.ellipse(box, fill=colour)
        else:
            draw.rectangle(box, fill=colour)
    base = small.resize((width, height), Image.Resampling.BILINEAR)
    noise = Image.effect_noise((width, height), 40)
    # Three differently arranged copies of one noise field: uncorrelated channels at a third of the cost.
    channels = [
        noise,
        noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
        noise.transpose(Image.Transpose.FLIP_TOP_BOTTOM),
    ]
    return Image.blend(base, Image.merge("RGB", channels), 0.2)


def _write_photos(directory: Path, count: int) -> list[Path]:
    """``count`` distinct 12 MP JPEGs; even ones landscape (orientation 1), odd ones portrait (6)."""
    base = _photo_like(4000, 3000, seed=1)
    paths = []
    for i in range(count):
        im = (
            base
            if i == 0
            else base.transpose(Image.Transpose.FLIP_LEFT_RIGHT if i % 2 else Image.Transpose.FLIP_TOP_BOTTOM)
        )
        exif = Image.Exif()
        exif[0x0112] = 6 if i % 2 else 1
        exif.get_ifd(0x8769)[0x9003] = f"2024:05:17 09:{i:02d}:00"
        path = directory / f"现场 照片 {i:02d}.jpg"
        im.save(path, "JPEG", quality=92 - i % 3, exif=exif)
        paths.append(path)
    return paths


def _naive_ingest(path: Path) -> bytes:
    """What a straightforward implementation does: decode everything, rotate, LANCZOS, encode."""
    with Image.open(path) as im:
        im.load()
        upright = ImageOps.exif_transpose(im)
    scale = 2560 / max(upright.size)
    resized = upright.resize(
        (round(upright.width * scale), round(upright.height * scale)), Image.Resampling.LANCZOS
    )
    out = io.BytesIO()
    resized.save(out, "JPEG", quality=85)
    thumb = resized.copy()
    thumb.thumbnail((320, 320), Image.Resampling.LANCZOS)
    thumb.save(io.BytesIO(), "JPEG", quality=85)
    return out.getvalue()


def _median_ms(fn: Callable[[], object], reps: int) -> float:
    fn()  # warm-up: plugin imports, allocator, page cache
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _core_check() -> float:
    """2-thread vs 1-thread speed-up of SHA-256, which holds no lock: what this machine can give now."""
    import hashlib

    data = os.urandom(8 * MB)

    def work(_: int = 0) -> None:
        for _ in range(4):
            hashlib.sha256(data).digest()

    start = time.perf_counter()
    for i in range(8):
        work(i)
    single = time.perf_counter() - start
    with ThreadPoolExecutor(max_workers=2) as pool:
        start = time.perf_counter()
        list(pool.map(work, range(8)))
        threaded = time.perf_counter() - start
    return single / threaded


def _rss_bytes() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:
        return None  # Windows without /proc: not measured
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Peak, not current, RSS here: growth of the peak still shows a leak. macOS reports bytes, Linux KiB.
    return peak if sys.platform == "darwin" else peak * 1024


def _row(benchmark: str, result: str, target: str, ok: bool) -> dict[str, object]:
    return {"benchmark": benchmark, "result": result, "target": target, "ok": ok}


def run(quick: bool = False) -> list[dict[str, object]]:
    reps = 3 if quick else 9
    batch = 20
    long_run = 40 if quick else 200
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="bench_photos_") as tmp:
        paths = _write_photos(Path(tmp), 4)
        size_mb = statistics.mean(p.stat().st_size for p in paths) / MB
        landscape = paths[0]

        ours = _median_ms(lambda: ingest_image(landscape), reps)
        naive = _median_ms(lambda: _naive_ingest(landscape), reps)
        rows.append(
            _row(
                f"ingest 12 MP JPEG ({size_mb:.1f} MB) → 2560 px, median",
                f"{ours:.0f} ms",
                "< 200 ms",
                ours < 200,
            )
        )
        rows.append(
            _row("naive: full decode + LANCZOS + encode, median", f"{naive:.0f} ms", "reference", True)
        )
        rows.append(_row("ingest speed-up vs naive", f"{naive / ours:.2f}×", "≥ 1.5×", naive / ours >= 1.5))

        work = [paths[i % len(paths)] for i in range(batch)]
        # Other processes on a 2-core machine take a core from the pool; the load average and the CPU
        # time actually obtained make such a run recognisable.
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        trials = []
        # Alternating single/threaded trials and taking the median keeps one noisy neighbour on a shared
        # machine from deciding the result.
        for _ in range(1 if quick else 3):
            start = time.perf_counter()
            for p in work:
                ingest_image(p)
            single = time.perf_counter() - start
            with ThreadPoolExecutor(max_workers=2) as pool:
                cpu, start = time.process_time(), time.perf_counter()
                list(pool.map(ingest_image, work))
                threaded = time.perf_counter() - start
                cpu = time.process_time() - cpu
            trials.append((single / threaded, single, threaded, cpu / threaded))
        speedup, single, threaded, parallelism = sorted(trials)[len(trials) // 2]
        control = _core_check()
        cores = os.cpu_count() or 1
        rows.append(
            _row(
                f"batch of {batch}: 2 threads vs 1 ({threaded:.2f} s vs {single:.2f} s; {cores} cores, "
                f"CPU use {parallelism:.2f} cores, load before {load:.1f}; lock-free control {control:.2f}×)",
                f"{speedup:.2f}×",
                "≥ 1.6×",
                speedup >= 1.6,
            )
        )

        for p in paths * 2:  # settle allocator arenas before taking the baseline
            ingest_image(p)
        before = _rss_bytes()
        peak = before or 0
        for i in range(long_run):
            ingest_image(paths[i % len(paths)])
            peak = max(peak, _rss_bytes() or 0)
        after = _rss_bytes()
        if before is None or after is None:
            rows.append(_row(f"RSS growth over {long_run} photos", "not measurable here", "< 50 MB", True))
        else:
            growth = (after - before) / MB
            rows.append(
                _row(
                    f"RSS growth over {long_run} photos (start {before / MB:.0f} MB, peak {peak / MB:.0f} MB)",
                    f"{growth:+.1f} MB",
                    "< 50 MB",
                    growth < 50,
                )
            )
    return rows


def main() -> int:
    rows = run(quick="--quick" in sys.argv[1:])
    width = max(len(str(r["benchmark"])) for r in rows)
    for r in rows:
        mark = "ok  " if r["ok"] else "FAIL"
        print(f"{mark} {r['benchmark']!s:<{width}}  {r['result']!s:>10}  (target {r['target']})")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
