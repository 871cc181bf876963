"""同步: exchange with the office. The bundle export/import flows plug in here when the sync service lands;
until then the page shows what this device holds for it (change sequence, number blocks)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.models import backup, numbering
from fieldapp.ui import util
from fieldapp.ui.enterprise_page import make_table
from fieldapp.ui.table_models import Column, RowsModel
from fieldapp.ui.tasks import AppContext


class SyncPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(util.page_title(self.tr("Sync with the office")))
        tiles = QHBoxLayout()
        self.last_sync = util.BigNumber(self.tr("last sync"))
        self.seq = util.BigNumber(self.tr("changes recorded on this device"))
        self.last_backup = util.BigNumber(self.tr("last backup"))
        for t in (self.last_sync, self.seq, self.last_backup):
            tiles.addWidget(t, 1)
        layout.addLayout(tiles)
        self.empty = util.empty_state(self.tr(
            "Sync is not set up on this device yet.\n\nBack at the office you will export this device's records "
            "as a sync bundle here, and import what the office sends: the enterprise registry, checklist "
            "updates, document-number blocks and assigned inspections."))
        self.empty.setMaximumHeight(160)
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.export_button = util.button(self.tr("Export sync bundle…"))
        self.import_button = util.button(self.tr("Import sync bundle…"))
        for b in (self.export_button, self.import_button):
            b.setEnabled(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        blocks_title = QLabel(self.tr("Document-number blocks on this device"))
        blocks_title.setObjectName("sectionTitle")
        layout.addWidget(blocks_title)
        self.blocks = RowsModel([
            Column("doc_type", self.tr("Document"), lambda r: numbering.DOC_TYPES.get(r["doc_type"], r["doc_type"])),
            Column("year", self.tr("Year")),
            Column("range", self.tr("Serials"), lambda r: f"{r['first_serial']}–{r['last_serial']}"),
            Column("remaining", self.tr("Remaining")),
        ], self)
        table = make_table(self.blocks)
        table.setObjectName("numberBlocks")
        layout.addWidget(table, 1)
        ctx.bus.data_changed.connect(lambda _c: self.reload())
        self.reload()

    def reload(self) -> None:
        self.last_sync.set("—", self.tr("last sync (never)"))
        self.seq.set(self.ctx.reader.current_seq())
        files = backup.list_backups(self.ctx.workspace.backups_dir)
        self.last_backup.set(datetime.fromtimestamp(files[0].stat().st_mtime).strftime("%m-%d %H:%M")
                             if files else "—")
        self.blocks.set_rows(numbering.list_blocks(self.ctx.reader))
