"""Reading a large lead history off the window's thread, with progress and a way to stop."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QProgressBar, QPushButton, QWidget

from workshop.leads.reader import LeadFileError, Progress, ReadingStoppedError

Work = Callable[[Progress], Any]


class _Worker(QObject):
    progressed = Signal(float)
    done = Signal(object, str)  # result (None on failure), error message ("" when it worked)

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.stopped = False

    def run(self) -> None:
        """On the reading's own thread; the signals reach the window's thread queued."""

        def progress(share: float) -> bool:
            if not self.stopped:
                self.progressed.emit(share)
            return not self.stopped

        try:
            result = self.work(progress)
        except ReadingStoppedError:
            return
        except LeadFileError as error:
            result, message = None, str(error)
        else:
            message = ""
        if not self.stopped:
            self.done.emit(result, message)


class BackgroundReader(QObject):
    """One reading at a time on a worker thread; starting another stops the one running.

    A stopped reading ends by itself within a chunk of rows (its thread is never waited
    for, so stopping is instant), and nothing it finds is used.

    Signals: ``progressed(float)`` share done, ``running(bool)`` when a reading starts or
    ends; the ``done`` callback given to :meth:`start` gets the result on the window's
    thread (or the error message), never for a reading that was stopped.
    """

    progressed = Signal(float)
    running = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker: _Worker | None = None
        self._done: Callable[[Any, str], None] | None = None

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def start(self, work: Work, done: Callable[[Any, str], None]) -> None:
        self.stop()
        self._done = done
        worker = self._worker = _Worker(work)
        worker.progressed.connect(self.progressed)
        worker.done.connect(self._finished)
        self.running.emit(True)
        threading.Thread(target=worker.run, name="lead history", daemon=True).start()

    def stop(self) -> None:
        """Stop the reading that runs, if any."""
        if self._worker is None:
            return
        self._worker.stopped = True
        self._worker.done.disconnect(self._finished)
        self._worker.progressed.disconnect(self.progressed)
        self._end()

    def _end(self) -> None:
        self._worker = None
        self._done = None
        self.running.emit(False)

    def _finished(self, result: Any, error: str) -> None:
        done = self._done
        self._end()
        if done is not None:
            done(result, error)


def progress_and_stop(
    reader: BackgroundReader, parent: QWidget, what: str, stop: Callable[[], None]
) -> tuple[QProgressBar, QPushButton]:
    """A progress bar following ``reader`` and a Stop button (Esc) calling ``stop``; both hidden."""
    progress = QProgressBar(parent)
    progress.setAccessibleName(f"Reading {what}")
    progress.setRange(0, 1000)
    progress.setMaximumWidth(220)
    button = QPushButton("S&top", parent)
    button.setToolTip(f"Stop reading {what} (Esc)")
    button.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    button.clicked.connect(stop)
    reader.progressed.connect(lambda share: progress.setValue(round(share * 1000)))
    progress.setVisible(False)
    button.setVisible(False)
    return progress, button
