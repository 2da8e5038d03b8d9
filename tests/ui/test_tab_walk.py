"""Tab alone walks every page: it visits every visible, enabled control, leaves every table,
and comes back to where it started; Shift+Tab walks the same way back."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.common.tab_order import reading_order
from ui.main_window import MainWindow
from ui.workshop_view import STAGES

MAX_STEPS = 200


def reachable(page: QWidget) -> list[QWidget]:
    """The controls a keyboard user must be able to reach on the page as shown."""
    found = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.focusProxy() is not None:
            continue
        if isinstance(widget.parentWidget(), QAbstractItemView):
            continue  # the view's own parts (viewport, scroll bars)
        found.append(widget)
    return found


def walk(
    window: MainWindow, page: QWidget, start: QWidget, qtbot: QtBot, back: bool = False
) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    seen = [start]
    modifier = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    for _step in range(MAX_STEPS):
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab, modifier)
        now = QApplication.focusWidget()
        assert now is not None
        if now is focused:
            continue  # a time field's Tab moves from hours to minutes first
        if now is start:
            return seen
        seen.append(now)
    raise AssertionError(f"Tab never came back: stuck in {[type(w).__name__ for w in seen[-5:]]}")


def name(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.accessibleName()}".strip()


def backwards_steps(page: QWidget, order: list[QWidget]) -> list[str]:
    """Steps of Tab that go back up and to the left: against reading order (rows, then columns).

    Down, right, down-and-left (the next row) and up-and-right (the next column) read on.
    """
    tolerance = 8
    wrong = []
    for before, after in pairwise(order):
        a = before.mapTo(page, before.rect().topLeft())
        b = after.mapTo(page, after.rect().topLeft())
        if b.y() < a.y() - tolerance and b.x() < a.x() - tolerance:
            wrong.append(f"{name(before)} -> {name(after)}")
    return wrong


@pytest.mark.parametrize("stage", [s.key for s in STAGES])
def test_tab_visits_every_control_of_the_page_and_comes_back(
    window: MainWindow, qtbot: QtBot, stage: str
) -> None:
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.view is not None
    window.view.show_stage(stage)
    page = window.view.page(stage)
    wanted = reachable(page)
    assert wanted, "a page with nothing to reach"
    start = next(w for w in reading_order(page) if w in wanted)  # the first control as read
    forward = walk(window, page, start, qtbot)
    on_page = [w for w in forward if page.isAncestorOf(w) or w is page]
    missing = [
        f"{type(w).__name__} {w.accessibleName() or w.objectName()}" for w in wanted if w not in on_page
    ]
    assert missing == [], (missing, [f"{type(w).__name__}:{w.accessibleName()}" for w in forward])
    assert backwards_steps(page, on_page) == []
    tables = [w for w in forward if isinstance(w, QAbstractItemView)]
    assert len(tables) == len(set(tables)), "Tab went round inside a table"
    backward = walk(window, page, start, qtbot, back=True)
    assert backward[1:] == list(reversed(forward[1:]))
