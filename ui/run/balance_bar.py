"""A bar showing Sales' and Marketing's share of speaking time against the tolerance band."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.common.palette import PROJECTOR, roles, text_on
from workshop.model import DEFAULT_TEAM_COLOURS, MARKETING, SALES
from workshop.run.airtime import Balance


class BalanceBar(QWidget):
    """Sales' share fills from the left in Sales' colour, Marketing's from the right.

    Text on a team's colour is black or white, whichever contrasts more. With
    ``room`` (the projector) the bar carries no text: the shares are written beside
    it, on the dark background, where they reach 7:1 whatever the team colours.
    Before anyone has spoken the bar is an even empty track, without band lines.
    """

    def __init__(
        self, label: str, parent: QWidget | None = None, height: int = 30, room: bool = False
    ) -> None:
        super().__init__(parent)
        self.room = room
        self.label = label
        self.balance = Balance(0, 0)
        self.colours = (QColor(DEFAULT_TEAM_COLOURS[SALES]), QColor(DEFAULT_TEAM_COLOURS[MARKETING]))
        self.names = ("Sales", "Marketing")
        self.alert = False
        self._shown: tuple[object, ...] | None = None
        self._height = height
        self._fonts: dict[tuple[str, int], QFont] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(label)
        # Opaque (its parent's background under the rounded ends): a change repaints the bar
        # alone, not the group box and the page beneath it too.
        self.setAutoFillBackground(True)

    def sizeHint(self) -> QSize:
        return QSize(300, self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self._height)

    def show_balance(
        self, balance: Balance, colours: tuple[str, str], names: tuple[str, str], alert: bool
    ) -> None:
        share = balance.sales_share
        # What can be seen: the shares in whole percent and where the colours meet, to the pixel.
        seen = None if share is None else (round(share * 100), round(share * self.width()))
        shown = (seen, self.width(), balance.low, colours, names, alert)
        if shown == self._shown:
            return  # nothing visible changed: no repaint
        self._shown = shown
        self.balance, self.alert = balance, alert
        self.colours = (QColor(colours[0]), QColor(colours[1]))
        self.names = names
        share = balance.sales_share
        text = (
            "no team has spoken yet"
            if share is None
            else f"{names[0]} {share:.0%} · {names[1]} {1 - share:.0%}"
        )
        if self.toolTip() != f"{self.label}: {text}":  # the shares in whole percent change less often
            self.setAccessibleDescription(f"{self.label}: {text}")
            self.setToolTip(f"{self.label}: {text}")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        radius = rect.height() / 4
        share = self.balance.sales_share
        empty = PROJECTOR.empty_bar if self.room else roles().muted_fill
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(empty))
        painter.drawRoundedRect(rect, radius, radius)
        if share is None:
            if not self.room:
                words = f"{self.label}: no team has spoken yet"
                self._text(painter, rect, Qt.AlignmentFlag.AlignCenter, words, empty)
            painter.end()
            return
        split = rect.left() + rect.width() * share
        painter.save()
        painter.setClipRect(QRectF(rect.left(), rect.top(), split - rect.left(), rect.height()))
        painter.setBrush(self.colours[0])
        painter.drawRoundedRect(rect, radius, radius)
        painter.setClipRect(QRectF(split, rect.top(), rect.right() - split, rect.height()))
        painter.setBrush(self.colours[1])
        painter.drawRoundedRect(rect, radius, radius)
        painter.restore()
        low = self.balance.low / 100
        for mark in (low, 1 - low):
            x = rect.left() + rect.width() * mark
            under = self.colours[0] if x < split else self.colours[1]
            painter.setPen(QPen(QColor(text_on(under.name())), 2, Qt.PenStyle.DashLine))
            painter.drawLine(int(x), int(rect.top() + 3), int(x), int(rect.bottom() - 3))
        if not self.room:
            inner = rect.adjusted(10, 0, -10, 0)
            left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            right = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
            self._text(painter, inner, left, f"{self.names[0]} {share:.0%}", self.colours[0].name())
            self._text(painter, inner, right, f"{1 - share:.0%} {self.names[1]}", self.colours[1].name())
        if self.alert:
            painter.setPen(QPen(QColor(roles().warning), 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), radius, radius)
        painter.end()

    def _text(self, painter: QPainter, rect: QRectF, align: Qt.AlignmentFlag, text: str, fill: str) -> None:
        size = max(11, int(rect.height() * 0.45))
        key = (self.font().key(), size)
        font = self._fonts.get(key)
        if font is None:  # made once per size: a bar repaints at most keys while a team speaks
            font = self._fonts[key] = QFont(self.font())
            font.setPixelSize(size)
            font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(text_on(fill)))
        painter.drawText(rect, align, text)
