"""`make screenshots`: render every main view at 1366×768 over demo data into PNG files.

The views are driven through the same widgets and operations a user touches, so a screenshot that looks
wrong is a screen that is wrong. With QT_SCALE_FACTOR=1.5 the window is 1366×768 physical pixels (a
laptop or tablet at 150 %), to check that nothing clips.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from fieldapp.services import demo_scenes, settings
from fieldapp.ui import util
from fieldapp.ui.app import STYLE, create_app, install_translator, load_fonts
from fieldapp.ui.tasks import AppContext
from fieldapp.workspace import Workspace

if TYPE_CHECKING:
    from fieldapp.ui.signature_pad import SignaturePad

SCALE = float(os.environ.get("QT_SCALE_FACTOR") or 1)
SIZE = (round(1366 / SCALE), round(768 / SCALE))  # logical pixels: 1366×768 on the screen


def settle(app: QApplication, ctx: AppContext | None = None) -> None:
    for _ in range(5):
        if ctx is not None:
            ctx.tasks.wait_idle()
        app.processEvents()


def with_dialog(window: QWidget, dialog: QDialog) -> QPixmap:
    """The window dimmed with the dialog centred on it, as the user sees a modal dialog."""
    dialog.resize(min(dialog.sizeHint().width() + 40, SIZE[0] - 120), min(dialog.sizeHint().height() + 20,
                                                                          SIZE[1] - 60))
    for _ in range(3):  # let the dialog lay out at its new size (scroll areas adjust in a second pass)
        QApplication.processEvents()
    shot = window.grab()
    top = dialog.grab()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 90))
    painter.drawPixmap((shot.width() - top.width()) // 2, (shot.height() - top.height()) // 2, top)
    painter.end()
    return shot


def main(out_dir: str) -> int:
    from fieldapp.ui.main_window import MainWindow

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = create_app(["fieldapp", "-platform", "offscreen"])
    load_fonts(app)
    app.setStyleSheet(STYLE)
    # Nothing may block an unattended run: errors are printed, confirmations answered yes.
    util.show_error = lambda parent, text: print("error shown:", text, file=sys.stderr)
    util.show_info = lambda parent, text: None
    util.ask = lambda parent, text: True
    util.ask_save = lambda parent, text: "discard"

    def save(name: str, pixmap: QPixmap) -> None:
        path = out / f"{name}.png"
        pixmap.save(str(path))
        print(path)

    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace.open(Path(tmp))
        demo_scenes.demo_county(workspace)
        workspace.maybe_auto_backup()
        install_translator(app, settings.setting(workspace, "language"))
        first_start_shot(app, Path(tmp) / "new", save)
        ctx = AppContext(workspace)
        window = MainWindow(ctx)
        window.resize(*SIZE)
        window.show()
        settle(app, ctx)

        window.show_page("enterprises")
        page = window.enterprises.list
        page.table.selectRow(0)
        settle(app, ctx)
        save("enterprises", window.grab())
        page.search.setText("hdhg")
        page.run_search()
        settle(app, ctx)
        save("enterprise-search", window.grab())
        enterprise_id = page.model.enterprise_id(0)
        ctx.bus.navigate.emit("enterprise", enterprise_id)
        settle(app, ctx)
        save("enterprise-detail", window.grab())
        new_enterprise_shots(app, ctx, window, save)

        ctx.bus.navigate.emit("start_inspection", enterprise_id)
        start = window.inspection.start_view
        for i in range(min(2, start.officers.count())):
            start.officers.item(i).setCheckState(Qt.CheckState.Checked)
        settle(app, ctx)
        save("inspection-start", window.grab())
        start.start()
        settle(app, ctx)
        walker = window.inspection.walker
        walker.open_editors = False
        for code in ("yes", "yes", "na", "yes"):
            walker.answer_current(code)
        settle(app, ctx)
        walker.open_editors = True
        editors: list[QDialog] = []
        walker.finding_opened.connect(editors.append)
        walker.answer_current("no")
        settle(app, ctx)
        walker.table.selectRow(walker.current_row())
        settle(app, ctx)
        save("inspection", window.grab())
        if editors:
            annotation_shots(app, ctx, editors[-1], Path(tmp), save)
            save("finding", with_dialog(window, editors[-1]))
            editors[-1].close()
        document_shots(app, ctx, window, walker.inspection_id, save)

        window.show_page("home")
        settle(app, ctx)
        save("home", window.grab())

        window.show_page("hazards")
        hazards = window.hazards
        hazards.overdue.setChecked(True)
        settle(app, ctx)
        save("hazards", window.grab())
        finding = hazards.detail.finding
        if finding is not None:
            from fieldapp.ui.reinspection_dialog import ReinspectionDialog

            dialog = ReinspectionDialog(ctx, finding["enterprise_id"], window, preselect=finding["id"])
            save("reinspection", with_dialog(window, dialog))
            # 保存复查结果: the hazard stays selected with its 复查意见书 and 销号 offered on the spot.
            dialog.recorded.connect(hazards.detail.next_steps.recorded)
            dialog.save()
            settle(app, ctx)
            save("hazard-reinspected", window.grab())
            dialog.close()
        hazards.overdue.setChecked(False)
        settle(app, ctx)
        major = [r for r in hazards.model.rows if r["grade"] == "major"]
        if major:
            hazards.select_finding(major[0]["id"])
            settle(app, ctx)
            save("hazard-major", window.grab())

        for key in ("statistics", "settings"):
            window.show_page(key)
            settle(app, ctx)
            save(key, window.grab())
        documents_shot(app, ctx, window, save)

        window.close()
        ctx.close()
        workspace.close()
        sync_shots(app, Path(tmp), save)
    return 0


def first_start_shot(app: QApplication, data_dir: Path, save: Any) -> None:
    """A real data directory on its first start: enrol, import a registry, or open the demo elsewhere."""
    from fieldapp.ui.main_window import MainWindow

    workspace = Workspace.open(data_dir)
    ctx = AppContext(workspace)
    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    settle(app, ctx)
    save("first-start", window.grab())
    window.close()
    ctx.close()
    workspace.close()


def new_enterprise_shots(app: QApplication, ctx: AppContext, window: Any, save: Any) -> None:
    """A search that finds nothing offers 新增单位 with the searched name; the form filled in for an unlicensed
    workshop (no USCC: operator and address)."""
    page = window.enterprises
    page.stack.setCurrentWidget(page.list)
    listing = page.list
    listing.search.setText("老王五金加工作坊")
    listing.run_search()
    settle(app, ctx)
    save("enterprise-not-found", window.grab())
    dialog = page.register_new(listing.model.query)
    dialog.no_uscc.setChecked(True)
    dialog.operator.setText("王立新")
    dialog.phone.setText("13905378812")
    dialog.address.setText("示范县拳铺镇后营村18号")
    dialog.township.setCurrentIndex(1)
    dialog.industry.setCurrentText("九小场所")
    settle(app, ctx)
    save("enterprise-new", with_dialog(window, dialog))
    dialog.done(QDialog.DialogCode.Rejected)
    listing.search.clear()
    listing.run_search()
    settle(app, ctx)


def site_photo(path: Path) -> Path:
    """A stand-in for a photo taken on site: a distribution box with its door missing and bare wires."""
    import random

    from PIL import Image, ImageDraw, ImageFilter

    rnd = random.Random(7)
    w, h = 1600, 1200
    image = Image.new("RGB", (w, h))
    draw = ImageDraw.Draw(image)
    for y in range(h):  # a whitewashed wall, darker towards the floor
        shade = 205 - int(45 * y / h)
        draw.line([(0, y), (w, y)], fill=(shade, shade - 4, shade - 12))
    draw.rectangle([0, 1010, w, h], fill=(118, 112, 104))  # concrete floor
    for _ in range(1800):  # stains and dust
        x, y = rnd.randrange(w), rnd.randrange(1010)
        g = rnd.randrange(120, 190)
        draw.point((x, y), fill=(g, g - 6, g - 14))
    draw.rectangle([520, 250, 1080, 900], fill=(150, 156, 160), outline=(70, 74, 78), width=10)  # the box
    draw.rectangle([560, 300, 1040, 860], fill=(58, 62, 66))  # open: no door
    for row, y in enumerate((360, 520, 680)):
        draw.rectangle([590, y, 1010, y + 24], fill=(170, 170, 160))  # DIN rails
        for i in range(7 - row * 2):
            x = 610 + i * 56
            draw.rectangle([x, y - 40, x + 44, y + 64], fill=(236, 234, 228), outline=(90, 90, 90), width=2)
            draw.rectangle([x + 16, y - 10, x + 28, y + 18], fill=(40, 40, 40))
    for i, colour in enumerate(((200, 40, 30), (30, 90, 200), (220, 180, 30), (40, 150, 60), (30, 30, 30))):
        x0 = 700 + i * 40
        points = [(x0, 860), (x0 - 10 + i * 6, 960), (x0 - 60 + i * 22, 1040), (x0 - 150 + i * 45, 1110)]
        draw.line(points, fill=colour, width=12, joint="curve")
    draw.line([(960, 820), (1000, 870), (990, 905)], fill=(184, 115, 51), width=6)  # bare copper
    draw.polygon([(1180, 300), (1280, 470), (1080, 470)], fill=(250, 204, 21), outline=(30, 30, 30))
    draw.text((1168, 370), "!", fill=(20, 20, 20))
    draw.rectangle([1220, 560, 1300, 1010], fill=(120, 80, 50))  # a wooden pallet against the wall
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    image.save(path, "JPEG", quality=88)
    return path


def annotation_shots(app: QApplication, ctx: AppContext, editor: Any, tmp: Path, save: Any) -> None:
    """A site photo on the hazard, marked up in the annotation editor (drawn with the pointer), then saved."""
    from fieldapp.services import evidence
    from fieldapp.ui.photo_annotator import PhotoAnnotator

    finding_id = editor.finding_id
    photo = site_photo(tmp / "现场照片.jpg")
    ctx.tasks.call(lambda: evidence.attach(ctx.workspace, finding_id=finding_id, paths=[photo]))
    editor.evidence.reload()
    settle(app, ctx)
    dialog = editor.evidence.annotate(editor.evidence.strip.count() - 1)
    if not isinstance(dialog, PhotoAnnotator):
        return
    dialog.resize(*SIZE)
    settle(app, ctx)
    canvas = dialog.canvas
    util.ask_text = lambda parent, title, label: "箱门缺失，线路裸露"

    def drag(a: tuple[float, float], b: tuple[float, float]) -> None:
        canvas.pointer_down(canvas.to_widget(*a))
        canvas.pointer_move(canvas.to_widget(*b))
        canvas.pointer_up(canvas.to_widget(*b))

    drag((0.36, 0.64), (0.58, 0.70))
    dialog.set_tool("ellipse")
    drag((0.555, 0.62), (0.665, 0.80))
    dialog.set_tool("text")
    drag((0.08, 0.14), (0.08, 0.14))
    dialog.set_tool("arrow")
    settle(app, ctx)
    save("photo-annotation", dialog.grab())
    dialog.save_button.click()
    settle(app, ctx)


def wait_rendered(app: QApplication, ms: int = 600) -> None:
    """QPdfView renders pages on a thread: give it time before grabbing."""
    import time

    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def sign(pad: SignaturePad, seed: int) -> None:
    """A handwritten-looking signature drawn through the pad's own input path."""
    import math

    from PySide6.QtCore import QPointF

    x0 = 90 + seed * 11
    for stroke in range(3):
        base = x0 + stroke * 170
        pad.pointer_down(QPointF(base, 200))
        for i in range(1, 90):
            t = i / 89
            # A cursive run: loops (sin/cos at a higher frequency) on a rising then falling line.
            pad.pointer_move(QPointF(base + 140 * t + 16 * math.cos(t * 18 + seed + stroke),
                                200 - 60 * math.sin(t * math.pi) + 22 * math.sin(t * 18 + seed + stroke)))
        pad.pointer_up()


def signature_position(pdf: bytes) -> tuple[int, float] | None:
    """(page index, distance from the page top as a fraction of its height) of the signature block."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        for index in range(len(doc)):
            page = doc[index]
            text = page.get_textpage()
            hit = text.search("执法人员（签名）").get_next()
            if hit:
                _left, _bottom, _right, top = text.get_charbox(hit[0])
                return index, 1 - top / page.get_height()
    finally:
        doc.close()
    return None


def document_shots(app: QApplication, ctx: AppContext, window: QWidget, inspection_id: str | None,
                   save: Any) -> None:
    """The rectification order of the visit: preview with signatures, the pad, then issued."""
    from fieldapp.ui.document_flow import DocumentFlow
    from fieldapp.ui.signature_pad import SignatureDialog

    if inspection_id is None:
        return
    flow = DocumentFlow(ctx, inspection_id, window)
    flow.resize(*SIZE)
    opened: list[QDialog] = []
    flow.signature_opened.connect(opened.append)
    flow.show()
    settle(app, ctx)
    rows = list(flow.officer_rows.values())
    for n, row in enumerate([*rows, flow.enterprise_row]):
        row.sign_button.click()
        dialog = opened[-1]
        assert isinstance(dialog, SignatureDialog)
        dialog.resize(820, 420)
        sign(dialog.pad, n)
        if n == len(rows):
            wait_rendered(app)
            save("signature-pad", with_dialog(flow, dialog))
        dialog.ok_button.click()
    settle(app, ctx)
    flow._preview_timer.stop()
    flow.refresh_preview()
    settle(app, ctx)
    bar = flow.viewer.scroll_area.verticalScrollBar()
    bar.setValue(0)
    wait_rendered(app)
    save("document-preview", flow.grab())
    # The officers' and the enterprise's signatures (README shows them): found in the PDF's text, since the
    # pages after them are the other copies and the photo appendix.
    where = signature_position(flow.viewer.pages.data) if flow.viewer.pages is not None else None
    if where is not None:
        view = flow.viewer.page_views[where[0]]
        bar.setValue(view.y() + round(where[1] * view.height()) - 40)
    wait_rendered(app)
    save("document-signatures", flow.grab())
    flow.issue()
    settle(app, ctx)
    wait_rendered(app)
    save("document-issued", flow.grab())
    flow.close()


def documents_shot(app: QApplication, ctx: AppContext, window: Any, save: Any) -> None:
    """文书 with a day's notices of several visits, one of them open in the preview."""
    from fieldapp.services import demo_visits

    ctx.tasks.call(lambda: demo_visits.add_visits(ctx.workspace, count=5))
    ctx.notify({"documents", "inspections", "findings"})
    window.show_page("documents")
    settle(app, ctx)
    page = window.documents
    if page.model.rowCount():
        page.table.selectRow(0)
    settle(app, ctx)
    wait_rendered(app)
    save("documents", window.grab())


def sync_shots(app: QApplication, tmp: Path, save: Any) -> None:
    """An enrolled device with work to send (and what its export held), and the office's conflict review."""
    from fieldapp.ui.main_window import MainWindow

    scene = demo_scenes.office_and_device(tmp)
    central, device = scene.central, scene.device

    usb = tmp / "usb"
    usb.mkdir()
    ctx = AppContext(device)
    window = MainWindow(ctx, start_page="sync")
    window.resize(*SIZE)
    window.show()
    settle(app, ctx)
    window.sync.import_bundle(window.sync.device, scene.reply)
    settle(app, ctx)
    demo_scenes.more_field_work(device)
    ctx.notify({"inspections"})
    settle(app, ctx)
    save("sync", window.grab())
    window.show_page("home")
    window.home.reload_sync()
    settle(app, ctx)
    save("home-device", window.grab())
    window.close()
    ctx.close()
    device.close()

    cctx = AppContext(central)
    cwin = MainWindow(cctx, start_page="sync")
    cwin.resize(*SIZE)
    cwin.show()
    settle(app, cctx)
    save("sync-central", cwin.grab())
    cwin.close()
    cctx.close()
    central.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
