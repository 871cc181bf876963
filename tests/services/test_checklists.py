"""The checklist library: a template exported and imported again, a changed file, a broken file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.services import checklists
from fieldapp.services.changes import Entity
from fieldapp.workspace import Workspace


def test_a_template_goes_out_and_comes_back_only_when_changed(ws: Workspace, tmp_path: Path) -> None:
    library = checklists.library(ws)
    assert library and all(r["status"] == "active" for r in library)
    out = tmp_path / "工贸通用.json"
    template = checklists.export_template(ws, "gongmao-general", out)
    assert json.loads(out.read_text(encoding="utf-8")) == template
    checked = checklists.check_template_file(out)
    assert checked["valid"] and checked["items"] == checklists.item_count(template)
    same = checklists.import_template(ws, out)
    assert same.value["stored"] is False and not same.changes  # the same content again changes nothing
    template["version"] += 1
    template["title"] += "（修订）"
    out.write_text(json.dumps(template, ensure_ascii=False), encoding="utf-8")
    newer = checklists.import_template(ws, out)
    assert newer.value["stored"] and Entity.CHECKLISTS in newer.changes
    assert checklists.template(ws, "gongmao-general")["title"].endswith("（修订）")
    xlsx = tmp_path / "工贸通用.xlsx"
    checklists.export_template(ws, "gongmao-general", xlsx, version=template["version"] - 1)
    assert checklists.check_template_file(xlsx)["version"] == template["version"] - 1


def test_a_broken_file_names_its_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 1, "id": "x"}', encoding="utf-8")
    with pytest.raises(checklists.TemplateInvalid) as invalid:
        checklists.check_template_file(bad)
    assert invalid.value.problems and "检查表模板有误" in invalid.value.zh
