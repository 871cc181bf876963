"""设置: every setting (validated by the core, saved in one go), officers, data directory, backups and restore."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import backups, inspectors, settings, vocabulary
from fieldapp.services.changes import Entity
from fieldapp.ui import util
from fieldapp.ui.table_models import Column, RowsModel
from fieldapp.ui.tasks import AppContext
from fieldapp.ui.widgets import make_table

LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.editors: dict[str, Any] = {}
        self.loaded: dict[str, Any] = {}
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(util.page_title(self.tr("Settings")), 1)
        self.save_button = util.button(self.tr("Save settings"), primary=True)
        head.addWidget(self.save_button)
        outer.addLayout(head)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll, 1)
        inner = QWidget()
        scroll.setWidget(inner)
        columns = QHBoxLayout(inner)
        left = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        general = QGroupBox(self.tr("Issuing unit, documents and defaults"))
        self.form = QFormLayout(general)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key, default in settings.DEFAULTS.items():
            self._add_editor(key, default)
        left.addWidget(general)
        left.addStretch(1)

        officers_box = QGroupBox(self.tr("Officers"))
        ol = QVBoxLayout(officers_box)
        self.officer_model = RowsModel([
            Column("name", self.tr("Officer name")), Column("certificate_no", self.tr("Certificate no.")),
            Column("unit", self.tr("Unit")), Column("phone", self.tr("Phone")),
        ], self)
        self.officer_table = make_table(self.officer_model)
        self.officer_table.setMinimumHeight(220)
        ol.addWidget(self.officer_table)
        add_row = QHBoxLayout()
        self.officer_name = QLineEdit()
        self.officer_name.setPlaceholderText(self.tr("Officer name"))
        self.officer_cert = QLineEdit()
        self.officer_cert.setPlaceholderText(self.tr("Certificate no."))
        self.officer_unit = QLineEdit()
        self.officer_unit.setPlaceholderText(self.tr("Unit"))
        for w in (self.officer_name, self.officer_cert, self.officer_unit):
            w.setMinimumHeight(util.TOUCH - 8)
            add_row.addWidget(w, 1)
        self.add_officer_button = util.button(self.tr("Add officer"))
        add_row.addWidget(self.add_officer_button)
        ol.addLayout(add_row)
        right.addWidget(officers_box)

        data_box = QGroupBox(self.tr("Data and backups"))
        dl = QVBoxLayout(data_box)
        self.data_dir = QLabel(self.tr("Data directory: %1").replace("%1", str(ctx.workspace.data_dir)))
        self.data_dir.setWordWrap(True)
        self.data_dir.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dl.addWidget(self.data_dir)
        self.backups = QListWidget()
        self.backups.setObjectName("backupList")
        self.backups.setMinimumHeight(140)
        dl.addWidget(self.backups)
        buttons = QHBoxLayout()
        self.backup_button = util.button(self.tr("Back up now"), primary=True)
        self.restore_button = util.button(self.tr("Restore selected"), danger=True)
        self.restore_file_button = util.button(self.tr("Restore from file…"))
        for b in (self.backup_button, self.restore_button, self.restore_file_button):
            buttons.addWidget(b)
        dl.addLayout(buttons)
        right.addWidget(data_box)
        right.addStretch(1)

        self.save_button.clicked.connect(self.save)
        self.add_officer_button.clicked.connect(self.add_officer)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_file)
        ctx.bus.data_changed.connect(self.on_changed)
        self.reload()

    # -- settings -----------------------------------------------------------------------------------

    def _add_editor(self, key: str, default: Any) -> None:
        label = settings.LABELS_ZH.get(key, key) + "："
        editor: Any
        if key == "language":
            editor = QComboBox()
            for code, name in LANGUAGES:
                editor.addItem(name, code)
        elif isinstance(default, bool):
            editor = QCheckBox()
        elif isinstance(default, int):
            editor = QSpinBox()
            editor.setRange(0, 1_000_000)
        elif isinstance(default, dict) and key == "document_type_codes":
            editor = {code: QLineEdit() for code in default}
            box = QWidget()
            inner = QFormLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            for code, edit in editor.items():
                edit.setMinimumHeight(util.TOUCH - 12)
                inner.addRow(vocabulary.doc_type_title(code) + "：", edit)
            self.editors[key] = editor
            self.form.addRow(label, box)
            return
        else:
            editor = QLineEdit()
        if not isinstance(editor, QCheckBox):
            editor.setMinimumHeight(util.TOUCH - 8)
        self.editors[key] = editor
        self.form.addRow(label, editor)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, dict):
                out[key] = {code: e.text().strip() for code, e in editor.items()}
            elif isinstance(editor, QComboBox):
                out[key] = editor.currentData()
            elif isinstance(editor, QCheckBox):
                out[key] = editor.isChecked()
            elif isinstance(editor, QSpinBox):
                out[key] = editor.value()
            else:
                out[key] = editor.text().strip()
        return out

    def load_settings(self) -> None:
        current = settings.current_settings(self.ctx.read)
        for key, editor in self.editors.items():
            value = current.get(key)
            if isinstance(editor, dict):
                for code, e in editor.items():
                    e.setText(str((value or {}).get(code, "")))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value or 0))
            elif isinstance(value, dict):
                editor.setText(json.dumps(value, ensure_ascii=False))
            else:
                editor.setText("" if value is None else str(value))
        self.loaded = self.values()

    def save(self) -> None:
        changed = {k: v for k, v in self.values().items() if self.loaded.get(k) != v}
        if not changed:
            util.show_info(self, self.tr("Nothing was changed."))
            return
        language_changed = "language" in changed

        def done(_saved: dict[str, Any]) -> None:
            self.load_settings()
            message = self.tr("Settings saved.")
            if language_changed:
                message += "\n" + self.tr("The new language applies after restarting fieldapp.")
            util.show_info(self, message)

        self.ctx.op(self, lambda c: settings.save_settings(c.workspace, changed)).success(done).failure(
            self._save_failed).run()

    def _save_failed(self, exc: BaseException) -> None:
        # Nothing was saved (one transaction): show what the database holds.
        self.load_settings()
        util.show_error(self, getattr(exc, "zh", None) or repr(exc))

    # -- officers ------------------------------------------------------------------------------------

    def add_officer(self) -> None:
        name, cert, unit = (self.officer_name.text(), self.officer_cert.text(), self.officer_unit.text().strip())

        def done(_row: Any) -> None:
            for w in (self.officer_name, self.officer_cert, self.officer_unit):
                w.clear()

        self.ctx.op(self, lambda c: inspectors.add_inspector(c.workspace, name, cert, unit=unit)).success(done).run()

    # -- backups -------------------------------------------------------------------------------------

    def reload_backups(self) -> None:
        self.backups.clear()
        kinds = {"before-restore": self.tr("before restore"), "manual": self.tr("manual"), "auto": self.tr("automatic")}
        for b in backups.list_backups(self.ctx.read):
            when = b.written.strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{when}　{kinds[b.kind]}　{b.size / 1_048_576:.1f} MB")
            item.setData(Qt.ItemDataRole.UserRole, str(b.path))
            item.setToolTip(b.path.name)
            self.backups.addItem(item)

    def backup_now(self) -> None:
        self.ctx.op(self, lambda c: backups.back_up(c.workspace, prune=True)).with_progress(
            self.tr("Backing up…")).success(
            lambda p: self.ctx.bus.status.emit(self.tr("Backup written: %1").replace("%1", Path(p).name))).run()

    def restore_selected(self) -> None:
        item = self.backups.currentItem()
        if item is None:
            util.show_error(self, self.tr("Select a backup in the list first."))
            return
        self.restore(Path(item.data(Qt.ItemDataRole.UserRole)))

    def restore_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from backup file"), "",
                                              self.tr("fieldapp backup") + " (*.sqlite3)")
        if name:
            self.restore(Path(name))

    def restore(self, path: Path) -> None:
        if not util.ask(self, self.tr("Replace ALL data on this device with the backup %1?\nThe current data is "
                                      "backed up first, so this can be undone.").replace("%1", path.name)):
            return
        self.ctx.op(self, lambda c: backups.restore(c.workspace, path)).with_progress(
            self.tr("Restoring…")).success(lambda _p: util.show_info(self, self.tr("The backup was restored."))).run()

    def on_changed(self, changes: frozenset[Entity]) -> None:
        if Entity.INSPECTORS in changes:
            self.officer_model.set_rows(inspectors.list_inspectors(self.ctx.read))
        if Entity.BACKUPS in changes:
            self.reload_backups()
        # Its own save reloads the form itself; a restore or an enrolment changes settings with everything else.
        if Entity.SETTINGS in changes and changes != {Entity.SETTINGS}:
            self.load_settings()

    def reload(self) -> None:
        self.load_settings()
        self.officer_model.set_rows(inspectors.list_inspectors(self.ctx.read))
        self.reload_backups()
