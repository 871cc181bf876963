"""The officers' roster: adding one, and a certificate number that is already registered."""

from __future__ import annotations

import pytest

from fieldapp.errors import ValidationError
from fieldapp.services import inspectors
from fieldapp.services.changes import Entity
from fieldapp.workspace import Workspace


def test_an_officer_is_added_once_per_certificate_number(ws: Workspace) -> None:
    done = inspectors.add_inspector(ws, " 张执法 ", "37083001001", unit="拳铺镇安监站")
    assert Entity.INSPECTORS in done.changes and done.value["id"] in done.changes.ids
    with pytest.raises(ValidationError) as refused:
        inspectors.add_inspector(ws, "李检查", "37083001001")
    assert "已登记" in refused.value.zh
    assert [(o["name"], o["unit"]) for o in inspectors.list_inspectors(ws)] == [("张执法", "拳铺镇安监站")]
