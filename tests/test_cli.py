"""The command line through a real subprocess on a real data directory."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import run_cli


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("cli") / "data"
    result = run_cli(data, "demo", "--enterprises", "500", "--seed", "3", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # library warnings (pyHanko's imports) go to the log, not to the user
    assert json.loads(result.stdout)["enterprises"] == 500
    return data


def test_init_creates_the_database(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "d", "init", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert Path(data["database"]).exists() and data["schema_version"] >= 5


def test_demo_refuses_a_non_empty_database(demo_dir: Path) -> None:
    result = run_cli(demo_dir, "demo")
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: the database is not empty; demo data only goes into an empty database"


SEARCH_KEYS = {"id", "uscc", "name", "address", "legal_representative", "township_id", "industry", "risk_level",
               "uscc_check_ok", "status", "match"}
TIERS = ["uscc", "uscc_prefix", "name_prefix", "pinyin_prefix", "name", "pinyin", "other"]


def test_search_json_shape(demo_dir: Path) -> None:
    result = run_cli(demo_dir, "enterprises", "search", "化工", "--json")
    rows = json.loads(result.stdout)
    assert 0 < len(rows) <= 20  # the default --limit
    assert all(set(r) == SEARCH_KEYS for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)
    tiers = [TIERS.index(r["match"]) for r in rows]
    assert tiers == sorted(tiers)  # better matches first
    assert all("化工" in r["name"] for r in rows if r["match"] in ("name_prefix", "name"))
    everything = json.loads(run_cli(demo_dir, "enterprises", "list", "--limit", "1000", "--json").stdout)
    with_name = [e for e in everything if "化工" in e["name"]]
    assert len(rows) == min(20, len(with_name)) or rows[-1]["match"] == "other"


def test_show_by_uscc_and_listings(demo_dir: Path) -> None:
    first = json.loads(run_cli(demo_dir, "enterprises", "list", "--limit", "1", "--json").stdout)[0]
    shown = json.loads(run_cli(demo_dir, "enterprises", "show", first["uscc"].lower(), "--json").stdout)
    assert shown["id"] == first["id"] and isinstance(shown["tags"], list)
    inspections = json.loads(run_cli(demo_dir, "inspections", "list", "--json").stdout)
    assert inspections and all("id" in r for r in inspections)
    one = json.loads(run_cli(demo_dir, "inspections", "show", inspections[0]["id"], "--json").stdout)
    assert one["id"] == inspections[0]["id"] and len(one["officers"]) == 2


def test_findings_in_every_lifecycle_state_and_overdue(demo_dir: Path) -> None:
    rows = json.loads(run_cli(demo_dir, "findings", "list", "--json").stdout)
    assert {r["status"] for r in rows} == {"open", "ordered", "reported", "verified", "closed",
                                           "failed_reinspection", "escalated", "referred", "voided"}
    overdue = json.loads(run_cli(demo_dir, "findings", "list", "--overdue", "--json").stdout)
    assert overdue and all(r["overdue"] for r in overdue)
    ordered = json.loads(run_cli(demo_dir, "findings", "list", "--status", "ordered", "--json").stdout)
    assert ordered and all(r["status"] == "ordered" for r in ordered)


def test_stats_json_keys(demo_dir: Path) -> None:
    data = json.loads(run_cli(demo_dir, "stats", "--json").stdout)
    for key in ("enterprises", "inspections", "findings", "documents", "evidence"):
        assert isinstance(data[key], int)
    assert data["enterprises"] == 500 == sum(data["enterprises_by_township"].values())
    assert sum(data["enterprises_by_industry"].values()) == 500
    by_status = data["findings_by_status"]
    # Hazards recorded in error (voided) are not hazards found.
    assert sum(n for status, n in by_status.items() if status != "voided") == data["findings"] > 0
    assert data["findings_resolved"] == by_status.get("verified", 0) + by_status.get("closed", 0)
    assert data["整改率"] == data["rectification_rate"] == round(data["findings_resolved"] / data["findings"], 4)
    assert data["findings_escalated"] == by_status.get("escalated", 0)
    overdue = json.loads(run_cli(demo_dir, "findings", "list", "--overdue", "--json").stdout)
    assert data["findings_overdue"] == len(overdue)
    for breakdown in ("by_township", "by_industry"):
        rows = data[breakdown]
        assert sum(r["findings"] for r in rows) == data["findings"]
        assert sum(r["resolved"] for r in rows) == data["findings_resolved"]
        assert sum(r["overdue"] for r in rows) == data["findings_overdue"]
        assert all(r["整改率"] == round(r["resolved"] / r["findings"], 4) for r in rows if r["findings"])


def test_doctor_passes_then_names_a_broken_chain(demo_dir: Path, tmp_path: Path) -> None:
    assert run_cli(demo_dir, "doctor").returncode == 0
    backup = tmp_path / "copy.sqlite3"
    assert run_cli(demo_dir, "backup", "--out", str(backup)).returncode == 0
    broken = tmp_path / "broken"
    broken.mkdir()
    target = broken / "fieldapp.sqlite3"
    target.write_bytes(backup.read_bytes())
    conn = sqlite3.connect(target)
    conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE chain_index = 5")
    conn.commit()
    conn.close()
    result = run_cli(broken, "doctor")
    assert result.returncode == 1
    assert "audit_chain" in result.stderr and "entry 5" in result.stderr


def test_import_errors_exit_non_zero_with_row_reasons(tmp_path: Path) -> None:
    csv_path = tmp_path / "名录.csv"
    csv_path.write_text("单位名称,统一社会信用代码\n甲厂,91350100M000100Y43\n乙厂,ABC\n", encoding="utf-8")
    result = run_cli(tmp_path / "d", "enterprises", "import", str(csv_path))
    assert result.returncode == 1
    assert "row 3, column 统一社会信用代码" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(run_cli(tmp_path / "d", "stats", "--json").stdout)["enterprises"] == 0
    ok = run_cli(tmp_path / "d", "enterprises", "import", str(csv_path), "--skip-invalid", "--json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["inserted"] == 1


def test_newer_database_is_refused_with_one_line(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert run_cli(data, "init").returncode == 0
    conn = sqlite3.connect(data / "fieldapp.sqlite3")
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    result = run_cli(data, "stats")
    assert result.returncode == 1 and "newer fieldapp" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "d"
    data.mkdir()
    (data / "fieldapp.sqlite3").write_text("hello")
    result = run_cli(data, "stats")
    assert result.returncode == 1 and "not a fieldapp database" in result.stderr


def test_restore_from_backup(demo_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "d"
    backup = tmp_path / "b.sqlite3"
    assert run_cli(demo_dir, "backup", "--out", str(backup)).returncode == 0
    assert run_cli(data, "init").returncode == 0
    result = run_cli(data, "restore", str(backup), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(run_cli(data, "stats", "--json").stdout)["enterprises"] == 500


def test_every_command_has_help_with_an_example() -> None:
    from fieldapp.cli import main

    def walk(cmd, path):  # type: ignore[no-untyped-def]
        yield path, cmd
        for name, sub in getattr(cmd, "commands", {}).items():
            yield from walk(sub, [*path, name])

    for path, cmd in walk(main, []):
        assert cmd.help, f"{' '.join(path)} has no help"
        if not getattr(cmd, "commands", None):
            assert "Example:" in cmd.help, f"{' '.join(path)} has no example"


def test_checklists_list_export_validate_import(tmp_path: Path) -> None:
    data = tmp_path / "d"
    rows = json.loads(run_cli(data, "checklists", "list", "--json").stdout)
    assert len(rows) >= 18 and sum(r["items"] for r in rows) >= 500
    assert all({"id", "version", "title", "items"} <= set(r) for r in rows)
    out = tmp_path / "工贸通用.xlsx"
    assert run_cli(data, "checklists", "export", "gongmao-general", "--out", str(out)).returncode == 0
    ok = run_cli(data, "checklists", "validate", str(out), "--json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["valid"]
    again = run_cli(data, "checklists", "import", str(out), "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["stored"] is False
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 1, "id": "x"}', encoding="utf-8")
    result = run_cli(data, "checklists", "validate", str(bad))
    assert result.returncode == 1 and "missing field" in result.stderr and "Traceback" not in result.stderr
