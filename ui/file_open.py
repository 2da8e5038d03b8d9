"""macOS: a workshop file opened from the Finder while the app runs arrives as a QFileOpenEvent.

(Also the one the app was launched with.) Qt delivers it to the application object, not to a
window; :class:`FileOpenHandler` catches it there and opens the file in the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFileOpenEvent


class FileOpenHandler(QObject):
    """Passes each file the system asks the app to open to ``open_path``."""

    def __init__(self, app: QCoreApplication, open_path: Callable[[Path], object]) -> None:
        super().__init__(app)
        self._open_path = open_path
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            name = event.file() or event.url().toLocalFile()
            if name:
                self._open_path(Path(name))
                return True
        return super().eventFilter(watched, event)
