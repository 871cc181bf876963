"""Home, statistics, settings, documents and sync screens over the demo county."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.models import backup, documents, findings, inspectors, settings
from fieldapp.ui.documents_page import DocumentsPage
from fieldapp.ui.home_page import HomePage
from fieldapp.ui.settings_page import SettingsPage
from fieldapp.ui.statistics_page import StatisticsPage
from fieldapp.ui.sync_page import SyncPage
from fieldapp.ui.tasks import AppContext

from .conftest import Dialogs


def test_home_counts_overdue_hazards(qtbot: QtBot, ctx: AppContext) -> None:
    page = HomePage(ctx)
    qtbot.addWidget(page)
    overdue = len(findings.list_findings(ctx.read.store, overdue=True))
    assert page.overdue_tile.value.text() == str(overdue)
    assert page.hazard_model.rowCount() >= overdue
    assert page.no_inspections.isVisibleTo(page)  # the demo county has no visit in progress


def test_statistics_export_to_xlsx(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs, tmp_path: Path) -> None:
    page = StatisticsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.summary is not None, timeout=3000)
    assert page.township_model.rowCount() > 0
    assert page.charts_layout.count() == 4
    page.export_to(tmp_path / "整改率")
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=3000)
    book = load_workbook(tmp_path / "整改率.xlsx")
    assert len(book.sheetnames) == 2
    sheet = book.worksheets[0]
    assert sheet.max_row == page.township_model.rowCount() + 1


def test_settings_are_validated_by_the_core(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.editors["due_soon_days"].setValue(5)
    page.save()
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=3000)
    assert settings.get(ctx.workspace.store, "due_soon_days") == 5
    page.editors["document_number_format"].setText("{prefix}{type}")
    page.save()
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=3000)
    assert "{serial}" in dialogs.errors[0]
    assert "{serial}" in page.editors["document_number_format"].text()  # reloaded from the database


def test_officers_and_backups(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    before = page.officer_model.rowCount()
    page.officer_name.setText("吉珺")
    page.officer_cert.setText("37083099999")
    qtbot.mouseClick(page.add_officer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.officer_model.rowCount() == before + 1, timeout=3000)
    assert any(o["certificate_no"] == "37083099999" for o in inspectors.list_inspectors(ctx.read.store))

    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.backups.count() == 1, timeout=3000)
    assert len(backup.list_backups(ctx.workspace.backups_dir)) == 1
    # An officer added after the backup: the restore must take the roster back to the backed-up one.
    page.officer_name.setText("后加")
    page.officer_cert.setText("37083088888")
    qtbot.mouseClick(page.add_officer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.officer_model.rowCount() == before + 2, timeout=3000)

    dialogs.answer = False
    page.backups.setCurrentRow(0)
    page.restore_selected()
    assert dialogs.questions and len(backup.list_backups(ctx.workspace.backups_dir)) == 1
    dialogs.answer = True
    page.restore_selected()
    qtbot.waitUntil(lambda: "已恢复" in "".join(dialogs.infos) or "restored" in "".join(dialogs.infos),
                    timeout=5000)
    assert dialogs.errors == []
    certificates = {o["certificate_no"] for o in inspectors.list_inspectors(ctx.read.store)}
    assert "37083099999" in certificates and "37083088888" not in certificates
    qtbot.waitUntil(lambda: page.officer_model.rowCount() == before + 1, timeout=3000)


def test_documents_page_shows_empty_state_then_records(qtbot: QtBot, ctx: AppContext) -> None:
    page = DocumentsPage(ctx)
    qtbot.addWidget(page)
    assert page.list_stack.currentWidget() is page.empty
    enterprise_id = str(ctx.workspace.store.scalar("SELECT id FROM enterprises LIMIT 1"))
    documents.create_draft(ctx.workspace.store, doc_type="rectification_order", enterprise_id=enterprise_id,
                           content={"items": []})
    ctx.notify({"documents"})
    assert page.list_stack.currentWidget() is page.table and page.model.rowCount() == 1


def test_sync_page_lists_number_blocks(qtbot: QtBot, ctx: AppContext) -> None:
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    assert page.blocks.rowCount() == 4
    qtbot.waitUntil(lambda: page.role == "standalone", timeout=3000)
    assert page.stack.currentWidget() is page.standalone  # not enrolled: how to enrol, and the button
