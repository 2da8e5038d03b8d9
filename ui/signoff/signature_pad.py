"""A signature pad: draw with a mouse, a pen or a finger; clear and draw again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop.signoff.signing import Stroke

RATIO = 3.0  # width : height, the same as the signature boxes in the PDF


class SignaturePad(QWidget):
    """Collects strokes as points in 0..1 of the pad (y down); ``changed`` after each stroke."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[Stroke] = []
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(300, 100)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Signature pad")
        self.setAccessibleDescription("Draw the signature with a mouse, a pen or a finger")

    def sizeHint(self) -> QSize:
        return QSize(480, 160)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(width / RATIO)

    def clear(self) -> None:
        self.strokes = []
        self.update()
        self.changed.emit()

    def set_strokes(self, strokes: list[Stroke]) -> None:
        self.strokes = [list(s) for s in strokes]
        self.update()

    # -- input -----------------------------------------------------------------------------

    def _area(self) -> QRectF:
        width = min(self.width(), self.height() * RATIO)
        height = width / RATIO
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def _point(self, pos: QPointF) -> tuple[float, float]:
        area = self._area()
        x = (pos.x() - area.left()) / max(area.width(), 1)
        y = (pos.y() - area.top()) / max(area.height(), 1)
        return min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)

    def _begin(self, pos: QPointF) -> None:
        self._drawing = True
        self.strokes.append([self._point(pos)])
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if self._drawing and self.strokes:
            self.strokes[-1].append(self._point(pos))
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QTouchEvent) and event.points():
            pos = event.points()[0].position()
            if event.type() == QEvent.Type.TouchBegin:
                self._begin(pos)
            elif event.type() == QEvent.Type.TouchUpdate:
                self._extend(pos)
            else:
                self._end()
            event.accept()
            return True
        return super().event(event)

    # -- drawing ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self._area()
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        guide = QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashLine)
        painter.setPen(guide)
        baseline = area.top() + area.height() * 0.78
        painter.drawLine(QPointF(area.left() + 12, baseline), QPointF(area.right() - 12, baseline))
        if not self.strokes:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "Sign here")
        ink = QPen(palette.color(QPalette.ColorRole.Text), 2.2)
        ink.setCapStyle(Qt.PenCapStyle.RoundCap)
        ink.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(ink)
        for stroke in self.strokes:
            path = QPainterPath()
            for index, (x, y) in enumerate(stroke):
                point = QPointF(area.left() + x * area.width(), area.top() + y * area.height())
                if index == 0:
                    path.moveTo(point)
                else:
                    path.lineTo(point)
            if len(stroke) == 1:
                painter.drawPoint(path.currentPosition())
            painter.drawPath(path)
        painter.end()
