"""The funnel chart on screen: matplotlib draws it (Agg) when the page is shown, Qt shows the image."""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget
from shiboken6 import isValid

from workshop.funnel.plan import FunnelPlan


class FunnelChartView(QLabel):
    """Redraws shortly after the funnel changes, and only while it is visible.

    matplotlib draws in a worker thread (its first import takes most of a second), so typing
    in the inputs never waits for the chart. Signals: ``pngReady(Future, int)`` from the worker.
    """

    pngReady = Signal(object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Funnel chart")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(240, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plan: FunnelPlan | None = None
        self.title = ""
        self.colours: Mapping[str, str] = {}
        self.drawn = 0  # how many times the chart has been drawn
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.draw)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="funnel-chart")
        self._generation = 0
        self.pngReady.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(lambda: self._pool.shutdown(wait=False))
        self._pool.submit(_warm_up)  # matplotlib loads while the page is being looked at, not after

    def show_plan(self, plan: FunnelPlan, title: str, colours: Mapping[str, str]) -> None:
        self.plan, self.title, self.colours = plan, title, colours
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self._timer.start()

    def draw(self) -> None:
        """Start drawing the chart at the label's size; it appears when the worker is done."""
        self._generation += 1
        if self.plan is None or self.plan.result is None:
            self.setPixmap(QPixmap())
            self.setText("The chart appears when the inputs are complete.")
            self.setToolTip("")
            return
        ratio = self.devicePixelRatioF()
        dpi = 96
        settings = {
            "dpi": int(dpi * ratio),
            "title": self.title,
            "colours": dict(self.colours),
            "text_colour": self.palette().color(QPalette.ColorRole.WindowText).name(),
            "width_in": max(self.width(), 240) / dpi,
            "height_in": max(self.height(), 140) / dpi,
        }
        generation = self._generation
        if self.pixmap().isNull():
            self.setText("Drawing the chart…")  # the first drawing loads matplotlib: say so
        future = self._pool.submit(_render, self.plan.result, settings)
        future.add_done_callback(lambda done: self._ready(done, generation))

    def _ready(self, future: Future[bytes], generation: int) -> None:
        """In the worker: hand the drawing to the view, unless the view was closed meanwhile."""
        if not isValid(self):
            return
        try:
            self.pngReady.emit(future, generation)
        except RuntimeError:
            return  # deleted between the check and the emit (File ▸ New while drawing): nothing to show

    def _show(self, future: Future[bytes], generation: int) -> None:
        if generation != self._generation or self.plan is None or self.plan.result is None:
            return  # a newer drawing is on its way
        try:
            png = future.result()
        except Exception as error:  # noqa: BLE001 - any failure in the drawing thread is shown, not raised
            self.setText(f"The chart could not be drawn: {error}")
            return
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        pixmap.setDevicePixelRatio(ratio)
        self.setText("")
        self.setPixmap(pixmap)
        result = self.plan.result
        self.setToolTip(", ".join(f"{stage}: {result.period[stage]:,}" for stage in result.stages))
        self.drawn += 1


def _warm_up() -> None:
    import workshop.charts.funnel  # noqa: F401, PLC0415 - matplotlib, in the worker, before the first draw


def _render(result: Any, settings: dict[str, Any]) -> bytes:
    from workshop.charts.funnel import funnel_png  # noqa: PLC0415 - matplotlib on first draw

    return funnel_png(result, **settings)
