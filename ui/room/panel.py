"""The console's Room page panel: where phones join, the remote's PIN, who is connected, what waits."""

from __future__ import annotations

import io
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPixmap, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.common.palette import roles
from ui.room.controller import RoomController, goal_title
from workshop.model import Goal

VOTE_DOTS = 3
PANEL_WIDTH = 330  # fits beside a stage page on a 1366-pixel laptop screen
UNENCRYPTED = (
    "The room page is plain HTTP: anyone on this network can read what it carries, the PIN "
    "included. Where the venue Wi-Fi keeps devices apart, share this laptop's own hotspot."
)


def qr_pixmap(text: str, scale: int = 8) -> QPixmap:
    """A QR code of ``text`` (dark on white, with its quiet zone), made by segno."""
    import segno  # noqa: PLC0415 - only when the room page is on

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=3)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


def say(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label``, or hide it while there is nothing to say (no empty gap)."""
    label.setText(text)
    label.setVisible(bool(text))


class WrappingScroll(QScrollArea):
    """A vertical scroll area whose widget is always as tall as its wrapped words need.

    A scroll bar that appears narrows the widget, so wrapped labels need more lines than the
    height they were given: the widget's minimum height follows its height for the width it has.
    """

    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(body)
        self._fit_later = self._timer(self.fit)  # owned: it dies with the panel, never fires after
        self._remeasure_later = self._timer(self.remeasure)
        body.installEventFilter(self)

    def _timer(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(slot)
        return timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self._fit_later.start()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._remeasure_later.start()

    def remeasure(self) -> None:
        """Measure the wrapped words again once shown in their final font.

        A layout keeps each label's height for a width from when it was first asked; a label
        measured before the window's font reached it would keep a line too few (measured).
        """
        body = self.widget()
        if body is None:
            return
        for label in body.findChildren(QLabel):
            if label.wordWrap():
                label.updateGeometry()
        self.fit()

    def fit(self) -> None:
        body = self.widget()
        if body is None:
            return
        needed = body.heightForWidth(self.viewport().width())
        if needed > 0 and body.minimumHeight() != needed:
            body.setMinimumHeight(needed)


class RoomPanel(QDockWidget):
    """Shows the address, join code and PIN, the count of connected pages, and the items waiting."""

    def __init__(self, room: RoomController, parent: QWidget | None = None) -> None:
        super().__init__("Room page", parent)
        self.setObjectName("room-panel")
        self.room = room
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.address = QLabel(body)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setWordWrap(True)
        self.codes = QLabel(body)
        self.codes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.codes.setWordWrap(True)
        self.connected = QLabel(body)
        self.connected.setAccessibleName("Connected pages")
        warning = QLabel(UNENCRYPTED, body)
        warning.setWordWrap(True)
        self.notice = QLabel(body)
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)  # it quotes typed text
        self.notice.setAccessibleName("Room page notice")
        self.notice.setStyleSheet(f"color: {roles().warning};")
        self.notice.hide()
        room.refused.connect(self.show_notice)
        self.waiting_label = QLabel("Waiting for your approval", body)
        self.waiting = QListWidget(body)
        self.waiting.setAccessibleName("Items waiting for approval")
        self.waiting.setWordWrap(True)
        self.waiting_label.setBuddy(self.waiting)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton("&Approve", body)
        self.reject_button = QPushButton("Re&ject", body)
        self.approve_button.setToolTip("Add it to the parking lot (Enter); Undo takes it out")
        self.reject_button.setToolTip("Drop it (Delete)")
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        self.vote_button = QPushButton("Open a &Dot Vote on the Drafts", body)
        self.vote_button.setToolTip(
            f"Each person gets {VOTE_DOTS} dots to place on the goal drafts; closing the vote records "
            "each draft's dots on the Goals page (Undo takes them out)"
        )
        self.vote_button.clicked.connect(self.toggle_vote)
        self.check_goal = QComboBox(body)
        # a long goal statement must not widen the panel: the box shows its start, the list all of it
        self.check_goal.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.check_goal.setMinimumContentsLength(16)
        self.check_goal.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.check_goal.setAccessibleName("Goal for the attainability check")
        self.check_button = QPushButton("Open an Attainability &Check", body)
        self.check_button.setToolTip(
            "The other team judges this goal on their phones: attainable, stretch or not attainable, "
            "with a reason; closing it records the answers beside the team's verdict (Undo takes them out)"
        )
        self.check_button.clicked.connect(self.toggle_check)
        self.check_results = QLabel(body)
        self.check_results.setWordWrap(True)
        self.check_results.setTextFormat(Qt.TextFormat.PlainText)  # reasons are typed text
        self.goals_box = QCheckBox("&Publish Agreed Goals to the Phones", body)
        self.goals_box.setToolTip(
            "The phones' page lists the agreed goals (statement, team, deadline), read-only; "
            "drafts never appear"
        )
        self.goals_box.setChecked(room.goals_published)
        self.goals_box.toggled.connect(room.publish_goals)
        self.tally = QLabel(body)
        self.tally.setWordWrap(True)
        self.tally.setTextFormat(Qt.TextFormat.PlainText)  # goal titles are typed text
        self.joined_label = QLabel("Joined", body)
        self.joined = QListWidget(body)
        self.joined.setAccessibleName("Names joined from a device")
        self.joined_label.setBuddy(self.joined)
        self.release_button = QPushButton("Re&lease Name", body)
        self.release_button.setToolTip("Let this name be picked on another device (a lost or new phone)")
        self.release_button.clicked.connect(self.release_selected)
        for key, slot in (("Return", self.approve_selected), ("Delete", self.reject_selected)):
            shortcut = QShortcut(QKeySequence(key), self.waiting)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        for widget in (
            self.address,
            self.codes,
            self.connected,
            warning,
            self.notice,
            self.waiting_label,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.waiting, 2)  # the lists take the room to spare, the words keep theirs
        layout.addLayout(buttons)
        layout.addWidget(self.vote_button)
        layout.addWidget(self.goals_box)
        layout.addWidget(self.check_goal)
        layout.addWidget(self.check_button)
        layout.addWidget(self.check_results)
        layout.addWidget(self.tally)
        layout.addWidget(self.joined_label)
        layout.addWidget(self.joined, 1)
        layout.addWidget(self.release_button)
        for text_box in (self.waiting, self.joined):
            text_box.setMinimumHeight(56)  # the lists give way first; the words above them never do
            text_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        # long words wrap within the panel's width, and on a short screen the panel scrolls
        # rather than squeezing a wrapped label to fewer lines than it needs
        scroll = WrappingScroll(body, self)
        body.setMinimumWidth(PANEL_WIDTH - 24)
        scroll.setMinimumWidth(PANEL_WIDTH)
        self.setWidget(scroll)
        room.joinedChanged.connect(self.show_joined)
        room.votesChanged.connect(self.show_votes)
        room.checkChanged.connect(self.show_check)
        self.fill_check_goals()
        self.show_check()
        self.show_votes()
        self.show_joined()
        room.pendingChanged.connect(self.show_waiting)
        room.connectedChanged.connect(self.show_connected)
        self.address.setText(f"Phones join at <b>{room.address}</b>")
        self.codes.setText(
            f"Join code <b>{room.server.code}</b> · Remote PIN <b>{room.server.pin}</b> "
            "(not shown to the room)"
        )
        self.show_connected(room.connected)
        self.show_waiting()

    def show_notice(self, text: str) -> None:
        """Why something from the room did not go into the file (shown until the next one)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_connected(self, count: int) -> None:
        self.connected.setText("No page connected yet" if count == 0 else f"{count} connected")

    def show_waiting(self) -> None:
        selected = self.selected_id()
        self.waiting.clear()
        for waiting in self.room.pending.values():
            item = QListWidgetItem(waiting.words)  # plain text: a list item never reads markup
            item.setData(Qt.ItemDataRole.UserRole, waiting.id)
            self.waiting.addItem(item)
            if waiting.id == selected:
                self.waiting.setCurrentItem(item)
        if self.waiting.currentItem() is None and self.waiting.count():
            self.waiting.setCurrentRow(0)
        has = self.waiting.count() > 0
        self.approve_button.setEnabled(has)
        self.reject_button.setEnabled(has)
        self.waiting_label.setText(
            f"Waiting for your approval ({self.waiting.count()})" if has else "Nothing waiting for approval"
        )

    def toggle_vote(self) -> None:
        if self.room.vote_goals:
            self.room.close_vote()
        elif self.room.open_vote(VOTE_DOTS) == 0:
            say(self.tally, "No goal draft to vote on: write one on the Goals page first.")

    def show_votes(self) -> None:
        room = self.room
        self.vote_button.setText(
            "Close the &Dot Vote" if room.vote_goals else "Open a &Dot Vote on the Drafts"
        )
        if not room.vote_goals and not room.tally:
            say(self.tally, "")
            return
        titles = room.vote_titles
        ranked = sorted(titles, key=lambda goal: -room.tally.get(goal, 0))
        lines = [f"{room.tally.get(goal, 0)} · {titles[goal]}" for goal in ranked]
        state = "open" if room.vote_goals else "closed"
        if room.vote_recorded and not room.vote_goals:
            lines.append("Recorded on the Goals page (Undo takes it out).")
        say(self.tally, f"Dot vote ({state}), {room.voters} voted:\n" + "\n".join(lines))

    def fill_check_goals(self) -> None:
        """The goals one could check (refreshed whenever the panel is shown a new check)."""
        chosen = self.check_goal.currentData()
        self.check_goal.clear()
        for goal in self.room.document.typed(Goal):
            if goal_title(goal):
                self.check_goal.addItem(goal_title(goal), goal.id)
        index = self.check_goal.findData(chosen)
        self.check_goal.setCurrentIndex(max(index, 0))

    def toggle_check(self) -> None:
        if self.room.check_goal is not None:
            self.room.close_check()
            return
        self.fill_check_goals()  # goals may have been written since
        goal = self.check_goal.currentData()
        if goal is None or not self.room.open_check(int(goal)):
            say(self.check_results, "No goal to check: write one on the Goals page first.")

    def show_check(self) -> None:
        is_open = self.room.check_goal is not None
        self.check_button.setText(
            "Close the Attainability &Check" if is_open else "Open an Attainability &Check"
        )
        self.check_goal.setEnabled(not is_open)
        say(self.check_results, self.room.check_results())

    def show_joined(self) -> None:
        self.joined.clear()
        for key, name in self.room.joined.items():
            item = QListWidgetItem(name if key.startswith("p:") else f"{name} (guest)")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.joined.addItem(item)
        if self.joined.count():
            self.joined.setCurrentRow(0)
        self.release_button.setEnabled(self.joined.count() > 0)
        self.joined_label.setText(
            f"Joined ({self.joined.count()})" if self.joined.count() else "Nobody has joined yet"
        )

    def release_selected(self) -> None:
        item = self.joined.currentItem()
        if item is not None:
            self.room.release(str(item.data(Qt.ItemDataRole.UserRole)))

    def selected_id(self) -> int | None:
        item = self.waiting.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def approve_selected(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.room.approve(chosen)

    def reject_selected(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.room.reject(chosen)
