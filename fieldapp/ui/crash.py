"""The last line of defence: an error nobody caught is logged with its traceback and told in Chinese.

Qt calls Python slots and virtual methods from C++; an exception escaping one ends up in sys.excepthook,
and one escaping a thread in threading.excepthook. Both are replaced while the desktop app runs: the
traceback goes to fieldapp.log in the data directory (the root logger's file, workspace.setup_logging)
and the user sees a message box instead of a silent failure or a traceback on a terminal nobody reads.
The dialog is always shown on the main thread, and only one at a time: an error repeated on every paint
would otherwise pile up boxes.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from fieldapp import paths
from fieldapp.errors import FieldappError
from fieldapp.ui import util

log = logging.getLogger("fieldapp.ui")


class ErrorReporter(QObject):
    """Installed by install(); `uninstall()` puts the previous hooks back (tests)."""

    _report = Signal(str)  # the text to show; emitted from any thread, shown on the main thread

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.showing = False
        self.shown: list[str] = []
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def excepthook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, value, tb)
            return
        self.handle(value, tb, where="main")

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        where = args.thread.name if args.thread is not None else "thread"
        self.handle(args.exc_value, args.exc_traceback, where=where)

    def handle(self, value: BaseException, tb: TracebackType | None, *, where: str) -> None:
        text = "".join(traceback.format_exception(type(value), value, tb))
        if isinstance(value, FieldappError):
            # A user error that no screen caught: still a bug of the screen, but its message is meant for people.
            log.error("uncaught FieldappError (%s):\n%s", where, text)
            message = value.zh
        else:
            log.error("uncaught exception (%s):\n%s", where, text)
            message = QCoreApplication.translate(
                "ErrorReporter",
                "An internal error occurred: %1\n\nThe details were written to %2. Your saved work is safe; "
                "if it happens again, please send that file to your support staff.").replace(
                "%1", f"{type(value).__name__}: {value}").replace("%2", str(paths.log_path(self.data_dir)))
        self._report.emit(message)

    def _show(self, message: str) -> None:
        self.shown.append(message)
        if self.showing:
            return  # one box at a time; every error is in the log
        self.showing = True
        try:
            util.show_error(None, message)
        finally:
            self.showing = False


def install(data_dir: Path) -> ErrorReporter:
    return ErrorReporter(data_dir)
