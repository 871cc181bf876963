"""The server's way to the database: one writer thread, a few reader threads, awaited from async code.

SQLite has one writer, so every change (an import, a form) runs on the single writer thread in turn, like the
desktop's worker; reads run on reader threads, each with its own read-only connection that sees committed data
only. Request handlers await `db.read(fn)` / `db.write(fn)`; `fn` receives a Workspace and calls services.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from fieldapp.workspace import Workspace

T = TypeVar("T")


class Database:
    def __init__(self, data_dir: Path, *, readers: int = 4) -> None:
        self.data_dir = data_dir
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldapp-server-writer")
        self._readers = ThreadPoolExecutor(max_workers=readers, thread_name_prefix="fieldapp-server-reader")
        self._local = threading.local()
        self._opened: list[Workspace] = []
        self._lock = threading.Lock()
        # Opening once on the writer creates or upgrades the database before any reader looks at it.
        self._write_ws: Workspace = self._writer.submit(lambda: Workspace.open(data_dir)).result()

    def _reader_ws(self) -> Workspace:
        ws = getattr(self._local, "ws", None)
        if ws is None:
            ws = Workspace.open(self.data_dir, read_only=True)
            self._local.ws = ws
            with self._lock:
                self._opened.append(ws)
        return ws

    async def read(self, fn: Callable[[Workspace], T]) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._readers, lambda: fn(self._reader_ws()))

    async def write(self, fn: Callable[[Workspace], T]) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._writer, lambda: fn(self._write_ws))

    def close(self) -> None:
        self._readers.shutdown(wait=True)
        self._writer.shutdown(wait=True)
        for ws in self._opened:
            ws.close()
        self._write_ws.close()
