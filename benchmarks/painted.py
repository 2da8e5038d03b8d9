"""Timing Qt work to the screen: the event loop runs until the paint it caused is done.

Qt 6 paints on its next frame (``QWindow.requestUpdate``), which offscreen and on X is a
timer of 5 ms by default: a benchmark that only processes events once stops before the
paint. With ``QT_QPA_UPDATE_IDLE_TIME=0`` (set before the application is made) the frame
comes at once, and :func:`until_painted` runs the loop until a paint has been delivered.
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_UPDATE_IDLE_TIME", "0")

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


class PaintCounter(QObject):
    """Counts the paint events and the windows' update requests the application delivers."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0
        self.updates = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint:
            self.paints += 1
        elif kind == QEvent.Type.UpdateRequest:
            self.updates += 1
        return False


_counter: PaintCounter | None = None
QUIET_PASSES = 3
"""Passes of the event loop with no paint and no update request after which nothing is to be
painted (an update is asked for as an update request, delivered at once with an idle time of 0)."""


def until_painted(limit_s: float = 0.5, settle: bool = False) -> bool:
    """Run the event loop until something has been painted (and what that posted); False if
    nothing was. With ``settle``, stop as soon as it is clear nothing will be (a change that
    shows nothing new rightly paints nothing), rather than waiting out ``limit_s``."""
    global _counter  # noqa: PLW0603 - one filter for the application
    app = QApplication.instance()
    assert app is not None
    if _counter is None:
        _counter = PaintCounter()
        app.installEventFilter(_counter)
    before = _counter.paints
    deadline = time.perf_counter() + limit_s
    quiet = 0
    while (
        _counter.paints == before
        and not (settle and quiet >= QUIET_PASSES)
        and time.perf_counter() < deadline
    ):
        updates = _counter.updates
        app.processEvents()
        quiet = quiet + 1 if _counter.updates == updates and _counter.paints == before else 0
    app.processEvents()
    return _counter.paints > before
