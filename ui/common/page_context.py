"""What every stage page is given: the open document and the window's services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # imported once a workshop is open, not to start the window
    from ui.common.dialogs import Dialogs
    from ui.common.document_signals import DocumentSignals
    from workshop.document import WorkshopDocument


@dataclass(frozen=True)
class PageContext:
    """A page's link to the document (through its Qt signals) and to the window.

    ``report`` shows a short message in the status bar; ``dialogs`` asks for
    files and shows errors (tests replace it).
    """

    signals: DocumentSignals
    window: QWidget
    dialogs: Dialogs
    report: Callable[[str], None]
    # The window's live runs, one per workshop (the Run page's RunSession); None: a page of its own
    sessions: Callable[[WorkshopDocument], QObject] | None = None
    # The window's review PDF export, given the review's id; None: a page of its own
    export_review: Callable[[int], None] | None = None

    @property
    def document(self) -> WorkshopDocument:
        return self.signals.document

    def ask_save_path(self, title: str, suggested: str, filter_: str) -> Path | None:
        return self.dialogs.save_path(self.window, title, suggested, filter_)

    def ask_open_path(self, title: str, directory: str, filter_: str) -> Path | None:
        return self.dialogs.open_path(self.window, title, directory, filter_)

    def show_error(self, title: str, text: str) -> None:
        self.dialogs.error(self.window, title, text)
