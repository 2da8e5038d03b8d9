"""A tab widget that does not repaint or relay out the window whenever a label inside it changes.

``QTabWidget`` answers every layout request from inside its pages by laying itself out again
and repainting everything it holds, and a layout that has been redone always asks its
parent to be redone too, up to the window. On the Run page the countdown, the airtime
labels and the speaker chips change on every key and every tick, and each change asked for
such a request: the whole window was laid out (and once repainted) again for a key press.
This one lets the page lay itself out (its own layout does that) and passes the request on
only when its own size hints changed, so the window's layout is left alone otherwise. Its
own layout is still redone on every resize.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QTabWidget


class SteadyTabWidget(QTabWidget):
    """A ``QTabWidget`` whose pages' layout requests go no further than it unless its size hints change."""

    _hints: tuple[QSize, QSize] | None = None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            hints = (self.sizeHint(), self.minimumSizeHint())
            if hints != self._hints:
                self._hints = hints
                self.updateGeometry()
            return True
        return super().event(event)
