"""The NSIS installer, compiled here around the Linux onedir and exercised under 64-bit Wine.

The payload is Linux binaries, so this proves the script (per-user install, shortcuts, the .fabundle
association, Add/Remove Programs, upgrade in place and an uninstall that keeps the data), not the app:
the Windows workflow builds and self-tests the real payload.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.conftest import PACKAGING, skip_if_asked

SHORTCUT = "fieldapp 现场执法.lnk"
APP_TITLE = "fieldapp 乡镇安全生产现场执法终端"


@dataclass
class Wine:
    prefix: Path
    env: dict[str, str]

    def run(self, *args: str, timeout: float = 180, check: bool = True) -> subprocess.CompletedProcess[str]:
        # Output goes through files, not pipes: Wine's background services (started by the first call and
        # kept alive with the persistent wineserver) inherit the handles and would keep a pipe open.
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            code = subprocess.run(["wine", *args], env=self.env, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                  timeout=timeout).returncode
            out.seek(0)
            err.seek(0)
            result = subprocess.CompletedProcess(["wine", *args], code, out.read().decode("utf-8", "replace"),
                                                 err.read().decode("utf-8", "replace"))
        if check:
            assert code == 0, f"wine {' '.join(args)} -> {code}\n{result.stderr[-3000:]}"
        return result

    def expand(self, variable: str) -> str:
        """A Windows environment variable as Wine sees it, e.g. LOCALAPPDATA -> C:\\users\\root\\AppData\\Local."""
        return self.run("cmd", "/c", f"echo %{variable}%").stdout.strip()

    def unix(self, windows_path: str) -> Path:
        return Path(subprocess.run(["winepath", "-u", windows_path], env=self.env, stdin=subprocess.DEVNULL,
                                   capture_output=True, text=True, check=True, timeout=60).stdout.strip())

    def reg_value(self, key: str, value: str | None = None) -> str | None:
        """A registry value exported as text (reg query prints non-ASCII as '?'), None when absent."""
        export = self.prefix / "export.reg"
        export.unlink(missing_ok=True)
        result = self.run("reg", "export", key, str(export), "/y", check=False)
        if result.returncode != 0 or not export.exists():
            return None
        text = export.read_bytes().decode("utf-16")
        header = f"[{key}]"
        section = text[text.index(header) + len(header):].split("\r\n\r\n")[0] if header in text else ""
        name = "@" if value is None else f'"{value}"'
        for line in section.splitlines():
            if line.startswith(name + "="):
                raw = line[len(name) + 1:]
                # .reg strings are quoted with \\ and \" escaped; other types (dword:…) are returned as written
                return re.sub(r"\\(.)", r"\1", raw[1:-1]) if raw.startswith('"') else raw
        return None


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    skip_if_asked()
    subprocess.run(["bash", str(PACKAGING / "ensure-tools.sh"), "nsis", "wine"], check=True, timeout=900)
    base = tmp_path_factory.mktemp("wine")
    home = base / "home"  # Wine links Desktop/Documents to $HOME: keep the real home clean
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(WINEPREFIX=str(base / "prefix"), WINEDEBUG="-all", HOME=str(home),
               WINEDLLOVERRIDES="mscoree=;mshtml=")  # no Mono/Gecko install prompts
    w = Wine(base / "prefix", env)
    w.prefix.mkdir()
    # One persistent wineserver for the module: otherwise every wine call starts (and waits for) its own.
    subprocess.run(["wineserver", "-p"], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True, timeout=60)
    w.run("wineboot", "-i", timeout=300)
    yield w
    subprocess.run(["wineserver", "-k"], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False, timeout=60)


@pytest.fixture(scope="module")
def installer(onedir: Path, build: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("installer") / "fieldapp-setup-test.exe"
    # --fast: no compression (4 s instead of 2 min); the script is the same.
    return build.build_installer(onedir, out, fast=True)


@pytest.mark.slow
def test_installer_under_wine(wine: Wine, installer: Path, onedir: Path) -> None:
    started = time.perf_counter()
    local = wine.expand("LOCALAPPDATA")
    install_dir_win = local + r"\Programs\fieldapp"
    install_dir = wine.unix(install_dir_win)
    data_dir = wine.unix(local + r"\fieldapp")
    start_menu = wine.unix(wine.expand("APPDATA") + r"\Microsoft\Windows\Start Menu\Programs")

    # First install, silent, no administrator rights asked for.
    wine.run(str(installer), "/S")
    assert (install_dir / "_internal" / "resources" / "fonts" / "FieldappMing.ttf").is_file()
    assert {p.name for p in onedir.iterdir()} <= {p.name for p in install_dir.iterdir()}
    assert (install_dir / "uninstall.exe").is_file()
    assert (start_menu / SHORTCUT).is_file()
    assert (wine.unix(wine.expand("USERPROFILE") + r"\Desktop") / SHORTCUT).is_file()

    assert wine.reg_value(r"HKEY_CURRENT_USER\Software\Classes\.fabundle") == "fieldapp.bundle"
    command = wine.reg_value(r"HKEY_CURRENT_USER\Software\Classes\fieldapp.bundle\shell\open\command")
    assert command == f'"{install_dir_win}\\fieldapp.exe" "%1"'
    uninstall_key = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Uninstall\fieldapp"
    assert wine.reg_value(uninstall_key, "DisplayName") == APP_TITLE
    from importlib.metadata import version

    assert wine.reg_value(uninstall_key, "DisplayVersion") == version("fieldapp")
    assert "uninstall.exe" in (wine.reg_value(uninstall_key, "UninstallString") or "")

    # The user's data, as the app leaves it (%LOCALAPPDATA%\fieldapp, apart from the program).
    data_dir.mkdir(parents=True)
    database = data_dir / "fieldapp.sqlite3"
    database.write_bytes(b"SQLite format 3\x00 inspections of 2026")
    (data_dir / "backups").mkdir()
    (data_dir / "backups" / "fieldapp-20261123-080000-auto.sqlite3").write_bytes(b"backup")
    stamp = database.stat().st_mtime_ns

    # Upgrade in place: files of the old version go, the data stays untouched.
    stale = install_dir / "_internal" / "left-over-from-an-old-version.dll"
    stale.write_bytes(b"old")
    wine.run(str(installer), "/S")
    assert not stale.exists()
    assert (install_dir / "_internal" / "resources").is_dir()
    assert database.read_bytes() == b"SQLite format 3\x00 inspections of 2026"
    assert database.stat().st_mtime_ns == stamp

    # Silent uninstall (run in place with _?=, as the Add/Remove Programs entry does): the data stays.
    wine.run(str(install_dir / "uninstall.exe"), "/S", f"_?={install_dir_win}")
    assert not (install_dir / "_internal").exists()
    assert not (start_menu / SHORTCUT).exists()
    assert wine.reg_value(r"HKEY_CURRENT_USER\Software\Classes\.fabundle") is None
    assert wine.reg_value(uninstall_key, "DisplayName") is None
    assert database.read_bytes() == b"SQLite format 3\x00 inspections of 2026"
    assert (data_dir / "backups" / "fieldapp-20261123-080000-auto.sqlite3").is_file()
    print(f"install, upgrade and uninstall under Wine: {time.perf_counter() - started:.1f} s")
