"""The key list "?" shows: made from the one key table, so every key is listed and every listed key works."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ScriptedDialogs
from tests.ui.run.test_run_page import open_run, press
from ui.common.dialogs import Dialogs
from ui.main_window import MainWindow
from ui.run import keys
from ui.run.keys import RUN_KEYS, TIMER, RunAction, RunKey, key_name
from workshop.edits import Update
from workshop.model import MARKETING, SALES, Team, team_name


def seen_lines(rich_text: str) -> list[str]:
    """The lines a reader sees in rich text (each table cell on a line of its own), trimmed."""
    document = QTextDocument()
    document.setHtml(rich_text)
    return [line.strip() for line in document.toPlainText().splitlines() if line.strip()]


def named_keys(names: str) -> set[str]:
    """The keys a line of the list names: 'S or ←' -> {'S', '←'}; '1 – 9' -> {'1', ..., '9'}."""
    if " – " in names:
        first, last = names.split(" – ")
        return {str(digit) for digit in range(int(first), int(last) + 1)}
    return set(names.split(" or "))


def read_the_real_key_list(window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier) -> list[str]:
    """Press ``key`` on the shown window and read the message box that opens, as the user sees it."""
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return  # not open yet: look again on the next tick
        poll.stop()
        label = box.findChild(QLabel, "qt_msgbox_label")
        if label is not None and label.isVisible():
            seen.extend([box.windowTitle(), *seen_lines(label.text())])
        box.accept()  # closed whatever it shows, so a failing test cannot hang on it

    poll = QTimer(window)
    poll.setInterval(10)
    poll.timeout.connect(read_and_close)
    poll.start()
    QTest.keyClick(window, key, modifier)  # the real box is modal: this returns once it is closed
    poll.stop()
    return seen


@pytest.mark.parametrize(
    "modifier",
    [Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier],
    ids=["?", "Shift+?"],
)
def test_question_mark_lists_every_key_of_the_table(
    window: MainWindow,
    qtbot: QtBot,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
    modifier: Qt.KeyboardModifier,
) -> None:
    _page, _clock = open_run(window, qtbot)
    qtbot.waitExposed(window)
    monkeypatch.setattr(dialogs, "inform", Dialogs().inform)  # the real message box
    lines = read_the_real_key_list(window, Qt.Key.Key_Question, modifier)
    assert lines[0] == "Run keys"
    assert window.document is not None
    teams = window.document.typed(Team)
    words = {"sales": team_name(teams, SALES), "marketing": team_name(teams, MARKETING)}
    for entry in RUN_KEYS:
        does = entry.does.format(**words)
        assert does.strip(), f"{entry.key} has no words in the key list"
        assert does in lines, f"{entry.key}: “{does}” is not in the key list"
        names = lines[lines.index(does) - 1]  # the keys' cell, just before the words
        assert key_name(entry.key) in named_keys(names), f"{entry.key} is not listed for “{does}”"
        group = lines.index(entry.group)
        later_groups = [lines.index(e.group) for e in RUN_KEYS if lines.index(e.group) > group]
        assert group < lines.index(does) < min(later_groups, default=len(lines))  # under its heading


def test_the_key_list_reads_as_the_facilitator_says_it(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    page, _clock = open_run(window, qtbot)
    assert window.document is not None
    team = window.document.team(SALES)
    window.document.apply("Rename Sales", [Update.of(team, name="Field Sales")])
    press(window, Qt.Key.Key_Question)
    lines = seen_lines(dialogs.informed[-1])
    assert lines == [
        "The timer and the agenda",
        *("Space", "start, pause or resume", "N", "next item", "P", "previous item"),
        *("+ or =", "add 1 minute to this item", "*", "add 5 minutes to this item"),
        *("G", "go to an item: G, then its number (as in the agenda list)"),
        *("C", "correct this item's time…", "R", "re-plan the rest of the day…"),
        "Who speaks",
        *("S or ←", "Field Sales speaks", "M or →", "Marketing speaks", "F", "the facilitator speaks"),
        *("1 – 9", "the person in that slot speaks (counts for their team)", "0 or Esc", "nobody speaks"),
        "Windows",
        *("A", "the airtime summary, or back to the live view"),
        *("F5", "show or hide the projector window", "?", "this list"),
    ]
    assert page.isVisible()


def test_a_key_added_to_the_table_is_listed(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, _clock = open_run(window, qtbot)
    extra = RunKey(TIMER, "X", "jump to the next item", RunAction.NEXT)
    monkeypatch.setattr(keys, "RUN_KEYS", (*RUN_KEYS, extra))
    page.show_keys()
    lines = seen_lines(dialogs.informed[-1])
    assert lines[lines.index("jump to the next item") - 1] == "X"


def test_every_listed_key_is_bound_while_the_run_page_shows(window: MainWindow, qtbot: QtBot) -> None:
    page, _clock = open_run(window, qtbot)
    shortcuts = page.findChildren(QShortcut, options=Qt.FindChildOption.FindDirectChildrenOnly)
    bound = {s.key().toString() for s in shortcuts if s.isEnabled()}
    in_menus = {a.shortcut().toString() for a in window.findChildren(QAction) if a.isEnabled()} - {""}
    table = {QKeySequence(entry.key).toString() for entry in RUN_KEYS}
    assert table <= bound | in_menus  # a listed key works (F5 is the Go menu's)
    assert bound <= table  # and a key that works is listed
    window.show_stage("setup")
    assert not any(s.isEnabled() for s in shortcuts)  # Space and letters are free on other pages
