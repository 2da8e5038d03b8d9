"""The facilitator's console for one open workshop: stages on the left, one page each."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import icons
from ui.common.banner import Banner
from ui.stages import STAGES, Stage  # the stage list lives in ui.stages, re-exported here

__all__ = ["STAGES", "Stage", "WorkshopView"]

if TYPE_CHECKING:
    from ui.actions.page import ActionsPage
    from ui.common.page_context import PageContext
    from ui.goals.page import GoalsPage
    from ui.setup.page import SetupPage


class WorkshopView(QWidget):
    """Stage list and pages of one document, with a banner for what the user must know.

    A page is built the first time its stage is shown, so the window appears
    without importing or building pages nobody has looked at yet.
    """

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        from ui.common.palette import roles  # noqa: PLC0415 - built after the window shows

        super().__init__(parent)
        self.context = context
        self.signals = context.signals
        self.banner = Banner(self)
        self.stage_list = QListWidget(self)
        self.stage_list.setAccessibleName("Stages")
        self.stage_list.setIconSize(QSize(20, 20))
        self.stage_list.setFixedWidth(170)
        self.stage_list.setSpacing(2)
        self.stage_list.setStyleSheet(
            "QListWidget { font-size: 11pt; } QListWidget::item { padding: 6px 4px; }"
            f"QListWidget:focus {{ border: 2px solid {roles().accent}; }}"  # where the keyboard is
        )
        self.pages = QStackedWidget(self)
        self.page_by_key: dict[str, QWidget] = {}
        for stage in STAGES:
            item = QListWidgetItem(icons.icon(stage.icon), stage.title)
            item.setToolTip(f"{stage.title} (Ctrl+{stage.digit})")
            item.setData(QtCore.Qt.ItemDataRole.UserRole, stage.key)
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
            stage = next(s for s in STAGES if s.key == key)
            module_name, class_name = stage.page.split(":")
            page_class = getattr(importlib.import_module(module_name), class_name)
            page: QWidget = page_class(self.context, self)
            self.page_by_key[key] = page
            self.pages.addWidget(page)
        return self.page_by_key[key]

    @property
    def setup_page(self) -> SetupPage:
        from ui.setup.page import SetupPage  # noqa: PLC0415

        page = self.page("setup")
        assert isinstance(page, SetupPage)
        return page

    @property
    def goals_page(self) -> GoalsPage:
        from ui.goals.page import GoalsPage  # noqa: PLC0415

        page = self.page("goals")
        assert isinstance(page, GoalsPage)
        return page

    @property
    def actions_page(self) -> ActionsPage:
        from ui.actions.page import ActionsPage  # noqa: PLC0415

        page = self.page("actions")
        assert isinstance(page, ActionsPage)
        return page

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(STAGES):
            from ui.common.tab_order import follow_layout  # noqa: PLC0415 - after the window shows

            page = self.page(STAGES[row].key)
            self.pages.setCurrentWidget(page)
            follow_layout(page)  # Tab reads the page as it is laid out (rebuilt parts included)

    def show_stage(self, key: str) -> None:
        for row, stage in enumerate(STAGES):
            if stage.key == key:
                self.stage_list.setCurrentRow(row)
                page = self.page(key)
                target = getattr(page, "focus_target", None)
                (target if isinstance(target, QWidget) else page).setFocus(
                    QtCore.Qt.FocusReason.ShortcutFocusReason
                )
                return

    def current_stage(self) -> str:
        item = self.stage_list.currentItem()
        return str(item.data(QtCore.Qt.ItemDataRole.UserRole)) if item else ""
