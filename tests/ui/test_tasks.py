"""The database worker and operations: results on the main thread, errors in Chinese, never lost."""

from __future__ import annotations

import logging
import threading

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.errors import ValidationError
from fieldapp.services.changes import Done, Entity, changed
from fieldapp.ui.tasks import AppContext, OpContext

from .conftest import Dialogs


def test_op_runs_on_the_worker_and_delivers_on_the_main_thread(qtbot: QtBot, ctx: AppContext) -> None:
    seen: dict[str, str] = {}

    def op(c: OpContext) -> Done[int]:
        seen["op"] = threading.current_thread().name
        return Done(c.workspace.store.current_seq(), changed(Entity.FINDINGS))

    results: list[int] = []

    def done(value: int) -> None:
        results.append(value)
        seen["done"] = threading.current_thread().name

    with qtbot.waitSignal(ctx.bus.data_changed, timeout=3000) as announced:
        ctx.op(None, op).success(done).run()
    assert announced.args == [frozenset({"findings"})]
    qtbot.waitUntil(lambda: bool(results))
    assert seen["op"].startswith("fieldapp-db")
    assert seen["done"] == threading.main_thread().name


def test_user_errors_are_shown_in_chinese(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    def op(_c: OpContext) -> None:
        raise ValidationError("bad", "错误的输入")

    ctx.op(None, op).run()
    qtbot.waitUntil(lambda: bool(dialogs.errors))
    assert dialogs.errors == ["错误的输入"]


def test_bugs_become_an_internal_error_with_the_traceback_logged(
        qtbot: QtBot, ctx: AppContext, dialogs: Dialogs, caplog: pytest.LogCaptureFixture) -> None:
    def op(_c: OpContext) -> None:
        raise KeyError("boom")

    with caplog.at_level(logging.ERROR, logger="fieldapp.ui"):
        ctx.op(None, op).run()
        qtbot.waitUntil(lambda: bool(dialogs.errors))
    assert "boom" in dialogs.errors[0]
    assert "Traceback" in caplog.text and "KeyError" in caplog.text


def test_cancel_reaches_the_op(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    started = threading.Event()
    finished: list[str] = []

    def op(c: OpContext) -> str:
        started.set()
        for i in range(500):
            c.check_cancelled()
            c.report(i, 500)
            threading.Event().wait(0.01)
        return "ran to the end"

    operation = ctx.op(None, op).with_progress("working", cancellable=True).success(finished.append)
    operation.run()
    assert started.wait(3)
    operation._cancel.set()
    ctx.tasks.wait_idle()
    assert finished == [] and dialogs.errors == []


def test_failure_callback_replaces_the_message(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    got: list[BaseException] = []
    ctx.op(None, lambda c: 1 / 0).failure(got.append).run()
    qtbot.waitUntil(lambda: bool(got))
    assert isinstance(got[0], ZeroDivisionError) and dialogs.errors == []


def test_a_services_result_announces_what_it_changed(qtbot: QtBot, ctx: AppContext) -> None:
    announced: list[frozenset[Entity]] = []
    values: list[int] = []
    ctx.bus.data_changed.connect(announced.append)
    ctx.op(None, lambda c: Done(7, changed(Entity.FINDINGS, Entity.DOCUMENTS, ids=["f1"]))).success(
        values.append).run()
    qtbot.waitUntil(lambda: values == [7], timeout=3000)
    assert announced == [frozenset({Entity.FINDINGS, Entity.DOCUMENTS})]
    # Screens written against entity names keep working: the members are their names.
    assert announced[0] & {"findings"} == {"findings"}


def test_a_read_only_op_announces_nothing(qtbot: QtBot, ctx: AppContext) -> None:
    announced: list[object] = []
    values: list[int] = []
    ctx.bus.data_changed.connect(announced.append)
    ctx.op(None, lambda c: 5).success(values.append).run()
    qtbot.waitUntil(lambda: values == [5], timeout=3000)
    assert announced == []
