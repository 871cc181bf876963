"""The global exception hook: an error no screen caught is logged with its traceback and shown in Chinese."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp import paths
from fieldapp.errors import FieldappError
from fieldapp.ui import crash, util
from fieldapp.ui.app import install_translator
from fieldapp.workspace import setup_logging


@pytest.fixture
def reporter(tmp_path: Path, qtbot: QtBot) -> Iterator[crash.ErrorReporter]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    setup_logging(tmp_path)  # as the app does: fieldapp.log in the data directory
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translator(app, "zh_CN")
    installed = crash.install(tmp_path)
    yield installed
    installed.uninstall()
    for t in translators:
        app.removeTranslator(t)
    for h in root.handlers:
        h.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def log_text(tmp_path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return paths.log_path(tmp_path).read_text(encoding="utf-8")


def broken_slot() -> None:
    {}["no such key"]  # a bug in a screen


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_a_chinese_dialog_and_logs_the_traceback(
        qtbot: QtBot, reporter: crash.ErrorReporter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, bool]] = []
    monkeypatch.setattr(util, "show_error", lambda parent, text: shown.append(
        (text, threading.current_thread() is threading.main_thread())))
    QTimer.singleShot(0, broken_slot)  # Qt calls the slot; the exception escapes into sys.excepthook
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    text, on_main = shown[0]
    assert on_main
    assert text.startswith("程序发生内部错误：KeyError")
    assert str(paths.log_path(tmp_path)) in text
    log = log_text(tmp_path)
    assert "Traceback (most recent call last)" in log and "in broken_slot" in log and "KeyError" in log


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_thread_is_shown_on_the_main_thread(
        qtbot: QtBot, reporter: crash.ErrorReporter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[bool] = []
    monkeypatch.setattr(util, "show_error", lambda parent, text: shown.append(
        threading.current_thread() is threading.main_thread()))

    def work() -> None:
        raise ValueError("bad value in a worker")

    worker = threading.Thread(target=work, name="fieldapp-test-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert shown == [True]
    log = log_text(tmp_path)
    assert "fieldapp-test-worker" in log and "bad value in a worker" in log


@pytest.mark.qt_no_exception_capture
def test_an_uncaught_fieldapp_error_shows_its_own_chinese_message(
        qtbot: QtBot, reporter: crash.ErrorReporter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(util, "show_error", lambda parent, text: shown.append(text))

    def refuse() -> None:
        raise FieldappError("the disk is full", "磁盘空间已满")

    QTimer.singleShot(0, refuse)
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert shown == ["磁盘空间已满"]
    assert "the disk is full" in log_text(tmp_path)


def test_uninstall_puts_the_previous_hooks_back(tmp_path: Path, qtbot: QtBot) -> None:
    import sys

    before = (sys.excepthook, threading.excepthook)
    installed = crash.install(tmp_path)
    assert sys.excepthook == installed.excepthook
    installed.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
