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


def exported_order(data: Path, tmp_path: Path) -> Path:
    listed = json.loads(run_cli(data, "notices", "list", "--json").stdout)
    order = next(n for n in listed if n["type"] == "rectification_order")
    out = tmp_path / "order.pdf"
    assert run_cli(data, "notices", "export", order["number"], "--out", str(out)).returncode == 0
    return out


def verdicts(output: str) -> tuple[str, list[str]]:
    lines = output.splitlines()
    return lines[0].split(":")[0], lines[1:]


@pytest.mark.parametrize("change", ["appended bytes", "incremental update"])
def test_notices_verify_gives_one_verdict_and_never_contradicts_it(demo: Path, tmp_path: Path, change: str) -> None:
    pdf = exported_order(demo, tmp_path)
    clean = run_cli(demo, "notices", "verify", str(pdf))
    verdict, explanation = verdicts(clean.stdout)
    # Demo data never verifies as valid, but its PDF signature is sound: the explanation says so.
    assert verdict == "INVALID" and any(line.startswith("PDF signature: valid") for line in explanation)
    if change == "appended bytes":
        pdf.write_bytes(pdf.read_bytes() + b"\n% added after signing\n")
    else:
        from io import BytesIO

        from pyhanko.pdf_utils.generic import TextStringObject
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

        writer = IncrementalPdfFileWriter(BytesIO(pdf.read_bytes()))
        writer.root["/Lang"] = TextStringObject("zh-CN")
        writer.update_root()
        out = BytesIO()
        writer.write(out)
        pdf.write_bytes(out.getvalue())
    result = run_cli(demo, "notices", "verify", str(pdf))
    verdict, explanation = verdicts(result.stdout)
    assert result.returncode == 1 and verdict == "INVALID"
    said = "\n".join(explanation).lower()
    assert "unchanged" not in said and "unmodified: true" not in said
    assert not any("valid" in line.lower() and "invalid" not in line.lower() for line in explanation)
    assert any("after it was signed" in line or "added" in line.lower() for line in explanation), result.stdout
