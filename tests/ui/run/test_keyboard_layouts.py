"""The run keys on US, UK, German and French AZERTY keyboards, pressed as each layout sends them.

A layout decides which Qt key and modifiers a keystroke arrives as: "+" is Shift+= on US
and AZERTY but a key of its own on German; the digit row needs Shift on AZERTY.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ScriptedDialogs
from tests.ui.run.test_run_page import open_run
from ui.main_window import MainWindow
from workshop.model import Participant
from workshop.run.airtime import person_key

K, M = Qt.Key, Qt.KeyboardModifier
NONE, SHIFT = M.NoModifier, M.ShiftModifier

# What each layout sends for the characters the run keys use: (key, modifiers).
LAYOUTS: dict[str, dict[str, tuple[Qt.Key, Qt.KeyboardModifier]]] = {
    "US": {
        "+": (K.Key_Plus, SHIFT),
        "=": (K.Key_Equal, NONE),
        "*": (K.Key_Asterisk, SHIFT),
        "2": (K.Key_2, NONE),
    },
    "UK": {
        "+": (K.Key_Plus, SHIFT),
        "=": (K.Key_Equal, NONE),
        "*": (K.Key_Asterisk, SHIFT),
        "2": (K.Key_2, NONE),
    },
    "German": {
        "+": (K.Key_Plus, NONE),
        "=": (K.Key_Equal, SHIFT),
        "*": (K.Key_Asterisk, SHIFT),
        "2": (K.Key_2, NONE),
    },
    "French AZERTY": {
        "+": (K.Key_Plus, SHIFT),
        "=": (K.Key_Equal, NONE),
        "*": (K.Key_Asterisk, NONE),
        "2": (K.Key_2, SHIFT),
    },
}


def type_on(window: MainWindow, layout: str, character: str) -> None:
    key, modifiers = LAYOUTS[layout][character]
    QTest.keyClick(window, key, modifiers)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_plus_one_plus_five_and_the_people_keys_work_on_every_layout(
    window: MainWindow, qtbot: QtBot, layout: str
) -> None:
    page, _clock = open_run(window, qtbot)
    QTest.keyClick(window, K.Key_Space)
    item = page.runner.item()
    assert item is not None
    type_on(window, layout, "+")
    assert page.runner.extra_minutes[item.id] == 1
    type_on(window, layout, "*")
    assert page.runner.extra_minutes[item.id] == 6
    type_on(window, layout, "2")
    assert window.document is not None
    second = window.document.typed(Participant)[1]
    assert page.runner.speaker == person_key(second.id)


def test_keypad_plus_and_star_work_too(window: MainWindow, qtbot: QtBot) -> None:
    page, _clock = open_run(window, qtbot)
    QTest.keyClick(window, K.Key_Space)
    item = page.runner.item()
    assert item is not None
    QTest.keyClick(window, K.Key_Plus, M.KeypadModifier)
    QTest.keyClick(window, K.Key_Asterisk, M.KeypadModifier)
    assert page.runner.extra_minutes[item.id] == 6


def test_g_and_a_number_runs_that_item(window: MainWindow, qtbot: QtBot) -> None:
    page, _clock = open_run(window, qtbot)
    QTest.keyClick(window, K.Key_G)
    QTest.keyClick(window, K.Key_3)
    qtbot.waitUntil(lambda: page.runner.started, timeout=3000)  # one digit: it waits for a second, then goes
    third = page.agenda_model.item_at(2)
    assert page.runner.item_id == third.id
    assert "item 3" in window.statusBar().currentMessage()
    assert page.runner.speaker == ""  # the digit chose the item, not a speaker


def test_g_then_escape_cancels(window: MainWindow, qtbot: QtBot) -> None:
    page, _clock = open_run(window, qtbot)
    QTest.keyClick(window, K.Key_G)
    QTest.keyClick(window, K.Key_Escape)
    QTest.keyClick(window, K.Key_3)  # a digit again means a person
    assert not page.runner.started
    assert (
        "cancelled" in window.statusBar().currentMessage()
        or "Start the timer" in window.statusBar().currentMessage()
    )


def test_r_c_and_a_reach_re_plan_correct_time_and_the_summary(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    page, _clock = open_run(window, qtbot)
    QTest.keyClick(window, K.Key_Space)
    dialogs.numbers.append(7)
    QTest.keyClick(window, K.Key_C)
    assert page.runner.elapsed_ms() == 7 * 60_000
    QTest.keyClick(window, K.Key_R)
    assert dialogs.questions, "R opens the re-plan question"
    QTest.keyClick(window, K.Key_A)
    assert page.tabs.currentWidget() is page.summary
    QTest.keyClick(window, K.Key_A)
    assert page.tabs.currentIndex() == 0


def test_the_run_menu_lists_every_action_with_its_key(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    page, _clock = open_run(window, qtbot)
    window.run_menu.aboutToShow.emit()
    lines = {action.text() for action in window.run_menu.actions() if action.text()}
    assert "Re-plan the rest of the day…\tR" in lines
    assert "Correct this item's time…\tC" in lines
    assert "Add 5 minutes to this item\t*" in lines
    assert "The airtime summary, or back to the live view\tA" in lines
    dialogs.numbers.append(3)
    QTest.keyClick(window, K.Key_Space)
    correct = next(a for a in window.run_menu.actions() if a.text().startswith("Correct"))
    correct.trigger()
    assert page.runner.elapsed_ms() == 3 * 60_000
