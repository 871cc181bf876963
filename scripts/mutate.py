"""`make mutate`: mutation testing of the rule modules, one table of scores (docs/testing.md).

mutmut 2.x, because it mutates module-level tables (TRANSITIONS, RANK, MAX_FIELDS…) as well as function
bodies; mutmut 3.x mutates only inside functions. mutmut 2.x counts a mutant as killed only when the test
command exits with 1, so the runner maps every failure (collection errors, crashes: exit 2, 3, 4, signals)
to 1. Each module runs in its own copy of the tree under build/mutate/, so the checkout is never left
mutated and mutmut's cache survives between runs (only untested mutants run again while the tests are
unchanged).

Usage: python scripts/mutate.py [MODULE-SUBSTRING ...] [--show-survivors]
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "mutate"
TARGET = 0.90

# module → the tests that state its rules (kept small: every mutant runs them once)
MODULES: dict[str, list[str]] = {
    "fieldapp/models/uscc.py": ["tests/models/test_uscc.py", "tests/models/test_uscc_rules.py"],
    "fieldapp/models/lifecycle.py": ["tests/models/test_lifecycle_rules.py", "tests/models/test_lifecycle.py"],
    "fieldapp/models/numbering.py": ["tests/models/test_numbering_rules.py", "tests/models/test_numbering.py"],
    "fieldapp/models/search.py": ["tests/models/test_search_rules.py", "tests/models/test_search.py"],
    "fieldapp/sync/merge.py": ["tests/sync/test_merge_rules.py", "tests/sync/test_exchange.py",
                               "tests/sync/test_convergence.py"],
    "fieldapp/models/tables.py": ["tests/sync/test_merge_rules.py", "tests/models/test_tables.py",
                                  "tests/sync/test_exchange.py"],
    "fieldapp/sync/envelope.py": ["tests/sync/test_envelope.py", "tests/sync/test_exchange.py"],
    "fieldapp/documents/qr.py": ["tests/documents/test_qr.py"],
}
KILLED = {"ok_killed", "ok_suspicious"}
# A mutant that makes the tests hang is caught too (CI stops on its time limit); shown apart.
TIMEOUT = "bad_timeout"


def copy_tree(dest: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.splitlines()
    for name in files:
        src = ROOT / name
        if not src.is_file():
            continue
        target = dest / name
        if target.exists() and target.read_bytes() == src.read_bytes():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)


def run_module(module: str, tests: list[str]) -> dict[str, int]:
    dest = WORK / module.replace("/", "_").removesuffix(".py")
    dest.mkdir(parents=True, exist_ok=True)
    copy_tree(dest)
    # pytest runs in the runner's own process (no shell, no grandchild), so when mutmut kills a mutant that
    # hangs, nothing is left running; every failure, whatever pytest's exit code, becomes 1.
    args = ["-x", "-q", "-p", "no:cacheprovider", *tests]
    code = f"import os, pytest; os._exit(1 if pytest.main({args!r}) else 0)"
    runner = f"{sys.executable} -c {shlex.quote(code)}"
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(dest), "QT_QPA_PLATFORM": "offscreen",
           "HOME": str(Path.home()), "LANG": "C.UTF-8"}
    subprocess.run([sys.executable, "-m", "mutmut", "run", "--paths-to-mutate", module, "--runner", runner,
                    "--tests-dir", "tests"], cwd=dest, env=env, check=False)
    return counts(dest / ".mutmut-cache")


def counts(cache: Path) -> dict[str, int]:
    conn = sqlite3.connect(cache)
    try:
        rows = conn.execute("SELECT status, count(*) FROM Mutant GROUP BY status").fetchall()
    finally:
        conn.close()
    return dict(rows)


def survivors(module: str) -> str:
    dest = WORK / module.replace("/", "_").removesuffix(".py")
    out = subprocess.run([sys.executable, "-m", "mutmut", "show", "all"], cwd=dest, capture_output=True,
                         text=True, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(dest)}, check=False)
    return out.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="run only modules whose path contains one of these")
    parser.add_argument("--show-survivors", action="store_true")
    args = parser.parse_args()
    chosen = {m: t for m, t in MODULES.items() if not args.only or any(o in m for o in args.only)}
    results = {module: run_module(module, tests) for module, tests in chosen.items()}
    print(f"\n{'module':32} {'mutants':>8} {'killed':>7} {'timeout':>8} {'survived':>9} {'score':>7}")
    failed = False
    for module, c in results.items():
        total = sum(c.values())
        killed = sum(n for s, n in c.items() if s in KILLED)
        timeout = c.get(TIMEOUT, 0)
        survived = total - killed - timeout
        score = (killed + timeout) / total if total else 1.0
        failed |= score < TARGET
        print(f"{module:32} {total:8} {killed:7} {timeout:8} {survived:9} {score:7.1%}")
        if args.show_survivors and survived:
            print(survivors(module))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
