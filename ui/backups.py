"""Automatic backups of the open workshop, off the GUI thread, and File ▸ Restore from Backup.

Every few minutes, when edits were written since the last backup, a worker thread
takes a consistent copy (``workshop.store.backups``) into the user's data folder
and rotates the old ones; a key press never waits for it. Closing the workshop
takes a last backup when something changed. The user can turn backups off
(File ▸ Automatic Backups).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from workshop.clock import local_now

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from workshop.document import WorkshopDocument


class BackupKeeper(QObject):
    """Keeps backups of one open document at a time."""

    backedUp = Signal(str)  # the backup's path
    failed = Signal(str)  # what went wrong, for the status bar

    @property
    def root(self) -> Path:
        """The folder holding every workshop's backups."""
        return self._root if isinstance(self._root, Path) else self._root()

    def __init__(self, root: Path | Callable[[], Path], enabled: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = root  # or how to find it, when the first workshop is attached
        self.enabled = enabled
        self.document: WorkshopDocument | None = None
        self._backed_up_at: datetime | None = None
        self._thread: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.back_up_soon)

    def folder(self, document: WorkshopDocument) -> Path:
        from workshop.store import backups  # noqa: PLC0415 - once a workshop is open, not at start

        return backups.workshop_folder(self.root, document.info.uid, document.path)

    def attach(self, document: WorkshopDocument | None) -> None:
        from workshop.store import backups  # noqa: PLC0415 - once a workshop is open, not at start

        self.timer.setInterval(backups.INTERVAL_MINUTES * 60 * 1000)
        self.document = document
        self._backed_up_at = document.saved_at if document is not None else None
        if document is not None and self.enabled:
            self.timer.start()
        else:
            self.timer.stop()

    def _due(self) -> bool:
        document = self.document
        return (
            self.enabled
            and document is not None
            and document.saving
            and document.saved_at is not None
            and document.saved_at != self._backed_up_at
        )

    def back_up_soon(self) -> None:
        """Take a backup on a worker thread when something was saved since the last one."""
        if not self._due() or (self._thread is not None and self._thread.is_alive()):
            return
        assert self.document is not None
        self._backed_up_at = self.document.saved_at
        source, folder = self.document.path, self.folder(self.document)
        self._thread = threading.Thread(target=self._work, args=(source, folder), daemon=True, name="backup")
        self._thread.start()

    def _work(self, source: Path, folder: Path) -> None:
        from workshop.store import backups  # noqa: PLC0415 - imported by attach() already

        try:
            path = backups.take_backup(source, folder, local_now())
            backups.rotate(folder, self.root)
        except Exception as error:  # noqa: BLE001 - a failed backup is reported, never raised into the app
            self.failed.emit(f"The automatic backup could not be made ({error}).")
        else:
            self.backedUp.emit(str(path))

    def wait(self, seconds: float = 30.0) -> None:
        """Let a backup under way finish."""
        if self._thread is not None:
            self._thread.join(seconds)

    def detach(self) -> None:
        """The workshop is closing: a last backup when something changed, then let go of it."""
        self.timer.stop()
        self.wait()
        if self._due() and self.document is not None:
            self._backed_up_at = self.document.saved_at
            self._work(self.document.path, self.folder(self.document))
        self.document = None

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self.attach(self.document)
