"""`fieldapp serve`: TLS pinned to the office CA, an office's data directory only, a structured access log
without secrets, and a clean stop."""

from __future__ import annotations

import json
import signal
import ssl
from pathlib import Path

import httpx
import pytest

from fieldapp.documents.keys import make_office_ca
from tests.conftest import run_cli
from tests.server.conftest import RunningServer, office, start


def trust(ca: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(ca))


def test_a_device_trusting_the_office_ca_reaches_the_server(server: RunningServer) -> None:
    answer = httpx.get(server.url + "/healthz", verify=trust(server.ca))
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok" and answer.json()["role"] == "central"
    assert "server" not in answer.headers  # no software banner


def test_the_certificate_names_the_host_devices_use(server: RunningServer) -> None:
    with httpx.Client(verify=trust(server.ca)) as client:
        assert client.get(server.url.replace("127.0.0.1", "localhost") + "/healthz").status_code == 200


def test_a_client_trusting_another_ca_is_refused(server: RunningServer, tmp_path: Path) -> None:
    other = tmp_path / "other-ca.pem"
    other.write_bytes(make_office_ca("别的单位").certificate_pem)
    with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
        httpx.get(server.url + "/healthz", verify=trust(other))
    # and the system's roots do not vouch for it either
    with pytest.raises(httpx.ConnectError):
        httpx.get(server.url + "/healthz")


def test_plain_http_to_the_tls_port_gets_no_answer(server: RunningServer) -> None:
    with pytest.raises(httpx.HTTPError):
        httpx.get(server.url.replace("https://", "http://") + "/healthz", timeout=5)


def test_the_access_log_is_one_json_object_per_request_without_tokens(server: RunningServer) -> None:
    httpx.get(server.url + "/healthz?p=FA1ABCDEFGHIJKLMNOPQRSTUVWXYZ234567&password=hunter2", verify=trust(server.ca))
    httpx.get(server.url + "/no-such-page", verify=trust(server.ca))
    server.stop()
    lines = (server.data_dir / "server-access.log").read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines]
    assert [(e["method"], e["path"], e["status"]) for e in entries][-2:] == [("GET", "/healthz", 200),
                                                                             ("GET", "/no-such-page", 404)]
    logged = "\n".join(lines)
    assert "FA1ABCDE…" in logged and "IJKLMNOP" not in logged and "hunter2" not in logged
    assert all({"time", "client", "ms", "bytes"} <= set(e) for e in entries)


def test_a_stop_signal_ends_the_server_cleanly(server: RunningServer) -> None:
    # uvicorn shuts down gracefully, then re-raises the signal: the exit a supervisor (systemd) expects.
    assert server.stop(signal.SIGTERM) in (0, -signal.SIGTERM)
    assert server.process.stderr is not None
    assert "Traceback" not in server.process.stderr.read()


def test_the_server_runs_only_on_an_office(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "laptop", "serve", "--port", "0")
    assert result.returncode == 1
    assert "central" in result.stderr.lower()


def test_without_a_certificate_the_server_says_how_to_make_one(tmp_path: Path) -> None:
    data_dir = tmp_path / "office"
    assert run_cli(data_dir, "central", "init", "--unit", "示范县应急管理局").returncode == 0
    result = run_cli(data_dir, "serve", "--port", "0")
    assert result.returncode == 1
    assert "fieldapp central server-cert --host" in result.stderr


def test_a_server_certificate_needs_a_real_host_name(tmp_path: Path) -> None:
    data_dir = tmp_path / "office"
    office(data_dir)
    result = run_cli(data_dir, "central", "server-cert", "--host", "http://evil/")
    assert result.returncode == 1 and "not a host name" in result.stderr


def test_plain_http_only_when_asked(tmp_path: Path) -> None:
    data_dir = tmp_path / "office"
    office(data_dir)
    running = start(data_dir, "--no-tls")
    try:
        assert running.url.startswith("http://")
        assert httpx.get(running.url + "/healthz").json()["status"] == "ok"
    finally:
        running.stop()
