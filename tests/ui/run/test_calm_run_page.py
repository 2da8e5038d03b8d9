"""The Run page says current, plain things: before the start, while running, after a resume."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock
from tests.ui.run.test_run_page import open_run, press
from ui.main_window import MainWindow
from workshop.document import WorkshopDocument
from workshop.model import AgendaItem
from workshop.run.runner import AgendaRunner

MakeWindow = Callable[[str | None], MainWindow]


def test_before_the_start_it_says_when_the_day_is_planned_to_start(window: MainWindow, qtbot: QtBot) -> None:
    page, _clock = open_run(window, qtbot)
    assert window.document is not None
    start = window.document.info.day_start
    hour, minute = (int(part) for part in start.split(":"))
    page.runner.wall = lambda: datetime(2026, 5, 4, hour - 1, minute)  # an hour early
    page.refresh()
    text = page.day_label.text()
    assert f"planned to start at <b>{start}</b> (in 1 h 00)" in text
    assert "plan" in text and "ahead of plan" not in text and "behind" not in text
    page.runner.wall = lambda: datetime(2026, 5, 4, hour + 4, minute + 28 if minute < 30 else minute)
    page.refresh()
    assert "ago" in page.day_label.text()
    assert page.countdown.text() != "–:––"  # the first item's time, not empty slabs


def test_minutes_owed_say_who_owes_whom(window: MainWindow, qtbot: QtBot) -> None:
    page, clock = open_run(window, qtbot)
    press(window, Qt.Key.Key_Space)
    press(window, Qt.Key.Key_S)
    clock.advance(40)
    press(window, Qt.Key.Key_M)
    clock.advance(5)
    page.session.tick()
    assert page.owed_label.text() == "Today Sales owes Marketing 35 s"


def test_the_resume_message_goes_once_the_run_resumes(
    make_window: MakeWindow, demo_file: Path, qtbot: QtBot
) -> None:
    doc = WorkshopDocument.open(demo_file)
    clock = FakeClock()
    runner = AgendaRunner(doc.run_log, lambda: doc.typed(AgendaItem), dict, clock)
    runner.toggle()
    clock.advance(30)
    runner.checkpoint()
    doc._conn = None  # killed: nothing closed
    assert doc._lock is not None
    doc._lock.release()
    window = make_window(str(demo_file))
    assert window.view is not None
    assert window.view.banner.isVisible() and "interrupted" in window.view.banner.text.text()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    open_run(window, qtbot)
    press(window, Qt.Key.Key_Space)  # resume
    assert window.session is not None and window.session.runner.running
    assert not window.view.banner.isVisible()


def test_the_saved_time_follows_the_run(window: MainWindow, qtbot: QtBot) -> None:
    page, clock = open_run(window, qtbot)
    assert window.document is not None
    window.document.saved_at = datetime(2026, 5, 4, 4, 32, 31)
    window.saved_label.setText("All changes saved 04:32:31")
    press(window, Qt.Key.Key_Space)
    clock.advance(30)
    page.session.tick()  # the run's checkpoint is written
    assert window.saved_label.text() != "All changes saved 04:32:31"
    assert window.saved_label.text().startswith("All changes saved ")


def test_the_countdown_grows_with_the_window(window: MainWindow, qtbot: QtBot) -> None:
    page, _clock = open_run(window, qtbot)
    window.resize(1280, 720)
    qtbot.wait(10)
    small = page.countdown.font().pixelSize()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: page.countdown.font().pixelSize() > small)
    assert page.countdown.font().pixelSize() > 96


def test_agenda_titles_keep_both_ends_and_have_their_number(window: MainWindow, qtbot: QtBot) -> None:
    page, _clock = open_run(window, qtbot)
    assert page.agenda_view.textElideMode() == Qt.TextElideMode.ElideMiddle
    first = page.agenda_model.index(0, 0)
    assert page.agenda_model.data(first) == "1  Kick-off and ground rules"
    assert "Kick-off and ground rules" in page.agenda_model.data(first, Qt.ItemDataRole.ToolTipRole)
    QTest.qWait(0)
