"""File ▸ Export SLA PDF / Export Goals PDF: made in a worker thread, with progress.

The workshop's content is copied on the main thread (records are immutable), so the worker
never touches the document. The paper size follows the locale unless chosen in the menu,
and the result opens in the system's PDF viewer when "Open PDFs After Export" is ticked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from ui.common.dialogs import Dialogs

if TYPE_CHECKING:  # imported once a workshop is open, not to start the window
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QProgressDialog

    from workshop.document import WorkshopDocument
    from workshop.model import WorkshopContent

PAPER_KEY = "pdf/paper"
OPEN_KEY = "pdf/open_after_export"


class _Worker(QObject):
    done = Signal(object, str)  # the PDF bytes (or None), the kind of PDF or the error message

    def __init__(self, make: Callable[[], tuple[bytes, str]]) -> None:
        super().__init__()
        self.make = make

    def run(self) -> None:
        try:
            data, kind = self.make()
        except (OSError, ValueError) as error:
            self.done.emit(None, str(error))
            return
        self.done.emit(data, kind)


class PdfExporter(QObject):
    """Adds the PDF export actions to a menu and runs them for the window's document."""

    finished = Signal(Path)

    def __init__(
        self,
        window: QMainWindow,
        dialogs: Dialogs,
        settings: QSettings,
        document: Callable[[], WorkshopDocument | None],
    ) -> None:
        super().__init__(window)
        self.window, self.dialogs, self.settings, self.document = window, dialogs, settings, document
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._progress: QProgressDialog | None = None
        self._target: Path | None = None
        self.actions: list[QAction] = []
        self.shown_review: Callable[[], int] = lambda: 0  # the Review page's review (0: the latest)

    def add_to(self, menu: QMenu) -> None:
        sla = menu.addAction("Export &SLA PDF…")
        sla.triggered.connect(self.export_sla)
        goals = menu.addAction("Export &Goals PDF…")
        goals.triggered.connect(self.export_goals)
        review = menu.addAction("Export &Review PDF…")
        review.setToolTip("The review shown on the Review page (else the latest)")
        review.triggered.connect(lambda: self.export_review(self.shown_review()))
        self.actions = [sla, goals, review]
        paper_menu = menu.addMenu("PDF &Paper Size")
        group = QActionGroup(paper_menu)
        current = str(self.settings.value(PAPER_KEY, "auto"))
        for key, label in (("auto", "From the Locale"), ("a4", "A4"), ("letter", "US Letter")):
            action = paper_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(key == current)
            action.triggered.connect(lambda _c=False, k=key: self.settings.setValue(PAPER_KEY, k))
            group.addAction(action)
        open_after = menu.addAction("Open PDFs After Export")
        open_after.setCheckable(True)
        open_after.setChecked(str(self.settings.value(OPEN_KEY, "false")) == "true")
        open_after.toggled.connect(lambda on: self.settings.setValue(OPEN_KEY, "true" if on else "false"))

    def paper(self) -> str:
        from workshop.report.paper import PAPERS, default_paper  # noqa: PLC0415 - at export, not at start

        chosen = str(self.settings.value(PAPER_KEY, "auto"))
        return chosen if chosen in PAPERS else default_paper()

    def export_sla(self) -> None:
        def make(content: WorkshopContent, paper: str) -> tuple[bytes, str]:
            from workshop.report.sla_pdf import pdf_for_export  # noqa: PLC0415 - loads reportlab
            from workshop.signoff.signing import LocalAuthority  # noqa: PLC0415

            return pdf_for_export(content, paper, LocalAuthority())

        self._start("Export SLA PDF", "SLA", make)

    def export_goals(self) -> None:
        def make(content: WorkshopContent, paper: str) -> tuple[bytes, str]:
            from workshop.report.goals_pdf import goals_pdf  # noqa: PLC0415 - loads reportlab

            return goals_pdf(content, paper), "goals"

        self._start("Export goals PDF", "Goals", make)

    def export_review(self, review_id: int = 0) -> None:
        """The review PDF of the review ``review_id`` (0: the latest)."""
        document = self.document()
        if document is None:
            return
        from workshop.model import Review  # noqa: PLC0415 - not needed to start

        reviews = document.typed(Review)
        review = next((r for r in reviews if r.id == review_id), reviews[-1] if reviews else None)
        if review is None:
            self.dialogs.error(
                self.window,
                "No review yet",
                "Add a review on the Review page (Ctrl+0) first; nothing was written.",
            )
            return

        def make(content: WorkshopContent, paper: str) -> tuple[bytes, str]:
            from workshop.report.review_pdf import review_pdf  # noqa: PLC0415 - loads reportlab

            return review_pdf(content, review, paper), "review"

        self._start("Export review PDF", f"Review {review.held_on or review.period_end}".rstrip(), make)

    def _start(
        self, title: str, stem: str, make: Callable[[WorkshopContent, str], tuple[bytes, str]]
    ) -> None:
        document = self.document()
        if document is None or self._thread is not None:
            return
        suggested = str(document.path.with_name(f"{document.path.stem} {stem}.pdf"))
        path = self.dialogs.save_path(self.window, title, suggested, "PDF files (*.pdf)")
        if path is None:
            return
        content, paper = document.content(), self.paper()
        self._target = path
        # Imported at the first export: PySide6 builds each Qt class's enums on first use.
        from PySide6.QtCore import QThread  # noqa: PLC0415
        from PySide6.QtWidgets import QProgressDialog  # noqa: PLC0415

        self._progress = QProgressDialog(f"Making {path.name}…", "", 0, 0, self.window)
        self._progress.setWindowTitle(title)
        self._progress.setCancelButton(None)
        self._progress.setMinimumDuration(300)
        self._thread = QThread(self)
        self._worker = _Worker(lambda: make(content, paper))
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.done.connect(self._done)
        self._thread.start()

    def _done(self, data: bytes | None, kind: str) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._thread = self._worker = None
        if self._progress is not None:
            self._progress.close()
            self._progress = None
        path = self._target
        if path is None:
            return
        if data is None:
            self.dialogs.error(self.window, "Cannot export", f"“{path.name}” could not be made: {kind}.")
            return
        try:
            path.write_bytes(data)
        except OSError as error:
            self.dialogs.error(
                self.window,
                "Cannot export",
                f"“{path.name}” could not be written: {error.strerror or error}.",
            )
            return
        note = " (DRAFT: not signed by everyone)" if kind == "draft" else ""
        self.window.statusBar().showMessage(f"Exported to {path}{note}", 8000)
        if str(self.settings.value(OPEN_KEY, "false")) == "true":
            from PySide6.QtCore import QUrl  # noqa: PLC0415 - only when asked to open it
            from PySide6.QtGui import QDesktopServices  # noqa: PLC0415

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.finished.emit(path)
