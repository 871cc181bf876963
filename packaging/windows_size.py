"""Estimate the size of the Windows onedir from the Linux one and the Windows wheels of the same versions.

PyInstaller does not cross-compile, so the Windows onedir is only measured by the Windows workflow. This
puts a figure on it here, file by file:

* files that are the same on both systems (resources, the Python code archive, data files) count as they
  are in the Linux onedir;
* each Python extension module counts as its ``.pyd`` from the package's ``win_amd64`` wheel, and each
  library a package loads by name (``pypdfium2_raw/libpdfium.so``) as its DLL;
* Qt counts as the Windows bindings and plugins that correspond to the Linux ones (the same prune rules,
  freeze_config.keep_entry), plus Windows-only plugins of the same kinds, plus every DLL of the wheels that
  they link, followed through the PE import tables (``objdump -p``) as PyInstaller follows them;
* Linux system libraries (X11, ICU, GnuTLS…) have no Windows counterpart: Windows provides them or the
  wheels link them statically;
* the CPython runtime (python311.dll, the DLLs folder, OpenSSL, SQLite) is not on PyPI: its Linux sizes
  stand in for it (the one approximate line of the table).

    python packaging/windows_size.py [--dist dist/fieldapp] [--wheels build/winwheels] [--json]
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path, PurePosixPath

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import freeze_config  # noqa: E402

_EXTENSION = re.compile(r"^(?P<stem>[^.]+)\.(?:cpython-3\d+-x86_64-linux-gnu|abi3)\.so$")
_ELF = b"\x7fELF"
MB = 1_000_000
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"


def is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == _ELF


def wheel_requirements(internal: Path) -> list[str]:
    """name==version of every installed distribution that has a compiled file in the Linux onedir."""
    top_level = {p.relative_to(internal).parts[0] for p in internal.rglob("*.so*")
                 if "python3" not in p.relative_to(internal).parts[0] and "/" in str(p.relative_to(internal))}
    names: set[str] = set()
    owners = md.packages_distributions()
    for top in top_level | {"PySide6", "shiboken6", "_cffi_backend", "_pi_heif"}:
        names.update(owners.get(top, []))
    return sorted(f"{name}=={md.version(name)}" for name in names)


def fetch_wheels(internal: Path, wheels: Path) -> list[str]:
    """Download the win_amd64 wheels of the versions installed here; returns the name==version list."""
    wheels.mkdir(parents=True, exist_ok=True)
    requirements = wheel_requirements(internal)
    run = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                          "--platform", "win_amd64", "--python-version", PYTHON, "-d", str(wheels),
                          *requirements], capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(f"pip download failed:\n{run.stderr[-2000:]}")
    return requirements


def _wheel_key(text: str) -> str:
    return re.sub(r"[-_.]+", "_", text).lower()


def unpack(wheels: Path, requirements: list[str]) -> Path:
    """The compiled files of the required wheels under wheels/x (their own layout; data dirs flattened).

    Only the exact versions asked for: other wheels left in the folder by earlier runs are ignored.
    """
    out = wheels / "x"
    if out.exists():
        shutil.rmtree(out)
    wanted = {_wheel_key(r.replace("==", "-")) for r in requirements}
    chosen = [w for w in sorted(wheels.glob("*win_amd64.whl"))
              if _wheel_key("-".join(w.name.split("-")[:2])) in wanted]
    for wheel in chosen:
        with zipfile.ZipFile(wheel) as z:
            for info in z.infolist():
                name = re.sub(r"^[^/]+\.data/(?:platlib|purelib)/", "", info.filename)
                if not name.lower().endswith((".pyd", ".dll")):
                    continue
                target = out / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(z.read(info))
    return out


def pe_imports(path: Path) -> list[str]:
    text = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split(":", 1)[1].strip().lower() for line in text.splitlines() if "DLL Name:" in line]


def windows_counterpart(rel: PurePosixPath, win: Path) -> list[Path]:
    """The Windows files standing for one Linux binary of the onedir (empty: none on Windows)."""
    parts = rel.parts
    if parts[0] == "PySide6":
        if parts[1:3] == ("Qt", "plugins"):
            kind, name = parts[3], rel.name
            dll = win / "PySide6" / "plugins" / kind / (re.sub(r"^lib", "", name.split(".so")[0]) + ".dll")
            return [dll] if dll.exists() else []
        match = _EXTENSION.match(rel.name)
        if match and len(parts) == 2:
            pyd = win / "PySide6" / f"{match['stem']}.pyd"
            return [pyd] if pyd.exists() else []
        return []  # Qt's own libraries: reached through the import tables
    match = _EXTENSION.match(rel.name)
    folder = win.joinpath(*parts[:-1])
    if match:
        for candidate in (f"{match['stem']}.cp3{PYTHON[2:]}-win_amd64.pyd", f"{match['stem']}.pyd"):
            if (folder / candidate).exists():
                return [folder / candidate]
        return []
    if len(parts) > 1:  # a library a package loads by name: pypdfium2_raw/libpdfium.so -> pdfium.dll
        dll = folder / (re.sub(r"^lib", "", rel.name.split(".so")[0]) + ".dll")
        return [dll] if dll.exists() else []
    return []


def windows_only_plugins(internal: Path, win: Path) -> list[Path]:
    """Plugins of the kinds the Linux build carries that exist only on Windows (qwindows, the style…)."""
    kinds = {p.name for p in (internal / "PySide6" / "Qt" / "plugins").iterdir() if p.is_dir()}
    kinds |= {"platforms", "styles", "multimedia"}
    return [p for kind in sorted(kinds) for p in sorted((win / "PySide6" / "plugins" / kind).glob("*.dll"))]


CPYTHON = re.compile(r"^(?:python3\.\d+/|libpython3|libcrypto\.so|libssl\.so|libsqlite3\.so|libffi\.so"
                     r"|libexpat\.so|liblzma\.so|libbz2\.so|libz\.so|libmpdec)")


def estimate(dist: Path, win: Path) -> dict[str, dict[str, float]]:
    internal = dist / "_internal"
    table: dict[str, dict[str, float]] = defaultdict(lambda: {"linux": 0.0, "windows": 0.0})
    roots: set[Path] = set()
    for path in sorted(p for p in dist.rglob("*") if p.is_file() and not p.is_symlink()):
        rel = PurePosixPath(path.relative_to(internal).as_posix()) if internal in path.parents else None
        size = path.stat().st_size / MB
        if rel is None or not is_elf(path):
            group = "resources/" if rel is not None and rel.parts[0] == "resources" else "code and data"
            table[group]["linux"] += size
            table[group]["windows"] += size
            continue
        if CPYTHON.match(str(rel)):
            table["CPython runtime (Linux sizes as proxy)"]["linux"] += size
            table["CPython runtime (Linux sizes as proxy)"]["windows"] += size
            continue
        if rel.parts[0] in ("PySide6", "shiboken6"):
            group = "Qt (PySide6)"
        elif _EXTENSION.match(rel.name) or (len(rel.parts) > 1 and not rel.parts[0].endswith(".libs")):
            group = "extension modules"
        else:  # top-level libraries and the wheels' vendored .libs folders
            group = "Linux system libraries"
        table[group]["linux"] += size
        roots.update(windows_counterpart(rel, win))
    roots.update(windows_only_plugins(internal, win))
    roots = {p for p in roots if freeze_config.keep_entry(p.relative_to(win).as_posix())}
    dlls = {p.name.lower(): p for p in win.rglob("*.dll")}
    seen: set[Path] = set()
    pending = list(roots)
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in pe_imports(path):
            dep = dlls.get(name)
            if dep is not None and dep not in seen and freeze_config.keep_entry(dep.relative_to(win).as_posix()):
                pending.append(dep)
    for path in seen:
        rel = path.relative_to(win)
        group = "Qt (PySide6)" if rel.parts[0] in ("PySide6", "shiboken6") else "extension modules"
        table[group]["windows"] += path.stat().st_size / MB
    return dict(table)


def totals(table: dict[str, dict[str, float]]) -> dict[str, float]:
    """MB of the whole onedir, per system."""
    return {k: sum(row[k] for row in table.values()) for k in ("linux", "windows")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "fieldapp")
    parser.add_argument("--wheels", type=Path, default=ROOT / "build" / "winwheels")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (args.dist / "_internal").is_dir():
        print(f"no onedir at {args.dist}: run `make dist` first", file=sys.stderr)
        return 2
    requirements = fetch_wheels(args.dist / "_internal", args.wheels)
    table = estimate(args.dist, unpack(args.wheels, requirements))
    total = totals(table)
    if args.json:
        print(json.dumps({"parts": table, "total": total}, ensure_ascii=False, indent=2))
        return 0
    print(f"{'part':<42}{'Linux MB':>10}{'Windows MB':>12}")
    for name, row in sorted(table.items(), key=lambda item: -item[1]["windows"]):
        print(f"{name:<42}{row['linux']:>10.1f}{row['windows']:>12.1f}")
    print(f"{'onedir':<42}{total['linux']:>10.1f}{total['windows']:>12.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
