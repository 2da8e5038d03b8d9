"""A tab widget that does not repaint itself whole whenever a label inside it changes its text.

``QTabWidget`` answers every layout request from inside its pages by laying itself out again
and repainting everything it holds. On the Run page the countdown and the airtime labels
change their text on every key and every tick, and each change asked for such a request:
the whole window was repainted for a key press. This one passes the request on as a change
of its own size hint (its parent's layout moves it only if that changed) and leaves the
pages to repaint what changed in them. Its own layout is still redone on every resize.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget


class SteadyTabWidget(QTabWidget):
    """A ``QTabWidget`` whose pages' layout requests do not repaint it whole."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            return True
        return super().event(event)
