"""The projector window: what the room sees, large and high-contrast, nothing private.

Every text is at least 7:1 against what is behind it in every state (``PROJECTOR``
in ``ui.common.palette``), and a state says itself in words and shape as well as
colour: yellow digits with "2 min left", then a yellow slab in the last minutes, a
red slab with "OVER +1:23" in overrun. Nothing on it is interactive.

With a second screen the window goes full screen there; with one screen (a
mirrored projector) it covers the console in presentation mode, and F5 (shown in a
corner) brings the console back. F11 switches full screen on and off; the choice is
remembered per set-up of screens.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QScreen,
    QShortcut,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.common.palette import PROJECTOR
from ui.run.balance_bar import BalanceBar
from ui.run.keys import WindowKey, install_run_keys
from ui.run.session import RunSession
from ui.run.timer_state import TimerKind, TimerView, timer_view
from ui.run.window_keys import PROJECTOR_KEY
from workshop import APP_NAME
from workshop.model import MARKETING, SALES, Team, team_colours, team_name

DIGIT_SHARE = 0.32  # the digits' height as a share of the window's height (goal: 30% or more)
FULL_SCREEN_KEY = "F11"
SLABS = {
    TimerKind.LAST: (PROJECTOR.last_back, PROJECTOR.last_text),
    TimerKind.OVERRUN: (PROJECTOR.overrun_back, PROJECTOR.overrun_text),
}
DIGIT_COLOURS = {
    TimerKind.WARNING: PROJECTOR.warning,
    TimerKind.PAUSED: PROJECTOR.paused,
    TimerKind.WAITING: PROJECTOR.paused,
}


def screen_setup(screens: list[QScreen]) -> str:
    """A name for the set-up of screens ('Laptop 1366x768 + Projector 1920x1080'), to remember choices by."""
    return " + ".join(f"{s.name()} {s.geometry().width()}x{s.geometry().height()}" for s in screens)


def windowed(screen: QScreen) -> QRect:
    """The projector as a window: three quarters of the screen, centred."""
    area = screen.availableGeometry()
    return area.adjusted(area.width() // 8, area.height() // 8, -area.width() // 8, -area.height() // 8)


def countdown_colours(kind: TimerKind) -> tuple[str | None, str]:
    """The slab behind the digits (None: the window's background) and the digits' colour."""
    if kind in SLABS:
        return SLABS[kind]
    return None, DIGIT_COLOURS.get(kind, PROJECTOR.text)


class Countdown(QWidget):
    """The digits, cap height ``DIGIT_SHARE`` of the window, within its width."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.view = TimerView(TimerKind.FINISHED, "", "")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Time left in this item")

    def show_view(self, view: TimerView) -> None:
        if view != self.view:
            self.view = view
            self.setAccessibleDescription(view.words or view.digits)
            self.update()

    def text(self) -> str:
        """The digits shown ('' with nothing to count)."""
        return self.view.digits

    def sizeHint(self) -> QSize:
        return QSize(600, 300)

    def digit_font(self) -> QFont:
        """Bold digits whose cap height is the share of the window's height, narrowed to fit its width."""
        font = QFont(self.font())
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 92)  # big digits need less air
        font.setPixelSize(100)
        metrics = QFontMetricsF(font)
        per_pixel = metrics.capHeight() / 100 or 0.72
        wanted = self.window().height() * DIGIT_SHARE / per_pixel
        widest = max(metrics.horizontalAdvance(self.view.digits or "00:00"), 1) / 100
        fits = (self.width() * 0.99) / widest
        available = self.height() / (metrics.height() / 100)
        font.setPixelSize(max(10, int(min(wanted, fits, available))))
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.view.digits:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = self.digit_font()
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        slab, colour = countdown_colours(self.view.kind)
        if slab is not None:
            width = min(self.width(), metrics.horizontalAdvance(self.view.digits) + metrics.capHeight() * 0.6)
            height = min(self.height(), metrics.capHeight() * 1.5)
            box = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(slab))
            painter.drawRoundedRect(box, height * 0.12, height * 0.12)
        painter.setPen(QColor(colour))
        baseline = (self.height() + metrics.capHeight()) / 2
        x = (self.width() - metrics.horizontalAdvance(self.view.digits)) / 2
        painter.drawText(int(x), int(baseline), self.view.digits)
        painter.end()


class ProjectorWindow(QWidget):
    """Current item, big countdown, the day's balance bar and the next item, scaled to the screen."""

    consoleWanted = Signal()  # F5 on the projector: show the console again

    def __init__(
        self,
        session: RunSession,
        parent: QWidget | None = None,
        remember: Callable[[str], bool | None] | None = None,
        keep: Callable[[str, bool], None] | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.document = session.document
        self.remember, self.keep = remember, keep
        self.setWindowTitle(f"{self.document.info.title or APP_NAME} — projector")
        self.setObjectName("projector")
        self.setStyleSheet(
            f"QWidget#projector {{ background: {PROJECTOR.back}; }} QLabel {{ color: {PROJECTOR.text}; }}"
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.item_title = self._label(wrap=True)
        self.countdown = Countdown(self)
        self.state = self._label(wrap=True)
        self.bar = BalanceBar("Speaking time today", self, height=56, room=True)
        self.sales_share = self._label(Qt.AlignmentFlag.AlignLeft)
        self.bar_caption = self._label()
        self.bar_caption.setText("Speaking time today")
        self.marketing_share = self._label(Qt.AlignmentFlag.AlignRight)
        self.next_label = self._label(wrap=True)
        self.room_qr = QLabel(self)  # the room page's QR code and join code, while it is on
        self.room_qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.room_qr.setAccessibleName("Room page QR code")
        self.room_caption = self._label(Qt.AlignmentFlag.AlignLeft, wrap=True)
        self.room_qr.hide()
        self.room_caption.hide()
        self.console_hint = self._label(Qt.AlignmentFlag.AlignRight)
        self.console_hint.setText(f"{PROJECTOR_KEY}: back to the console")
        self.console_hint.setStyleSheet(f"color: {PROJECTOR.secondary};")
        self.console_hint.hide()
        self.next_label.setStyleSheet(f"color: {PROJECTOR.secondary};")
        shares = QHBoxLayout()
        shares.addWidget(self.sales_share, 1)
        shares.addWidget(self.bar_caption, 1)
        shares.addWidget(self.marketing_share, 1)
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.addWidget(self.item_title)
        layout.addWidget(self.countdown, 1)
        layout.addWidget(self.state)
        layout.addSpacing(12)
        layout.addWidget(self.bar)
        layout.addLayout(shares)
        layout.addSpacing(12)
        bottom = QHBoxLayout()
        bottom.addWidget(self.next_label, 1)
        bottom.addWidget(self.room_caption)
        bottom.addWidget(self.room_qr)
        layout.addLayout(bottom)
        layout.addWidget(self.console_hint)
        session.ticked.connect(self.refresh)
        session.changed.connect(self.refresh)
        # The room window obeys the same keys; F5 there brings the console back.
        self.shortcuts = install_run_keys(self, session.act, {WindowKey.PROJECTOR: self.back_to_console})
        full = QShortcut(QKeySequence(FULL_SCREEN_KEY), self)
        full.activated.connect(self.toggle_full_screen)
        self.shortcuts.append(full)
        self.resize(1280, 720)
        self._fonts()
        self.refresh()

    def _label(self, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter, wrap: bool = False) -> QLabel:
        label = QLabel(self)
        label.setAlignment(align)
        label.setWordWrap(wrap)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return label

    # -- where it shows ------------------------------------------------------------------------

    def place(self) -> None:
        """Full screen on a second screen when there is one; else presentation mode over the console.

        A set-up where the facilitator chose a window (F11) gets a window again.
        """
        screens = QGuiApplication.screens()
        primary = QGuiApplication.primaryScreen()
        target = next((s for s in screens if s != primary), primary) if len(screens) > 1 else primary
        full = self.remember(screen_setup(screens)) if self.remember else None
        self.console_hint.setVisible(len(screens) < 2)  # mirrored: the room sees this window only
        if target is not None:
            self.setScreen(target)
            if full is False:
                self.setGeometry(windowed(target))
            else:
                self.setGeometry(target.geometry())
        if full is False:
            self.showNormal()
        else:
            self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def toggle_full_screen(self) -> None:
        """F11: full screen or a window, remembered for this set-up of screens."""
        full = not self.isFullScreen()
        if self.keep is not None:
            self.keep(screen_setup(QGuiApplication.screens()), full)
        if full:
            screen = self.screen()
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.showNormal()
            self.setGeometry(windowed(self.screen()))

    def back_to_console(self) -> None:
        self.hide()
        self.consoleWanted.emit()

    # -- how it looks --------------------------------------------------------------------------

    def _fonts(self) -> None:
        height = max(300, self.height())
        margin = int(height * 0.03)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(max(4, margin // 3))
        for label, share, bold in (
            (self.item_title, 0.065, True),
            (self.state, 0.06, True),
            (self.bar_caption, 0.032, False),
            (self.sales_share, 0.04, True),
            (self.marketing_share, 0.04, True),
            (self.next_label, 0.045, False),
            (self.console_hint, 0.025, False),
            (self.room_caption, 0.035, True),
        ):
            font = QFont(self.font())
            font.setPixelSize(max(10, int(height * share)))
            font.setBold(bold)
            label.setFont(font)
        self.bar.setFixedHeight(max(20, int(height * 0.06)))

    def show_room(self, qr: QPixmap | None, caption: str = "") -> None:
        """The room page's QR code and its join words beside the next item; None hides them."""
        self._room_qr = qr
        self.room_qr.setVisible(qr is not None)
        self.room_caption.setVisible(qr is not None)
        self.room_caption.setText(caption)
        self._scale_qr()

    def _scale_qr(self) -> None:
        qr = getattr(self, "_room_qr", None)
        if qr is not None:
            side = max(96, int(max(300, self.height()) * 0.22))
            self.room_qr.setPixmap(
                qr.scaled(
                    side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
                )
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._scale_qr()
        self._fonts()
        super().resizeEvent(event)

    def refresh(self) -> None:
        runner = self.session.runner
        item = runner.item()
        view = timer_view(runner)
        if view.kind is TimerKind.WAITING:
            self.item_title.setText(self.document.info.title or "The workshop")
            start = self.document.info.day_start
            self.state.setText(f"Starting soon · the day starts at {start}" if start else "Starting soon")
        elif view.kind is TimerKind.FINISHED:
            self.item_title.setText("That's the agenda — thank you")
            self.state.setText("")
        else:
            self.item_title.setText(item.title if item else "")
            self.state.setText(view.words)
        self.countdown.show_view(view)
        slab, colour = countdown_colours(view.kind)
        self.state.setStyleSheet(f"color: {colour if slab is None else PROJECTOR.text};")
        teams = self.document.typed(Team)
        names = (team_name(teams, SALES), team_name(teams, MARKETING))
        colour_of = team_colours(teams)
        balance = runner.balance(None, self.document.info.balance_low)
        self.bar.show_balance(balance, (colour_of[SALES], colour_of[MARKETING]), names, False)
        share = balance.sales_share
        self.sales_share.setVisible(share is not None)
        self.marketing_share.setVisible(share is not None)
        if share is None:
            self.bar_caption.setText("Speaking time today: nobody has spoken yet")
        else:
            self.sales_share.setText(f"{names[0]} {share:.0%}")
            self.marketing_share.setText(f"{1 - share:.0%} {names[1]}")
            self.bar_caption.setText("Speaking time today")
        upcoming = runner.upcoming()
        self.next_label.setText(f"Next: {upcoming.title}" if upcoming else "")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.hide()
        event.ignore()  # the window is kept for the next F5
