"""The projector window: what the room sees, large and high-contrast, nothing private."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from ui.run.balance_bar import BalanceBar
from ui.run.keys import install_run_keys
from ui.run.models import clock_text
from ui.run.page import status_colour
from ui.run.session import RunSession
from workshop import APP_NAME
from workshop.model import MARKETING, SALES, Team, team_colours, team_name

BACKGROUND, TEXT, DIM = "#0f172a", "#f8fafc", "#94a3b8"


class ProjectorWindow(QWidget):
    """Current item, big countdown, the day's balance bar and the next item, scaled to the screen."""

    def __init__(self, session: RunSession, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.document = session.document
        self.setWindowTitle(f"{self.document.info.title or APP_NAME} — projector")
        self.setObjectName("projector")
        self.setStyleSheet(f"QWidget#projector {{ background: {BACKGROUND}; }} QLabel {{ color: {TEXT}; }}")
        self.item_title = QLabel(self)
        self.item_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.item_title.setWordWrap(True)
        self.countdown = QLabel("–:––", self)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state = QLabel(self)
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar_caption = QLabel("Speaking time today", self)
        self.bar_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar = BalanceBar("Speaking time today", self, height=64)
        self.next_label = QLabel(self)
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_label.setWordWrap(True)
        self.on_top = QCheckBox("Keep on top", self)
        self.on_top.setStyleSheet(f"color: {DIM};")
        self.on_top.toggled.connect(self.keep_on_top)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 30)
        layout.addWidget(self.item_title)
        layout.addWidget(self.countdown, 1)
        layout.addWidget(self.state)
        layout.addSpacing(20)
        layout.addWidget(self.bar_caption)
        layout.addWidget(self.bar)
        layout.addSpacing(20)
        layout.addWidget(self.next_label)
        layout.addWidget(self.on_top, 0, Qt.AlignmentFlag.AlignRight)
        session.ticked.connect(self.refresh)
        session.changed.connect(self.refresh)
        self.shortcuts = install_run_keys(self, session.act)  # the room window obeys the same keys
        self.resize(1280, 720)
        self._fonts()
        self.refresh()

    def place(self) -> None:
        """Full screen on a second screen when there is one, else a normal window."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            other = next((s for s in screens if s != QGuiApplication.primaryScreen()), screens[1])
            self.setGeometry(other.geometry())
            self.showFullScreen()
        else:
            self.showNormal()
        self.raise_()

    def keep_on_top(self, on: bool) -> None:
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on)
        self.show()

    def _fonts(self) -> None:
        height = max(400, self.height())
        for label, share, bold in (
            (self.item_title, 0.07, True),
            (self.countdown, 0.30, True),
            (self.state, 0.04, False),
            (self.bar_caption, 0.035, False),
            (self.next_label, 0.045, False),
        ):
            font = QFont(self.font())
            font.setPixelSize(int(height * share))
            font.setBold(bold)
            label.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fonts()
        super().resizeEvent(event)

    def refresh(self) -> None:
        runner = self.session.runner
        item = runner.item()
        remaining = runner.remaining_ms()
        if not runner.started:
            self.item_title.setText(self.document.info.title or "The workshop")
            self.state.setText("Starting soon")
        elif item is None:
            self.item_title.setText("That's the agenda — thank you")
            self.state.setText("")
        else:
            self.item_title.setText(item.title)
            self.state.setText("Running" if runner.running else "Paused")
        if item is None or remaining is None:
            self.countdown.setText("")
            colour = TEXT
        else:
            self.countdown.setText(("+" if remaining < 0 else "") + clock_text(abs(remaining)))
            colour = status_colour(remaining, runner.allotted_ms(item)) or TEXT
        self.countdown.setStyleSheet(f"color: {colour};")
        teams = self.document.typed(Team)
        names = (team_name(teams, SALES), team_name(teams, MARKETING))
        colour_of = team_colours(teams)
        colours = (colour_of[SALES], colour_of[MARKETING])
        self.bar.show_balance(runner.balance(None, self.document.info.balance_low), colours, names, False)
        upcoming = runner.upcoming()
        self.next_label.setText(f"Next: {upcoming.title}" if upcoming else "")
        self.next_label.setStyleSheet(f"color: {DIM};")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.hide()
        event.ignore()  # the window is kept for the next F5
