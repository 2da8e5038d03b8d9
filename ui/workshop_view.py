"""The facilitator's console for one open workshop: stages on the left, one page each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import icons
from ui.banner import Banner
from ui.document_signals import DocumentSignals
from ui.pages.actions_page import ActionsPage
from ui.pages.setup_page import SetupPage


@dataclass(frozen=True)
class Stage:
    """A stage of the method: its page, icon and Ctrl+digit shortcut."""

    key: str
    title: str
    digit: int
    icon: str


# In the method's order; Ctrl+digit numbers are fixed even while some stages are not built.
STAGES = (
    Stage("setup", "Setup", 1, "setup"),
    Stage("actions", "Actions", 9, "actions"),
)


class WorkshopView(QWidget):
    """Stage list and pages of one document, with a banner for what the user must know."""

    def __init__(
        self,
        signals: DocumentSignals,
        ask_save_path: Callable[[str, str, str], Path | None],
        report: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.signals = signals
        self.banner = Banner(self)
        self.stage_list = QListWidget(self)
        self.stage_list.setAccessibleName("Stages")
        self.stage_list.setIconSize(QSize(20, 20))
        self.stage_list.setFixedWidth(170)
        self.stage_list.setSpacing(2)
        self.stage_list.setStyleSheet(
            "QListWidget { font-size: 11pt; } QListWidget::item { padding: 6px 4px; }"
        )
        self.pages = QStackedWidget(self)
        self.setup_page = SetupPage(signals, self)
        self.actions_page = ActionsPage(signals, ask_save_path, report, self)
        self.page_by_key: dict[str, QWidget] = {"setup": self.setup_page, "actions": self.actions_page}
        for stage in STAGES:
            item = QListWidgetItem(icons.icon(stage.icon), stage.title)
            item.setToolTip(f"{stage.title} (Ctrl+{stage.digit})")
            item.setData(Qt.ItemDataRole.UserRole, stage.key)
            self.stage_list.addItem(item)
            self.pages.addWidget(self.page_by_key[stage.key])
        self.stage_list.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.stage_list.setCurrentRow(0)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.stage_list)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)

    def show_stage(self, key: str) -> None:
        for row in range(self.stage_list.count()):
            if self.stage_list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.stage_list.setCurrentRow(row)
                page = self.pages.currentWidget()
                if page is not None:
                    page.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return

    def current_stage(self) -> str:
        item = self.stage_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""
