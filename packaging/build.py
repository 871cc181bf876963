"""Build the frozen app and the Windows installer (called by `make dist`, `make installer`, the tests and CI).

    python packaging/build.py dist [--if-stale]     dist/fieldapp/ with PyInstaller (build files in build/)
    python packaging/build.py installer [--onedir DIR] [--out FILE]
                                                    dist/fieldapp-setup-<version>.exe with makensis
    python packaging/build.py size [DIR]            what the onedir weighs, biggest parts first
    python packaging/build.py version               the version the installer gets (from pyproject.toml)

`installer` packs whatever onedir is at hand: on Linux that is a Linux build, which proves only that the
NSIS script is valid; the real payload is built on Windows (.github/workflows/windows.yml).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import freeze_config  # noqa: E402

DIST = ROOT / "dist"
ONEDIR = DIST / "fieldapp"
WORK = ROOT / "build" / "pyinstaller"
SPEC = HERE / "fieldapp.spec"
NSI = HERE / "windows" / "fieldapp.nsi"
EXE_NAME = "fieldapp.exe" if sys.platform == "win32" else "fieldapp"

# What a frozen build is made from: newer than the executable means the build is stale.
SOURCES = ("fieldapp", "resources", "pyproject.toml", "packaging/entry.py", "packaging/fieldapp.spec",
           "packaging/freeze_config.py", "packaging/windows/fieldapp.ico")


def executable(onedir: Path = ONEDIR) -> Path:
    return onedir / EXE_NAME


def newest_source(root: Path = ROOT) -> float:
    newest = 0.0
    for name in SOURCES:
        path = root / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file())
        for f in files:
            if "__pycache__" in f.parts or f.suffix == ".pyc":
                continue
            newest = max(newest, f.stat().st_mtime)
    return newest


def is_stale(onedir: Path = ONEDIR) -> bool:
    exe = executable(onedir)
    return not exe.is_file() or exe.stat().st_mtime < newest_source()


def build_dist(if_stale: bool = False) -> Path:
    if if_stale and not is_stale():
        print(f"{ONEDIR} is newer than every source file; not rebuilt")
        return ONEDIR
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--workpath", str(WORK), "--distpath", str(DIST), str(SPEC)], cwd=ROOT, check=True)
    executable().touch()  # the build's time, not the bootloader's: what is_stale compares
    print(f"built {ONEDIR} in {time.perf_counter() - started:.0f} s")
    print_size(ONEDIR)
    return ONEDIR


def sizes(onedir: Path) -> tuple[int, dict[str, int]]:
    """Total bytes and bytes per part: Qt libraries, Qt plugins, fonts, … (see part_of)."""
    parts: dict[str, int] = defaultdict(int)
    total = 0
    for f in onedir.rglob("*"):
        if f.is_file() and not f.is_symlink():
            n = f.stat().st_size
            total += n
            parts[part_of(f.relative_to(onedir).as_posix())] += n
    return total, dict(parts)


def part_of(rel: str) -> str:
    low = rel.lower()
    if "/resources/fonts/" in low:
        return "resources/fonts"
    if "/resources/" in low:
        return "resources (other)"
    if "pyside6/qt/plugins/" in low:
        return "Qt plugins"
    if "pyside6/qt/translations/" in low:
        return "Qt translations"
    if "libicu" in low or "icudt" in low:
        return "ICU (Linux Qt only)"
    if "qt6" in low or "pyside6" in low or "shiboken6" in low:
        return "Qt libraries + PySide6"
    if "pypdfium2" in low:
        return "pdfium"
    if "pillow_heif" in low:
        return "pillow_heif (HEIC photos)"
    if "pillow" in low or "/pil/" in low:
        return "Pillow"
    if "cryptography" in low or "libssl" in low or "libcrypto" in low:
        return "OpenSSL/cryptography"
    if "zxing" in low:
        return "zxing-cpp"
    if low.startswith(("fieldapp", "fieldapp.exe")) and "/" not in low:
        return "executable (bootloader + Python code)"
    if "libpython" in low or "python3" in low or "base_library" in low or "lib-dynload" in low:
        return "Python runtime"
    return "other"


def print_size(onedir: Path, budget_mb: float | None = None, strict: bool = False) -> bool:
    """Print the size by part; False when over `budget_mb` (a warning, or an error with `strict`)."""
    total, parts = sizes(onedir)
    print(f"{onedir}: {total / 1e6:.1f} MB")
    for name, n in sorted(parts.items(), key=lambda kv: -kv[1]):
        print(f"  {n / 1e6:7.1f} MB  {name}")
    if budget_mb is None or total / 1e6 <= budget_mb:
        return True
    message = f"the onedir is {total / 1e6:.0f} MB, over its {budget_mb:.0f} MB budget"
    level = "error" if strict else "warning"
    print(f"::{level} title=onedir size::{message}" if os.environ.get("GITHUB_ACTIONS") else f"{level}: {message}")
    return not strict


def find_makensis() -> str:
    found = shutil.which("makensis")
    if found:
        return found
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
            candidate = Path(base or "C:/") / "NSIS" / "makensis.exe"
            if candidate.is_file():
                return str(candidate)
        raise SystemExit("makensis not found: install NSIS (choco install nsis) or put makensis on PATH")
    subprocess.run(["bash", str(HERE / "ensure-tools.sh"), "nsis"], check=True)
    return shutil.which("makensis") or "makensis"


def nsis_target(makensis: str) -> str:
    """amd64-unicode when this NSIS has the 64-bit stubs and plugins, else x86-unicode (official Windows NSIS)."""
    info = subprocess.run([makensis, "-HDRINFO"], capture_output=True, text=True, check=False)
    match = re.search(r"NSISDIR=([^,\r\n]+)", info.stdout + info.stderr)
    roots = [Path(match.group(1))] if match else []
    roots += [Path(makensis).resolve().parent, Path(makensis).resolve().parent.parent]
    for root in roots:
        if (root / "Stubs" / "lzma_solid-amd64-unicode").is_file() \
                and (root / "Plugins" / "amd64-unicode" / "System.dll").is_file():
            return "amd64-unicode"
    print("note: this NSIS has no amd64-unicode stubs; building a 32-bit (x86-unicode) installer")
    return "x86-unicode"


def build_installer(onedir: Path = ONEDIR, out: Path | None = None, fast: bool = False) -> Path:
    if not onedir.is_dir() or not any(onedir.iterdir()):
        raise SystemExit(f"{onedir} does not exist: build it first (make dist)")
    version = freeze_config.read_version(ROOT)
    out = (out or DIST / f"fieldapp-setup-{version}.exe").resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    makensis = find_makensis()
    defines = {
        "VERSION": version,
        "VERSION4": ".".join(map(str, freeze_config.numeric_version(version))),
        "SRCDIR": str(onedir.resolve()),
        "OUTFILE": str(out),
        "TARGET": nsis_target(makensis),
    }
    if fast:
        defines["FAST"] = "1"
    started = time.perf_counter()
    # makensis works in the script's folder (fieldapp.ico is found there); every path passed is absolute.
    subprocess.run([makensis, "-V2", *(f"-D{k}={v}" for k, v in defines.items()), str(NSI)], check=True)
    print(f"built {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packaging/build.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dist", help="build dist/fieldapp with PyInstaller")
    d.add_argument("--if-stale", action="store_true", help="only when a source file is newer than the build")
    i = sub.add_parser("installer", help="compile the NSIS installer around an onedir")
    i.add_argument("--onedir", type=Path, default=ONEDIR)
    i.add_argument("--out", type=Path, default=None)
    i.add_argument("--fast", action="store_true", help="no compression (for tests: much quicker, 3x larger)")
    s = sub.add_parser("size", help="size of an onedir by part")
    s.add_argument("onedir", type=Path, nargs="?", default=ONEDIR)
    s.add_argument("--budget", type=float, default=None, metavar="MB", help="warn when the onedir is larger")
    s.add_argument("--strict", action="store_true", help="exit 1 when it is over the budget")
    sub.add_parser("version", help="print the version from pyproject.toml")
    args = parser.parse_args(argv)
    if args.command == "dist":
        build_dist(args.if_stale)
    elif args.command == "installer":
        build_installer(args.onedir, args.out, args.fast)
    elif args.command == "size":
        return 0 if print_size(args.onedir, args.budget, args.strict) else 1
    else:
        print(freeze_config.read_version(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
