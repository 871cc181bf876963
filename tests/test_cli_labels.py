"""The command line names document types and statuses by their Chinese titles, with the code where it is typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.models.lifecycle import STATUS_ZH
from fieldapp.models.taxonomy import FINDING_GRADES
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("labels") / "data"
    made = run_cli(path, "demo", "--enterprises", "60", "--visits", "2", "--seed", "5")
    assert made.returncode == 0, made.stderr
    return path


def ok(data: Path, *args: str) -> str:
    out = run_cli(data, *args)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_notices_list_shows_the_document_title_and_status(data: Path) -> None:
    text = ok(data, "notices", "list")
    assert "责令限期整改指令书" in text and "现场检查记录" in text
    assert "已签发 (issued)" in text
    assert "rectification_order" not in text and "inspection_record" not in text
    # Scripts still get the codes.
    rows = json.loads(ok(data, "notices", "list", "--json"))
    assert {r["type"] for r in rows} >= {"rectification_order"} and {r["status"] for r in rows} == {"issued"}


def test_findings_show_grade_and_status_titles_with_the_codes_their_options_take(data: Path) -> None:
    text = ok(data, "findings", "list")
    assert "一般隐患" in text and "general" not in text
    assert "责令整改 (ordered)" in text and "已销号 (closed)" in text
    rows = json.loads(ok(data, "findings", "list", "--status", "ordered", "--json"))
    moved = ok(data, "findings", "transition", rows[0]["id"], "reported", "--note", "企业报告已整改")
    assert moved.strip().endswith("is now 企业报告已整改 (reported)")
    inspection = json.loads(ok(data, "inspections", "list", "--json"))
    with_findings = next(i for i in inspection if i["findings"])
    shown = ok(data, "inspections", "show", with_findings["id"])
    detail = json.loads(ok(data, "inspections", "show", with_findings["id"], "--json"))
    for finding in detail["findings"]:
        assert f"{STATUS_ZH[finding['status']]} ({finding['status']})" in shown
        assert FINDING_GRADES[finding["grade"]] in shown


def test_number_blocks_show_the_title_and_the_code_assign_takes(data: Path) -> None:
    text = ok(data, "numbers", "list")
    assert "责令限期整改指令书 (rectification_order)" in text and "整改复查意见书 (reinspection_opinion)" in text
    assigned = ok(data, "numbers", "assign", "--type", "onsite_measures", "--first", "900", "--last", "910")
    assert assigned.strip().startswith("Assigned 现场处理措施决定书 (onsite_measures)")


def test_verify_and_void_name_the_document(data: Path, tmp_path: Path) -> None:
    rows = json.loads(ok(data, "notices", "list", "--json"))
    order = next(r for r in rows if r["type"] == "rectification_order")
    ok(data, "notices", "export", order["id"], "--out", str(tmp_path / "n.pdf"))
    result = run_cli(data, "notices", "verify", str(tmp_path / "n.pdf"))
    assert result.returncode == 1, result.stderr
    verified = result.stdout
    # Demo data: genuine in every other respect, but never valid.
    assert verified.splitlines()[:2] == [f"INVALID: 责令限期整改指令书 {order['number']}",
                                         "DEMO DOCUMENT, NO LEGAL EFFECT (演示文书，无法律效力)"]
    voided = ok(data, "notices", "void", order["id"], "--reason", "单位名称有误")
    assert voided.strip() == f"Voided 责令限期整改指令书 {order['number']}"
    assert "已作废 (voided)" in ok(data, "notices", "list")
