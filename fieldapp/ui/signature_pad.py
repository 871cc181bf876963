"""A signature pad: mouse, pen (QTabletEvent, with pressure) and finger (QTouchEvent), smooth strokes.

The signature is exported as a transparent PNG cropped to the ink, so it prints on the signature line of
the notice without a white box. `SignatureDialog` wraps the pad with 清除 / 确定 / 取消 for one signer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from fieldapp.ui import util
from fieldapp.ui.pointer_input import PointerInput

INK = QColor("#10204a")  # blue-black, as a ballpoint on paper
WIDTH = 3.2  # stroke width in widget pixels at normal pressure
EXPORT_SCALE = 2.0  # the PNG has twice the widget's resolution: crisp at print size


@dataclass
class Stroke:
    points: list[QPointF] = field(default_factory=list)
    pressures: list[float] = field(default_factory=list)

    def add(self, point: QPointF, pressure: float) -> None:
        # Drop points closer than half a pixel: they only add noise to the curve.
        if self.points and (self.points[-1] - point).manhattanLength() < 0.5:
            return
        self.points.append(QPointF(point))
        self.pressures.append(pressure)


def stroke_path(points: list[QPointF]) -> QPainterPath:
    """A smooth path through the points: quadratic curves between the midpoints of successive points."""
    path = QPainterPath(points[0])
    if len(points) == 1:
        path.lineTo(points[0] + QPointF(0.1, 0.1))  # a dot
        return path
    if len(points) == 2:
        path.lineTo(points[1])
        return path
    for i in range(1, len(points) - 1):
        mid = (points[i] + points[i + 1]) / 2
        path.quadTo(points[i], mid)
    path.lineTo(points[-1])
    return path


def paint_strokes(painter: QPainter, strokes: list[Stroke], scale: float = 1.0) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for stroke in strokes:
        if not stroke.points:
            continue
        pressure = sum(stroke.pressures) / len(stroke.pressures)
        pen = QPen(INK, WIDTH * scale * (0.6 + 0.8 * pressure), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(stroke_path([p * scale for p in stroke.points]))


class SignaturePad(PointerInput):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setMinimumSize(520, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- state ---------------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not any(s.points for s in self.strokes)

    def clear(self) -> None:
        self.strokes = []
        self._current = None
        self.update()
        self.changed.emit()

    def pointer_down(self, point: QPointF, pressure: float = 0.5) -> None:
        self._current = Stroke()
        self._current.add(point, pressure)
        self.strokes.append(self._current)
        self.update()

    def pointer_move(self, point: QPointF, pressure: float = 0.5) -> None:
        if self._current is not None:
            self._current.add(point, pressure)
            self.update()

    def pointer_up(self, point: QPointF | None = None, pressure: float = 0.5) -> None:
        if self._current is not None:
            if point is not None:
                self._current.add(point, pressure)
            self._current = None
            self.update()
            self.changed.emit()

    # -- drawing -------------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        baseline = self.height() - 48
        painter.setPen(QPen(QColor("#9ca3af"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(24, baseline, self.width() - 24, baseline)
        painter.setPen(QColor("#9ca3af"))
        painter.drawText(24, baseline + 24, "✕")
        if self.is_empty():
            painter.setPen(QColor("#9ca3af"))
            painter.drawText(QRectF(self.rect()).adjusted(0, 0, 0, -60), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Sign here with the pen, a finger or the mouse"))
        paint_strokes(painter, self.strokes)
        painter.setPen(QPen(QColor("#d1d5db"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    # -- export --------------------------------------------------------------------------------------

    def ink_rect(self) -> QRectF:
        rect = QRectF()
        for stroke in self.strokes:
            for p in stroke.points:
                rect = rect.united(QRectF(p, p).adjusted(-1, -1, 1, 1))
        return rect

    def to_image(self) -> QImage:
        """The ink on a transparent background, cropped to the signature with a small margin."""
        margin = WIDTH * 2
        rect = self.ink_rect().adjusted(-margin, -margin, margin, margin)
        if rect.isEmpty():
            rect = QRectF(0, 0, 10, 10)
        size = rect.size() * EXPORT_SCALE
        image = QImage(max(1, int(size.width())), max(1, int(size.height())), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.translate(-rect.topLeft() * EXPORT_SCALE)
        paint_strokes(painter, self.strokes, EXPORT_SCALE)
        painter.end()
        return image

    def to_png(self) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.to_image().save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes
        buffer.close()
        return bytes(data.data())


class SignatureDialog(QDialog):
    """One signer signs; `png` holds the result once accepted."""

    def __init__(self, signer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signature: %1").replace("%1", signer))
        self.png: bytes | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("%1, please sign below").replace("%1", signer))
        title.setObjectName("detailTitle")
        layout.addWidget(title)
        self.pad = SignaturePad(self)
        self.pad.setMinimumSize(760, 300)
        layout.addWidget(self.pad, 1)
        buttons = QHBoxLayout()
        self.clear_button = util.button(self.tr("Clear"))
        self.cancel_button = util.button(self.tr("Cancel"))
        self.ok_button = util.button(self.tr("Confirm signature"), primary=True)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)
        self.clear_button.clicked.connect(self.pad.clear)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button.clicked.connect(self.confirm)
        self.pad.changed.connect(lambda: self.ok_button.setEnabled(not self.pad.is_empty()))
        self.ok_button.setEnabled(False)

    def confirm(self) -> None:
        if self.pad.is_empty():
            return
        self.png = self.pad.to_png()
        self.accept()
