"""A bar showing Sales' and Marketing's share of speaking time against the tolerance band."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workshop.model import DEFAULT_TEAM_COLOURS, MARKETING, SALES
from workshop.run.airtime import Balance

ALERT = QColor("#d97706")


class BalanceBar(QWidget):
    """Sales' share fills from the left in Sales' colour, Marketing's from the right."""

    def __init__(self, label: str, parent: QWidget | None = None, height: int = 30) -> None:
        super().__init__(parent)
        self.label = label
        self.balance = Balance(0, 0)
        self.colours = (QColor(DEFAULT_TEAM_COLOURS[SALES]), QColor(DEFAULT_TEAM_COLOURS[MARKETING]))
        self.names = ("Sales", "Marketing")
        self.alert = False
        self._shown: tuple[object, ...] | None = None
        self._height = height
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(label)

    def sizeHint(self) -> QSize:
        return QSize(300, self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self._height)

    def show_balance(
        self, balance: Balance, colours: tuple[str, str], names: tuple[str, str], alert: bool
    ) -> None:
        share = balance.sales_share
        shown = (None if share is None else round(share, 3), balance.low, colours, names, alert)
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
        self.setAccessibleDescription(f"{self.label}: {text}")
        self.setToolTip(f"{self.label}: {text}")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        radius = rect.height() / 4
        share = self.balance.sales_share
        base = self.palette().color(self.backgroundRole()).darker(115)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(base)
        painter.drawRoundedRect(rect, radius, radius)
        if share is not None:
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
        painter.setPen(QPen(QColor(255, 255, 255, 200), 2, Qt.PenStyle.DashLine))
        for mark in (low, 1 - low):
            x = rect.left() + rect.width() * mark
            painter.drawLine(int(x), int(rect.top() + 3), int(x), int(rect.bottom() - 3))
        font = QFont(self.font())
        font.setPixelSize(max(11, int(rect.height() * 0.45)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white") if share is not None else self.palette().color(self.foregroundRole()))
        if share is None:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{self.label}: no team has spoken yet")
        else:
            inner = rect.adjusted(10, 0, -10, 0)
            painter.drawText(
                inner,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                f"{self.names[0]} {share:.0%}",
            )
            painter.drawText(
                inner,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                f"{1 - share:.0%} {self.names[1]}",
            )
        if self.alert:
            painter.setPen(QPen(ALERT, 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), radius, radius)
        painter.end()
