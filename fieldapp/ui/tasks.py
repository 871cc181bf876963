"""Background work: one database worker, operations with progress, and the application-wide signals.

SQLite has one writer, so every write and every long read runs on a single worker thread (Anki's
taskman). Results come back to the main thread through a queued signal; widgets are only touched there.
Quick indexed reads for table models use `AppContext.read`, a separate read-only connection, so they
see committed data only and can never join a transaction the worker has open.

    ctx.op(self, lambda c: findings_service.record(c.workspace, ...)).success(done).run()

An op receives an OpContext (workspace, store, cancellation, progress) and must never touch widgets. When
it returns a services `Done`, its `changes` are announced on the bus and `success` gets the value.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar, overload

import shiboken6
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from fieldapp.errors import FieldappError
from fieldapp.services import checklists
from fieldapp.services.changes import EVERYTHING, Changes, Done, Entity
from fieldapp.ui import util
from fieldapp.workspace import Workspace

log = logging.getLogger("fieldapp.ui")

T = TypeVar("T")


class Cancelled(Exception):
    """Raised inside an op (OpContext.check_cancelled) when the user pressed Cancel."""


class Bus(QObject):
    """Application-wide signals: screens subscribe, dialogs never poke each other."""

    data_changed = Signal(object)  # frozenset[Entity]: screens redraw when one they show is in the set
    navigate = Signal(str, object)  # ("enterprise" | "start_inspection" | "inspection" | "finding", id)
    status = Signal(str)  # a short confirmation for the status bar


class OpContext:
    """What an op may use on the worker thread."""

    def __init__(self, workspace: Workspace, cancel: threading.Event,
                 report: Callable[[int, int, str | None], None]) -> None:
        self.workspace = workspace
        self._cancel = cancel
        self._report = report

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int = 0, label: str | None = None) -> None:
        self._report(done, total, label)


class TaskManager(QObject):
    """A single-thread executor for the database; closures return to the main thread by signal."""

    _closures_pending = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldapp-db")
        self._closures: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        self.pending = 0
        self.closed = False
        # Emitted from the worker thread, received here on the main thread: a queued connection.
        self._closures_pending.connect(self._on_closures_pending, Qt.ConnectionType.QueuedConnection)

    def run_in_background(self, task: Callable[[], T], on_done: Callable[[Future[T]], None]) -> Future[T]:
        self.pending += 1

        def finished(future: Future[T]) -> None:
            def deliver() -> None:
                self.pending -= 1
                on_done(future)

            self.run_on_main(deliver)

        future = self._executor.submit(task)
        future.add_done_callback(finished)
        return future

    def run_on_main(self, closure: Callable[[], None]) -> None:
        with self._lock:
            self._closures.append(closure)
        self._closures_pending.emit()

    def _on_closures_pending(self) -> None:
        with self._lock:
            closures, self._closures = self._closures, []
        for closure in closures:
            closure()

    def call(self, task: Callable[[], T]) -> T:
        """Run on the worker and block for the result: only for start-up, before the window shows."""
        return self._executor.submit(task).result()

    def wait_idle(self, timeout_ms: int = 15000) -> None:
        """Process events until every submitted op has delivered its result (tests, screenshots)."""
        timer = QElapsedTimer()
        timer.start()
        while self.pending and timer.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            threading.Event().wait(0.002)
        QCoreApplication.processEvents()

    def shutdown(self) -> None:
        self.closed = True
        self._executor.shutdown(wait=True)
        self._on_closures_pending()


class AppContext:
    """What every screen gets: the workspace, a read connection, the worker and the bus."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.tasks = TaskManager(workspace)
        self.bus = Bus()
        # Built-in checklists are written once, on the worker, before any screen reads the library.
        self.tasks.call(lambda: checklists.ensure_builtin(workspace))
        # A read-only connection for the services' read functions on the main thread (table models, quick
        # lookups): committed data only, never inside the worker's transaction.
        self.read = Workspace.open(workspace.data_dir, read_only=True)
        self._live: set[Operation[Any]] = set()

    @overload
    def op(self, parent: QWidget | None, fn: Callable[[OpContext], Done[T]]) -> Operation[T]: ...

    @overload
    def op(self, parent: QWidget | None, fn: Callable[[OpContext], T]) -> Operation[T]: ...

    def op(self, parent: QWidget | None, fn: Callable[[OpContext], Any]) -> Operation[Any]:
        """A user action on the worker; a services `Done` is unwrapped: `success` gets its value."""
        return Operation(self, parent, fn)

    def notify(self, changes: Changes | Iterable[str]) -> None:
        entities = changes.entities if isinstance(changes, Changes) else frozenset(Entity(c) for c in changes)
        if entities:
            self.bus.data_changed.emit(entities)

    def close(self) -> None:
        self.tasks.shutdown()
        self.read.close()


class Operation(Generic[T]):
    """One user action run on the database worker (Anki's CollectionOp)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, fn: Callable[[OpContext], T]) -> None:
        self.ctx = ctx
        self.parent = parent
        self.fn = fn
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._progress_label: str | None = None
        self._cancellable = False
        self._cancel = threading.Event()
        self._dialog: QProgressDialog | None = None

    def success(self, callback: Callable[[T], None]) -> Operation[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Operation[T]:
        """Replace the default error message box (the callback still gets FieldappError and bugs)."""
        self._failure = callback
        return self

    def with_progress(self, label: str, cancellable: bool = False) -> Operation[T]:
        self._progress_label = label
        self._cancellable = cancellable
        return self

    # -- running ---------------------------------------------------------------------------------

    def run(self) -> None:
        if self.ctx.tasks.closed:
            return  # a late timer of a screen whose context is closed (window closing, end of a test)
        if self._progress_label is not None:
            self._show_progress()
        op_ctx = OpContext(self.ctx.workspace, self._cancel, self._report)
        self.ctx._live.add(self)
        self.ctx.tasks.run_in_background(lambda: self.fn(op_ctx), self._finished)

    def _show_progress(self) -> None:
        dialog = QProgressDialog(self._progress_label or "", "", 0, 0, self.parent)
        dialog.setWindowTitle(QCoreApplication.translate("Operation", "Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # Quick operations finish before the dialog would flash up.
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self._cancellable:
            dialog.setCancelButtonText(QCoreApplication.translate("Operation", "Cancel"))
            dialog.canceled.connect(self._cancel.set)
        else:
            dialog.setCancelButton(None)
        self._dialog = dialog

    def _report(self, done: int, total: int, label: str | None) -> None:
        def apply() -> None:
            if self._dialog is None:
                return
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(done if total else 0)
            if label:
                self._dialog.setLabelText(label)

        self.ctx.tasks.run_on_main(apply)

    def _finished(self, future: Future[T]) -> None:
        self.ctx._live.discard(self)
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        exc = future.exception()
        alive = self.parent is None or shiboken6.isValid(self.parent)
        if exc is None:
            result: Any = future.result()
            if isinstance(result, Done):
                self.ctx.notify(result.changes)
                result = result.value
            if self._success is not None and alive:
                self._success(result)
            return
        if isinstance(exc, Cancelled):
            # The op may have committed part of its work before it stopped, and says nothing of what: every
            # screen reloads (a cancel is rare; a stale screen would be wrong).
            self.ctx.notify(EVERYTHING)
            return
        if not isinstance(exc, FieldappError):
            log.error("internal error in %s:\n%s", getattr(self.fn, "__qualname__", self.fn),
                      "".join(traceback.format_exception(exc)))
        if self._failure is not None and alive:
            self._failure(exc)
            return
        parent = self.parent if alive else None
        if isinstance(exc, FieldappError):
            util.show_error(parent, exc.zh)
        else:
            util.show_error(parent, QCoreApplication.translate(
                "Operation", "Internal error: %1\nThe details were written to fieldapp.log in the data directory.").replace("%1", repr(exc)))
