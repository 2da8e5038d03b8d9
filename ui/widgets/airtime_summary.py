"""The run afterwards: airtime per agenda item and over the day, drawn when first shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ui.run_session import RunSession


class AirtimeSummary(QWidget):
    """Two charts from ``workshop.airtime_charts``; matplotlib loads only when this is shown."""

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.draw()

    def draw(self) -> None:
        from workshop.airtime_charts import item_bars_png, over_time_png  # noqa: PLC0415 - matplotlib

        document = self.session.document
        content, log = document.content(), document.run_log
        ratio = self.devicePixelRatioF()
        width = max(5.0, min(11.0, (self.width() - 60) / 100))
        for label, render in ((self.per_item, item_bars_png), (self.over_time, over_time_png)):
            pixmap = QPixmap()
            pixmap.loadFromData(render(content, log, dpi=int(100 * ratio), width=width), "PNG")
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
        runner = self.session.runner
        self.note.setText(
            "The timer has not run yet: the charts fill in as the day goes."
            if not runner.started
            else f"{len(log.events):,} timer and speaker events so far."
        )
        self.drawn = True
