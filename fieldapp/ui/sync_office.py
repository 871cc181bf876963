"""同步页 at the office (central): the field devices, a bundle for one of them, and the review of conflicting edits."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from fieldapp.services import sync as sync_service
from fieldapp.services.vocabulary import ENTERPRISE_FIELDS_ZH, PEER_STATUS_ZH
from fieldapp.ui import util
from fieldapp.ui.sync_widgets import SummaryBox, pick_folder, table_name
from fieldapp.ui.table_models import Column, RowsModel
from fieldapp.ui.tasks import OpContext
from fieldapp.ui.widgets import make_table

if TYPE_CHECKING:
    from fieldapp.ui.sync_page import SyncPage


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
        return ENTERPRISE_FIELDS_ZH.get(column, column)
    return column


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

        def op(c: OpContext) -> Any:
            return sync_service.resolve_conflict(c.workspace, conflict_id, keep=keep)

        self.page.ctx.op(self, op).success(
            lambda _r: self.page.ctx.bus.status.emit(self.tr("Conflict resolved"))).run()


class ConflictModel(RowsModel):
    """sync_conflicts rows (services.sync.list_conflicts): which record, which field, kept and lost values."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column("label", self.tr("Record"), lambda r: str(r.get("label") or "")),
            Column("table_name", self.tr("Kind"), lambda r: table_name(r["table_name"])),
            Column("field", self.tr("Field"), lambda r: field_name(r["table_name"], r["field"])),
            Column("kept_value", self.tr("Current value (kept)"), lambda r: show_value(r.get("kept_value"))),
            Column("lost_value", self.tr("Overwritten value"), lambda r: show_value(r.get("lost_value"))),
            Column("detected_at", self.tr("Detected"), lambda r: util.short_time(r.get("detected_at"))),
        ], parent)
