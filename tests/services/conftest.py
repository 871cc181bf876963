from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.models import enterprises, findings, inspections, inspectors
from fieldapp.models.store import Store
from fieldapp.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data")
    yield workspace
    workspace.close()


@pytest.fixture
def visit(ws: Workspace) -> dict[str, str]:
    """An inspection of a real enterprise by two officers, with one open finding."""
    store: Store = ws.store
    e = enterprises.create(store, {"name": "宏达化工有限公司", "uscc": "91350100M000100Y43",
                                   "address": "示范县拳铺镇李庄1号", "legal_representative": "王伟",
                                   "industry": "危险化学品", "sub_sector": "生产"})
    a = inspectors.create(store, "张执法", "37083001001")
    b = inspectors.create(store, "李检查", "37083001002")
    ins, _ = inspections.create(store, enterprise_id=e["id"], officer_ids=[a["id"], b["id"]],
                                representative="赵厂长", representative_title="厂长")
    f = findings.create(store, enterprise_id=e["id"], inspection_id=ins["id"], description="配电箱未设置漏电保护器",
                        legal_basis="《施工现场临时用电安全技术规范》", requirement="加装漏电保护器")
    return {"enterprise_id": e["id"], "inspection_id": ins["id"], "finding_id": f["id"],
            "officer_a": a["id"], "officer_b": b["id"]}
