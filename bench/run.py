"""`make bench`: run every benchmark and print one table (Markdown, ready for docs/benchmarks.md).

Usage: python bench/run.py [--quick] [--only registry,photos,documents]
"""

from __future__ import annotations

import importlib
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

SUITES = ["registry", "photos", "documents", "signing", "sync", "ui", "packaging"]


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    only = SUITES
    if "--only" in argv:
        only = argv[argv.index("--only") + 1].split(",")
    rows = []
    for name in only:
        try:
            module = importlib.import_module(f"bench_{name}")
        except ModuleNotFoundError:
            continue
        started = time.perf_counter()
        rows.extend(module.run(quick=quick))
        print(f"# {name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print(f"Machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"{sys.platform}; {'quick' if quick else 'full'} run\n")
    print("| benchmark | result | target | ok |")
    print("|---|---|---|---|")
    for r in rows:
        print(f"| {r['benchmark']} | {r['result']} | {r['target']} | {'✓' if r['ok'] else '✗'} |")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
