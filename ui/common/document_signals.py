"""Turns a document's plain-Python announcements into Qt signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from workshop.document import WorkshopDocument
from workshop.edits import Change


class DocumentSignals(QObject):
    """Qt face of one open document.

    Signals: ``aboutToChange(Change)`` and ``changed(Change)`` around each change,
    ``statusChanged()`` when saved state, path or undo availability change.
    """

    aboutToChange = Signal(object)
    changed = Signal(object)
    statusChanged = Signal()

    def __init__(self, document: WorkshopDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        document.about_to_change.connect(self._about_to_change)
        document.changed.connect(self._changed)
        document.status_changed.connect(self._status_changed)

    def dispose(self) -> None:
        """Stop listening to the document (it is being closed)."""
        self.document.about_to_change.disconnect(self._about_to_change)
        self.document.changed.disconnect(self._changed)
        self.document.status_changed.disconnect(self._status_changed)

    def _about_to_change(self, change: Change) -> None:
        self.aboutToChange.emit(change)

    def _changed(self, change: Change) -> None:
        self.changed.emit(change)

    def _status_changed(self, _document: WorkshopDocument) -> None:
        self.statusChanged.emit()
