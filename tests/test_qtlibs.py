"""Qt's X11 plugin: the libraries it links are read with ldd and mapped to the Debian packages holding them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp import qtlibs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin exists on Linux only")


def test_the_xcb_plugin_and_its_qt_library_are_found_in_the_installed_pyside6() -> None:
    qt = qtlibs.qt_dir()
    assert qt is not None
    names = {p.name for p in qtlibs.xcb_binaries(qt)}
    assert "libqxcb.so" in names
    assert any(n.startswith("libQt6XcbQpa.so") for n in names)


def test_every_library_the_plugin_links_is_in_the_map_with_the_package_dpkg_names() -> None:
    """After `scripts/system-check.sh test` everything resolves; the map must say what dpkg says.

    A Qt upgrade that links one more library fails here until the map has it (`python -m fieldapp.qtlibs table`).
    """
    if shutil.which("dpkg") is None:
        pytest.skip("not a Debian system")
    qt = qtlibs.qt_dir()
    assert qt is not None
    libraries = qtlibs.ldd(qtlibs.xcb_binaries(qt))
    assert len(libraries) > 20  # X11, xcb, GL, fontconfig, glib…
    not_found = sorted(s for s, where in libraries.items() if where is None)
    assert not_found == [], f"run scripts/system-check.sh test: {not_found}"
    wrong = {s: (qtlibs.SONAME_PACKAGES.get(s), qtlibs.installed_package(str(where)))
             for s, where in libraries.items()
             if qtlibs.SONAME_PACKAGES.get(s) != qtlibs.installed_package(str(where))}
    assert wrong == {}, "soname: (in the map, from dpkg)"


def test_the_check_passes_once_the_system_check_has_installed_the_packages() -> None:
    out = subprocess.run([sys.executable, "-m", "fieldapp.qtlibs", "check"], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    packages = subprocess.run([sys.executable, "-m", "fieldapp.qtlibs", "packages"], capture_output=True, text=True,
                              timeout=60)
    assert packages.returncode == 0 and packages.stdout.strip() == ""


def test_a_plugin_whose_libraries_are_absent_is_reported_by_name(tmp_path: Path) -> None:
    """The plugin copied away from Qt's lib folder: ldd finds none of Qt's libraries, and says so."""
    qt = qtlibs.qt_dir()
    assert qt is not None
    platforms = tmp_path / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    shutil.copy(qt / "plugins" / "platforms" / "libqxcb.so", platforms)
    absent = qtlibs.missing(tmp_path / "Qt")
    assert "libQt6XcbQpa.so.6" in absent and "libQt6Gui.so.6" in absent


def test_libraries_outside_the_map_get_their_debian_package_name_by_the_naming_rule() -> None:
    assert qtlibs.debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"  # from the map
    assert qtlibs.debian_package("libxcb-xinput.so.0") == "libxcb-xinput0"
    assert qtlibs.debian_package("libfoo2.so.1") == "libfoo2-1"
    assert qtlibs.debian_package("libXrandr.so.2") == "libxrandr2"
    assert qtlibs.packages_for(["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libgthread-2.0.so.0",
                                "libglib-2.0.so.0"]) == ["libglib2.0-0", "libxcb-icccm4", "libxcb-keysyms1"]


def test_the_system_check_installs_from_the_derived_list_not_a_fixed_one() -> None:
    script = (Path(__file__).parents[1] / "scripts" / "system-check.sh").read_text(encoding="utf-8")
    assert "fieldapp.qtlibs packages" in script and "fieldapp.qtlibs check" in script
    assert "libxcb-cursor0" not in script  # no hand-kept list to fall behind Qt
