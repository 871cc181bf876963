"""How a server runs: where its data lives, where it listens, and the limits that keep it healthy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8443


@dataclass(frozen=True)
class ServerConfig:
    data_dir: Path
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT  # 0: any free port (tests)
    tls: bool = True  # False only behind a TLS-terminating proxy on the same host
    readers: int = 4  # database read connections (one writer, SQLite has one)
    graceful_seconds: int = 30  # how long a shutdown waits for requests in flight

    @property
    def access_log(self) -> Path:
        return self.data_dir / "server-access.log"
