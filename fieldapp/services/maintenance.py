"""Looking after the data directory: what database it holds, and the health check (`fieldapp doctor`)."""

from __future__ import annotations

from typing import Any

from fieldapp.models import doctor
from fieldapp.models.doctor import Report
from fieldapp.workspace import Workspace

__all__ = ["Report", "check_health", "database_info"]


def database_info(ws: Workspace) -> dict[str, Any]:
    """The data directory, its database file, schema version and this device's id (opening it created or
    upgraded it)."""
    store = ws.store
    return {"data_dir": str(ws.data_dir), "database": str(store.path), "schema_version": store.schema_version,
            "device_id": store.device_id}


def check_health(ws: Workspace, *, deep: bool = False, collect_garbage: bool = False) -> Report:
    """Integrity, foreign keys and the audit chains; `deep` also re-hashes every stored file (photos, PDFs);
    with `collect_garbage`, and only when all is well, stored files no record uses any more are removed."""
    from fieldapp.services import files

    report = doctor.run(ws.store)
    if deep:
        checked, problems = files.verify(ws)
        report.add("files", not problems,
                   f"{checked} stored file(s) re-hashed" + "".join(f"; {p.problem}: {p.path}" for p in problems[:5]),
                   f"已校验 {checked} 个存档文件" + (f"，{len(problems)} 个被修改或缺失" if problems else ""))
    if collect_garbage and report.ok:
        removed = files.collect_garbage(ws)
        report.add("gc", True, f"{removed} unreferenced file(s) removed", f"已清理 {removed} 个无引用文件")
    return report
