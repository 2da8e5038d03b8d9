"""Reports when the window reached the screen, for ``benchmarks/startup.py``; imported only then.

With ``SMARKETING_WORKSHOP_STARTUP_PROBE=FILE`` set, the app writes two ``time.monotonic()``
readings to FILE and quits: when the window was first exposed and painted (the shell: menus,
stage list), and when its first page was built and painted as well. The benchmark's bare
PySide6 window reports the first reading the same way, so the two are compared like for like.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

PROBE_VARIABLE = "SMARKETING_WORKSHOP_STARTUP_PROBE"


class StartupProbe(QObject):
    """Watches ``window`` reach the screen, then waits until ``pending()`` is false; writes, quits."""

    def __init__(self, window: QWidget, probe: Path, pending: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window, self.probe, self.pending = window, probe, pending
        self.shown: float | None = None
        handle = window.windowHandle()
        if handle is not None and handle.isExposed():
            QTimer.singleShot(0, self._exposed)
        elif handle is not None:
            handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and self.shown is None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._exposed)  # after Qt has painted what the expose asked for
        return False

    def _exposed(self) -> None:
        self.shown = time.monotonic()
        self._when_filled()

    def _when_filled(self) -> None:
        if self.pending():
            QTimer.singleShot(1, self._when_filled)
            return
        QApplication.processEvents()  # the page's own paint
        self.probe.write_text(f"{self.shown}\n{time.monotonic()}\n", encoding="utf-8")
        QApplication.quit()
