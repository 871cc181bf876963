"""Bundle file names: sender, recipient, day and sequence, safe on FAT32 sticks and Windows."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path

from fieldapp.sync import exchange
from fieldapp.sync.naming import safe_part
from tests.conftest import run_cli
from tests.sync.conftest import Network

WINDOWS_FORBIDDEN = set('<>:"/\\|?*')


def test_names_tell_sender_recipient_day_and_sequence_apart(net: Network, tmp_path: Path) -> None:
    device = net.enrol("拳铺镇-1")
    usb = tmp_path / "U盘"
    first = exchange.export(device, out=usb)
    exchange.import_bundle(net.central, first.path)
    second = exchange.export(device, out=usb)
    back = exchange.export(net.central, to="拳铺镇-1", out=usb)
    today = date.today().strftime("%Y%m%d")
    assert first.path.name == f"拳铺镇-1-到-示范县应急管理局-{today}-001.fabundle"
    assert second.path.name == f"拳铺镇-1-到-示范县应急管理局-{today}-002.fabundle"
    assert back.path.name == f"示范县应急管理局-到-拳铺镇-1-{today}-001.fabundle"
    # Each file is the bundle it names: the office imports the second one too.
    assert exchange.import_bundle(net.central, second.path).status in ("applied", "nothing_new")


def test_a_file_already_on_the_stick_is_never_overwritten(net: Network, tmp_path: Path) -> None:
    device = net.enrol("拳铺镇-1")
    usb = tmp_path / "usb"
    usb.mkdir()
    taken = usb / f"拳铺镇-1-到-示范县应急管理局-{date.today():%Y%m%d}-001.fabundle"
    taken.write_bytes(b"someone else's file")
    written = exchange.export(device, out=usb)
    assert written.path.name.endswith("-002.fabundle")
    assert taken.read_bytes() == b"someone else's file"


def test_an_explicit_bundle_file_name_is_kept(net: Network, tmp_path: Path) -> None:
    device = net.enrol("拳铺镇-1")
    assert exchange.export(device, out=tmp_path / "mine.fabundle").path == tmp_path / "mine.fabundle"


def test_names_are_safe_for_windows_and_fat32() -> None:
    assert safe_part('城关/街道:1号*"终端"?', "x") == "城关_街道_1号_终端"
    assert safe_part("拳铺镇 执法终端  2", "x") == "拳铺镇_执法终端_2"
    for raw in ('城关/街道:1号*"终端"?', "拳铺镇\\2 <测试>|", "a\tb\nc", "  尾部.  ", "CON", "", "...", None,
                "拳铺镇" * 30):
        part = safe_part(raw, "fallback")
        assert part and not (set(part) & WINDOWS_FORBIDDEN)
        assert not any(ord(c) < 32 for c in part) and " " not in part
        assert not part.endswith((".", " ")) and len(part) <= 40
        assert part.upper() != "CON"
    assert safe_part("CON", "fallback") == "fallback"
    assert safe_part("", "fallback") == "fallback"
    # Decomposed (as macOS writes it) and composed spellings of one name give one file name.
    assert safe_part(unicodedata.normalize("NFD", "Ångström站"), "x") == unicodedata.normalize("NFC", "Ångström站")
    assert safe_part("𠮷祥镇-1", "x") == "𠮷祥镇-1"  # beyond the BMP, kept


def test_the_cli_writes_the_readable_name_into_a_folder(tmp_path: Path) -> None:
    c, d = tmp_path / "c", tmp_path / "d"
    assert run_cli(c, "central", "init", "--unit", "示范县应急管理局").returncode == 0
    assert run_cli(c, "central", "enroll", "--device", "拳铺镇/1号机", "--out", str(tmp_path / "d.faenrol")).returncode == 0
    assert run_cli(d, "enroll", str(tmp_path / "d.faenrol")).returncode == 0
    out = run_cli(d, "sync", "export", "--out", str(tmp_path / "E"), "--json")
    assert out.returncode == 0, out.stderr
    path = Path(json.loads(out.stdout)["path"])
    assert path.parent == tmp_path / "E"
    assert path.name == f"拳铺镇_1号机-到-示范县应急管理局-{date.today():%Y%m%d}-001.fabundle"
    assert run_cli(c, "sync", "import", str(path)).returncode == 0
