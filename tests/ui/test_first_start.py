"""First start: a real data directory starts empty on the welcome screen; the demo lives in its own directory."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.errors import FieldappError
from fieldapp.models import demo
from fieldapp.models.store import Store
from fieldapp.services import first_start as service
from fieldapp.sync import central as sync_central
from fieldapp.ui import first_start
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.tasks import AppContext
from fieldapp.workspace import Workspace
from tests.conftest import run_cli
from tests.sync.conftest import Network, uscc_for
from tests.ui.conftest import Dialogs


@pytest.fixture
def empty_ctx(tmp_path: Path, qtbot: QtBot) -> Iterator[AppContext]:
    ws = Workspace.open(tmp_path / "real")
    ctx = AppContext(ws)
    yield ctx
    ctx.close()
    ws.close()


def count(path: Path, sql: str) -> int:
    with sqlite3.connect(path / "fieldapp.sqlite3") as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_an_empty_real_directory_opens_on_the_first_start_screen(qtbot: QtBot, empty_ctx: AppContext) -> None:
    window = MainWindow(empty_ctx)
    qtbot.addWidget(window)
    assert window.outer.currentWidget() is window.first_start
    page = window.first_start
    assert page.enrol_button.text() and page.registry_button.text() and page.demo_button.text()
    assert "DEMO" not in window.windowTitle()
    page.skip_button.click()
    assert window.outer.currentWidget() is window.screens and window.current_page() == "home"


def test_the_demo_window_is_marked_in_its_title_and_skips_the_first_start(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)  # over the demo county
    qtbot.addWidget(window)
    assert window.first_start is None
    assert window.windowTitle().endswith("DEMO DATA")
    from PySide6.QtWidgets import QLabel

    assert window.statusBar().findChild(QLabel, "demoMark") is not None


def test_the_demo_title_reads_in_chinese(qtbot: QtBot, ctx: AppContext) -> None:
    from PySide6.QtWidgets import QApplication

    from fieldapp.ui.app import install_translator

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_translator(app, "zh_CN")
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        assert "演示数据" in window.windowTitle()
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_importing_a_registry_from_the_first_start_screen(qtbot: QtBot, empty_ctx: AppContext, dialogs: Dialogs,
                                                         tmp_path: Path) -> None:
    csv = tmp_path / "名录.csv"
    csv.write_text("单位名称,统一社会信用代码,地址\n"
                   f"宏达机械有限公司,{uscc_for(1)},拳铺镇1号\n"
                   "坏行,12345abc,拳铺镇2号\n"
                   f"鑫源木业有限公司,{uscc_for(2)},拳铺镇3号\n", encoding="utf-8")
    window = MainWindow(empty_ctx)
    qtbot.addWidget(window)
    window.first_start.import_registry(csv)
    # One bad row: the user is asked, says yes, and the other rows come in.
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=5000)
    assert "row 3" in dialogs.questions[0] and "18 位" in dialogs.questions[0]
    assert window.outer.currentWidget() is window.screens
    assert empty_ctx.read.store.scalar("SELECT count(*) FROM enterprises") == 2
    assert not demo.is_demo(empty_ctx.read.store)
    assert (tmp_path / "名录.rejects.csv").is_file()


def test_enrolling_from_the_first_start_screen(qtbot: QtBot, empty_ctx: AppContext, dialogs: Dialogs,
                                               tmp_path: Path) -> None:
    net = Network(tmp_path / "office")
    try:
        sync_central.enroll(net.central, "拳铺镇-1", tmp_path / "d.faenrol")
    finally:
        net.close()
    window = MainWindow(empty_ctx)
    qtbot.addWidget(window)
    window.first_start.enrol(tmp_path / "d.faenrol")
    qtbot.waitUntil(lambda: bool(dialogs.infos) or bool(dialogs.errors), timeout=10000)
    assert dialogs.errors == []
    assert "拳铺镇-1" in dialogs.infos[0]
    assert window.outer.currentWidget() is window.screens
    assert empty_ctx.read.store.scalar("SELECT value FROM meta WHERE key = 'role'") == "device"
    assert empty_ctx.read.store.scalar("SELECT count(*) FROM enterprises") == 5


def test_open_the_demo_starts_the_demo_command_and_writes_nothing_here(qtbot: QtBot, empty_ctx: AppContext,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(first_start, "launch_demo", lambda: started.append(first_start.demo_command()) or True)
    window = MainWindow(empty_ctx)
    qtbot.addWidget(window)
    window.first_start.demo_button.click()
    assert started and started[0][1][-2:] == ["gui", "--demo"]
    assert "--data-dir" not in started[0][1]
    assert window.first_start.demo_note.text()
    assert empty_ctx.read.store.scalar("SELECT count(*) FROM enterprises") == 0


def test_the_demo_command_fills_the_demo_directory_and_leaves_the_real_one_empty(tmp_path: Path) -> None:
    """What 打开演示 and `make run` start: the per-user demo directory, even with FIELDAPP_DATA_DIR set."""
    program, args = first_start.demo_command()
    real = tmp_path / "real"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "share"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), FIELDAPP_DATA_DIR=str(real))
    out = subprocess.run([program, *args, "--quit-when-ready"], capture_output=True, text=True, env=env, timeout=180)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip().splitlines()[-1] == "ready"
    demo_dir = tmp_path / "share" / "fieldapp-demo"
    assert count(demo_dir, "SELECT count(*) FROM enterprises") == 600
    assert count(demo_dir, "SELECT count(*) FROM documents WHERE status = 'issued'") > 0
    assert count(demo_dir, "SELECT count(*) FROM meta WHERE key = 'demo' AND value = '1'") == 1
    assert not (real / "fieldapp.sqlite3").exists()
    # Opened again, the demo directory is reused as it is.
    again = subprocess.run([program, *args, "--quit-when-ready"], capture_output=True, text=True, env=env,
                           timeout=120)
    assert again.returncode == 0 and count(demo_dir, "SELECT count(*) FROM enterprises") == 600


def test_gui_demo_refuses_a_directory_with_real_data(tmp_path: Path) -> None:
    csv = tmp_path / "名录.csv"
    csv.write_text(f"单位名称,统一社会信用代码\n宏达机械有限公司,{uscc_for(1)}\n", encoding="utf-8")
    assert run_cli(tmp_path / "real", "enterprises", "import", str(csv)).returncode == 0
    out = run_cli(tmp_path / "real", "gui", "--demo", "--quit-when-ready")
    assert out.returncode == 1
    assert "holds real data" in out.stderr
    assert count(tmp_path / "real", "SELECT count(*) FROM enterprises") == 1


def test_the_gui_never_writes_demo_data_into_a_real_directory(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    # The plain `fieldapp gui` that the Start-menu shortcut runs.
    out = subprocess.run([sys.executable, "-m", "fieldapp", "--data-dir", str(tmp_path / "real"), "gui",
                          "--quit-when-ready"], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert count(tmp_path / "real", "SELECT count(*) FROM enterprises") == 0
    assert count(tmp_path / "real", "SELECT count(*) FROM meta WHERE key = 'demo'") == 0


def test_open_demo_fills_only_an_empty_or_demo_directory(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "real")
    try:
        from fieldapp.models import enterprises

        enterprises.create(ws.store, {"name": "宏达机械有限公司", "uscc": uscc_for(1)})
        with pytest.raises(FieldappError, match="holds real data") as refused:
            service.open_demo(ws)
        assert "演示" in refused.value.zh
        assert not service.needs_first_start(ws)
    finally:
        ws.close()


def test_needs_first_start_only_for_an_empty_standalone_real_directory(store: Store, demo_store: Store) -> None:
    def ws(s: Store) -> Workspace:
        return Workspace(s.path.parent, s)

    assert service.needs_first_start(ws(store))
    assert not service.needs_first_start(ws(demo_store))
    demo_empty = store
    demo.mark(demo_empty)
    assert not service.needs_first_start(ws(demo_empty))
