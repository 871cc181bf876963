"""Running the server: TLS from the office CA's certificate, a socket bound before start (so `--port 0`
reports the port it got), and a graceful shutdown that lets requests in flight finish."""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable

import uvicorn

from fieldapp.server.app import create_app
from fieldapp.server.config import ServerConfig
from fieldapp.services import sync
from fieldapp.workspace import Workspace


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(512)
    sock.set_inheritable(True)
    return sock


def serve(config: ServerConfig, *, announce: Callable[[str], None] | None = None) -> int:
    """Serve until SIGINT/SIGTERM; returns the exit code. A data directory that is not an office is refused."""
    with Workspace.open(config.data_dir) as ws:
        sync.require_central(ws)
        files = sync.server_tls_files(ws) if config.tls else None
    sock = bind(config.host, config.port)
    port = sock.getsockname()[1]
    scheme = "https" if files else "http"
    uv_config = uvicorn.Config(
        create_app(config), log_config=None, access_log=False, server_header=False, date_header=True,
        timeout_graceful_shutdown=config.graceful_seconds, proxy_headers=False,
        ssl_certfile=str(files.certificate) if files else None, ssl_keyfile=str(files.key) if files else None,
    )
    server = uvicorn.Server(uv_config)
    say = announce or (lambda text: print(text, flush=True, file=sys.stdout))
    say(f"fieldapp server listening on {scheme}://{config.host}:{port}")
    server.run(sockets=[sock])
    return 0
