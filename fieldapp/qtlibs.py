"""The system libraries Qt's X11 platform plugin (xcb) needs on Linux, and the Debian packages holding them.

The PySide6 wheels bring Qt itself but link the system's X11, GL and font libraries. Which ones is read
from the installed plugin with `ldd` every time, never kept as a list of packages, so a Qt upgrade that
links one more library cannot break `make run` silently: a library `ldd` reports "not found" is mapped to
its package through SONAME_PACKAGES (checked against `dpkg -S` by tests/test_qtlibs.py), else through
Debian's naming rule for library packages, and whatever is still missing after the install is named.

    python -m fieldapp.qtlibs missing     the libraries not found, one a line
    python -m fieldapp.qtlibs packages    the Debian packages to install for them, one a line
    python -m fieldapp.qtlibs check       exit 1 naming what is missing and the command that installs it
    python -m fieldapp.qtlibs table       soname -> installed package for every library (to update the map)

No Qt is imported here: this runs exactly when Qt's xcb plugin cannot load.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Debian 12 (bookworm): every system library in the `ldd` closure of the xcb plugin, its GL integrations
# and libQt6XcbQpa, with the package that ships it. tests/test_qtlibs.py checks each entry against
# `dpkg -S` of the library `ldd` resolves, and that no library of the closure is left out.
SONAME_PACKAGES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbsd.so.0": "libbsd0",
    "libc.so.6": "libc6",
    "libcap.so.2": "libcap2",
    "libdbus-1.so.3": "libdbus-1-3",
    "libdl.so.2": "libc6",
    "libexpat.so.1": "libexpat1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libgcc_s.so.1": "libgcc-s1",
    "libgcrypt.so.20": "libgcrypt20",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgpg-error.so.0": "libgpg-error0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "liblz4.so.1": "liblz4-1",
    "liblzma.so.5": "liblzma5",
    "libm.so.6": "libc6",
    "libmd.so.0": "libmd0",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libpng16.so.16": "libpng16-16",
    "libpthread.so.0": "libc6",
    "libstdc++.so.6": "libstdc++6",
    "libsystemd.so.0": "libsystemd0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}

_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")


def qt_dir() -> Path | None:
    """The Qt tree inside the installed PySide6 (found without importing it, so without loading Qt)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        qt = Path(location) / "Qt"
        if qt.is_dir():
            return qt
    return None


def xcb_binaries(qt: Path) -> list[Path]:
    """The xcb platform plugin, its library and its GL integrations."""
    found = [qt / "plugins" / "platforms" / "libqxcb.so", *sorted((qt / "lib").glob("libQt6XcbQpa.so*")),
             *sorted((qt / "plugins" / "xcbglintegrations").glob("*.so"))]
    unique: dict[str, Path] = {}
    for path in found:
        if path.is_file():
            unique.setdefault(os.path.realpath(path), path)
    return list(unique.values())


def ldd(binaries: list[Path]) -> dict[str, str | None]:
    """soname -> the file the dynamic loader picks, or None when it finds none; Qt's own libraries left out."""
    if not binaries or shutil.which("ldd") is None:
        return {}
    out = subprocess.run(["ldd", *map(str, binaries)], capture_output=True, text=True, check=False,
                         env=dict(os.environ, LC_ALL="C")).stdout
    libraries: dict[str, str | None] = {}
    for line in out.splitlines():
        match = _LDD_LINE.match(line)
        if not match:
            continue
        soname, where = match.groups()
        if where == "not found":
            libraries[soname] = None
        elif "/PySide6/" not in where and "/shiboken6/" not in where:
            libraries.setdefault(soname, where)
    return libraries


def missing(qt: Path | None = None) -> list[str]:
    """The libraries the xcb plugin needs and the loader cannot find (empty off Linux or without PySide6)."""
    qt = qt or qt_dir()
    if qt is None or not sys.platform.startswith("linux"):
        return []
    return sorted(soname for soname, where in ldd(xcb_binaries(qt)).items() if where is None)


def will_use_xcb() -> bool:
    """Whether Qt is about to load its X11 plugin: on Linux, asked for, or the default under an X display."""
    if not sys.platform.startswith("linux") or getattr(sys, "frozen", False):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb"
    return bool(os.environ.get("DISPLAY")) and not os.environ.get("WAYLAND_DISPLAY")


def debian_package(soname: str) -> str:
    """The package that ships `soname`: the map, else Debian's rule (libfoo.so.4 -> libfoo4, libfoo2.so.1 -> libfoo2-1)."""
    if soname in SONAME_PACKAGES:
        return SONAME_PACKAGES[soname]
    name, _, version = soname.partition(".so.")
    name = name.lower().replace("_", "-")
    version = version.split(".")[0]
    if not version:
        return name
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def packages_for(sonames: list[str]) -> list[str]:
    return sorted({debian_package(s) for s in sonames})


def installed_package(path: str) -> str | None:
    """The Debian package owning the library file at `path` (`dpkg -S`, trying the /usr-merged spellings)."""
    if shutil.which("dpkg") is None:
        return None
    real = os.path.realpath(path)
    candidates: list[str] = []
    for p in (path, real):
        for c in (p, p.removeprefix("/usr") if p.startswith("/usr/") else "/usr" + p):
            if c not in candidates:
                candidates.append(c)
    for candidate in candidates:
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False,
                                env=dict(os.environ, LC_ALL="C"))
        for line in result.stdout.splitlines():
            owner, sep, _file = line.partition(": ")
            if sep and not owner.startswith("diversion"):
                return owner.split(",")[0].split(":")[0].strip()
    return None


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    qt = qt_dir()
    if qt is None:
        print("PySide6 is not installed in this Python", file=sys.stderr)
        return 2
    absent = missing(qt)
    if command == "missing":
        print("\n".join(absent))
    elif command == "packages":
        print("\n".join(packages_for(absent)))
    elif command == "table":
        for soname, where in sorted(ldd(xcb_binaries(qt)).items()):
            print(soname, installed_package(where) if where else "NOT-FOUND")
    elif command == "check":
        if absent:
            print("Qt's X11 platform plugin cannot load: missing " + ", ".join(absent), file=sys.stderr)
            print("Install them with: sudo apt-get install " + " ".join(packages_for(absent)), file=sys.stderr)
            return 1
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
