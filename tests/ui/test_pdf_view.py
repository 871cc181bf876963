"""The A4 preview: pages rendered by pdfium on the preview's thread, only when shown, fit to the width."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from fieldapp.ui.pdf_view import PdfPages, PdfViewer


def three_pages(mark_page: int) -> bytes:
    """Three A4 pages; `mark_page` carries a black block over its top half."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    w, h = A4
    for page in range(3):
        if page == mark_page:
            c.rect(0, h / 2, w, h / 2, stroke=0, fill=1)
        c.showPage()
    c.save()
    return out.getvalue()


def dark_fraction(view: object) -> float:
    image = view.grab().toImage()  # type: ignore[attr-defined]
    step = 7
    dark = total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            dark += image.pixelColor(x, y).lightness() < 60
    return dark / total


def test_pages_render_in_the_background_fit_to_width(qtbot: QtBot) -> None:
    viewer = PdfViewer()
    qtbot.addWidget(viewer)
    viewer.resize(700, 900)
    viewer.show()
    viewer.set_pdf(three_pages(mark_page=0))
    assert viewer.page_count() == 3
    first = viewer.page_views[0]
    qtbot.waitUntil(lambda: first.pixmap is not None, timeout=5000)
    # Fit to width; the page keeps A4's proportions.
    assert abs(first.width() - (viewer.scroll_area.viewport().width() - 24)) <= 1
    assert abs(first.height() / first.width() - A4[1] / A4[0]) < 0.01
    assert 0.4 < dark_fraction(first) < 0.6  # the black upper half, white lower half
    # The third page is below the fold: not rendered until it is scrolled to.
    assert viewer.page_views[2].pixmap is None
    viewer.scroll_area.verticalScrollBar().setValue(viewer.scroll_area.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: viewer.page_views[2].pixmap is not None, timeout=5000)

    # A wider window renders again at the new width.
    assert first.pixmap is not None
    old_width = first.pixmap.width()
    viewer.scroll_area.verticalScrollBar().setValue(0)
    viewer.resize(1000, 900)
    qtbot.waitUntil(lambda: first.pixmap is not None and first.pixmap.width() > old_width, timeout=5000)


def test_a_new_version_keeps_the_place_and_replaces_the_pages(qtbot: QtBot) -> None:
    viewer = PdfViewer()
    qtbot.addWidget(viewer)
    viewer.resize(700, 900)
    viewer.show()
    viewer.set_pdf(three_pages(mark_page=2))
    bar = viewer.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
    bar.setValue(bar.maximum())
    last = viewer.page_views[2]
    qtbot.waitUntil(lambda: last.pixmap is not None, timeout=5000)
    assert dark_fraction(last) > 0.4
    position = bar.value()

    # The same document with a signature added (here: the block moved) keeps the scroll position.
    viewer.set_pdf(three_pages(mark_page=1))
    assert viewer.page_views[2] is last and bar.value() == position
    qtbot.waitUntil(lambda: dark_fraction(last) < 0.05, timeout=5000)


def test_pages_render_at_any_width() -> None:
    pages = PdfPages(three_pages(mark_page=1))
    try:
        assert len(pages) == 3
        assert all(abs(a - b) < 0.01 for a, b in zip(pages.page_points(0), A4, strict=True))
        image = pages.render(1, 300)
        assert image.width() == 300 and abs(image.height() - round(300 * A4[1] / A4[0])) <= 1
        assert image.pixelColor(150, 10).lightness() < 60 and image.pixelColor(150, image.height() - 10).lightness() > 200
    finally:
        pages.close()


def test_zoom_with_keys_and_ctrl_wheel_renders_larger_and_back(qtbot: QtBot) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    viewer = PdfViewer()
    qtbot.addWidget(viewer)
    viewer.resize(700, 900)
    viewer.show()
    viewer.set_pdf(three_pages(mark_page=0))
    first = viewer.page_views[0]
    qtbot.waitUntil(lambda: first.pixmap is not None, timeout=5000)
    fit = first.width()
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom == 1.25 and abs(first.width() - fit * 1.25) <= 2
    wheel = QWheelEvent(QPointF(50, 50), QPointF(50, 50), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewer.scroll_area.viewport(), wheel)
    assert viewer.zoom == 1.5
    qtbot.waitUntil(lambda: viewer.scroll_area.horizontalScrollBar().maximum() > 0, timeout=3000)  # wider than the view
    qtbot.waitUntil(lambda: first.pixmap is not None and first.pixmap.width() >= round(fit * 1.5) - 2, timeout=5000)
    qtbot.keyClick(first, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom == 1.0 and first.width() == fit


def test_printing_is_true_size_on_a4_and_a_failure_is_told_not_raised(qtbot: QtBot, tmp_path: object,
                                                                       monkeypatch: object, dialogs: object) -> None:
    from pathlib import Path

    import pypdfium2
    from PySide6.QtPrintSupport import QPrintDialog

    from fieldapp.ui import pdf_view

    out = Path(str(tmp_path)) / "printed.pdf"
    accepted = QPrintDialog.DialogCode.Accepted

    def fake_exec(dialog: QPrintDialog) -> QPrintDialog.DialogCode:
        dialog.printer().setOutputFileName(str(out))  # "print to file" stands in for the printer
        return accepted

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)  # type: ignore[attr-defined]
    assert pdf_view.print_pdf(None, three_pages(mark_page=0), choose=True) is not None
    page = pypdfium2.PdfDocument(out.read_bytes())[0]
    w, h = page.get_size()
    assert abs(w - A4[0]) < 2 and abs(h - A4[1]) < 2
    image = page.render(scale=0.5).to_pil().convert("L")
    # The black upper half reaches the paper's top and sides: no extra margins, no shrinking.
    assert image.getpixel((3, 3)) < 60 and image.getpixel((image.width - 4, 3)) < 60
    assert image.getpixel((image.width // 2, image.height // 2 + 6)) > 200

    def broken(printer: object, data: bytes) -> int:
        raise RuntimeError("printer not ready")

    monkeypatch.setattr(pdf_view, "print_to", broken)  # type: ignore[attr-defined]
    assert pdf_view.print_pdf(None, three_pages(mark_page=0), choose=True) is None
    assert dialogs.errors and "printer not ready" in dialogs.errors[-1]  # type: ignore[attr-defined]


VIEW_THEN_QUIT = """
import sys, time
from pathlib import Path
from fieldapp.ui.app import create_app
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.tasks import AppContext
from fieldapp.workspace import Workspace
app = create_app(["fieldapp", "-platform", "offscreen"])
ctx = AppContext(Workspace.open(Path(sys.argv[1])))
window = MainWindow(ctx, start_page="documents")
window.show()
page = window.documents
page.table.selectRow(0)
end = time.monotonic() + 30
while time.monotonic() < end and not any(v.pixmap is not None for v in page.viewer.page_views):
    app.processEvents()
    time.sleep(0.01)
print("rendered" if any(v.pixmap is not None for v in page.viewer.page_views) else "not rendered", flush=True)
window.close()
ctx.close()
# The interpreter exits with the window still alive, as a script, the screenshots or a crash of Qt leave it.
"""


def test_closing_the_window_after_viewing_a_document_prints_nothing_on_exit(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    made = run_cli(tmp_path / "data", "demo", "--enterprises", "40", "--visits", "1")
    assert made.returncode == 0, made.stderr
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", VIEW_THEN_QUIT, str(tmp_path / "data")], capture_output=True,
                         text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "rendered"
    assert "Traceback" not in out.stderr and "RuntimeError" not in out.stderr, out.stderr
    assert "still open" not in out.stderr, out.stderr  # pypdfium2's complaint about an unclosed document
