"""The goal board of a large workshop opens at once and finishes its SMART count just after."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ui.goals.page import GoalsPage
from ui.main_window import MainWindow
from workshop.demo.content import demo_content
from workshop.edits import Update
from workshop.goals.records import check_in_workshop
from workshop.model import MARKETING, SALES, Goal, Team
from workshop.store import files

MakeWindow = Callable[[str | None], MainWindow]


def test_two_hundred_goals_show_before_all_are_checked_then_the_count_is_right(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    content = demo_content()
    content.goals += [
        Goal(
            id=1000 + n,
            team=(SALES, MARKETING)[n % 2],
            statement=f"Raise the lead-to-MQL rate from {10 + n % 7}% to {20 + n % 5}% by the end of Q3"
            if n % 3
            else "Improve the team's results",
        )
        for n in range(200 - len(content.goals))
    ]
    path = tmp_path / "many.smw"
    files.write_content(path, content)
    window = make_window(str(path))
    window.show_stage("goals")
    assert window.view is not None and window.document is not None
    page = window.view.page("goals")
    assert isinstance(page, GoalsPage)
    # Shown without checking every goal first: the cards on screen are checked, the count follows,
    # and it begins only once the board's first frame is out (it does not delay that frame).
    assert page.summary.text() == "200 goals · checking SMART…"
    assert not page.model._pending.isActive()
    document = window.document
    goals = document.typed(Goal)
    expected = sum(check_in_workshop(g, document.info, document.typed(Team), goals).is_smart for g in goals)
    qtbot.waitUntil(lambda: page.summary.text() == f"200 goals · {expected} pass SMART", timeout=20_000)
    assert 0 < expected < 200


def measured_statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The statements the goal cards measure for their height, in order, from now on."""
    from PySide6.QtGui import QFontMetrics

    import ui.goals.card

    measured: list[str] = []

    class CountingMetrics(QFontMetrics):
        def boundingRect(self, *args: object) -> Any:
            if len(args) == 3 and isinstance(args[2], str):
                measured.append(args[2])
            return super().boundingRect(*args)  # type: ignore[call-overload]

    monkeypatch.setattr(ui.goals.card, "QFontMetrics", CountingMetrics)
    return measured


def test_each_statement_is_measured_once_for_the_board_to_lay_itself_out(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:

    measured = measured_statements(monkeypatch)
    from PySide6.QtGui import QGuiApplication

    font_changes: list[int] = []
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.fontDatabaseChanged.connect(lambda: font_changes.append(1))
    content = demo_content()
    content.goals += [
        Goal(id=1000 + n, team=(SALES, MARKETING)[n % 2], statement=f"Goal number {n}: raise the rate by Q3")
        for n in range(200 - len(content.goals))
    ]
    path = tmp_path / "many.smw"
    files.write_content(path, content)
    window = make_window(str(path))
    window.resize(1366, 768)
    window.show_stage("goals")
    qtbot.wait(50)
    page = window.view.page("goals") if window.view else None
    assert isinstance(page, GoalsPage)
    page.update()
    # The board lays its cards out a screenful at a time: in the end every one of them.
    statements = {goal.statement for goal in content.goals}
    qtbot.waitUntil(lambda: statements <= set(measured), timeout=10_000)
    # Every card's height was asked for (the list lays all 200 out), each statement measured
    # once for each width the board has had, not once per question.
    widths = 2  # before and after the scroll bar takes its room
    # (and once more for each width whenever fonts are registered: the bundled fonts load after
    # the window shows, and a height measured with the fonts before them would clip the card)
    assert Counter(measured) and max(Counter(measured).values()) <= widths * (1 + len(font_changes))


def test_fonts_registered_after_the_board_is_laid_out_measure_the_statements_again(
    make_window: MakeWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled fonts load after the window shows: a height measured before must not stay."""
    from PySide6.QtGui import QGuiApplication

    measured = measured_statements(monkeypatch)
    window = make_window(None)
    window.resize(1366, 768)
    window.show_stage("goals")
    first = demo_content().goals[0].statement
    qtbot.waitUntil(lambda: first in measured, timeout=10_000)
    before = measured.count(first)
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.fontDatabaseChanged.emit()
    qtbot.waitUntil(lambda: measured.count(first) > before, timeout=10_000)


def test_the_board_is_imported_without_the_wizard_and_the_tooltips_entities() -> None:
    """A first visit imports the board; the wizard and html's entity table come when first used."""
    import subprocess
    import sys

    code = "import sys, ui.app, ui.goals.page; print(sorted({'ui.goals.wizard', 'html'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_card_is_painted_without_fill_rect(make_window: MakeWindow, qtbot: QtBot) -> None:
    """PySide's first QPainter.fillRect in a process builds every enum its overloads name
    (QGradient's 169 presets among them): a first visit's paint must not be the one to pay it."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    filled: list[object] = []

    class Watching(QPainter):
        def fillRect(self, *args: Any) -> None:
            filled.append(args)
            super().fillRect(*args)

    window = make_window(None)
    window.show_stage("goals")
    page = window.view.page("goals") if window.view else None
    assert isinstance(page, GoalsPage)
    view = page.views[SALES]
    index = view.model().index(0, 0)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, 400, view.itemDelegate().sizeHint(option, index).height())
    image = QImage(400, option.rect.height(), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = Watching(image)
    view.itemDelegate().paint(painter, option, index)
    painter.end()
    assert filled == []
    assert image.pixelColor(6, option.rect.height() // 2).alpha() == 255  # the team's stripe is there


def test_a_room_line_is_read_once_per_change(
    make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.goals.board
    from workshop.goals.room_results import room_line

    read: list[int] = []
    real = room_line

    def counting(*args: Any) -> str:
        read.append(args[-1])
        return real(*args)

    monkeypatch.setattr(ui.goals.board, "room_line", counting)
    window = make_window(None)
    window.show_stage("goals")
    page = window.view.page("goals") if window.view else None
    assert isinstance(page, GoalsPage) and window.document is not None
    goal = window.document.typed(Goal)[0]
    window.document.apply("Rename", [Update.of(goal, statement=goal.statement + " (edited)")])
    read.clear()  # a change may have brought the room's checks: each line is read again, once
    for _ in range(3):
        page.model.room(goal)
    assert read == [goal.id]
