"""Showing and printing the PDF of a notice.

QtPdf (the pyside6-pdf wheel) renders it: QPdfDocument loaded from the bytes through a QBuffer, shown in
a QPdfView. Without QtPdf the pages are rendered with pypdfium2 into pixmaps. Printing renders each page
at the printer's resolution and paints it on a QPrinter; the last printer is remembered so "打印" is one
click, and "打印…" opens the print dialog (printer, copies).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from fieldapp.ui import util

PRINTER_KEY = "print/last_printer"
MAX_PRINT_DPI = 300  # plenty for text and seal; 600 dpi A4 pages take seconds each


def has_qtpdf() -> bool:
    try:
        from PySide6 import QtPdf, QtPdfWidgets  # noqa: F401
    except ImportError:
        return False
    return True


def ui_settings() -> QSettings:
    """Per-user preferences of this screen layer (last printer, last sync folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "fieldapp", "fieldapp-ui")


class PdfPages:
    """A PDF in memory: page count, page sizes in points, and pages rendered to QImage."""

    def __init__(self, data: bytes, *, backend: str | None = None) -> None:
        self.data = data
        self.backend = backend or ("qtpdf" if has_qtpdf() else "pdfium")
        self._doc: Any = None
        self._buffer: QBuffer | None = None
        if self.backend == "qtpdf":
            from PySide6.QtPdf import QPdfDocument

            self._doc = QPdfDocument()
            self._buffer = QBuffer()
            self._buffer.setData(QByteArray(data))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self._doc.load(self._buffer)
        else:
            import pypdfium2

            self._doc = pypdfium2.PdfDocument(data)

    def __len__(self) -> int:
        return int(self._doc.pageCount()) if self.backend == "qtpdf" else len(self._doc)

    def page_points(self, index: int) -> tuple[float, float]:
        if self.backend == "qtpdf":
            size = self._doc.pagePointSize(index)
            return size.width(), size.height()
        w, h = self._doc[index].get_size()
        return float(w), float(h)

    def render(self, index: int, width_px: int) -> QImage:
        w, h = self.page_points(index)
        size = QSize(max(1, width_px), max(1, round(width_px * h / w)))
        if self.backend == "qtpdf":
            return self._doc.render(index, size)
        page = self._doc[index]
        bitmap = page.render(scale=size.width() / w)
        pil = bitmap.to_pil().convert("RGB")
        data = pil.tobytes("raw", "RGB")
        return QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888).copy()

    def close(self) -> None:
        if self.backend == "qtpdf":
            self._doc.close()
        else:
            self._doc.close()
        if self._buffer is not None:
            self._buffer.close()


class PdfViewer(QWidget):
    """An A4 preview: QPdfView when QtPdf is there, otherwise page pixmaps in a scroll area."""

    def __init__(self, parent: QWidget | None = None, *, backend: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfViewer")
        self.backend = backend or ("qtpdf" if has_qtpdf() else "pdfium")
        self.pages: PdfPages | None = None
        self.stack = QStackedWidget()
        self.placeholder = util.empty_state(self.tr("The A4 preview of the document will appear here."))
        self.stack.addWidget(self.placeholder)
        self._view: Any = None
        if self.backend == "qtpdf":
            from PySide6.QtPdfWidgets import QPdfView

            self._view = QPdfView()
            self._view.setPageMode(QPdfView.PageMode.MultiPage)
            self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self._view.setPageSpacing(12)
            self._view.setStyleSheet("background: #6b7280;")
            self.stack.addWidget(self._view)
        else:
            self._scroll = QScrollArea()
            self._scroll.setWidgetResizable(True)
            self._scroll.setStyleSheet("background: #6b7280;")
            self._inner = QWidget()
            self._inner_layout = QVBoxLayout(self._inner)
            self._inner_layout.setSpacing(12)
            self._scroll.setWidget(self._inner)
            self.stack.addWidget(self._scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def page_count(self) -> int:
        return len(self.pages) if self.pages is not None else 0

    def clear(self, text: str | None = None) -> None:
        if text is not None:
            self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)

    def set_pdf(self, data: bytes) -> None:
        old = self.pages
        self.pages = PdfPages(data, backend=self.backend)
        if self.backend == "qtpdf":
            # Keep the scroll position when the same document is shown again (signatures added).
            nav = self._view.pageNavigator()
            page = nav.currentPage() if old is not None else 0
            self._view.setDocument(self.pages._doc)
            if 0 < page < len(self.pages):
                nav.jump(page, nav.currentLocation())
            self.stack.setCurrentWidget(self._view)
        else:
            while self._inner_layout.count():
                item = self._inner_layout.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()
            width = max(600, self._scroll.viewport().width() - 24)
            for i in range(len(self.pages)):
                label = QLabel()
                label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                label.setPixmap(QPixmap.fromImage(self.pages.render(i, width)))
                self._inner_layout.addWidget(label)
            self._inner_layout.addStretch(1)
            self.stack.setCurrentWidget(self._scroll)
        if old is not None:
            old.close()


# -- printing -----------------------------------------------------------------------------------------

def page_images(pages: PdfPages, dpi: int) -> Iterator[tuple[int, QImage]]:
    for i in range(len(pages)):
        w, _h = pages.page_points(i)
        yield i, pages.render(i, round(w / 72 * dpi))


def print_to(printer: Any, data: bytes) -> int:
    """Paint every page on `printer` at its resolution; copies the driver cannot make are repeated here.

    Returns the number of pages printed (all copies).
    """
    from PySide6.QtGui import QPainter

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
                    area: QRect = printer.pageLayout().paintRectPixels(printer.resolution())
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
    printer.setFullPage(False)
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
    print_to(printer, data)
    name = printer.printerName()
    if name:
        settings.setValue(PRINTER_KEY, name)
    return name or printer.outputFileName()
