"""One button per possible speaker, with its key: the teams, the facilitator, people 1-9, nobody."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QSizePolicy, QToolButton, QWidget

from ui.common.palette import roles, text_on
from workshop.document import WorkshopDocument
from workshop.model import MARKETING, SALES, Participant, Team, team_colours, team_name
from workshop.run.airtime import FACILITATOR, NOBODY, person_key


class Chip(QToolButton):
    """A rounded chip in its speaker's colour, filled while that speaker has the floor.

    Painted directly rather than through a style sheet: a speaker key repaints two chips,
    and the style-sheet engine made each of those paints several times slower.
    """

    PAD_X, PAD_Y, RADIUS = 12, 5, 12

    def __init__(self, text: str, fill: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setCheckable(True)
        self.fill = QColor(fill)
        self.on_fill = QColor(text_on(fill))
        self.ring = QColor(roles().accent)
        bold = QFont(self.font())
        bold.setBold(True)
        self.bold = bold
        # Its paint covers it all: a new speaker repaints the two chips, not the row beneath them
        # (set after the style has polished the button, which clears it).
        self.ensurePolished()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._drawn: dict[tuple[object, ...], QPixmap] = {}  # state -> the chip drawn in it

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.bold)  # the widest the text gets (bold while speaking)
        return QSize(
            metrics.horizontalAdvance(self.text()) + 2 * self.PAD_X, metrics.height() + 2 * self.PAD_Y
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(2 * self.PAD_X, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """The chip as last drawn in this state, else drawn now and kept (a chip has few states:
        a speaker key repaints two chips, each now a copy of pixels, not text laid out again)."""
        palette = self.palette()
        ratio = self.devicePixelRatioF()
        state = (
            self.isChecked(),
            self.hasFocus(),
            self.size(),
            ratio,
            self.text(),
            self.font().key(),
            self.fill.name(),
            palette.window().color().name(),
            palette.buttonText().color().name(),
        )
        pixmap = self._drawn.get(state)
        if pixmap is None:
            pixmap = QPixmap(self.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            self._draw(QPainter(pixmap))
            if len(self._drawn) >= 4:  # checked or not, with focus or not, at the current size
                self._drawn.clear()
            self._drawn[state] = pixmap
        painter = QPainter(self)
        painter.drawPixmap(0, 0, pixmap)
        painter.end()

    def _draw(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)  # not fillRect: see GoalCardDelegate.paint
        painter.setBrush(self.palette().window())
        painter.drawRect(self.rect())
        box = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        checked = self.isChecked()
        pen = QPen(self.ring, 3, Qt.PenStyle.DashLine) if self.hasFocus() else QPen(self.fill, 2)
        painter.setPen(pen)
        painter.setBrush(self.fill if checked else Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, self.RADIUS, self.RADIUS)
        painter.setFont(self.bold if checked else self.font())
        painter.setPen(self.on_fill if checked else self.palette().buttonText().color())
        text = QFontMetrics(painter.font()).elidedText(
            self.text(), Qt.TextElideMode.ElideRight, max(0, self.width() - 2 * self.PAD_X)
        )
        painter.drawText(
            self.rect().adjusted(self.PAD_X, 0, -self.PAD_X, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        painter.end()


PER_ROW = 4
"""Chips in a row: the four of the teams, the facilitator and nobody, then people four by four
(narrow enough that the page leaves the agenda room at 1280 and 1366 wide)."""


class SpeakerChips(QWidget):
    """Emits ``speakerChosen(key)`` when a chip is clicked; shows who speaks now."""

    speakerChosen = Signal(str)

    def __init__(self, document: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.chips: dict[str, Chip] = {}
        self.setAutoFillBackground(True)  # opaque: a new speaker repaints two chips, not the group box
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self.rebuild()

    def slots(self) -> list[Participant]:
        """The people on digit keys 1-9, in Setup's order."""
        return self.document.typed(Participant)[:9]

    def rebuild(self) -> None:
        for chip in self.chips.values():
            self.group.removeButton(chip)
            chip.deleteLater()
        self.chips = {}
        teams = self.document.typed(Team)
        colours = team_colours(teams)
        entries = [
            (SALES, f"S  {team_name(teams, SALES)}", colours[SALES]),
            (MARKETING, f"M  {team_name(teams, MARKETING)}", colours[MARKETING]),
            (FACILITATOR, "F  Facilitator", roles().neutral),
            (NOBODY, "0  Nobody", ""),
        ]
        for digit, person in enumerate(self.slots(), start=1):
            name = person.name.strip() or "(no name)"
            short = name if len(name) <= 16 else name[:15] + "…"
            entries.append(
                (person_key(person.id), f"{digit}  {short}", self.document.team(person.team).colour)
            )
        for position, (key, text, colour) in enumerate(entries):
            chip = Chip(text, colour or roles().muted_fill, self)
            chip.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            chip.setAccessibleName(f"Speaker: {text[3:]}")
            chip.setToolTip(f"{text[3:]} speaks now (key {text[0]})")
            chip.clicked.connect(lambda _c=False, k=key: self.speakerChosen.emit(k))
            self.group.addButton(chip)
            row, column = divmod(position, PER_ROW)  # the teams, the facilitator and nobody first
            self.grid.addWidget(chip, row, column)
            self.chips[key] = chip

    def show_speaker(self, key: str) -> None:
        chip = self.chips.get(key)
        if chip is not None and not chip.isChecked():
            chip.setChecked(True)
