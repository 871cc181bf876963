"""A structured access log: one JSON object per request, in <data>/server-access.log.

Secrets never reach it: query strings are dropped except for keys known to be harmless, and a verification
token is shortened to its first 8 characters (enough to find a complaint, too little to forge or replay).
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

HARMLESS_KEYS = frozenset({"page", "after", "township", "status", "grade", "industry", "overdue", "q", "type"})
SHORTENED_KEYS = frozenset({"p"})  # the QR token of the public verification page

log = logging.getLogger("fieldapp.server.access")


def open_access_log(path: Path) -> None:
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(logging.INFO)
    log.propagate = False


def _query(raw: bytes) -> str:
    kept = []
    for key, value in parse_qsl(raw.decode("latin-1"), keep_blank_values=True):
        if key in HARMLESS_KEYS:
            kept.append(f"{key}={value[:40]}")
        elif key in SHORTENED_KEYS:
            kept.append(f"{key}={value[:8]}…")
        else:
            kept.append(f"{key}=…")
    return "&".join(kept)


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 0
        sent = 0

        async def counting_send(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, counting_send)
        finally:
            client = scope.get("client") or ("", 0)
            entry = {
                "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "client": client[0], "method": scope["method"],
                "path": scope["path"], "query": _query(scope.get("query_string", b"")), "status": status or 500,
                "bytes": sent, "ms": round((time.perf_counter() - start) * 1000, 1),
                "who": scope.get("state", {}).get("who"),
            }
            log.info(json.dumps(entry, ensure_ascii=False))
