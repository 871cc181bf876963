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


def check_health(ws: Workspace, *, collect_garbage: bool = False) -> Report:
    """Integrity, foreign keys and the audit chains; with `collect_garbage`, and only when all is well, also
    remove stored files (photos, PDFs) that no record uses any more."""
    report = doctor.run(ws.store)
    if collect_garbage and report.ok:
        from fieldapp.services import evidence

        removed = evidence.gc(ws)
        report.add("gc", True, f"{removed} unreferenced file(s) removed", f"已清理 {removed} 个无引用文件")
    return report
