"""What the window shows when no workshop is open: start one, open one, or the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common import icons
from workshop import APP_NAME


class WelcomePage(QWidget):
    """Signals: ``newRequested``, ``openRequested``, ``demoRequested``, ``recentRequested(str)``."""

    newRequested = Signal()
    openRequested = Signal()
    demoRequested = Signal()
    recentRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        logo = QLabel(self)
        logo.setPixmap(icons.icon("app").pixmap(72, 72))
        title = QLabel(APP_NAME, self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        blurb = QLabel(
            "Lead a sales and marketing alignment workshop: a timed agenda with equal airtime, "
            "goals both teams can sign, and a service level agreement.",
            self,
        )
        blurb.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, signal in (
            ("New Workshop…", self.newRequested),
            ("Open…", self.openRequested),
            ("Open the Demo Workshop", self.demoRequested),
        ):
            button = QPushButton(text, self)
            button.setMinimumHeight(34)
            button.clicked.connect(signal.emit)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.recent = QListWidget(self)
        self.recent.setAccessibleName("Recent workshops")
        self.recent.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.recent.setMaximumHeight(320)
        self.recent.setToolTip("Double-click or press Enter to open")
        self.recent.itemActivated.connect(
            lambda item: self.recentRequested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.recent_label = QLabel("Recent workshops", self)

        column = QVBoxLayout()
        column.addWidget(logo)
        column.addWidget(title)
        column.addWidget(blurb)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addSpacing(18)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent)
        column.addStretch(1)
        self.recent.setIconSize(QSize(28, 28))
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(icons.icon("app"), f"{path.stem}\n{path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.recent_label.setVisible(bool(paths))
