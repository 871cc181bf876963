"""A whole visit through the real widgets on an enrolled device: search, start, answer, a hazard with a
photo, the rectification order signed on the pad and issued, the PDF verified, and a sync bundle exported.
The same visit again with the keyboard only."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.models import demo, documents, enterprises, findings, inspections
from fieldapp.services import notices, verification
from fieldapp.sync import central as sync_central
from fieldapp.ui.document_flow import DocumentFlow, RefusalDialog
from fieldapp.ui.finding_editor import FindingEditor
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.signature_pad import SignatureDialog, SignaturePad
from fieldapp.ui.tasks import AppContext
from fieldapp.workspace import Workspace

from .conftest import Dialogs

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def ui_settings_in_tmp(tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def enrolment(tmp_path: Path) -> Path:
    """A central office (demo registry plus the enterprise the visit searches for) and a device file."""
    central = Workspace.open(tmp_path / "central")
    demo.fill(central.store, enterprises_count=150, seed=3)
    enterprises.create(central.store, {"name": "宏达化工有限公司", "uscc": "91350100M000100Y43",
                                       "industry": "危险化学品/生产", "principal": "王伟"})
    sync_central.init(central, "示范县应急管理局")
    path = sync_central.enroll(central, "拳铺镇-1", tmp_path / "拳铺镇-1.faenrol").path
    central.close()
    return path


@pytest.fixture
def device(tmp_path: Path, qtbot: QtBot) -> Iterator[AppContext]:
    ws = Workspace.open(tmp_path / "device")
    c = AppContext(ws)
    yield c
    c.close()
    ws.close()


def jpeg(path: Path) -> Path:
    image = Image.new("RGB", (640, 480), (180, 40, 40))
    for x in range(0, 640, 40):
        image.paste((240, 200, 0), (x, 200, x + 20, 280))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    path.write_bytes(out.getvalue())
    return path


def draw(pad: SignaturePad) -> None:
    """A signature with the mouse: press, a zig-zag of moves, release."""
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(60, 150))
    for i in range(30):
        QTest.mouseMove(pad, QPoint(60 + i * 14, 150 + (25 if i % 4 < 2 else -25)))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(480, 150))


def enrol_through_the_sync_page(qtbot: QtBot, window: MainWindow, enrolment: Path) -> None:
    window.show_page("sync")
    sync = window.sync
    qtbot.waitUntil(lambda: sync.role == "standalone", timeout=5000)
    assert sync.stack.currentWidget() is sync.standalone
    sync.standalone.enrol(enrolment)
    qtbot.waitUntil(lambda: sync.role == "device", timeout=10000)


def test_a_whole_visit_with_the_mouse_and_the_pen(qtbot: QtBot, device: AppContext, dialogs: Dialogs,
                                                  enrolment: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ws = device.workspace
    store = ws.store
    window = MainWindow(device)
    qtbot.addWidget(window)
    window.show()
    enrol_through_the_sync_page(qtbot, window, enrolment)
    assert dialogs.infos and "拳铺镇-1" in dialogs.infos[-1]

    window.show_page("enterprises")
    page = window.enterprises.list
    qtbot.keyClicks(page.search, "hdhg")
    qtbot.waitUntil(lambda: page.summary.title.text() == "宏达化工有限公司", timeout=3000)
    qtbot.mouseClick(page.summary.start_button, Qt.MouseButton.LeftButton)
    start = window.inspection.start_view
    for i in (0, 1):
        start.officers.item(i).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(start.start_button, Qt.MouseButton.LeftButton)
    walker = window.inspection.walker
    qtbot.waitUntil(lambda: window.inspection.stack.currentWidget() is walker, timeout=3000)
    inspection_id = walker.inspection_id
    assert inspection_id is not None

    editors: list[FindingEditor] = []
    walker.finding_opened.connect(editors.append)
    qtbot.mouseClick(walker.answer_buttons["yes"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(walker.answer_buttons["na"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(walker.answer_buttons["no"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(editors), timeout=3000)
    editor = editors[0]

    photo = jpeg(tmp_path / "配电箱.jpg")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo)], ""))
    qtbot.mouseClick(editor.evidence.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.evidence.strip.count() == 1, timeout=5000)

    flows: list[DocumentFlow] = []
    editor.flow_opened.connect(flows.append)
    qtbot.mouseClick(editor.order_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(flows), timeout=3000)
    flow = flows[0]
    assert flow.doc_type() == "rectification_order" and len(flow.selected_findings()) == 1
    qtbot.waitUntil(lambda: flow.viewer.page_count() > 0, timeout=10000)
    draft_id = flow.document_id

    pads: list[SignatureDialog] = []
    flow.signature_opened.connect(pads.append)
    for row in [*flow.officer_rows.values(), flow.enterprise_row]:
        qtbot.mouseClick(row.sign_button, Qt.MouseButton.LeftButton)
        dialog = pads[-1]
        assert not dialog.ok_button.isEnabled()  # nothing drawn yet
        draw(dialog.pad)
        png = dialog.pad.to_png()
        assert png.startswith(b"\x89PNG") and Image.open(io.BytesIO(png)).mode == "RGBA"
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert len(flow.officer_signatures) == 2 and isinstance(flow.enterprise_signature, bytes)
    qtbot.waitUntil(lambda: not flow.busy and flow.pdf is not None and flow.document_id == draft_id, timeout=10000)

    qtbot.mouseClick(flow.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.issued_row is not None, timeout=15000)
    assert dialogs.errors == [] and dialogs.questions == []  # everyone signed: no wet-ink question
    number = flow.issued_row["number"]
    assert number in flow.number.text() and flow.print_button.isEnabled()
    doc = documents.get(store, flow.document_id)
    assert doc["status"] == "issued" and doc["id"] == draft_id
    pdf = notices.pdf_store(ws).path_for(doc["pdf_sha256"])
    assert pdf.exists()
    check = verification.verify_file(ws, pdf)
    assert check.valid, [r.en for r in check.reasons]
    assert findings.list_findings(store, inspection_id=inspection_id)[0]["status"] == "ordered"

    # Printing to a PDF file stands in for the printer: every page, painted at the printer's resolution.
    from PySide6.QtPrintSupport import QPrinter

    from fieldapp.ui.pdf_view import print_to

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_to(printer, flow.pdf) == flow.viewer.page_count()
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000
    flow.accept()

    # The documents page lists it; verifying the exported file says valid with the signer.
    window.show_page("documents")
    docs = window.documents
    docs.open_document(doc["id"])
    qtbot.waitUntil(lambda: docs.pdf is not None, timeout=5000)
    assert docs.void_button.isEnabled() and docs.print_button.isEnabled()
    docs.verify(pdf)
    qtbot.waitUntil(lambda: docs.verify_dialog is not None, timeout=10000)
    assert docs.verify_dialog.valid and number in docs.verify_dialog.details.text()
    docs.verify_dialog.accept()

    # Sync: export a bundle to the folder chosen in the dialog; the folder is remembered.
    out = tmp_path / "usb"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    window.show_page("sync")
    sync = window.sync
    qtbot.waitUntil(lambda: sync.status.get("pending_changes", 0) > 0, timeout=5000)
    qtbot.mouseClick(sync.device.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(list(out.glob("*.fabundle"))), timeout=15000)
    qtbot.waitUntil(lambda: "fabundle" in sync.device.summary.text.text(), timeout=5000)
    tables = {r["table"] for r in sync.device.summary.model.rows}
    assert {"检查记录", "隐患", "执法文书", "证据照片"} <= tables
    from fieldapp.ui.pdf_view import ui_settings

    assert ui_settings().value("sync/last_folder") == str(out)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard focus is, as the user types it."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def focus_window(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def test_the_same_visit_with_the_keyboard_only(qtbot: QtBot, device: AppContext, dialogs: Dialogs,
                                               enrolment: Path) -> None:
    store = device.workspace.store
    window = MainWindow(device)
    qtbot.addWidget(window)
    window.show()
    enrol_through_the_sync_page(qtbot, window, enrolment)
    window.show_page("enterprises")
    focus_window(qtbot, window)
    page = window.enterprises.list
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "hdhg")
    press(qtbot, Qt.Key.Key_Return)
    assert page.summary.title.text() == "宏达化工有限公司"
    press(qtbot, Qt.Key.Key_Return, CTRL)  # start an inspection of the selected enterprise

    start = window.inspection.start_view
    assert window.inspection.stack.currentWidget() is start
    assert start.officers.hasFocus()
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)
    assert start.officer_warning.text() == ""
    press(qtbot, Qt.Key.Key_Return, CTRL)
    walker = window.inspection.walker
    qtbot.waitUntil(lambda: window.inspection.stack.currentWidget() is walker, timeout=3000)
    inspection_id = walker.inspection_id

    editors: list[FindingEditor] = []
    walker.finding_opened.connect(editors.append)
    for key in (Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_2):
        press(qtbot, key)
    qtbot.waitUntil(lambda: bool(editors), timeout=3000)
    editor = editors[0]
    focus_window(qtbot, editor)
    flows: list[DocumentFlow] = []
    walker.document_opened.connect(flows.append)
    press(qtbot, Qt.Key.Key_Return, CTRL)  # 责令整改
    qtbot.waitUntil(lambda: bool(flows), timeout=3000)
    flow = flows[0]
    focus_window(qtbot, flow)
    qtbot.waitUntil(lambda: flow.pdf is not None, timeout=10000)

    refusals: list[RefusalDialog] = []
    flow.signature_opened.connect(refusals.append)
    press(qtbot, Qt.Key.Key_R, CTRL)  # the representative refuses to sign
    dialog = refusals[0]
    focus_window(qtbot, dialog)
    qtbot.keyClicks(QApplication.focusWidget(), "disagrees with the findings")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Li Si, village committee")
    press(qtbot, Qt.Key.Key_Return)
    assert flow.enterprise_signature == ("disagrees with the findings", "Li Si, village committee")
    focus_window(qtbot, flow)
    press(qtbot, Qt.Key.Key_Return, CTRL)  # issue
    qtbot.waitUntil(lambda: flow.issued_row is not None, timeout=15000)
    assert any("ink" in q or "签" in q for q in dialogs.questions)  # officers sign the paper in ink
    press(qtbot, Qt.Key.Key_Escape)
    assert not flow.isVisible()

    focus_window(qtbot, window)
    walker.table.setFocus()
    press(qtbot, Qt.Key.Key_Return, CTRL)  # finish: the inspection record comes next
    qtbot.waitUntil(lambda: len(flows) == 2, timeout=5000)
    record = flows[1]
    assert record.doc_type() == "inspection_record"  # the hazard is already under the order
    focus_window(qtbot, record)
    qtbot.waitUntil(lambda: record.pdf is not None, timeout=10000)
    press(qtbot, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not record.busy, timeout=10000)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: record.issued_row is not None, timeout=15000)
    assert inspections.get(store, inspection_id)["status"] == "completed"
    issued = {d["type"] for d in documents.list_documents(store, status="issued")}
    assert issued == {"rectification_order", "inspection_record"}
    assert dialogs.errors == []
