"""What the sync page's device and office views share: choosing the folder or the bundle, and the summary
of the last export or import (in words and a table of counts per kind of record)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QLabel, QVBoxLayout, QWidget

from fieldapp.services.vocabulary import RECORD_KINDS_ZH
from fieldapp.ui.pdf_view import ui_settings
from fieldapp.ui.table_models import Column, RowsModel
from fieldapp.ui.widgets import make_table

FOLDER_KEY = "sync/last_folder"
BUNDLE_FILTER = "fieldapp 数据包 (*.fabundle)"


def pick_folder(parent: QWidget, title: str) -> Path | None:
    settings = ui_settings()
    start = str(settings.value(FOLDER_KEY, "") or "")
    folder = QFileDialog.getExistingDirectory(parent, title, start)
    if not folder:
        return None
    settings.setValue(FOLDER_KEY, folder)
    return Path(folder)


def pick_bundle(parent: QWidget, title: str) -> Path | None:
    settings = ui_settings()
    start = str(settings.value(FOLDER_KEY, "") or "")
    path, _ = QFileDialog.getOpenFileName(parent, title, start, BUNDLE_FILTER)
    if not path:
        return None
    settings.setValue(FOLDER_KEY, str(Path(path).parent))
    return Path(path)


def table_name(table: str) -> str:
    return RECORD_KINDS_ZH.get(table, table)


def summary_rows(counts: dict[str, Any]) -> list[dict[str, Any]]:
    """Per-table counts of an import ({table: {inserted, updated, deleted, …}}) or an export ({table: n})."""
    rows = []
    for table, value in counts.items():
        if isinstance(value, dict):
            row = {"table": table_name(table), "inserted": int(value.get("inserted", 0)),
                   "updated": int(value.get("updated", 0)), "deleted": int(value.get("deleted", 0))}
            if row["inserted"] or row["updated"] or row["deleted"]:
                rows.append(row)
        elif value:
            rows.append({"table": table_name(table), "inserted": int(value), "updated": 0, "deleted": 0})
    return rows


def import_summary(result: Any) -> str:
    if result.status == "already_imported":
        return "这个数据包已经导入过，没有任何变化。"
    if result.status == "nothing_new":
        return "这个数据包比已导入的数据旧，没有任何变化。"
    total = sum(r["inserted"] + r["updated"] + r["deleted"] for r in summary_rows(result.counts))
    text = f"已导入 {total} 条变更、{result.files} 个文件。"
    if result.conflicts:
        text += f"\n有 {result.conflicts} 处同时修改的冲突，已按最后修改保留，被覆盖的值可在中心端复核。"
    return text


def export_summary(result: Any) -> str:
    records = sum(result.counts.values())
    return f"已写入数据包：{result.path}\n共 {records} 条记录、{result.files} 个文件。请将该文件交给对方导入。"


class SummaryBox(QWidget):
    """What the last export or import did: one sentence and a table of counts per record type."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel()
        self.text.setObjectName("syncSummary")
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.model = RowsModel([
            Column("table", self.tr("Records")), Column("inserted", self.tr("New")),
            Column("updated", self.tr("Changed")), Column("deleted", self.tr("Deleted")),
        ], self)
        self.table = make_table(self.model)
        self.table.setObjectName("syncSummaryTable")
        layout.addWidget(self.table)
        self.show_result("", {})

    def show_result(self, text: str, counts: dict[str, Any]) -> None:
        self.text.setText(text)
        self.text.setVisible(bool(text))
        self.model.set_rows(summary_rows(counts))
        self.table.setVisible(self.model.rowCount() > 0)
        # As tall as its rows (no empty grid under two lines), at most about five rows.
        rows = min(self.model.rowCount(), 5)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows * 40 + 4)
