"""标注照片: arrows, circles and text drawn over an evidence photo, kept beside it as an overlay.

The stored photo is evidence and is never changed: the shapes are saved with `evidence.set_overlay` and
drawn over the photo wherever it is shown (the thumbnails of the evidence strip, this editor, the photo
appendix of a notice). The overlay format is described in fieldapp.models.photo_marks.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImageReader,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services.vocabulary import RED, STROKE, TEXT_SIZE, WHITE, YELLOW, colour, number, parse_overlay
from fieldapp.ui import util
from fieldapp.ui.pointer_input import PointerInput
from fieldapp.ui.tasks import AppContext

MIN_DRAG = 0.015  # shorter drags (fraction of the longer edge) are taps, not shapes
HALO = QColor(0, 0, 0, 120)


def paint_overlay(painter: QPainter, shapes: list[dict[str, Any]], target: QRectF, *,
                  min_stroke: float = 1.5) -> None:
    """Draw the shapes over an image shown in `target` (widget or pixmap coordinates)."""
    unit = max(target.width(), target.height())
    if unit <= 0:
        return

    def at(x: float, y: float) -> QPointF:
        return QPointF(target.x() + x * target.width(), target.y() + y * target.height())

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    for shape in shapes:
        try:
            kind = shape.get("type")
            ink = QColor(colour(shape))
            if kind in ("arrow", "ellipse"):
                width = max(min_stroke, number(shape, "width", STROKE) * unit)
                path = QPainterPath()
                fill = QPainterPath()
                if kind == "arrow":
                    tail, tip = at(number(shape, "x1"), number(shape, "y1")), at(number(shape, "x2"), number(shape, "y2"))
                    length = math.hypot(tip.x() - tail.x(), tip.y() - tail.y())
                    if length < 1e-6:
                        continue
                    ux, uy = (tip.x() - tail.x()) / length, (tip.y() - tail.y()) / length
                    head = min(length * 0.6, max(width * 4.5, unit * 0.02))
                    base = QPointF(tip.x() - ux * head, tip.y() - uy * head)
                    path.moveTo(tail)
                    path.lineTo(base)
                    half = head * 0.55
                    fill.addPolygon(QPolygonF([tip, QPointF(base.x() - uy * half, base.y() + ux * half),
                                               QPointF(base.x() + uy * half, base.y() - ux * half)]))
                    fill.closeSubpath()
                else:
                    box = QRectF(at(number(shape, "x"), number(shape, "y")),
                                 at(number(shape, "x") + number(shape, "w"), number(shape, "y") + number(shape, "h")))
                    path.addEllipse(box.normalized())
                cap, join = Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(HALO, width + max(2.0, width * 0.6), Qt.PenStyle.SolidLine, cap, join))
                painter.drawPath(path)
                if not fill.isEmpty():
                    painter.setPen(QPen(HALO, max(2.0, width * 0.6), Qt.PenStyle.SolidLine, cap, join))
                    painter.drawPath(fill)
                painter.setPen(QPen(ink, width, Qt.PenStyle.SolidLine, cap, join))
                painter.drawPath(path)
                if not fill.isEmpty():
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(ink)
                    painter.drawPath(fill)
            elif kind == "text":
                text = str(shape.get("text") or "")
                if not text:
                    continue
                font = QFont(painter.font())
                font.setPixelSize(max(6, round(number(shape, "size", TEXT_SIZE) * unit)))
                font.setBold(True)
                path = QPainterPath()
                origin = at(number(shape, "x"), number(shape, "y"))
                path.addText(QPointF(origin.x(), origin.y() + QFontMetricsF(font).ascent()), font, text)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(HALO, max(1.5, font.pixelSize() * 0.07), Qt.PenStyle.SolidLine,
                                    Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
                painter.drawPath(path)
                painter.fillPath(path, ink)
        except (KeyError, TypeError, ValueError):
            continue  # a malformed or unknown shape is skipped, never fatal
    painter.restore()


def with_overlay(pixmap: QPixmap, overlay: Any) -> QPixmap:
    """A copy of the pixmap (a thumbnail or the photo) with the overlay drawn on it; the file is untouched."""
    shapes = parse_overlay(overlay)
    if pixmap.isNull() or not shapes:
        return pixmap
    out = QPixmap(pixmap)
    painter = QPainter(out)
    paint_overlay(painter, shapes, QRectF(0, 0, out.width() / out.devicePixelRatio(),
                                          out.height() / out.devicePixelRatio()))
    painter.end()
    return out


def load_photo(path: str, max_edge: int = 2400) -> QPixmap:
    """The photo for the screen (scaled down while decoding when it is larger than any screen)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > max_edge:
        reader.setScaledSize(size.scaled(QSize(max_edge, max_edge), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()


class AnnotationCanvas(PointerInput):
    """The photo fitted to the widget and the shapes over it; draws with the mouse, a pen or a finger."""

    changed = Signal()
    text_requested = Signal(float, float)  # normalised position of a tap with the text tool

    def __init__(self, pixmap: QPixmap, shapes: list[dict[str, Any]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationCanvas")
        self.pixmap = pixmap
        self.shapes: list[dict[str, Any]] = list(shapes or [])
        self.history: list[list[dict[str, Any]]] = []
        self.tool = "arrow"
        self.color = RED
        self._start: tuple[float, float] | None = None
        self._draft: dict[str, Any] | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self.setCursor(Qt.CursorShape.CrossCursor)

    # -- geometry ------------------------------------------------------------------------------------

    def image_rect(self) -> QRectF:
        """Where the photo is drawn: as large as fits, centred, aspect ratio kept."""
        if self.pixmap.isNull():
            return QRectF(self.rect())
        size = QSize(self.pixmap.size()).scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRectF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2,
                      size.width(), size.height())

    def to_image(self, point: QPointF) -> tuple[float, float]:
        r = self.image_rect()
        x = (point.x() - r.x()) / r.width() if r.width() else 0.0
        y = (point.y() - r.y()) / r.height() if r.height() else 0.0
        return min(1.0, max(0.0, x)), min(1.0, max(0.0, y))

    def to_widget(self, x: float, y: float) -> QPointF:
        r = self.image_rect()
        return QPointF(r.x() + x * r.width(), r.y() + y * r.height())

    def _aspect(self) -> float:
        """Image width / height: a drag length in fractions of the longer edge needs it."""
        if self.pixmap.isNull() or not self.pixmap.height():
            return 1.0
        return self.pixmap.width() / self.pixmap.height()

    def _drag_length(self, a: tuple[float, float], b: tuple[float, float]) -> float:
        aspect = self._aspect()
        sx, sy = (1.0, 1 / aspect) if aspect >= 1 else (aspect, 1.0)
        return math.hypot((b[0] - a[0]) * sx, (b[1] - a[1]) * sy)

    # -- editing -------------------------------------------------------------------------------------

    def _remember(self) -> None:
        self.history.append([dict(s) for s in self.shapes])

    def add_shape(self, shape: dict[str, Any]) -> None:
        self._remember()
        self.shapes.append(shape)
        self.update()
        self.changed.emit()

    def undo(self) -> None:
        if self.history:
            self.shapes = self.history.pop()
            self.update()
            self.changed.emit()

    def clear(self) -> None:
        if self.shapes:
            self._remember()  # a clear can be undone as well
            self.shapes = []
            self.update()
            self.changed.emit()

    def _shape(self, a: tuple[float, float], b: tuple[float, float]) -> dict[str, Any]:
        r4 = lambda v: round(v, 4)  # noqa: E731 - four decimals are a tenth of a pixel on any photo
        if self.tool == "arrow":
            return {"type": "arrow", "x1": r4(a[0]), "y1": r4(a[1]), "x2": r4(b[0]), "y2": r4(b[1]),
                    "color": self.color, "width": STROKE}
        return {"type": "ellipse", "x": r4(min(a[0], b[0])), "y": r4(min(a[1], b[1])), "w": r4(abs(b[0] - a[0])),
                "h": r4(abs(b[1] - a[1])), "color": self.color, "width": STROKE}

    def pointer_down(self, point: QPointF, pressure: float = 0.5) -> None:
        self._start = self.to_image(point)
        self._draft = None

    def pointer_move(self, point: QPointF, pressure: float = 0.5) -> None:
        if self._start is None or self.tool == "text":
            return
        self._draft = self._shape(self._start, self.to_image(point))
        self.update()

    def pointer_up(self, point: QPointF, pressure: float = 0.5) -> None:
        if self._start is None:
            return
        start, end = self._start, self.to_image(point)
        self._start, self._draft = None, None
        self.update()
        if self.tool == "text":
            self.text_requested.emit(round(start[0], 4), round(start[1], 4))
        elif self._drag_length(start, end) >= MIN_DRAG:
            self.add_shape(self._shape(start, end))

    def add_text(self, x: float, y: float, text: str) -> None:
        if text.strip():
            self.add_shape({"type": "text", "x": x, "y": y, "text": text.strip(), "color": self.color,
                            "size": TEXT_SIZE})

    def pointer_cancel(self, point: QPointF) -> None:
        # A cancelled touch leaves no half-drawn shape behind.
        self._start, self._draft = None, None
        self.update()

    # -- drawing -------------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#111827"))
        rect = self.image_rect()
        if not self.pixmap.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(rect, self.pixmap, QRectF(self.pixmap.rect()))
        paint_overlay(painter, self.shapes + ([self._draft] if self._draft else []), rect)
        painter.end()


class PhotoAnnotator(QDialog):
    """The editor: tools, colours, undo, clear, save (evidence.set_overlay on the worker) or cancel."""

    saved = Signal(str)  # evidence id

    def __init__(self, ctx: AppContext, item: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.evidence_id = str(item["id"])
        self.setObjectName("photoAnnotator")
        self.setWindowTitle(self.tr("Annotate photo"))
        self.setStyleSheet(
            "QPushButton[tool=\"true\"]:checked { background: #2563eb; color: white; border: 1px solid #1d4ed8; }")
        self.original = parse_overlay(item.get("overlay"))
        self.canvas = AnnotationCanvas(load_photo(str(item.get("path") or "")), self.original, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)

        bar = QHBoxLayout()
        self.tool_buttons: dict[str, QPushButton] = {}
        tools = QButtonGroup(self)
        for key, text in (("arrow", self.tr("Arrow")), ("ellipse", self.tr("Circle")), ("text", self.tr("Text"))):
            b = util.button(text)
            b.setCheckable(True)
            b.setProperty("tool", True)
            b.setObjectName(f"tool_{key}")
            tools.addButton(b)
            b.clicked.connect(lambda _c=False, k=key: self.set_tool(k))
            self.tool_buttons[key] = b
            bar.addWidget(b)
        bar.addSpacing(12)
        self.color_buttons: dict[str, QPushButton] = {}
        colours = QButtonGroup(self)
        for value, text, ink in ((RED, self.tr("Red"), "white"), (YELLOW, self.tr("Yellow"), "#111827"),
                                 (WHITE, self.tr("White"), "#111827")):
            b = util.button(text)
            b.setCheckable(True)
            b.setMinimumWidth(max(b.minimumWidth(), 64))
            b.setStyleSheet(f"QPushButton {{ background: {value}; color: {ink}; border: 2px solid #9ca3af;"
                            " border-radius: 4px; } QPushButton:checked { border: 4px solid #111827;"
                            " font-weight: bold; }")
            colours.addButton(b)
            b.clicked.connect(lambda _c=False, v=value: self.set_color(v))
            self.color_buttons[value] = b
            bar.addWidget(b)
        bar.addSpacing(12)
        self.undo_button = util.button(self.tr("Undo"))
        self.clear_button = util.button(self.tr("Clear"))
        bar.addWidget(self.undo_button)
        bar.addWidget(self.clear_button)
        bar.addStretch(1)
        self.cancel_button = util.button(self.tr("Cancel"))
        self.save_button = util.button(self.tr("Save"), primary=True)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.save_button)
        layout.addLayout(bar)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        layout.addWidget(self.canvas, 1)
        note = QLabel(self.tr("The marks are kept beside the photo; the photo itself (the evidence) is not "
                              "changed."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)

        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.canvas.changed.connect(self.update_buttons)
        self.canvas.text_requested.connect(self.ask_text)
        self.set_tool("arrow")
        self.set_color(RED)
        self.update_buttons()
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(max(640, screen.width() - 40), max(480, screen.height() - 40))

    def set_tool(self, tool: str) -> None:
        self.canvas.tool = tool
        self.tool_buttons[tool].setChecked(True)
        self.hint.setText({
            "arrow": self.tr("Arrow: drag from where the arrow starts to what it points at."),
            "ellipse": self.tr("Circle: drag across the part to circle."),
            "text": self.tr("Text: tap where the label goes, then type it."),
        }[tool])

    def set_color(self, color: str) -> None:
        self.canvas.color = color
        self.color_buttons[color].setChecked(True)

    def ask_text(self, x: float, y: float) -> None:
        text = util.ask_text(self, self.tr("Text label"), self.tr("Text shown on the photo:"))
        if text:
            self.canvas.add_text(x, y, text)

    def modified(self) -> bool:
        return self.canvas.shapes != self.original

    def update_buttons(self) -> None:
        self.undo_button.setEnabled(bool(self.canvas.history))
        self.clear_button.setEnabled(bool(self.canvas.shapes))

    def save(self) -> None:
        if not self.modified():
            self.accept()
            return
        from fieldapp.services import evidence  # photo libraries: loaded once photos are handled

        evidence_id, shapes = self.evidence_id, [dict(s) for s in self.canvas.shapes]
        self.save_button.setEnabled(False)
        self.ctx.op(self, lambda c: evidence.set_overlay(c.workspace, evidence_id, shapes)).success(
            self._saved).failure(self._failed).run()

    def _saved(self, _row: Any) -> None:
        self.original = [dict(s) for s in self.canvas.shapes]
        self.ctx.bus.status.emit(self.tr("Annotations saved"))
        self.saved.emit(self.evidence_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        util.show_error(self, getattr(exc, "zh", None) or repr(exc))

    def reject(self) -> None:
        if self.modified() and not util.ask(self, self.tr("Discard the marks drawn on this photo?")):
            return
        super().reject()
