"""What goes into the frozen fieldapp, and what stays out (used by fieldapp.spec and packaging/build.py).

Kept apart from the spec so that the lists can be read and tested without running PyInstaller.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

# Imported lazily or only by name: PyInstaller's analysis would not see them.
HIDDEN_IMPORTS: tuple[str, ...] = (
    "PySide6.QtPrintSupport",  # printing the documents; brings the printsupport plugins with it
)

# Every module of these packages, also those imported with importlib or added later behind a lazy import.
COLLECT_SUBMODULES: tuple[str, ...] = ("fieldapp", "pypinyin")

# Heavy things the app does not use, so that no hook or stray import drags them in.
EXCLUDES: tuple[str, ...] = (
    "tkinter", "_tkinter", "turtle", "idlelib", "lib2to3", "pydoc_data",
    "numpy", "pandas", "scipy", "matplotlib", "IPython", "jupyter_client",
    # pyHanko imports fontTools only together with uharfbuzz (stamps in OpenType fonts), which is not installed
    "fontTools",
    # Pillow's AVIF codec (7.9 MB on Windows; AvifImagePlugin degrades to "unsupported" without it)
    "PIL._avif", "PIL._imagingtk", "PIL.ImageTk",
    # pyHanko imports lxml only to write XMP metadata, for PDF 2.0 files or files that already carry XMP, and
    # treats it as optional (ImportError -> no XMP); the notices are PDF 1.x from reportlab without XMP
    "lxml",
    # packaging tools, imported by nothing the app runs
    "setuptools", "pkg_resources", "distutils", "_distutils_hack",
    # the HEIC encoder build, installed for tests only (the app decodes with pi-heif)
    "pillow_heif",
    # the office server and its web stack (`fieldapp[server]`): never in the field installer
    "fieldapp.server", "starlette", "uvicorn", "jinja2", "multipart", "python_multipart", "itsdangerous", "argon2",
    "_argon2_cffi_bindings", "httpx", "httpcore", "h11", "anyio", "sniffio", "markupsafe", "psycopg", "psycopg_pool",
    # development tools that live in the same virtual environment
    "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "mypyc", "importlinter", "grimp", "pip", "ruff",
)

# Qt modules excluded unless fieldapp's source names them (see excludes()): PySide6 and the hooks of the
# modules in use would otherwise pull some in. A module the app starts to import is kept automatically.
OPTIONAL_QT_MODULES: tuple[str, ...] = (
    "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel", "QtWebSockets", "QtWebView",
    "Qt3DCore", "Qt3DRender", "Qt3DInput", "Qt3DLogic", "Qt3DAnimation", "Qt3DExtras", "QtQml", "QtQuick",
    "QtQuick3D", "QtQuickWidgets", "QtQuickControls2", "QtQuickTest", "QtMultimedia", "QtMultimediaWidgets",
    "QtSpatialAudio", "QtCharts", "QtGraphs", "QtGraphsWidgets", "QtDataVisualization", "QtDesigner",
    "QtUiTools", "QtHelp", "QtSql", "QtTest", "QtPdf", "QtPdfWidgets", "QtLocation", "QtPositioning",
    "QtBluetooth", "QtNfc", "QtSensors", "QtSerialPort", "QtSerialBus", "QtTextToSpeech", "QtRemoteObjects",
    "QtScxml", "QtStateMachine", "QtHttpServer", "QtNetworkAuth", "QtAxContainer",
    # bindings only (the libraries stay wherever Qt links them; QtOpenGL.pyd alone is 8.7 MB on Windows)
    "QtNetwork", "QtDBus", "QtOpenGL", "QtOpenGLWidgets",
)

_QT_NAME = re.compile(r"\bPySide6\.(Qt\w+)|\bfrom\s+PySide6\s+import\s+\(?([\w\s,]+)")


def qt_modules_used(root: Path) -> set[str]:
    """Qt modules that fieldapp's source names (``from PySide6.QtCharts import …``, ``PySide6.QtPdf``…)."""
    used: set[str] = set()
    for path in (root / "fieldapp").rglob("*.py"):
        for match in _QT_NAME.finditer(path.read_text(encoding="utf-8")):
            if match.group(1):
                used.add(match.group(1))
            else:
                used.update(n.strip() for n in match.group(2).replace("\n", ",").split(",") if n.strip())
    return used


def excludes(root: Path) -> list[str]:
    used = qt_modules_used(root)
    return [*EXCLUDES, *(f"PySide6.{m}" for m in OPTIONAL_QT_MODULES if m not in used)]


# Qt translations to keep: the UI is Chinese (zh_CN); English needs none.
QT_TRANSLATION_LANGUAGES: tuple[str, ...] = ("zh_CN",)

# Qt plugins of no use on an office PC: embedded-Linux displays, the remote VNC display, Direct2D (the
# default Windows platform plugin draws with the raster engine), the GTK 3 theme (it would drag the whole
# GTK stack into a Linux build; Qt's Fusion style is used instead), Qt's own virtual keyboard (a Qt Quick
# component, 17 MB with Qt Quick/QML; Windows brings its touch keyboard), and image formats the app never
# reads through Qt (photos are stored as JPEG, thumbnails JPEG/PNG, icons SVG; Pillow reads what users pick).
_DROPPED_PLUGINS = re.compile(
    r"[/\\]plugins[/\\](?:platforms[/\\][^/\\]*(?:vnc|eglfs|linuxfb|minimalegl|direct2d)[^/\\]*"
    r"|egldeviceintegrations[/\\].*|platformthemes[/\\][^/\\]*gtk3[^/\\]*"
    r"|platforminputcontexts[/\\][^/\\]*virtualkeyboard[^/\\]*"
    r"|imageformats[/\\][^/\\]*q(?:tiff|webp|icns|tga|wbmp|pdf)\.[^/\\]*)$",
    re.IGNORECASE,
)
_QT_TRANSLATION = re.compile(r"[/\\]translations[/\\](?P<base>[a-z_]+?)_(?P<lang>[a-z]{2}(?:_[A-Z]{2})?)\.qm$")


def pyproject(root: Path) -> dict[str, Any]:
    with (root / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def read_version(root: Path) -> str:
    """The version in pyproject.toml (the one the package metadata is built from)."""
    return str(pyproject(root)["project"]["version"])


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows version resources: 1.2.3rc1 -> (1, 2, 3, 0); a .devN or rcN counts as 0."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0].split("rc")[0].split(".dev")[0])[:4]]
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def resource_datas(root: Path) -> list[tuple[str, str]]:
    """(source file, destination folder) for everything in resources/, so resources/ is complete when frozen."""
    base = root / "resources"
    out = []
    for path in sorted(base.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            out.append((str(path), str(Path("resources") / path.parent.relative_to(base))))
    return out


# Windows: the software OpenGL renderer and the Direct3D shader compiler serve Qt Quick and QOpenGLWidget
# only; a Qt Widgets app draws with the raster engine (about 25 MB).
_DROPPED_WINDOWS_DLLS = re.compile(r"(?:^|[/\\])(?:opengl32sw|d3dcompiler_\d+)\.dll$", re.IGNORECASE)
# The FFmpeg media backend and its libraries (about 20 MB, and Qt Quick/QML that the FFmpeg plugin links)
# are left out. On Windows the camera uses Qt's Media Foundation backend (windowsmediaplugin.dll, chosen
# with QT_MEDIA_BACKEND=windows in fieldapp.ui.app). The Linux build, which only serves to test the frozen
# app, then has no camera backend: the camera button stays disabled there, as on a PC without a camera.
_DROPPED_MEDIA = re.compile(
    r"(?:[/\\]plugins[/\\]multimedia[/\\][^/\\]*ffmpegmediaplugin\.(?:dll|so)"
    r"|(?:^|[/\\])(?:avcodec|avformat|avutil|swscale|swresample|avfilter|avdevice)-\d+\.dll)$",
    re.IGNORECASE,
)


def keep_entry(dest: str, source: str | None = None) -> bool:
    """False for collected files the app does not need (other languages' Qt translations, odd plugins)."""
    normalised = "/" + dest.replace("\\", "/")
    if _DROPPED_WINDOWS_DLLS.search(normalised) or _DROPPED_MEDIA.search(normalised):
        return False
    if "/PySide6/" in normalised:
        if _DROPPED_PLUGINS.search(normalised):
            return False
        match = _QT_TRANSLATION.search(normalised)
        if match and match.group("lang") not in QT_TRANSLATION_LANGUAGES:
            return False
    return True


def prune(toc: Iterable[Any]) -> list[Any]:
    """Filter an Analysis TOC (a.datas, a.binaries) with keep_entry."""
    return [entry for entry in toc if keep_entry(entry[0], entry[1])]


def _is_linked_library(entry: tuple[str, str, str]) -> bool:
    """A library that is only there because something links it, and that nothing loads by name.

    Linux: the shared libraries PyInstaller collected at the top level or in Qt's lib folder.
    Windows: Qt's own module DLLs (PySide6/Qt6*.dll) only; other DLLs may be loaded by name at run time,
    which link-time analysis would not see, so they are never dropped.
    """
    dest, _src, typecode = entry
    dest = dest.replace("\\", "/")
    if typecode != "BINARY":
        return False
    if sys.platform == "win32":
        return re.fullmatch(r"PySide6/Qt6\w+\.dll", dest, re.IGNORECASE) is not None
    return ("/" not in dest or dest.startswith("PySide6/Qt/lib/")) and ".so" in dest \
        and not dest.startswith("libpython")


def drop_unlinked_libraries(binaries: list[Any], datas: list[Any]) -> tuple[list[Any], list[Any]]:
    """Drop the libraries that only dropped plugins needed (Qt Quick for the virtual keyboard, the GTK stack
    for the GTK theme…), following the link-time imports of everything kept (see _is_linked_library)."""
    if not sys.platform.startswith(("linux", "win32")):
        return binaries, datas
    from PyInstaller.depend.bindepend import get_imports

    def base(name: str) -> str:
        name = PurePosixPath(name.replace("\\", "/")).name
        return name.lower() if sys.platform == "win32" else name

    libraries = {base(e[0]): e for e in binaries if _is_linked_library(e)}
    needed: set[str] = set()
    pending = [e[1] for e in binaries if not _is_linked_library(e)]
    while pending:
        for name, _path in get_imports(pending.pop()):
            if base(name) in libraries and base(name) not in needed:
                needed.add(base(name))
                pending.append(libraries[base(name)][1])
    kept = [e for e in binaries if not _is_linked_library(e) or base(e[0]) in needed]
    dropped = {e[0] for e in binaries} - {e[0] for e in kept}
    # Symlinks PyInstaller made to a dropped library would dangle.
    datas = [e for e in datas if e[2] != "SYMLINK" or str(PurePosixPath(e[0]).parent / e[1]) not in dropped]
    return kept, datas


def icon(root: Path) -> str | None:
    path = root / "packaging" / "windows" / "fieldapp.ico"
    return str(path) if path.is_file() else None


def windows_version_file(root: Path, workpath: Path) -> str:
    """Write the Windows version resource of fieldapp.exe (Explorer's Properties -> Details)."""
    from PyInstaller.utils.win32 import versioninfo as vi

    version = read_version(root)
    numbers = numeric_version(version)
    strings = [
        vi.StringStruct("CompanyName", "fieldapp"),
        vi.StringStruct("FileDescription", "fieldapp 乡镇安全生产现场执法终端"),
        vi.StringStruct("FileVersion", version),
        vi.StringStruct("InternalName", "fieldapp"),
        vi.StringStruct("OriginalFilename", "fieldapp.exe"),
        vi.StringStruct("ProductName", "fieldapp"),
        vi.StringStruct("ProductVersion", version),
    ]
    info = vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[vi.StringFileInfo([vi.StringTable("080404B0", strings)]), vi.VarFileInfo([vi.VarStruct("Translation", [0x0804, 1200])])],
    )
    workpath.mkdir(parents=True, exist_ok=True)
    out = workpath / "file_version_info.txt"
    out.write_text(str(info), encoding="utf-8")
    return str(out)
