"""Mouse, pen and one-finger touch as one stream of pointer calls, for the drawing widgets
(the signature pad and the photo annotator)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTabletEvent, QTouchEvent
from PySide6.QtWidgets import QWidget


class PointerInput(QWidget):
    """Subclasses implement pointer_down/move/up; pressure is 0.5 except from a pen.

    Pen events are accepted, so Qt does not synthesise mouse events for the pen as well; only the first
    finger of a touch draws (a second one is ignored).
    """

    def pointer_down(self, point: QPointF, pressure: float = 0.5) -> None:
        raise NotImplementedError

    def pointer_move(self, point: QPointF, pressure: float = 0.5) -> None:
        raise NotImplementedError

    def pointer_up(self, point: QPointF, pressure: float = 0.5) -> None:
        raise NotImplementedError

    def pointer_cancel(self, point: QPointF) -> None:
        """The system took the touch away (e.g. a gesture): by default the stroke simply ends."""
        self.pointer_up(point)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.pointer_down(event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.pointer_move(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.pointer_up(event.position())
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        pressure = max(0.05, min(1.0, event.pressure()))
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self.pointer_down(event.position(), pressure)
        elif kind == QEvent.Type.TabletMove:
            self.pointer_move(event.position(), pressure)
        elif kind == QEvent.Type.TabletRelease:
            self.pointer_up(event.position(), pressure)
        event.accept()

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QTouchEvent) and event.type() in (
                QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            points = event.points()
            if points:
                p = points[0].position()
                if event.type() == QEvent.Type.TouchBegin:
                    self.pointer_down(p)
                elif event.type() == QEvent.Type.TouchUpdate:
                    self.pointer_move(p)
                elif event.type() == QEvent.Type.TouchEnd:
                    self.pointer_up(p)
                else:
                    self.pointer_cancel(p)
            event.accept()
            return True
        return super().event(event)
