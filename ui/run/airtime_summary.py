"""The run afterwards: airtime per agenda item and over the day, drawn when first shown."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ui.run.session import RunSession
from workshop.model import WorkshopContent
from workshop.run_log import RunLog


class AirtimeSummary(QWidget):
    """Two charts from ``workshop.charts.airtime``; matplotlib loads only when this is shown.

    Signals: ``chartsReady(Future)`` from the drawing thread, handled in the GUI thread.
    """

    chartsReady = Signal(object)

    def __init__(self, session: RunSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.per_item = QLabel(self)
        self.over_time = QLabel(self)
        for label, name in (
            (self.per_item, "Airtime per agenda item"),
            (self.over_time, "Airtime over the day"),
        ):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setAccessibleName(name)
        self.note = QLabel(self)
        refresh = QPushButton("Redraw", self)
        refresh.setToolTip("Draw the charts again with the latest airtime")
        refresh.clicked.connect(self.draw)
        top = QHBoxLayout()
        top.addWidget(self.note, 1)
        top.addWidget(refresh)
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(QLabel("<b>Airtime per agenda item</b> (minutes)", body))
        column.addWidget(self.per_item)
        column.addWidget(QLabel("<b>Airtime over the day</b>", body))
        column.addWidget(self.over_time)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.drawn = False
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="airtime-charts")
        self._drawing: Future[tuple[bytes, bytes]] | None = None
        self.chartsReady.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(lambda: self._pool.shutdown(wait=False))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.draw()

    def draw(self) -> None:
        """Draw both charts in a worker thread (matplotlib's first import takes most of a second)."""
        if self._drawing is not None and not self._drawing.done():
            return
        document = self.session.document
        content = document.content()
        content.run_log = RunLog(list(document.run_log.events), document.run_log.checkpoint_ms)  # a snapshot
        ratio = self.devicePixelRatioF()
        width = max(5.0, min(11.0, (self.width() - 60) / 100))
        self.note.setText("Drawing the charts…")
        self._drawing = self._pool.submit(_render, content, int(100 * ratio), width)
        self._drawing.add_done_callback(self.chartsReady.emit)  # emitted from the worker thread

    def _show(self, future: Future[tuple[bytes, bytes]]) -> None:
        try:
            pngs = future.result()
        except Exception as error:  # noqa: BLE001 - any failure in the drawing thread is shown, not raised
            self.note.setText(f"The charts could not be drawn: {error}")
            return
        ratio = self.devicePixelRatioF()
        for label, png in zip((self.per_item, self.over_time), pngs, strict=True):
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
        runner = self.session.runner
        self.note.setText(
            "The timer has not run yet: the charts fill in as the day goes."
            if not runner.started
            else f"{len(self.session.document.run_log.events):,} timer and speaker events so far."
        )
        self.drawn = True


def _render(content: WorkshopContent, dpi: int, width: float) -> tuple[bytes, bytes]:
    from workshop.charts.airtime import item_bars_png, over_time_png  # noqa: PLC0415 - matplotlib

    log = content.run_log
    return item_bars_png(content, log, dpi=dpi, width=width), over_time_png(
        content, log, dpi=dpi, width=width
    )
