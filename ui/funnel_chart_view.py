"""The funnel chart on screen: matplotlib draws it (Agg) when the page is shown, Qt shows the image."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from workshop.funnel_plan import FunnelPlan


class FunnelChartView(QLabel):
    """Redraws shortly after the funnel changes, and only while it is visible."""

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
        """Draw the chart now at the label's size."""
        if self.plan is None or self.plan.result is None:
            self.setPixmap(QPixmap())
            self.setText("The chart appears when the inputs are complete.")
            self.setToolTip("")
            return
        from workshop.funnel_chart import funnel_png  # noqa: PLC0415 - matplotlib on first draw

        ratio = self.devicePixelRatioF()
        dpi = 96
        text = self.palette().color(QPalette.ColorRole.WindowText).name()
        png = funnel_png(
            self.plan.result,
            dpi=int(dpi * ratio),
            title=self.title,
            colours=self.colours,
            text_colour=text,
            width_in=max(self.width(), 240) / dpi,
            height_in=max(self.height(), 140) / dpi,
        )
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        pixmap.setDevicePixelRatio(ratio)
        self.setText("")
        self.setPixmap(pixmap)
        result = self.plan.result
        self.setToolTip(", ".join(f"{stage}: {result.period[stage]:,}" for stage in result.stages))
        self.drawn += 1
