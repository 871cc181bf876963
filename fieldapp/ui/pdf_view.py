"""Showing and printing the PDF of a notice.

Pages are rendered with pdfium (pypdfium2, which the document checks use anyway) rather than QtPdf: QtPdf
would add another copy of pdfium to the installer (~5 MB). The preview draws each page only when it
scrolls into view, on a single background thread, and scales the previous image meanwhile, so a long
evidence appendix never blocks the window. Printing renders each page at the printer's resolution and
paints it on a QPrinter; the last printer is remembered so "打印" is one click, and "打印…" opens the print
dialog (printer, copies).
"""

from __future__ import annotations

import atexit
import contextlib
import threading
import weakref
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QRect, QSettings, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from fieldapp.ui import util

PRINTER_KEY = "print/last_printer"
MAX_PRINT_DPI = 300  # plenty for text and seal; 600 dpi A4 pages take seconds each
PAGE_GAP = 12
ZOOMS = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0)  # times the width that fits; small print on a tablet needs 2–3×
MAX_RENDER_PX = 3000  # wider renderings are scaled up on screen: an A4 page at 3000 px is already 36 MB
KEPT_RENDERINGS = 6  # pages whose images stay in memory; others render again when scrolled back to

# One render thread for every preview: pdfium runs one call at a time anyway, and a dialog that is closed
# but not yet deleted keeps no thread of its own.
_RENDERER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf-preview")

# pdfium must not be entered from two threads at once (pypdfium2's documentation); the preview renders on
# its thread while printing runs on the GUI thread.
_PDFIUM = threading.Lock()


def ui_settings() -> QSettings:
    """Per-user preferences of this screen layer (last printer, last sync folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "fieldapp", "fieldapp-ui")


# Documents not closed yet. A viewer still on screen when the interpreter exits is destroyed only after
# pypdfium2's own exit handler, which would print a warning for each: ours runs first and closes them.
_OPEN: weakref.WeakSet[PdfPages] = weakref.WeakSet()
_exit_hook: list[bool] = []  # registered once


def _close_all_at_exit() -> None:
    for pages in list(_OPEN):
        pages.close()


class PdfPages:
    """A PDF in memory: page count, page sizes in points, and pages rendered to QImage."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2

        if not _exit_hook:
            atexit.register(_close_all_at_exit)  # after pypdfium2's import, so it runs before its handler
            _exit_hook.append(True)
        self.data = data
        with _PDFIUM:
            self._doc: Any = pypdfium2.PdfDocument(data)
            self.sizes = [tuple(float(v) for v in self._doc[i].get_size()) for i in range(len(self._doc))]
        _OPEN.add(self)

    def __len__(self) -> int:
        return len(self.sizes)

    def page_points(self, index: int) -> tuple[float, float]:
        w, h = self.sizes[index]
        return w, h

    def render(self, index: int, width_px: int) -> QImage:
        w, _h = self.page_points(index)
        with _PDFIUM:
            if self._doc is None:
                raise ValueError("document closed")
            bitmap = self._doc[index].render(scale=max(1, width_px) / w)
            pil = bitmap.to_pil().convert("RGB")
        data = pil.tobytes("raw", "RGB")
        return QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888).copy()

    def close(self) -> None:
        with _PDFIUM:
            if self._doc is not None:
                self._doc.close()
                self._doc = None
        _OPEN.discard(self)


def _close_later(pages: PdfPages) -> None:
    """Close a document on the render thread, after any rendering of it still queued.

    A viewer that outlives the window (one destroyed as the interpreter exits) finds the render thread
    already shut down: then nothing renders any more and the document is closed here.
    """
    try:
        _RENDERER.submit(pages.close)
    except RuntimeError:  # "cannot schedule new futures after (interpreter) shutdown"
        pages.close()


def _release(shown: list[PdfPages]) -> None:
    """Close the viewer's documents once its C++ widget is gone."""
    for pages in shown:
        _close_later(pages)
    shown.clear()


class PageView(QWidget):
    """One page of the preview at the width of the view; asks for a fresh rendering when it is painted."""

    def __init__(self, viewer: PdfViewer, index: int) -> None:
        super().__init__()
        self.viewer = viewer
        self.index = index
        self.pixmap: QPixmap | None = None
        self.wanted: tuple[int, int] | None = None  # (document generation, device pixels) last asked for
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def target_width(self) -> int:
        return max(1, min(MAX_RENDER_PX, round(self.width() * self.devicePixelRatioF())))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.pixmap is None:
            painter.fillRect(self.rect(), QColor("white"))
        else:
            # The last rendering, scaled, until the one at the new size arrives.
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(self.rect(), self.pixmap)
        painter.end()
        wanted = (self.viewer.generation, self.target_width())
        if self.wanted != wanted:
            self.wanted = wanted
            self.viewer.request(self.index, wanted[1])

    def forget(self) -> None:
        """Free the page image; it is rendered again when the page is next painted."""
        self.pixmap = None
        self.wanted = None

    def show_rendering(self, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(max(1.0, pixmap.width() / max(1, self.width())))
        self.pixmap = pixmap
        self.update()


class PdfViewer(QWidget):
    """An A4 preview, fit to width, pages one under the other on a grey desk."""

    rendered = Signal(int, int, QImage)  # generation, page index, image (from the render thread)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfViewer")
        self.pages: PdfPages | None = None
        self.page_views: list[PageView] = []
        self.generation = 0
        self.zoom = 1.0
        self.rendered.connect(self._on_rendered, Qt.ConnectionType.QueuedConnection)
        self._recent: list[int] = []  # pages with a rendering in memory, most recently rendered last
        # The document shown, also reachable once the C++ widget is gone, so it can be closed then.
        self._shown: list[PdfPages] = []
        shown = self._shown
        self.destroyed.connect(lambda *_: _release(shown))
        self.stack = QStackedWidget()
        self.placeholder = util.empty_state(self.tr("The A4 preview of the document will appear here."))
        self.stack.addWidget(self.placeholder)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setStyleSheet("QScrollArea { background: #6b7280; border: none; }")
        self._inner = QWidget()
        self._inner.setStyleSheet("background: #6b7280;")
        self._inner_layout = QVBoxLayout(self._inner)
        self._inner_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._inner_layout.setSpacing(PAGE_GAP)
        self._inner_layout.addStretch(1)
        self.scroll_area.setWidget(self._inner)
        self.scroll_area.viewport().installEventFilter(self)
        self.stack.addWidget(self.scroll_area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        for keys, steps in ((QKeySequence.StandardKey.ZoomIn, 1), ("Ctrl+=", 1), (QKeySequence.StandardKey.ZoomOut, -1),
                            ("Ctrl+0", -len(ZOOMS))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda steps=steps: self.step_zoom(steps))

    def page_count(self) -> int:
        return len(self.pages) if self.pages is not None else 0

    def clear(self, text: str | None = None) -> None:
        if text is not None:
            self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)

    def set_pdf(self, data: bytes) -> None:
        """Show `data`; a document with as many pages as the one shown keeps its scroll position."""
        old = self.pages
        self.pages = PdfPages(data)
        self._shown[:] = [self.pages]
        self.generation += 1
        if len(self.page_views) != len(self.pages):
            for view in self.page_views:
                self._inner_layout.removeWidget(view)
                view.deleteLater()
            self.page_views = [PageView(self, i) for i in range(len(self.pages))]
            for view in self.page_views:
                self._inner_layout.insertWidget(view.index, view, 0, Qt.AlignmentFlag.AlignHCenter)
        for view in self.page_views:
            view.update()  # the old rendering stays on screen until the new one arrives
        self._fit_width()
        self.stack.setCurrentWidget(self.scroll_area)
        if old is not None:
            _close_later(old)

    def request(self, index: int, width: int) -> None:
        pages, generation = self.pages, self.generation
        if pages is None:
            return

        def work() -> None:
            try:
                if generation != self.generation or self.page_views[index].wanted != (generation, width):
                    return  # superseded while queued (another document, zoom or size)
                image = pages.render(index, width)
                self.rendered.emit(generation, index, image)
            except (RuntimeError, ValueError, IndexError):
                pass  # the viewer or the document went away meanwhile

        with contextlib.suppress(RuntimeError):  # a paint while the application shuts down: nothing to show
            _RENDERER.submit(work)

    def _on_rendered(self, generation: int, index: int, image: QImage) -> None:
        if generation != self.generation or index >= len(self.page_views):
            return
        self.page_views[index].show_rendering(image)
        if index in self._recent:
            self._recent.remove(index)
        self._recent.append(index)
        while len(self._recent) > KEPT_RENDERINGS:
            self.page_views[self._recent.pop(0)].forget()

    def hideEvent(self, event: Any) -> None:
        # A closed dialog may live on until its parent goes: it keeps the document, not the page images.
        for view in self.page_views:
            view.forget()
        self._recent.clear()
        super().hideEvent(event)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.scroll_area.viewport():
            if isinstance(event, QResizeEvent):
                self._fit_width()
            elif isinstance(event, QWheelEvent) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.step_zoom(1 if event.angleDelta().y() > 0 else -1)
                return True
        return super().eventFilter(watched, event)

    def step_zoom(self, steps: int) -> None:
        """Ctrl+wheel, Ctrl+= and Ctrl+-: the next zoom level up or down; Ctrl+0 back to the page width."""
        index = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self.zoom))
        self.set_zoom(ZOOMS[max(0, min(len(ZOOMS) - 1, index + steps))])

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._fit_width()

    def _fit_width(self) -> None:
        if self.pages is None:
            return
        width = round(max(200, self.scroll_area.viewport().width() - 2 * PAGE_GAP) * self.zoom)
        for view in self.page_views:
            w, h = self.pages.page_points(view.index)
            view.setFixedSize(QSize(width, max(1, round(width * h / w))))


# -- printing -----------------------------------------------------------------------------------------

def page_images(pages: PdfPages, dpi: int) -> Iterator[tuple[int, QImage]]:
    for i in range(len(pages)):
        w, _h = pages.page_points(i)
        yield i, pages.render(i, round(w / 72 * dpi))


def print_to(printer: Any, data: bytes) -> int:
    """Paint every page on `printer` at its resolution; copies the driver cannot make are repeated here.

    Returns the number of pages printed (all copies).
    """

    pages = PdfPages(data)
    try:
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError("printer not ready")
        printed = 0
        try:
            for _copy in range(copies):
                for _page, image in page_images(pages, dpi):
                    if printed:
                        printer.newPage()
                    layout = printer.pageLayout()
                    # Full page: the notice's own margins are in the PDF, so A4 prints on A4 at true size.
                    area: QRect = (layout.fullRectPixels(printer.resolution()) if printer.fullPage()
                                   else layout.paintRectPixels(printer.resolution()))
                    area.moveTo(0, 0)
                    scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                    target = QRect(area.x() + (area.width() - scaled.width()) // 2, area.y(), scaled.width(),
                                   scaled.height())
                    painter.drawImage(target, image)
                    printed += 1
        finally:
            painter.end()
        return printed
    finally:
        pages.close()


def print_pdf(parent: QWidget | None, data: bytes, *, choose: bool) -> str | None:
    """Print the PDF; with choose=False on the remembered printer when it is still there.

    Returns the printer's name, or None when the user cancelled the dialog.
    """
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo

    settings = ui_settings()
    remembered = str(settings.value(PRINTER_KEY, "") or "")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    available = QPrinterInfo.availablePrinterNames()
    if not choose and remembered and remembered in available:
        printer.setPrinterName(remembered)
    else:
        if remembered in available:
            printer.setPrinterName(remembered)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("PdfViewer", "Print"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return None
    try:
        print_to(printer, data)
    except (RuntimeError, OSError, ValueError) as exc:  # printer gone or not ready, a cancelled "print to file"
        util.show_error(parent, QCoreApplication.translate(
            "PdfViewer", "Printing failed ({0}). Check that the printer is on and ready, then try again.")
            .format(exc))
        return None
    name = printer.printerName()
    if name:
        settings.setValue(PRINTER_KEY, name)
    return name or printer.outputFileName()
