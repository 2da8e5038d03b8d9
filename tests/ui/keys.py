"""Pressing keys as a user does: in a shown, active window, with the cursor in the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def put_cursor_in(qtbot: QtBot, field: QWidget) -> None:
    """Show the field's window, make it the active one and put the cursor in the field.

    Window shortcuts (Edit ▸ Undo's Ctrl+Z) only work in the active window, so a
    key test that skips this tests nothing.
    """
    top = field.window()
    top.show()
    top.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is top)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
