"""On screen: verifying a demo notice says 演示文书，无法律效力 first; the seal text is a setting on the settings page."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from fieldapp.models import demo, findings, inspections, inspectors, settings
from fieldapp.services import drafts, issuing
from fieldapp.ui.documents_page import DocumentsPage
from fieldapp.ui.settings_page import SettingsPage
from fieldapp.ui.tasks import AppContext
from tests.documents.pdf_readback import read_back

from .conftest import Dialogs


def issue_order(ctx: AppContext) -> Path:
    store = ctx.workspace.store
    enterprise_id = str(store.scalar("SELECT id FROM enterprises ORDER BY name LIMIT 1"))
    officers = [o["id"] for o in inspectors.list_inspectors(store)[:2]]
    inspection, _ = inspections.create(store, enterprise_id=enterprise_id, officer_ids=officers)
    findings.create(store, enterprise_id=enterprise_id, inspection_id=inspection["id"], description="安全出口堵塞",
                    deadline=(date.today() + timedelta(days=9)).isoformat())
    draft = drafts.draft_document(ctx.workspace, doc_type="rectification_order",
                                  inspection_id=inspection["id"]).value
    return Path(issuing.issue_document(ctx.workspace, draft["id"]).value.pdf_path)


def test_verifying_a_demo_notice_says_it_has_no_legal_effect(qtbot: QtBot, ctx: AppContext,
                                                             dialogs: Dialogs) -> None:
    assert demo.is_demo(ctx.read.store)  # the demo county fixture
    pdf = issue_order(ctx)
    page = DocumentsPage(ctx)
    qtbot.addWidget(page)
    page.verify(pdf)
    qtbot.waitUntil(lambda: page.verify_dialog is not None, timeout=15000)
    dialog = page.verify_dialog
    assert dialog is not None and not dialog.valid
    assert dialog.verdict.text() in ("✗ 演示文书，无法律效力", "✗ Demo document: no legal effect")
    assert dialog.verdict.objectName() == "verdictInvalid"
    details = dialog.details.text().splitlines()
    reasons = [line for line in details if line.startswith("✗")]
    assert reasons[0].startswith("✗ 演示文书，无法律效力")  # the first reason given
    assert any("除演示标记外" in line for line in details)
    dialog.accept()
    assert dialogs.errors == []


def test_seal_text_is_set_on_the_settings_page_and_printed(qtbot: QtBot, ctx: AppContext,
                                                           dialogs: Dialogs) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    editor = page.editors["seal_text"]
    assert editor.text() == "（印章）"
    label = page.form.labelForField(editor)
    assert isinstance(label, QLabel) and label.text() == settings.LABELS_ZH["seal_text"] + "："
    assert page.form.rowWrapPolicy() == QFormLayout.RowWrapPolicy.WrapLongRows
    editor.setText("（公章）")
    page.save()
    qtbot.waitUntil(lambda: settings.get(ctx.read.store, "seal_text") == "（公章）", timeout=3000)
    flat = read_back(issue_order(ctx).read_bytes()).flat
    unit = settings.get(ctx.read.store, "issuing_unit")
    assert f"{unit}（公章）" in flat and f"（{unit}）" not in flat
