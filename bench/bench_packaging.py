"""The frozen app: onedir size (Linux, measured; Windows, estimated from the Windows wheels by
packaging/windows_size.py), frozen cold start to a filled window, and the frozen self-test.

Builds dist/fieldapp first when a source file is newer than it (packaging/build.py).
"""

from __future__ import annotations

import importlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

# By module name from packaging/ (a plain import would sort differently where a build/ folder exists).
build = importlib.import_module("build")
windows_size = importlib.import_module("windows_size")

BUDGET_MB = 150
COLD_START_S = 3.0


def _timed(args: list[str], env: dict[str, str], expect: str) -> float:
    started = time.perf_counter()
    run = subprocess.run(args, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)
    elapsed = time.perf_counter() - started
    if run.returncode != 0 or expect not in run.stdout:
        raise RuntimeError(f"{args} failed: {run.stdout[-500:]} {run.stderr[-1500:]}")
    return elapsed


def run(quick: bool = False) -> list[dict[str, Any]]:
    onedir = build.build_dist(if_stale=True)
    exe = str(build.executable(onedir))
    linux_total, _parts = build.sizes(onedir)
    wheels = ROOT / "build" / "winwheels"
    requirements = windows_size.fetch_wheels(onedir / "_internal", wheels)
    table = windows_size.estimate(onedir, windows_size.unpack(wheels, requirements))
    windows_mb = windows_size.totals(table)["windows"]
    rows = [
        {"benchmark": "onedir size, Linux build (ICU and system libraries Windows does not need)",
         "result": f"{linux_total / 1e6:.0f} MB", "target": "info", "ok": True},
        {"benchmark": "onedir size, Windows (estimated from the win_amd64 wheels: "
                      + ", ".join(f"{k} {v['windows']:.0f}" for k, v in sorted(
                          table.items(), key=lambda kv: -kv[1]["windows"]) if v["windows"] >= 0.5) + " MB)",
         "result": f"{windows_mb:.0f} MB", "target": f"< {BUDGET_MB} MB", "ok": windows_mb < BUDGET_MB},
    ]
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-frozen-") as tmp:
        data = Path(tmp) / "data"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": tmp, "XDG_CONFIG_HOME": tmp,
               "APPDATA": tmp, "LOCALAPPDATA": tmp}
        _timed([exe, "--data-dir", str(data), "demo", "--json"], env, "{")
        starts = [_timed([exe, "--data-dir", str(data), "gui", "--quit-when-ready"], env, "ready")
                  for _ in range(3 if quick else 7)]
        rows.append({"benchmark": f"frozen cold start to the filled window, demo county ({len(starts)} starts; "
                                  f"first {starts[0]:.2f} s, page cache warm after it)",
                     "result": f"{statistics.median(starts):.2f} s median, {max(starts):.2f} s max",
                     "target": f"< {COLD_START_S:.0f} s", "ok": max(starts) < COLD_START_S})
        selftest = _timed([exe, "--selftest"], env, "passed")
        rows.append({"benchmark": "frozen --selftest (10 steps: window, visit, notice issued and verified, sync)",
                     "result": f"{selftest:.1f} s", "target": "info", "ok": True})
    return rows
