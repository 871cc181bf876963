"""Every content-addressed file is checked and collected: photos, recordings and the signed PDFs (issue 22)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("files") / "data"
    result = run_cli(data, "demo", "--enterprises", "60", "--visits", "2", "--json")
    assert result.returncode == 0, result.stderr
    return data


def pdfs(data: Path) -> list[Path]:
    return sorted(p for p in (data / "documents").rglob("*") if p.is_file() and p.suffix != ".sqlite3"
                  and len(p.name) > 40)


def test_an_altered_pdf_is_named_by_evidence_verify_and_doctor_deep(demo: Path, tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(demo, data)
    ok = json.loads(run_cli(data, "evidence", "verify", "--json").stdout)
    stored = pdfs(data)
    assert ok["ok"] and stored and ok["checked"] >= len(stored)
    target = stored[0]
    raw = bytearray(target.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    target.write_bytes(bytes(raw))
    verify = run_cli(data, "evidence", "verify")
    assert verify.returncode == 1 and f"modified: {target}" in verify.stderr
    assert run_cli(data, "doctor").returncode == 0  # the quick check reads the database only
    deep = run_cli(data, "doctor", "--deep")
    assert deep.returncode == 1 and "FAIL files" in deep.stdout and str(target) in deep.stdout


def test_a_stored_pdf_no_record_names_is_collected(demo: Path, tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(demo, data)
    stray = data / "documents" / "ab" / ("0" * 62)  # the store keeps sha[:2]/sha[2:]
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"%PDF-1.4 left behind by an interrupted import")
    kept = pdfs(data)
    result = run_cli(data, "doctor", "--gc", "--json")
    assert result.returncode == 0, result.stderr
    assert not stray.exists() and all(p.exists() for p in kept if p != stray)
    assert json.loads(run_cli(data, "evidence", "verify", "--json").stdout)["ok"]
