"""A real `fieldapp serve` on an ephemeral loopback port, with TLS from the office CA (as in production)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import run_cli


@dataclass
class RunningServer:
    data_dir: Path
    url: str
    ca: Path
    process: subprocess.Popen[str]

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        return self.process.wait(timeout=timeout)


def office(data_dir: Path) -> Path:
    """An office data directory with its CA and a server certificate for 127.0.0.1; returns the CA file."""
    for args in (("central", "init", "--unit", "示范县应急管理局"),
                 ("central", "server-cert", "--host", "127.0.0.1", "--host", "localhost")):
        result = run_cli(data_dir, *args)
        assert result.returncode == 0, result.stderr
    return data_dir / "keys" / "office-ca" / "ca-cert.pem"


def start(data_dir: Path, *extra: str) -> RunningServer:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONUNBUFFERED="1")
    env.pop("FIELDAPP_DATA_DIR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "fieldapp", "--data-dir", str(data_dir), "serve", "--port", "0", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
    assert process.stdout is not None
    line = process.stdout.readline()
    match = re.search(r"listening on (https?://\S+)", line)
    if not match:
        process.kill()
        raise AssertionError(f"the server did not start: {line!r} {process.stderr.read() if process.stderr else ''}")
    server = RunningServer(data_dir, match.group(1), data_dir / "keys" / "office-ca" / "ca-cert.pem", process)
    wait_ready(server)
    return server


def wait_ready(server: RunningServer, timeout: float = 20) -> None:
    import ssl

    import httpx

    context = ssl.create_default_context(cafile=str(server.ca))
    deadline = time.monotonic() + timeout
    while True:
        try:
            httpx.get(server.url + "/healthz", verify=context if server.url.startswith("https") else False,
                      timeout=2)
            return
        except httpx.HTTPError:
            if time.monotonic() > deadline or server.process.poll() is not None:
                raise
            time.sleep(0.1)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    data_dir = tmp_path / "office"
    office(data_dir)
    running = start(data_dir)
    yield running
    if running.process.poll() is None:
        running.stop(signal.SIGKILL)
