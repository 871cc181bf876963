"""同步: exchanging signed, encrypted bundles with the office on a USB stick or a shared folder.

Three faces, chosen by this installation's role (fieldapp.sync.identity):
- a field device: export to a folder, import a bundle, what arrived, and what is still to send;
- the central office: the devices, export for one device, import, and the review of conflicting edits;
- a standalone installation: how to enrol, and enrolling with the office's file.
The sync modules are imported inside the operations: they pull in cryptography.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import numbers, vocabulary
from fieldapp.ui import util
from fieldapp.ui.pdf_view import ui_settings
from fieldapp.ui.table_models import Column, RowsModel
from fieldapp.ui.tasks import AppContext, OpContext
from fieldapp.ui.widgets import BigNumber, make_table

FOLDER_KEY = "sync/last_folder"
BUNDLE_FILTER = "fieldapp 数据包 (*.fabundle)"
ENROL_FILTER = "fieldapp 注册文件 (*.faenrol);;所有文件 (*)"

TABLE_ZH = {
    "townships": "乡镇街道", "grids": "网格", "inspectors": "执法人员", "enterprises": "单位",
    "checklist_templates": "检查表", "device_keys": "终端密钥", "number_blocks": "文书编号段",
    "inspections": "检查记录", "assignments": "检查任务", "inspection_checklists": "检查所用检查表",
    "findings": "隐患", "checklist_answers": "检查项结果", "finding_events": "隐患处理记录",
    "reinspections": "复查记录", "reinspection_items": "复查项", "documents": "执法文书", "evidence": "证据照片",
    "tombstones": "删除记录", "audit_log": "执法全过程记录",
}
STAGE_ZH = {"records": "记录", "files": "文件"}
ROLE_ZH = {"device": "执法终端", "central": "中心端", "standalone": "单机（未注册）"}
PEER_STATUS_ZH = {"active": "正常", "enrolled": "已注册，待首次同步", "revoked": "已注销"}


def table_name(table: str) -> str:
    return TABLE_ZH.get(table, table)


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


def show_value(value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def field_name(table: str, column: str) -> str:
    if column == "(deleted)":
        return "（记录被删除）"
    if table == "enterprises":
        from fieldapp.models import enterprises

        for f in enterprises.FIELDS:
            if f.column == column:
                return str(f.zh)
    return column


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


def reporter(c: OpContext, *, cancellable: bool) -> Any:
    def progress(stage: str, done: int, total: int) -> None:
        if cancellable:
            c.check_cancelled()  # only called before the final file is written
        c.report(done, total, f"{STAGE_ZH.get(stage, stage)}：{done}/{total}")

    return progress


class StandaloneView(QWidget):
    def __init__(self, page: SyncPage) -> None:
        super().__init__()
        self.page = page
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "This installation is not enrolled with an office yet, so it cannot exchange data.\n\n"
            "To enrol it: at the office, the administrator runs “fieldapp central enroll --device NAME --out FILE” "
            "on the central installation and hands you the enrolment file (*.faenrol) on a USB stick, in person. "
            "Then press the button below and choose that file. The device receives the registry, the officers, "
            "the checklists and its document-number blocks.\n\n"
            "Enrol on a new installation: one that already holds inspections is refused."))
        text.setObjectName("explanation")
        text.setWordWrap(True)
        layout.addWidget(text)
        row = QHBoxLayout()
        self.enrol_button = util.button(self.tr("Enrol this device with an enrolment file…"), primary=True)
        row.addWidget(self.enrol_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.enrol_button.clicked.connect(self.pick)

    def pick(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Enrolment file"), "", ENROL_FILTER)
        if path:
            self.enrol(Path(path))

    def enrol(self, path: Path) -> None:
        def op(c: OpContext) -> dict[str, Any]:
            from fieldapp.sync import roles

            return dict(roles.enroll(c.workspace, path))

        def done(result: dict[str, Any]) -> None:
            util.show_info(self, self.tr("Enrolled as %1 with %2.").replace("%1", str(result["name"])).replace(
                "%2", str(result["central"])))

        from fieldapp.ui.tasks import ALL

        self.page.ctx.op(self, op).changes(*ALL).with_progress(self.tr("Enrolling…")).success(done).run()


class DeviceView(QWidget):
    def __init__(self, page: SyncPage) -> None:
        super().__init__()
        self.page = page
        layout = QVBoxLayout(self)
        tiles = QHBoxLayout()
        self.pending = BigNumber(self.tr("changes not yet at the office"), "orange")
        self.last_export = BigNumber(self.tr("last export"))
        self.last_import = BigNumber(self.tr("last import"))
        for t in (self.pending, self.last_export, self.last_import):
            tiles.addWidget(t, 1)
        layout.addLayout(tiles)
        self.central = QLabel()
        self.central.setObjectName("hint")
        self.central.setWordWrap(True)
        layout.addWidget(self.central)
        buttons = QHBoxLayout()
        self.export_button = util.button(self.tr("Export to USB stick / folder…"), primary=True)
        self.import_button = util.button(self.tr("Import a bundle…"))
        for b in (self.export_button, self.import_button):
            b.setMinimumHeight(64)
            b.setObjectName("bigButton" if b is self.import_button else "primaryButton")
            buttons.addWidget(b, 1)
        layout.addLayout(buttons)
        self.summary = SummaryBox()
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.export_button.clicked.connect(self.pick_export)
        self.import_button.clicked.connect(lambda: self.page.pick_import(self))

    def show_status(self, status: dict[str, Any]) -> None:
        pending = status.get("pending_changes")
        if status.get("all_synced"):
            self.pending.setProperty("tone", "green")
            self.pending.set("✓", self.tr("all synced with the office"))
        else:
            self.pending.setProperty("tone", "orange")
            self.pending.set("—" if pending is None else pending, self.tr("changes not yet at the office"))
        self.pending.style().unpolish(self.pending)
        self.pending.style().polish(self.pending)
        self.last_export.set(util.short_time(status.get("last_export_at"))[5:] or "—")
        self.last_import.set(util.short_time(status.get("last_import_at"))[5:] or "—")
        self.central.setText(self.tr("This device: %1 · office: %2").replace("%1", str(status.get("name") or ""))
                             .replace("%2", str(status.get("central") or "—")))

    def pick_export(self) -> None:
        folder = pick_folder(self, self.tr("Export the bundle to which folder (USB stick)?"))
        if folder is not None:
            self.page.export(self, folder, None)


class CentralView(QWidget):
    def __init__(self, page: SyncPage) -> None:
        super().__init__()
        self.page = page
        layout = QVBoxLayout(self)
        devices_title = QLabel(self.tr("Field devices"))
        devices_title.setObjectName("sectionTitle")
        layout.addWidget(devices_title)
        self.devices = RowsModel([
            Column("name", self.tr("Device")),
            Column("status", self.tr("Status"), lambda r: PEER_STATUS_ZH.get(r["status"], r["status"])),
            Column("last_import_at", self.tr("Last bundle received"), lambda r: util.short_time(r["last_import_at"])),
            Column("last_export_at", self.tr("Last bundle sent"), lambda r: util.short_time(r["last_export_at"])),
            Column("pending_changes", self.tr("Changes to send"),
                   lambda r: "—" if r["pending_changes"] is None else r["pending_changes"]),
        ], self)
        self.devices_table = make_table(self.devices)
        self.devices_table.setObjectName("deviceTable")
        for col, width in ((1, 150), (2, 170), (3, 170), (4, 110)):
            self.devices_table.setColumnWidth(col, width)
        layout.addWidget(self.devices_table)
        buttons = QHBoxLayout()
        self.export_button = util.button(self.tr("Export for the selected device…"), primary=True)
        self.import_button = util.button(self.tr("Import a bundle…"))
        for b in (self.export_button, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.summary = SummaryBox()
        layout.addWidget(self.summary)

        head = QHBoxLayout()
        self.conflicts_title = QLabel(self.tr("Conflicting edits to review"))
        self.conflicts_title.setObjectName("sectionTitle")
        head.addWidget(self.conflicts_title, 1)
        self.restore_button = util.button(self.tr("Restore the overwritten value"))
        self.keep_button = util.button(self.tr("Keep the current value"))
        head.addWidget(self.restore_button)
        head.addWidget(self.keep_button)
        layout.addLayout(head)
        self.conflicts = ConflictModel(self)
        self.conflicts_table = make_table(self.conflicts, stretch=0)
        self.conflicts_table.setObjectName("conflictTable")
        for col, width in ((1, 110), (2, 130), (3, 200), (4, 200), (5, 140)):
            self.conflicts_table.setColumnWidth(col, width)
        self.no_conflicts = util.empty_state(self.tr("No conflicting edits: nothing to review."))
        self.conflict_stack = QStackedWidget()
        self.conflict_stack.addWidget(self.conflicts_table)
        self.conflict_stack.addWidget(self.no_conflicts)
        layout.addWidget(self.conflict_stack, 1)
        self.export_button.clicked.connect(self.pick_export)
        self.import_button.clicked.connect(lambda: self.page.pick_import(self))
        self.restore_button.clicked.connect(lambda: self.resolve("lost"))
        self.keep_button.clicked.connect(lambda: self.resolve("kept"))
        self.conflicts_table.selectionModel().currentRowChanged.connect(self.update_buttons)
        self.devices_table.selectionModel().currentRowChanged.connect(self.update_buttons)

    def show_status(self, status: dict[str, Any], conflicts: list[dict[str, Any]]) -> None:
        selected = self.selected_device()
        self.devices.set_rows(status.get("devices") or [])
        rows = max(1, min(self.devices.rowCount(), 4))
        self.devices_table.setFixedHeight(self.devices_table.horizontalHeader().sizeHint().height() + rows * 40 + 4)
        index = next((i for i, r in enumerate(self.devices.rows) if selected and r["id"] == selected["id"]), 0)
        if self.devices.rowCount():
            self.devices_table.selectRow(index)
        self.conflicts.set_rows(conflicts)
        self.conflicts_title.setText(self.tr("Conflicting edits to review (%1)").replace("%1", str(len(conflicts))))
        self.conflict_stack.setCurrentWidget(self.conflicts_table if conflicts else self.no_conflicts)
        if conflicts:
            self.conflicts_table.selectRow(0)
        self.update_buttons()

    def selected_device(self) -> dict[str, Any] | None:
        index = self.devices_table.currentIndex()
        return self.devices.row(index.row()) if index.isValid() and index.row() < self.devices.rowCount() else None

    def selected_conflict(self) -> dict[str, Any] | None:
        index = self.conflicts_table.currentIndex()
        return self.conflicts.row(index.row()) if index.isValid() and index.row() < self.conflicts.rowCount() else None

    def update_buttons(self, *_args: QModelIndex) -> None:
        device = self.selected_device()
        self.export_button.setEnabled(device is not None and device["status"] != "revoked")
        conflict = self.selected_conflict()
        self.restore_button.setEnabled(conflict is not None and conflict["field"] != "(deleted)")
        self.keep_button.setEnabled(conflict is not None)

    def pick_export(self) -> None:
        device = self.selected_device()
        if device is None:
            return
        folder = pick_folder(self, self.tr("Export the bundle for %1 to which folder?").replace("%1", device["name"]))
        if folder is not None:
            self.page.export(self, folder, device["id"])

    def resolve(self, keep: str) -> None:
        conflict = self.selected_conflict()
        if conflict is None:
            return
        conflict_id = conflict["id"]

        def op(c: OpContext) -> dict[str, Any]:
            from fieldapp.sync import conflicts

            return dict(conflicts.resolve(c.workspace, conflict_id, keep=keep))

        self.page.ctx.op(self, op).changes("sync", "enterprises", "findings", "inspections").success(
            lambda _r: self.page.ctx.bus.status.emit(self.tr("Conflict resolved"))).run()


class ConflictModel(RowsModel):
    """sync_conflicts rows (conflicts.list_conflicts): which record, which field, kept and lost values."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column("label", self.tr("Record"), lambda r: str(r.get("label") or "")),
            Column("table_name", self.tr("Kind"), lambda r: table_name(r["table_name"])),
            Column("field", self.tr("Field"), lambda r: field_name(r["table_name"], r["field"])),
            Column("kept_value", self.tr("Current value (kept)"), lambda r: show_value(r.get("kept_value"))),
            Column("lost_value", self.tr("Overwritten value"), lambda r: show_value(r.get("lost_value"))),
            Column("detected_at", self.tr("Detected"), lambda r: util.short_time(r.get("detected_at"))),
        ], parent)


class SyncPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.role: str | None = None
        self.status: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(util.page_title(self.tr("Sync with the office")), 1)
        self.role_label = QLabel()
        self.role_label.setObjectName("hint")
        head.addWidget(self.role_label)
        layout.addLayout(head)
        self.stack = QStackedWidget()
        self.loading = util.empty_state(self.tr("Reading the sync state…"))
        self.standalone = StandaloneView(self)
        self.device = DeviceView(self)
        self.central = CentralView(self)
        for w in (self.loading, self.standalone, self.device, self.central):
            self.stack.addWidget(w)
        # The page scrolls rather than push the window taller than a 768-pixel screen at 150 %.
        body = QWidget()
        outer, layout = layout, QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(util.scroll_form(body), 1)
        layout.addWidget(self.stack, 1)
        self.blocks_title = QLabel(self.tr("Document-number blocks on this device"))
        self.blocks_title.setObjectName("sectionTitle")
        layout.addWidget(self.blocks_title)
        self.blocks = RowsModel([
            Column("doc_type", self.tr("Document"), lambda r: vocabulary.doc_type_title(r["doc_type"])),
            Column("year", self.tr("Year")),
            Column("range", self.tr("Serials"), lambda r: f"{r['first_serial']}–{r['last_serial']}"),
            Column("remaining", self.tr("Remaining")),
        ], self)
        self.blocks_table = make_table(self.blocks)
        self.blocks_table.setObjectName("numberBlocks")
        self.blocks_table.setMaximumHeight(200)
        layout.addWidget(self.blocks_table)
        ctx.bus.data_changed.connect(lambda _c: self.reload())
        self.reload()

    def reload(self) -> None:
        self.blocks.set_rows(numbers.list_blocks(self.ctx.read))

        def op(c: OpContext) -> tuple[dict[str, Any], list[dict[str, Any]]]:
            from fieldapp.sync import conflicts, exchange

            status = dict(exchange.status(c.workspace))
            found = conflicts.list_conflicts(c.workspace) if status["role"] == "central" else []
            return status, found

        self.ctx.op(self, op).success(self.show_status).run()

    def show_status(self, result: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
        status, conflicts = result
        self.status = status
        self.role = status["role"]
        self.role_label.setText(self.tr("This installation: %1").replace("%1", ROLE_ZH.get(self.role, self.role)))
        for w in (self.blocks_title, self.blocks_table):
            w.setVisible(self.role != "central")
        if self.role == "device":
            self.device.show_status(status)
            self.stack.setCurrentWidget(self.device)
        elif self.role == "central":
            self.central.show_status(status, conflicts)
            self.stack.setCurrentWidget(self.central)
        else:
            self.stack.setCurrentWidget(self.standalone)

    # -- the two exchanges ---------------------------------------------------------------------------

    def export(self, view: QWidget, folder: Path, to: str | None) -> None:
        def op(c: OpContext) -> Any:
            from fieldapp.sync import exchange

            return exchange.export(c.workspace, to=to, out=folder, progress=reporter(c, cancellable=True))

        def done(result: Any) -> None:
            summary = getattr(view, "summary", None)
            if isinstance(summary, SummaryBox):
                summary.show_result(export_summary(result), result.counts)
            self.ctx.bus.status.emit(self.tr("Bundle written to %1").replace("%1", str(result.path)))

        self.ctx.op(self, op).changes("sync").with_progress(self.tr("Writing the bundle…"), cancellable=True).success(
            done).run()

    def pick_import(self, view: QWidget) -> None:
        path = pick_bundle(self, self.tr("Import a bundle"))
        if path is not None:
            self.import_bundle(view, path)

    def import_bundle(self, view: QWidget, path: Path) -> None:
        def op(c: OpContext) -> Any:
            from fieldapp.sync import exchange

            return exchange.import_bundle(c.workspace, path, progress=reporter(c, cancellable=False))

        def done(result: Any) -> None:
            summary = getattr(view, "summary", None)
            if isinstance(summary, SummaryBox):
                summary.show_result(import_summary(result), result.counts)

        from fieldapp.ui.tasks import ALL

        # Checked, then applied in one transaction: it cannot be stopped half-way, so no Cancel button.
        self.ctx.op(self, op).changes(*ALL).with_progress(self.tr("Checking and importing the bundle…")).success(
            done).run()
