"""同步: exchanging signed, encrypted bundles with the office on a USB stick or a shared folder.

Three faces, chosen by this installation's role (services.sync.Role):
- a field device: export to a folder, import a bundle, what arrived, and what is still to send;
- the central office (sync_office.py): the devices, export for one device, import, and the review of
  conflicting edits;
- a standalone installation: how to enrol, and enrolling with the office's file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from fieldapp.services import numbers, vocabulary
from fieldapp.services import sync as sync_service
from fieldapp.services.changes import Entity
from fieldapp.services.sync import Role
from fieldapp.services.vocabulary import ROLE_ZH
from fieldapp.ui import util
from fieldapp.ui.sync_office import CentralView
from fieldapp.ui.sync_widgets import SummaryBox, export_summary, import_summary, pick_bundle, pick_folder
from fieldapp.ui.table_models import Column, RowsModel
from fieldapp.ui.tasks import AppContext, OpContext
from fieldapp.ui.widgets import BigNumber, make_table

ENROL_FILTER = "fieldapp 注册文件 (*.faenrol);;所有文件 (*)"
STAGE_ZH = {"records": "记录", "files": "文件"}


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
        def done(result: dict[str, Any]) -> None:
            util.show_info(self, self.tr("Enrolled as %1 with %2.").replace("%1", str(result["name"])).replace(
                "%2", str(result["central"])))

        self.page.ctx.op(self, lambda c: sync_service.enroll(c.workspace, path)).with_progress(
            self.tr("Enrolling…")).success(done).run()


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


class SyncPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.role: Role | None = None
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
        ctx.bus.data_changed.connect(self.on_changed)
        self.reload()

    def on_changed(self, changes: frozenset[Entity]) -> None:
        # Every change of a synced record alters what waits to be sent: redraw whatever changed.
        self.reload()

    def reload(self) -> None:
        self.blocks.set_rows(numbers.list_blocks(self.ctx.read))

        def op(c: OpContext) -> tuple[dict[str, Any], list[dict[str, Any]]]:
            status = sync_service.status(c.workspace)
            found = sync_service.list_conflicts(c.workspace) if status["role"] == Role.CENTRAL else []
            return status, found

        self.ctx.op(self, op).success(self.show_status).run()

    def show_status(self, result: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
        status, conflicts = result
        self.status = status
        self.role = Role(status["role"])
        self.role_label.setText(self.tr("This installation: %1").replace("%1", ROLE_ZH[self.role]))
        for w in (self.blocks_title, self.blocks_table):
            w.setVisible(self.role is not Role.CENTRAL)
        if self.role is Role.DEVICE:
            self.device.show_status(status)
            self.stack.setCurrentWidget(self.device)
        elif self.role is Role.CENTRAL:
            self.central.show_status(status, conflicts)
            self.stack.setCurrentWidget(self.central)
        else:
            self.stack.setCurrentWidget(self.standalone)

    # -- the two exchanges ---------------------------------------------------------------------------

    def export(self, view: QWidget, folder: Path, to: str | None) -> None:
        def op(c: OpContext) -> Any:
            return sync_service.export_bundle(c.workspace, to=to, out=folder, progress=reporter(c, cancellable=True))

        def done(result: Any) -> None:
            summary = getattr(view, "summary", None)
            if isinstance(summary, SummaryBox):
                summary.show_result(export_summary(result), result.counts)
            self.ctx.bus.status.emit(self.tr("Bundle written to %1").replace("%1", str(result.path)))

        self.ctx.op(self, op).with_progress(self.tr("Writing the bundle…"), cancellable=True).success(done).run()

    def pick_import(self, view: QWidget) -> None:
        path = pick_bundle(self, self.tr("Import a bundle"))
        if path is not None:
            self.import_bundle(view, path)

    def import_bundle(self, view: QWidget, path: Path) -> None:
        def op(c: OpContext) -> Any:
            return sync_service.import_bundle(c.workspace, path, progress=reporter(c, cancellable=False))

        def done(result: Any) -> None:
            summary = getattr(view, "summary", None)
            if isinstance(summary, SummaryBox):
                summary.show_result(import_summary(result), result.counts)

        # Checked, then applied in one transaction: it cannot be stopped half-way, so no Cancel button.
        self.ctx.op(self, op).with_progress(self.tr("Checking and importing the bundle…")).success(done).run()
