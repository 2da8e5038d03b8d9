"""A row of flat buttons for actions, each showing its icon and text."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout, QToolButton, QWidget


def add_tool_buttons(layout: QBoxLayout, parent: QWidget, actions: Iterable[QAction]) -> None:
    """Add one flat button per action (icon and text; enabled, tooltip and shortcut follow the action)."""
    for action in actions:
        button = QToolButton(parent)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        layout.addWidget(button)
