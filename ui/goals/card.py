"""Paints a goal as a card on the board: statement, owner and deadline, letters, verdict, status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPalette,
    QPen,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.common.palette import card_border, roles, status_colour, text_on, verdict_colour
from ui.goals.board import CHECK_ROLE, GOAL_ROLE, ROOM_ROLE, SIZE_ROLE
from workshop.document import WorkshopDocument
from workshop.goals.checker import FAST_KEYS, FAST_LETTERS, SMART_KEYS, SMART_LETTERS, GoalCheck
from workshop.goals.records import other_team_key
from workshop.model import Goal, Team, team_name

Index = QModelIndex | QPersistentModelIndex
PAD = 10
CHIP = 20
MAX_LINES = 3
BADGE_ROOM = 90  # the status badge beside the statement


def override_note(goal: Goal, check: GoalCheck) -> str:
    """The note on a goal agreed over the checker, while the checker still fails a letter.

    A reason recorded when the goal was agreed stays in the file; once the checker passes the
    goal (a later checker reads it better, or the goal was edited) there is nothing to excuse.
    """
    if goal.status != "agreed" or not goal.override_reason.strip() or check.is_smart:
        return ""
    return f"* agreed over the checker: {goal.override_reason.strip()}"


def due_text(goal: Goal, check: GoalCheck) -> str:
    if check.deadline:
        past = " ⚠ before the workshop" if check.smart["time_bound"].warning else ""
        return f"due {check.deadline.day} {check.deadline:%b %Y}{past}"
    if goal.deadline_date:
        try:
            day = date.fromisoformat(goal.deadline_date)
        except ValueError:
            return "no deadline"
        return f"due {day.day} {day:%b %Y}"
    if check.smart["time_bound"].status == "pass" and check.deadline_text:
        # bounded without a date: a quota per period ("a month") or an event ("before the launch")
        return f"when: “{check.deadline_text}”"
    return "no deadline"


CARDS_PER_BATCH = 12
"""Cards a board lays out before its first frame, then per turn of the event loop (a screenful)."""
HEIGHTS_KEPT = 2000
"""Statement heights remembered at most (a few per goal as the window is resized)."""


class GoalCardDelegate(QStyledItemDelegate):
    """Draws one card per goal; the card's height follows its statement."""

    def __init__(
        self, view: QListView, document: WorkshopDocument, painted: Callable[[], None] | None = None
    ) -> None:
        super().__init__(view)
        self.view = view
        self.document = document
        self._painted = painted  # told after each card is painted
        self._heights: dict[tuple[str, int, str], int] = {}  # (statement, width, font) -> height
        self._font_sets: dict[str, tuple[QFont, QFont, QFont, int]] = {}  # font -> its card fonts
        self._chip_colours: dict[str, tuple[QColor, QPen, QColor]] = {}  # colour -> fill, outline, text
        # fonts registered after the window shows (ui.app) change what a font's key measures:
        # forget the measures and lay the cards out again
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.fontDatabaseChanged.connect(self._fonts_changed)

    def _fonts_changed(self) -> None:
        self._heights.clear()
        self._font_sets.clear()
        self.view.doItemsLayout()

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        """The title, body and small fonts for the view's font (made once per font)."""
        fonts = self._font_set(option)
        return fonts[0], fonts[1], fonts[2]

    def _font_set(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont, int]:
        """The title, body and small fonts and the small one's line spacing (made once per font)."""
        key = option.font.key()
        fonts = self._font_sets.get(key)
        if fonts is None:
            body = QFont(option.font)
            title = QFont(body)
            title.setBold(True)
            title.setPointSizeF(body.pointSizeF() * 1.05)
            small = QFont(body)
            small.setPointSizeF(body.pointSizeF() * 0.9)
            fonts = self._font_sets[key] = (title, body, small, QFontMetrics(small).lineSpacing())
        return fonts

    def _text_width(self) -> int:
        return max(120, self.view.viewport().width() - 2 * PAD - 16)

    def _statement_height(self, font: QFont, text: str) -> int:
        """The statement's wrapped height, measured once per text, width and font.

        The list asks every card's size to lay itself out (twice on a first visit); measuring
        wrapped text is most of that, and it changes only with the statement or the width."""
        width = self._text_width() - BADGE_ROOM
        key = (text, width, font.key())
        height = self._heights.get(key)
        if height is None:
            metrics = QFontMetrics(font)
            rect = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
            height = min(rect.height(), metrics.lineSpacing() * (MAX_LINES - 1) + metrics.height() + 2)
            if len(self._heights) > HEIGHTS_KEPT:  # statements typed letter by letter: keep it bounded
                self._heights.clear()
            self._heights[key] = height
        return height

    def _fit(self, font: QFont, text: str, width: int) -> str:
        """The statement as it fits in MAX_LINES lines, the last one ending in "…" when cut."""
        layout = QTextLayout(text, font)
        layout.beginLayout()
        starts = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            starts.append(line.textStart())
        layout.endLayout()
        if len(starts) <= MAX_LINES:
            return text
        last = starts[MAX_LINES - 1]
        # a little room to spare, so the wrapped drawing keeps the cut line on one line
        rest = QFontMetrics(font).elidedText(text[last:].strip(), Qt.TextElideMode.ElideRight, width - 8)
        return text[:last] + rest

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        title, _body, _small, line = self._font_set(option)  # line: the small font's line spacing
        statement, room = index.data(SIZE_ROLE) or ("", False)
        rows = 3 if room else 2
        height = PAD + self._statement_height(title, statement) + 6 + line + 8 + CHIP + 8 + line * rows + PAD
        return QSize(self._text_width() + 2 * PAD, height + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        goal = index.data(GOAL_ROLE)
        check = index.data(CHECK_ROLE)
        if not isinstance(goal, Goal) or not isinstance(check, GoalCheck):
            return
        title, _body, small = self._fonts(option)
        palette = QApplication.palette()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = option.rect.adjusted(4, 4, -4, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(
            QPen(palette.color(QPalette.ColorRole.Highlight), 2) if selected else QPen(QColor(card_border()))
        )
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(card, 6, 6)
        # drawn, not QPainter.fillRect: PySide's first fillRect in a process builds every enum
        # its overloads name (QGradient's 169 presets among them), about 14 ms of a first visit
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._team_colour(goal.team))
        painter.drawRect(QRect(card.left(), card.top() + 3, 5, card.height() - 6))

        left, width = card.left() + PAD + 2, card.width() - 2 * PAD - 2
        top = card.top() + PAD
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        text = palette.color(QPalette.ColorRole.Text)

        badge = "AGREED" if goal.status == "agreed" else "DRAFT"
        if override_note(goal, check):
            badge = "AGREED*"
        painter.setFont(small)
        badge_width = QFontMetrics(small).horizontalAdvance(badge) + 12
        badge_rect = QRect(
            card.right() - PAD - badge_width, top, badge_width, QFontMetrics(small).height() + 4
        )
        painter.setPen(Qt.PenStyle.NoPen)
        badge_fill = roles().success if goal.status == "agreed" else roles().muted_fill
        painter.setBrush(QColor(badge_fill))
        painter.drawRoundedRect(badge_rect, 4, 4)
        painter.setPen(QColor(text_on(badge_fill)))
        painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)

        painter.setFont(title)
        painter.setPen(text if goal.statement else muted)
        statement = self._fit(title, goal.statement or "(no statement yet)", width - BADGE_ROOM)
        height = self._statement_height(title, statement)
        painter.drawText(
            QRect(left, top, width - BADGE_ROOM, height),
            Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop,
            statement,
        )
        top += height + 6

        painter.setFont(small)
        painter.setPen(muted)
        line = QFontMetrics(small).lineSpacing()
        owner = goal.owner.strip() or "no owner"
        painter.drawText(
            QRect(left, top, width, line), Qt.AlignmentFlag.AlignLeft, f"{owner} · {due_text(goal, check)}"
        )
        top += line + 8

        x = left
        letter_font = QFont(small)  # the chips' letters: bold, set once for each row of chips
        letter_font.setBold(True)
        painter.setFont(letter_font)
        for key in SMART_KEYS:
            status = check.smart[key].status
            x = self._chip(painter, x, top, SMART_LETTERS[key], status, filled=status != "unknown")
        x += 14
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(QRect(x, top, 40, CHIP), Qt.AlignmentFlag.AlignVCenter, "FAST")
        x += QFontMetrics(small).horizontalAdvance("FAST") + 6
        painter.setFont(letter_font)
        for key in FAST_KEYS:
            status = check.fast[key].status
            x = self._chip(painter, x, top, FAST_LETTERS[key], status, filled=status != "unknown")
        painter.setFont(small)
        top += CHIP + 8

        judge = team_name(self.document.typed(Team), other_team_key(goal.team))
        if goal.verdict:
            comment = f": “{goal.verdict_comment.strip()}”" if goal.verdict_comment.strip() else ""
            painter.setPen(QColor(verdict_colour(goal.verdict)))
            verdict = f"{judge}: {goal.verdict}{comment}"
        else:
            painter.setPen(muted)
            verdict = f"{judge}: not judged yet"
        metrics = QFontMetrics(small)
        painter.drawText(
            QRect(left, top, width, line),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(verdict, Qt.TextElideMode.ElideRight, width),
        )
        top += line
        room = str(index.data(ROOM_ROLE) or "")
        if room:  # beside the verdict: what the room said from their phones (reasons in the tooltip)
            painter.setPen(muted)
            shown = metrics.elidedText(room, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(left, top, width, line), Qt.AlignmentFlag.AlignLeft, shown)
            top += line
        if note_text := override_note(goal, check):
            painter.setPen(muted)
            note = metrics.elidedText(note_text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(left, top, width, line), Qt.AlignmentFlag.AlignLeft, note)
        painter.restore()
        if self._painted is not None:
            self._painted()

    def _chip(self, painter: QPainter, x: int, y: int, letter: str, status: str, *, filled: bool) -> int:
        """A letter's chip in the painter's (bold) font; its colours made once per colour."""
        name = status_colour(status)
        colours = self._chip_colours.get(name)
        if colours is None:
            colour = QColor(name)
            colours = self._chip_colours[name] = (colour, QPen(colour, 1.5), QColor(text_on(colour.name())))
        colour, outline, on_colour = colours
        painter.setPen(outline)
        painter.setBrush(colour if filled else Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRect(x + 1, y + 1, CHIP - 2, CHIP - 2), 4, 4)
        painter.setPen(on_colour if filled else colour)
        painter.drawText(
            QRect(x, y, CHIP, CHIP),
            Qt.AlignmentFlag.AlignCenter,
            letter if status != "unknown" else letter.lower(),
        )
        return x + CHIP + 3

    def _team_colour(self, key: str) -> QColor:
        try:
            return QColor(self.document.team(key).colour)
        except KeyError:
            return QColor(roles().neutral)


def make_board_view(parent: QWidget) -> QListView:
    """A list view laid out for cards: full width, variable height, smooth scrolling."""
    view = QListView(parent)
    view.setUniformItemSizes(False)
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    view.setSpacing(0)
    view.setFrameShape(QListView.Shape.NoFrame)
    view.viewport().setAutoFillBackground(False)
    # Cards are measured a screenful at a time, the first batch before the first frame and the
    # rest in the turns of the event loop after it: the board shows at once. (Qt paints a batched
    # list's cards only once all are laid out: a long column's cards follow its frame a moment
    # later; see docs/performance.md, fourth round.)
    view.setLayoutMode(QListView.LayoutMode.Batched)
    view.setBatchSize(CARDS_PER_BATCH)
    return view
