"""Kill the importer at random points: the database is always as before the import or as after it."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fieldapp.models import demo
from fieldapp.models.doctor import run as doctor
from fieldapp.sync import exchange
from fieldapp.workspace import Workspace
from tests.sync.conftest import Network

TABLES = ("inspections", "findings", "finding_events", "audit_log", "sync_log")


def counts(data_dir: Path) -> tuple[int, ...]:
    ws = Workspace.open(data_dir)
    try:
        assert doctor(ws.store).ok
        return tuple(int(ws.store.scalar(f"SELECT count(*) FROM {t}")) for t in TABLES)
    finally:
        ws.close()


@pytest.mark.slow
def test_killed_import_leaves_before_or_after_state(tmp_path: Path) -> None:
    net = Network(tmp_path / "net")
    device = net.enrol("拳铺镇-1")
    demo.fill_field_work(device.store, inspections_count=600, seed=3)
    bundle = net.send(device, net.central)
    net.central.close()
    device.close()
    pristine = tmp_path / "central-before"
    shutil.copytree(tmp_path / "net" / "central", pristine)
    before = counts(pristine)
    done = tmp_path / "central-after"
    shutil.copytree(pristine, done)
    started = time.perf_counter()
    ws = Workspace.open(done)
    exchange.import_bundle(ws, bundle)
    ws.close()
    duration = time.perf_counter() - started
    after = counts(done)
    assert after != before
    rng = random.Random(7)
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    seen = set()
    for attempt in range(6):
        target = tmp_path / f"central-{attempt}"
        shutil.copytree(pristine, target)
        proc = subprocess.Popen([sys.executable, "-m", "fieldapp", "--data-dir", str(target), "sync", "import",
                                 str(bundle)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 0.3 + duration * 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        state = counts(target)
        assert state in (before, after), f"attempt {attempt}: half-applied state {state}"
        seen.add(state)
        # Whatever happened, importing again completes the job.
        ws = Workspace.open(target)
        exchange.import_bundle(ws, bundle)
        ws.close()
        assert counts(target) == after
    net.close()
