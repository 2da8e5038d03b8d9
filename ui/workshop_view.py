"""The facilitator's console for one open workshop: stages on the left, one page each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

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
from ui.pages.setup_page import SetupPage

if TYPE_CHECKING:
    from ui.pages.actions_page import ActionsPage


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
    """Stage list and pages of one document, with a banner for what the user must know.

    A page is built the first time its stage is shown, so the window appears
    without waiting for pages nobody has looked at yet.
    """

    def __init__(
        self,
        signals: DocumentSignals,
        ask_save_path: Callable[[str, str, str], Path | None],
        report: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.signals = signals
        self.ask_save_path, self.report = ask_save_path, report
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
        self.page_by_key: dict[str, QWidget] = {}
        for stage in STAGES:
            item = QListWidgetItem(icons.icon(stage.icon), stage.title)
            item.setToolTip(f"{stage.title} (Ctrl+{stage.digit})")
            item.setData(Qt.ItemDataRole.UserRole, stage.key)
            self.stage_list.addItem(item)
        self.stage_list.currentRowChanged.connect(self._show_row)
        self.stage_list.setCurrentRow(0)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.stage_list)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)

    def page(self, key: str) -> QWidget:
        """The page of a stage, built now if it has not been shown yet."""
        if key not in self.page_by_key:
            if key == "setup":
                page: QWidget = SetupPage(self.signals, self)
            else:
                from ui.pages.actions_page import ActionsPage  # noqa: PLC0415 - built on first visit

                page = ActionsPage(self.signals, self.ask_save_path, self.report, self)
            self.page_by_key[key] = page
            self.pages.addWidget(page)
        return self.page_by_key[key]

    @property
    def setup_page(self) -> SetupPage:
        page = self.page("setup")
        assert isinstance(page, SetupPage)
        return page

    @property
    def actions_page(self) -> ActionsPage:
        from ui.pages.actions_page import ActionsPage  # noqa: PLC0415 - built on first visit

        page = self.page("actions")
        assert isinstance(page, ActionsPage)
        return page

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(STAGES):
            self.pages.setCurrentWidget(self.page(STAGES[row].key))

    def show_stage(self, key: str) -> None:
        for row, stage in enumerate(STAGES):
            if stage.key == key:
                self.stage_list.setCurrentRow(row)
                self.page(key).setFocus(Qt.FocusReason.ShortcutFocusReason)
                return

    def current_stage(self) -> str:
        item = self.stage_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""
